import type { HostCommand } from "@quorum/shared/platform/protocol";
import { useState } from "preact/hooks";
import { useI18n } from "../../i18n.tsx";
import type { CommandNews } from "../../network/election/raftTraffic.ts";
import { type ElectionBoardView, raftNodeLabel } from "./board.ts";
import { COMMAND_MAX_LENGTH, commandAction, nextCommand } from "./commands.ts";

interface Props {
  board: ElectionBoardView;
  /** The commands the leaders took lately, oldest first (RaftTraffic). */
  recent: readonly CommandNews[];
  send(command: HostCommand): void;
}

/**
 * E6: the teacher plays the client — a command such as "x=3" goes to a cluster's leader, which
 * appends it and replicates it; it commits once a majority stores it. A cluster without a leader
 * cannot take it (the room's refusal explains it too); the form says so before sending.
 */
export function CommandForm({ board, recent, send }: Props) {
  const { t } = useI18n();
  const [cluster, setCluster] = useState(0);
  const [text, setText] = useState("x=1");
  const [invalid, setInvalid] = useState(false);
  const chosen = board.clusters[cluster] ?? board.clusters[0];
  const away = (name: string) => t("teach.node.away", { name });
  const leaderName = (node: number) => raftNodeLabel(board.nodes, node, away);
  const noLeader = chosen !== undefined && chosen.leader === null;

  return (
    <section class="card commands" aria-labelledby="commands-title">
      <h2 id="commands-title">{t("teach.election.command.title")}</h2>
      <p class="field__hint">{t("teach.election.command.intro")}</p>
      <form
        class="commands__form"
        onSubmit={(event) => {
          event.preventDefault();
          const action = commandAction(chosen?.cluster ?? 0, text);
          setInvalid(action === null);
          if (!action) return;
          send({ type: "mode", action });
          setText(nextCommand(text));
        }}
      >
        <div class="field">
          <label for="command-cluster">{t("teach.election.command.cluster")}</label>
          <select
            id="command-cluster"
            class="input"
            value={chosen?.cluster ?? 0}
            onChange={(event) => setCluster(Number(event.currentTarget.value))}
          >
            {board.clusters.map((entry) => (
              <option key={entry.cluster} value={entry.cluster}>
                {entry.leader === null
                  ? t("teach.election.command.clusterNoLeader", { cluster: entry.cluster + 1 })
                  : t("teach.election.command.clusterLeader", {
                      cluster: entry.cluster + 1,
                      node: leaderName(entry.leader),
                    })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="command-text">{t("teach.election.command.text")}</label>
          <div class="field__row">
            <input
              id="command-text"
              class="input"
              value={text}
              maxLength={COMMAND_MAX_LENGTH}
              placeholder="x=3"
              autocomplete="off"
              spellcheck={false}
              aria-invalid={invalid}
              aria-describedby="command-problem"
              onInput={(event) => {
                setText(event.currentTarget.value);
                setInvalid(false);
              }}
            />
            <button type="submit" class="button button--primary">
              {t("teach.election.command.send")}
            </button>
          </div>
          <p id="command-problem" class="field__hint" aria-live="polite">
            {invalid ? (
              <span class="field__error">
                {t("teach.election.command.invalid", { max: COMMAND_MAX_LENGTH })}
              </span>
            ) : noLeader ? (
              t("teach.election.command.noLeader", { cluster: (chosen?.cluster ?? 0) + 1 })
            ) : null}
          </p>
        </div>
      </form>
      <h3 class="commands__recent-title">{t("teach.election.command.recent")}</h3>
      {recent.length === 0 ? (
        <p class="field__hint">{t("teach.election.command.none")}</p>
      ) : (
        <ol class="commands__recent" reversed>
          {[...recent].reverse().map((news) => (
            <li
              key={`${news.cluster}-${news.index}-${news.term}`}
              class={news.committed ? "command command--committed" : "command"}
            >
              <code>{news.command}</code>{" "}
              {t(
                news.committed
                  ? "teach.election.command.committed"
                  : "teach.election.command.appended",
                { cluster: news.cluster + 1, index: news.index, term: news.term },
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
