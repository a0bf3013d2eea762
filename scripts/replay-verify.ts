// `pnpm replay:verify FILE`: re-simulates a .quorum-replay file and checks every checkpoint (D6).
// Exit 0 when it replays exactly; 1 naming the first divergent tick, or why the file was refused.
import { readFileSync } from "node:fs";
import { decodeReplay, type ReplayProblem, verify } from "@quorum/shared";

function explain(problem: ReplayProblem): string {
  switch (problem.code) {
    case "replay.not-a-replay":
      return "not a Quorum replay file";
    case "replay.corrupt":
      return `the file is damaged or truncated: ${problem.detail}`;
    case "replay.unknown-version":
      return `unknown replay file version ${problem.version}`;
    case "replay.engine-version":
      return `recorded with engine version ${problem.recorded}; this Quorum replays version ${problem.supported} only`;
    case "replay.unknown-mode":
      return `unknown game mode "${problem.mode}"`;
    case "replay.bad-config":
      return `the round's settings are invalid: ${problem.detail}`;
    case "replay.diverged":
      return `diverged at tick ${problem.tick}: expected state ${problem.expected}, got ${problem.actual}`;
  }
}

const file = process.argv[2];
if (!file) {
  console.error("usage: pnpm replay:verify FILE.quorum-replay");
  process.exit(2);
}
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (error) {
  console.error(`${file}: cannot read (${(error as Error).message})`);
  process.exit(2);
}
const decoded = decodeReplay(bytes);
const result = decoded.ok ? verify(decoded.value) : decoded;
if (!result.ok) {
  console.error(`${file}: ${explain(result.problem)}`);
  process.exit(1);
}
console.log(
  `${file}: replays exactly — ${result.value.ticks} ticks, ${result.value.checkpoints} checkpoints`,
);
