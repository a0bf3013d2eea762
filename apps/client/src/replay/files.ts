import { apiError } from "../auth/apiError.ts";

/** A downloaded file: its bytes and the name the server gave it. */
export interface DownloadedFile {
  bytes: Uint8Array;
  fileName: string;
}

/** A file answer's bytes and its name from Content-Disposition (else `fallback`). */
export async function downloaded(response: Response, fallback: string): Promise<DownloadedFile> {
  if (!response.ok) throw await apiError(response);
  const disposition = response.headers.get("content-disposition") ?? "";
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    fileName: named ? decodeURIComponent(named) : fallback,
  };
}

/** Hands `bytes` to the browser as a download named `fileName`. */
export function saveFile(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Some browsers read the blob only after the click has returned: let it go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** §1.2: the extension of a replay file. */
export const REPLAY_EXTENSION = ".quorum-replay";
