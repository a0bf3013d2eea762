import { useI18n } from "../i18n.tsx";

/** R6: the flood ids this node remembers; a copy of one of these arriving again is dropped. */
export function FloodPanel({ seen }: { seen: readonly number[] }) {
  const { t } = useI18n();
  // The newest dozen: enough to spot a duplicate, short enough for a phone.
  const recent = seen.slice(-12).reverse();
  return (
    <section class="play-panel" aria-labelledby="floods-title">
      <h2 id="floods-title" class="play-heading">
        {t("play.flood.seen")}
      </h2>
      <p class="play-panel__hint">{t("play.flood.hint")}</p>
      {recent.length === 0 ? (
        <p class="play-panel__empty">{t("play.none")}</p>
      ) : (
        <ul class="seen">
          {recent.map((id) => (
            <li key={id}>#{id}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
