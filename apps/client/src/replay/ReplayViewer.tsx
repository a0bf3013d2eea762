import type { Replay } from "@quorum/shared/replay/replayer";
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { summaryOf } from "../teach/classroom.ts";
import { Debrief } from "../teach/Debrief.tsx";
import { electionSummaryOf } from "../teach/election/board.ts";
import { ElectionDebrief } from "../teach/election/ElectionDebrief.tsx";
import { type DownloadedFile, saveFile } from "./files.ts";
import { type FileProblem, openReplayFile, prepareReplay } from "./load.ts";
import type { Marker } from "./markers.ts";
import { clockOf } from "./playback.ts";
import { ReplayStage } from "./ReplayStage.tsx";
import "../teach/teach.css";
import "./replay.css";

type Opening =
  | { phase: "checking" }
  | { phase: "preparing"; share: number }
  /** `opened` counts the files this page opened: a new one starts a new stage. */
  | { phase: "ready"; replay: Replay; markers: Marker[]; opened: number }
  | { phase: "refused"; problem: FileProblem };

/** Files opened on this page so far. */
let filesOpened = 0;

/** How long one slice of the first pass may hold the page before it lets it paint (ms). */
const SLICE_MS = 30;

/**
 * P4 `replay`: one replay file, checked and played in this browser (the same for a teacher's
 * round, a shared link and a file someone dropped on /replay). `title` heads it; `actions` go
 * beside the download button.
 */
export function ReplayViewer({
  file,
  title,
  actions,
}: {
  file: DownloadedFile;
  title: string;
  actions?: ComponentChildren;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const opening = useOpening(file);
  const ready = opening.phase === "ready" ? opening : null;
  const mode = ready?.replay.log.mode;
  const stored = ready?.replay.log.summary;
  const summary = mode === "routing" && stored ? summaryOf(stored) : null;
  const electionSummary = mode === "election" && stored ? electionSummaryOf(stored) : null;

  return (
    <main class="replay" data-phase={opening.phase}>
      <header class="replay__head">
        <div class="replay__heading">
          <h1>{title}</h1>
          {ready && <p class="replay__meta">{metaOf(ready.replay, i18n)}</p>}
        </div>
        <div class="replay__actions">
          {actions}
          {opening.phase !== "refused" && (
            <button
              type="button"
              class="button button--secondary"
              onClick={() => saveFile(file.bytes, file.fileName, "application/octet-stream")}
            >
              <span aria-hidden="true">⬇</span> {t("replay.viewer.download")}
            </button>
          )}
        </div>
      </header>
      {opening.phase === "checking" && (
        <p class="replay__progress" aria-busy="true">
          {t("replay.viewer.checking")}
        </p>
      )}
      {opening.phase === "preparing" && (
        <p class="replay__progress" aria-busy="true">
          <label for="replay-progress">
            {t("replay.viewer.preparing", { percent: Math.floor(opening.share * 100) })}
          </label>
          <progress id="replay-progress" max={1} value={opening.share} />
        </p>
      )}
      {opening.phase === "refused" && <Refusal problem={opening.problem} />}
      {ready && <ReplayStage key={ready.opened} replay={ready.replay} markers={ready.markers} />}
      {(summary || electionSummary) && (
        <details class="card replay__debrief">
          <summary>{t("teach.debrief.title")}</summary>
          {summary && <Debrief summary={summary} />}
          {electionSummary && <ElectionDebrief summary={electionSummary} />}
        </details>
      )}
    </main>
  );
}

/**
 * Checks the file, then plays it through once in slices (it fills the seek snapshots and finds
 * the timeline's events) so the page stays responsive and shows how far it got.
 */
function useOpening(file: DownloadedFile): Opening {
  const [opening, setOpening] = useState<Opening>({ phase: "checking" });
  useEffect(() => {
    setOpening({ phase: "checking" });
    let timer: ReturnType<typeof setTimeout>;
    // Lets "Checking…" paint before the check holds the page.
    timer = setTimeout(() => {
      const result = openReplayFile(file.bytes);
      if (!result.ok) {
        setOpening({ phase: "refused", problem: result.problem });
        return;
      }
      const steps = prepareReplay(result.replay);
      const slice = () => {
        const deadline = performance.now() + SLICE_MS;
        for (;;) {
          const next = steps.next();
          if (next.done) {
            filesOpened++;
            setOpening({
              phase: "ready",
              replay: result.replay,
              markers: next.value,
              opened: filesOpened,
            });
            return;
          }
          if (performance.now() >= deadline) {
            setOpening({ phase: "preparing", share: next.value });
            timer = setTimeout(slice);
            return;
          }
        }
      };
      slice();
    }, 20);
    return () => clearTimeout(timer);
  }, [file]);
  return opening;
}

type I18n = ReturnType<typeof useI18n>;

/** "Routing · Unicast · 25 nodes · 3:20" */
function metaOf(replay: Replay, { t }: I18n): string {
  const { mode, roster, endTick, config } = replay.log;
  let name: string = mode;
  if (mode === "routing") {
    const variant = (config as { variant?: string }).variant;
    const variantName =
      variant === "unicast" || variant === "flood" || variant === "reliable"
        ? t(`teach.variant.${variant}`)
        : null;
    name = variantName ? `${t("teach.mode.routing")} · ${variantName}` : t("teach.mode.routing");
  } else if (mode === "election") {
    name = t("replay.mode.election");
  }
  return t("replay.viewer.meta", { mode: name, nodes: roster.length, length: clockOf(endTick) });
}

/** §1.2, D6: why this file is not replayed, in the reader's language. */
function Refusal({ problem }: { problem: FileProblem }) {
  const { t } = useI18n();
  return (
    <section class="card replay-refused" role="alert" data-problem={problem.code}>
      <h2>{t("replay.refused.title")}</h2>
      <p class="notice notice--problem">{problemText(problem, t)}</p>
      <p class="replay-refused__why">{t("replay.refused.why")}</p>
    </section>
  );
}

function problemText(problem: FileProblem, t: I18n["t"]): string {
  switch (problem.code) {
    case "replay.not-a-replay":
    case "replay.file.truncated":
      return t(problem.code);
    case "replay.corrupt":
    case "replay.bad-config":
      return t(problem.code, { detail: problem.detail });
    case "replay.unknown-version":
      return t(problem.code, { version: problem.version });
    case "replay.engine-version":
      return t(problem.code, { recorded: problem.recorded, supported: problem.supported });
    case "replay.unknown-mode":
      return t(problem.code, { mode: problem.mode });
    case "replay.diverged":
      return t(problem.code, { tick: problem.tick });
  }
}
