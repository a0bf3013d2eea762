// `pnpm bench [routing|replay|projector]`: the engine's and the projector's performance figures,
// one JSON object per line on stdout (diagnostics on stderr). What each figure means, and the
// latest results: docs/benchmarks.md.
import { recordClassRound } from "./bench/classRound.ts";
import { benchProjector } from "./bench/projector.ts";
import { benchLogSize, benchSeek, benchVerify } from "./bench/replay.ts";
import { measure, note, report, round } from "./bench/report.ts";
import { benchRouting } from "./bench/routing.ts";

const only = process.argv[2];

if (!only || only === "routing") report(benchRouting());

if (!only || only === "replay") {
  const { result: recorded, ms: recordMs } = measure(() => recordClassRound());
  note(`class round: recorded ${recorded.log.inputs.length} inputs in ${round(recordMs)} ms`);
  report(benchVerify(recorded));
  for (const figure of benchSeek(recorded)) report(figure);
  report(benchLogSize(recorded));
}

if (!only || only === "projector") {
  for (const figure of await benchProjector()) report(figure);
}
