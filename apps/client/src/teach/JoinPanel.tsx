import { useI18n } from "../i18n.tsx";
import { QrCode } from "./QrCode.tsx";

interface Props {
  joinCode: string;
  joinUrl: string | null;
  /** The lobby shows it big; during a round a small version lets latecomers join. */
  size: "large" | "small";
}

/** P2: how students get in — the code, the address and a QR code of it. */
export function JoinPanel({ joinCode, joinUrl, size }: Props) {
  const { t } = useI18n();
  const address = joinUrl ? joinUrl.replace(/^https?:\/\//, "") : null;
  return (
    <section class={`card join-panel join-panel--${size}`} aria-labelledby="join-panel-title">
      <h2 id="join-panel-title" class="join-panel__title">
        {t("teach.join.title")}
      </h2>
      <p class="join-panel__code" data-testid="join-code" data-code={joinCode}>
        <span class="visually-hidden">{t("teach.join.codeLabel")} </span>
        {[...joinCode].map((character, index) => (
          // Spelled out one by one, so "B8" and "S5" are read apart from the back of a room.
          <span key={index} class="join-panel__character">
            {character}
          </span>
        ))}
      </p>
      {joinUrl && (
        <>
          <QrCode
            class="join-panel__qr"
            text={joinUrl}
            label={t("teach.join.qrLabel", { url: address! })}
          />
          <p class="join-panel__url">
            {t("teach.join.orOpen")} <strong>{address}</strong>
          </p>
        </>
      )}
    </section>
  );
}
