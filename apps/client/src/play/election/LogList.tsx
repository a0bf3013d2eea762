import type { ElectionView } from "@quorum/shared/modes/election/index";
import { useI18n } from "../../i18n.tsx";

/** E1, E6: the server's log, oldest entry first; a committed entry carries ✓ and the word. */
export function LogList({ view }: { view: ElectionView }) {
  const { t } = useI18n();
  return (
    <section class="play-panel raft-log" aria-labelledby="raft-log-title">
      <h2 id="raft-log-title" class="play-heading">
        {t("play.election.log.title")}
        {view.log.length > 0 && (
          <span class="inbox__count">
            {t("play.election.log.commitIndex", { index: view.commitIndex })}
          </span>
        )}
      </h2>
      {view.log.length === 0 ? (
        <p class="play-panel__empty">{t("play.election.log.empty")}</p>
      ) : (
        <ol class="raft-log__list">
          {view.log.map((line) => (
            <li
              key={line.index}
              class={`raft-entry${line.committed ? " raft-entry--committed" : ""}`}
              data-index={line.index}
              data-committed={line.committed}
            >
              <span class="raft-entry__index">{line.index}</span>
              <span class="raft-entry__command">{line.command}</span>
              <span class="raft-entry__term">
                {t("play.election.log.term", { term: line.term })}
              </span>
              <span class="raft-entry__state">
                <span aria-hidden="true">{line.committed ? "✓ " : "○ "}</span>
                {t(line.committed ? "play.election.log.committed" : "play.election.log.pending")}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
