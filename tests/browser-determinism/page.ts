// D1 in the browser: fetch the log the test serves next to this page, replay it with the bundled
// engine and show its fingerprint for the test to read.
import { decodeReplay } from "@quorum/shared";
import { fingerprint } from "./fingerprint.ts";

async function replayServedLog(): Promise<string> {
  const response = await fetch("./round.quorum-replay");
  if (!response.ok) throw new Error(`GET round.quorum-replay: ${response.status}`);
  const decoded = decodeReplay(new Uint8Array(await response.arrayBuffer()));
  if (!decoded.ok) throw new Error(`cannot decode: ${JSON.stringify(decoded.problem)}`);
  return JSON.stringify(fingerprint(decoded.value));
}

const output = document.getElementById("fingerprint")!;
replayServedLog().then(
  (json) => {
    output.textContent = json;
    output.dataset.state = "done";
  },
  (error: unknown) => {
    output.textContent = String(error);
    output.dataset.state = "failed";
  },
);
