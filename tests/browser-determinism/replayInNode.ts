// D1, second process: `node replayInNode.ts FILE.quorum-replay` prints the replay's Fingerprint
// as JSON. Spawned by tests/determinism.test.ts so nothing is shared with the recording process.
import { readFileSync } from "node:fs";
import { decodeReplay } from "@quorum/shared";
import { fingerprint } from "./fingerprint.ts";

const decoded = decodeReplay(readFileSync(process.argv[2]!));
if (!decoded.ok) {
  process.stderr.write(`${JSON.stringify(decoded.problem)}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(fingerprint(decoded.value))}\n`);
