import { useI18n } from "../../i18n.tsx";

/** What the rings drawing shows (P7: every colour comes with a shape or a word). */
export function ElectionKey() {
  const { t } = useI18n();
  const items = [
    ["leader", t("teach.election.key.leader")],
    ["stale", t("teach.election.key.stale")],
    ["candidate", t("teach.election.key.candidate")],
    ["down", t("teach.election.key.down")],
    ["timer", t("teach.election.key.timer")],
    ["ring", t("teach.election.key.ring")],
    ["request", t("teach.election.key.request")],
    ["vote", t("teach.election.key.vote")],
    ["append", t("teach.election.key.append")],
    ["reply", t("teach.election.key.reply")],
  ] as const;
  return (
    <ul class="drawing-key election-key" aria-label={t("teach.key.title")}>
      {items.map(([shape, words]) => (
        <li key={shape}>
          <span class={`raft-key raft-key--${shape}`} aria-hidden="true" /> {words}
        </li>
      ))}
      <li>
        <span class="key-shape key-shape--drop" aria-hidden="true">
          ✸
        </span>{" "}
        {t("teach.election.key.drop")}
      </li>
    </ul>
  );
}
