import { explainRejection } from "@quorum/shared/i18n/index";
import { useI18n } from "../i18n.tsx";
import type { ConnectionEnd, ConnectionStatus } from "../room/connection.ts";
import type { Refusal } from "./useClassroom.ts";

/** ProtocolError.detail values the console explains in its own words. */
const DETAILS = [
  "too-few-nodes",
  "not-configured",
  "nickname-taken",
  "unknown-player",
  "config",
  "nickname.empty",
  "nickname.too-long",
] as const;

/** Says so when the room connection is not live, and why it ended when it has. */
export function ConnectionNotice({
  status,
  end,
}: {
  status: ConnectionStatus;
  end: ConnectionEnd | null;
}) {
  const { t } = useI18n();
  let text: string | null = null;
  if (status === "reconnecting") text = t("teach.connection.reconnecting");
  else if (status === "offline") text = t("teach.connection.offline");
  else if (status === "ended" && end) {
    text =
      end.reason === "room-gone"
        ? t("teach.connection.gone")
        : end.reason === "refused"
          ? t("teach.connection.refused")
          : t("teach.connection.closed");
  }
  return (
    <p class="connection" role="status" aria-live="polite">
      {text && <span class="notice notice--problem">{text}</span>}
    </p>
  );
}

/** P6, D3: a command the room refused, in the teacher's language. */
export function ProblemNotice({
  problem,
  onDismiss,
}: {
  problem: Refusal | null;
  onDismiss(): void;
}) {
  const { t, language } = useI18n();
  if (!problem) return null;
  let text: string;
  if (problem.kind === "rejection") {
    text = explainRejection(language, problem.rejection);
  } else {
    const detail = DETAILS.find((known) => known === problem.error.detail);
    text = detail
      ? t(`teach.protocol.detail.${detail}`)
      : t(`teach.protocol.${problem.error.code}`);
  }
  return (
    <p class="notice notice--problem problem" role="alert">
      <span>{text}</span>
      <button type="button" class="button button--secondary button--small" onClick={onDismiss}>
        {t("teach.dismiss")}
      </button>
    </p>
  );
}
