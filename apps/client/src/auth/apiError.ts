/**
 * An error answer of the HTTP API (docs/api.md): a stable `error` code for programs, an English
 * `message` for logs, and for validation errors the `field` at fault. Pages show their own
 * translated text per code (P7), never `message`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    field: string | null,
    retryAfter: number | null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

/** The server could not be reached at all (offline, or the laptop's server is stopped). */
export class UnreachableError extends Error {
  constructor(cause: unknown) {
    super("The Quorum server cannot be reached.", { cause });
    this.name = "UnreachableError";
  }
}

/** Reads an error answer; a body that is not the API's shape still gives an ApiError. */
export async function apiError(response: Response): Promise<ApiError> {
  let code = `http-${response.status}`;
  let message = response.statusText;
  let field: string | null = null;
  try {
    const body: unknown = await response.json();
    if (typeof body === "object" && body !== null) {
      const { error, message: text, field: at } = body as Record<string, unknown>;
      if (typeof error === "string") code = error;
      if (typeof text === "string") message = text;
      if (typeof at === "string") field = at;
    }
  } catch {
    // Not JSON: a reverse proxy's error page. The status is all there is.
  }
  if (response.status === 502 || response.status === 504) code = "unreachable";
  const retry = Number(response.headers.get("retry-after"));
  return new ApiError(
    response.status,
    code,
    message,
    field,
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

/** `fetch` that turns a network failure into UnreachableError and keeps an abort an abort. */
export async function request(input: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(input, { credentials: "same-origin", ...init });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new UnreachableError(error);
  }
}

/** JSON request headers for a body-carrying call. */
export function jsonInit(method: string, body?: unknown): RequestInit {
  return body === undefined
    ? { method, headers: { accept: "application/json" } }
    : {
        method,
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify(body),
      };
}
