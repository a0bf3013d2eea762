import { useI18n } from "../../i18n.tsx";
import type { PlayerScreen } from "../screen.ts";
import type { ElectionDebriefFigures } from "./debrief.ts";

/** P5 ended, E9 for one student: its score, its cluster's round, and what it teaches. */
export function ElectionEnded({
  screen,
  debrief,
}: {
  screen: PlayerScreen;
  debrief: ElectionDebriefFigures | null;
}) {
  const { t, number } = useI18n();
  const cluster = debrief?.cluster ?? screen.election?.cluster ?? null;
  const committed = debrief?.committed ?? screen.election?.commitIndex ?? 0;
  const percent = (share: number) => t("play.percent", { value: number(share * 100) });
  return (
    <section class="card play-card debrief" aria-labelledby="ended-title">
      <h1 id="ended-title" class="play-title">
        {t("play.ended.title")}
      </h1>
      <dl class="debrief__figures">
        <div>
          <dt>{t("play.score")}</dt>
          <dd>
            <span aria-hidden="true">★ </span>
            {number(debrief?.score ?? 0)}
          </dd>
        </div>
        <div>
          <dt>{t("play.election.ended.committed")}</dt>
          <dd>
            <span aria-hidden="true">✓ </span>
            {number(committed)}
          </dd>
        </div>
      </dl>
      {debrief && (
        <>
          {cluster !== null && (
            <h2 class="play-subheading">
              {t("play.election.ended.cluster", { cluster: cluster + 1 })}
            </h2>
          )}
          <p>
            {t("play.election.ended.terms", {
              terms: number(debrief.terms),
              elections: number(debrief.elections),
              splits: number(debrief.splitVotes),
            })}
          </p>
          <p>
            {t("play.election.ended.unavailable", { share: percent(debrief.unavailability) })}
            {debrief.baselineUnavailability !== null &&
              ` ${t("play.election.ended.baseline", {
                share: percent(debrief.baselineUnavailability),
              })}`}
          </p>
        </>
      )}
      <p class="debrief__lesson">{t("play.election.ended.lesson")}</p>
      <p class="play-howto">{t("play.ended.next")}</p>
    </section>
  );
}
