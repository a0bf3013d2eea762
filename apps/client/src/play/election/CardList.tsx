import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";
import { explainRejection } from "@quorum/shared/i18n/index";
import type { ElectionCard, ElectionView } from "@quorum/shared/modes/election/index";
import { useI18n } from "../../i18n.tsx";
import { seconds } from "../time.ts";
import { candidateUpToDate, logEnd, yesVerdict } from "./cards.ts";

type VoteCard = Extract<ElectionCard, { kind: "request-vote" }>;
type AppendCard = Extract<ElectionCard, { kind: "append" }>;

interface Props {
  view: ElectionView;
  cards: readonly ElectionCard[];
  nodeName: (node: number) => string;
  disabled: boolean;
  onVote: (card: VoteCard, grant: boolean) => void;
  onAppend: (card: AppendCard, accept: boolean) => void;
}

/**
 * E3, E6: the messages waiting for this server's decision, oldest first — RequestVotes at every
 * level, AppendEntries in the manual one (E8) — each with the engine's verdict on a "yes" shown
 * before the tap (D3).
 */
export function CardList({ view, cards, nodeName, disabled, onVote, onAppend }: Props) {
  const { t } = useI18n();
  return (
    <section class="raft-cards" aria-labelledby="raft-cards-title">
      <h2 id="raft-cards-title" class="play-heading">
        {t("play.election.cards.title")}
        <span class="inbox__count">
          {t("play.inbox.count", { count: cards.length, limit: view.inboxLimit })}
        </span>
      </h2>
      {cards.length === 0 ? (
        <p class="inbox__empty">
          {t(
            view.assist === "manual"
              ? "play.election.cards.emptyManual"
              : "play.election.cards.empty",
          )}
        </p>
      ) : (
        <ul class="raft-cards__list">
          {cards.map((card) =>
            card.kind === "request-vote" ? (
              <VoteCardItem
                key={card.card}
                card={card}
                view={view}
                nodeName={nodeName}
                disabled={disabled}
                onAnswer={(grant) => onVote(card, grant)}
              />
            ) : (
              <AppendCardItem
                key={card.card}
                card={card}
                view={view}
                nodeName={nodeName}
                disabled={disabled}
                onAnswer={(accept) => onAppend(card, accept)}
              />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function VoteCardItem({
  card,
  view,
  nodeName,
  disabled,
  onAnswer,
}: {
  card: VoteCard;
  view: ElectionView;
  nodeName: (node: number) => string;
  disabled: boolean;
  onAnswer: (grant: boolean) => void;
}) {
  const { t } = useI18n();
  const mine = logEnd(view.log);
  // E3: the candidate's log is behind mine — the reason a vote for it would be refused.
  const behind = !candidateUpToDate(card, mine);
  return (
    <li class="raft-card raft-card--vote" data-card={card.card}>
      <CardHead
        title={t("play.election.vote.title", { name: nodeName(card.from) })}
        term={card.term}
        age={card.age}
      />
      <table class="raft-card__logs">
        <thead>
          <tr>
            <td />
            <th scope="col">{t("play.election.vote.lastTerm")}</th>
            <th scope="col">{t("play.election.vote.entries")}</th>
          </tr>
        </thead>
        <tbody>
          <tr class={behind ? "raft-card__behind" : undefined}>
            <th scope="row">{t("play.election.vote.theirs")}</th>
            <td>{card.lastLogTerm}</td>
            <td>{card.lastLogIndex}</td>
          </tr>
          <tr>
            <th scope="row">{t("play.election.vote.yours")}</th>
            <td>{mine.lastLogTerm}</td>
            <td>{mine.lastLogIndex}</td>
          </tr>
        </tbody>
      </table>
      <Verdict
        verdict={card.verdict}
        enforcement={view.enforcement}
        allowed={t("play.election.vote.ok")}
        nodeName={nodeName}
      />
      <Answers
        yes={t("play.election.grant")}
        no={t("play.election.refuse")}
        refused={yesVerdict(card.verdict, view.enforcement).kind === "refused"}
        disabled={disabled}
        onAnswer={onAnswer}
      />
    </li>
  );
}

function AppendCardItem({
  card,
  view,
  nodeName,
  disabled,
  onAnswer,
}: {
  card: AppendCard;
  view: ElectionView;
  nodeName: (node: number) => string;
  disabled: boolean;
  onAnswer: (accept: boolean) => void;
}) {
  const { t } = useI18n();
  const commands = card.entries.map((entry) => entry.command).join(", ");
  return (
    <li class="raft-card raft-card--append" data-card={card.card}>
      <CardHead
        title={t("play.election.append.title", { name: nodeName(card.from) })}
        term={card.term}
        age={card.age}
      />
      <p class="raft-card__what">
        {card.entries.length === 0
          ? t("play.election.append.heartbeat")
          : t("play.election.append.entries", { count: card.entries.length, commands })}
      </p>
      <p class="raft-card__details">
        {card.prevLogIndex === 0
          ? t("play.election.append.first")
          : t("play.election.append.prev", { index: card.prevLogIndex, term: card.prevLogTerm })}
        {" · "}
        {t("play.election.append.commit", { index: card.leaderCommit })}
      </p>
      <Verdict
        verdict={card.verdict}
        enforcement={view.enforcement}
        allowed={t("play.election.append.ok")}
        nodeName={nodeName}
      />
      <Answers
        yes={t("play.election.accept")}
        no={t("play.election.reject")}
        refused={yesVerdict(card.verdict, view.enforcement).kind === "refused"}
        disabled={disabled}
        onAnswer={onAnswer}
      />
    </li>
  );
}

function CardHead({ title, term, age }: { title: string; term: number; age: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <header class="raft-card__head">
      <h3 class="raft-card__title">{title}</h3>
      <p class="raft-card__meta">
        <strong>{t("play.election.vote.term", { term })}</strong>
        {" · "}
        {age < TICKS_PER_SECOND
          ? t("play.packet.justArrived")
          : t("play.packet.age", { seconds: seconds(age, i18n, 0) })}
      </p>
    </header>
  );
}

/** D3: the engine's answer to a "yes", as a hint — allowed, or why not, with the rule ID. */
function Verdict({
  verdict,
  enforcement,
  allowed,
  nodeName,
}: {
  verdict: ElectionCard["verdict"];
  enforcement: ElectionView["enforcement"];
  allowed: string;
  nodeName: (node: number) => string;
}) {
  const { language, t } = useI18n();
  const yes = yesVerdict(verdict, enforcement);
  if (yes.kind === "allowed") {
    return <p class="raft-card__verdict raft-card__verdict--allowed">✓ {allowed}</p>;
  }
  const why = explainRejection(language, yes.rejection, nodeName);
  return (
    <p class={`raft-card__verdict raft-card__verdict--${yes.kind}`} data-rule={yes.rejection.rule}>
      {yes.kind === "refused" ? "✕ " : "⚠ "}
      {why}
      {yes.kind === "waived" && <span> {t("play.election.verdict.permissive")}</span>}
    </p>
  );
}

/** Yes and no, the one the engine would let through drawn as the primary action. */
function Answers({
  yes,
  no,
  refused,
  disabled,
  onAnswer,
}: {
  yes: string;
  no: string;
  refused: boolean;
  disabled: boolean;
  onAnswer: (yes: boolean) => void;
}) {
  return (
    <div class="raft-card__answers">
      <button
        type="button"
        class={`button ${refused ? "button--secondary" : "button--primary"}`}
        disabled={disabled}
        onClick={() => onAnswer(true)}
      >
        <span class="icon" aria-hidden="true">
          ✓
        </span>
        {yes}
      </button>
      <button
        type="button"
        class={`button ${refused ? "button--primary" : "button--secondary"}`}
        disabled={disabled}
        onClick={() => onAnswer(false)}
      >
        <span class="icon" aria-hidden="true">
          ✕
        </span>
        {no}
      </button>
    </div>
  );
}
