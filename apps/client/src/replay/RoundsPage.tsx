import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../auth/apiError.ts";
import type { Teacher } from "../auth/auth.ts";
import { TeacherBar } from "../auth/TeacherBar.tsx";
import { useTeacher } from "../auth/useAuth.ts";
import { useI18n } from "../i18n.tsx";
import { followLink, navigate } from "../router.ts";
import { SignInGate } from "../teach/SignInGate.tsx";
import {
  deleteRound,
  deleteSession,
  downloadReplay,
  downloadResults,
  listRounds,
  listSessions,
  type RoundInfo,
  revokeShare,
  type SessionInfo,
  shareRound,
} from "../teach/sessionsApi.ts";
import { Page } from "../ui/Page.tsx";
import { saveFile } from "./files.ts";
import { clockOf } from "./playback.ts";
import "../teach/teach.css";
import "./replay.css";

type Listing =
  | { state: "loading" }
  | { state: "loaded"; session: SessionInfo; rounds: RoundInfo[] }
  | { state: "missing" }
  | { state: "failed"; status: number | null };

/** What the page says after an action of the teacher's failed: the HTTP status, or unreachable. */
type Failure = number | null;

/** /teach/:sessionId/rounds — a session's recorded rounds and its results (S2, P4). */
export function RoundsPage({ sessionId }: { sessionId: string }) {
  const auth = useTeacher();
  if (auth.status !== "signed-in") return <SignInGate state={auth} />;
  return <Rounds sessionId={sessionId} teacher={auth.teacher} />;
}

function Rounds({ sessionId, teacher }: { sessionId: string; teacher: Teacher }) {
  const { t, language } = useI18n();
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [failure, setFailure] = useState<Failure | false>(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([listSessions(abort.signal), listRounds(sessionId, abort.signal)]).then(
      ([sessions, rounds]) => {
        const session = sessions.find((entry) => entry.id === sessionId);
        setListing(session ? { state: "loaded", session, rounds } : { state: "missing" });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setListing({ state: "missing" });
        else setListing({ state: "failed", status: statusOf(error) });
      },
    );
    return () => abort.abort();
  }, [sessionId, reloads]);

  const code = listing.state === "loaded" ? listing.session.joinCode : "";
  useEffect(() => {
    document.title = `${t("replay.rounds.title", { code })} · ${t("app.name")}`;
  }, [code, t]);

  /** Runs a teacher's action; a failure is shown once, a success reloads the list. */
  const act = async (action: () => Promise<unknown>, reload = true) => {
    setFailure(false);
    try {
      await action();
      if (reload) setReloads((count) => count + 1);
    } catch (error) {
      setFailure(statusOf(error));
    }
  };

  const back = (
    <a class="back-link" href="/teach" onClick={followLink}>
      {t("teach.console.back")}
    </a>
  );
  if (listing.state !== "loaded") {
    return (
      <Page class="page--teach" actions={<TeacherBar teacher={teacher} />}>
        <main class="message" aria-busy={listing.state === "loading"}>
          {listing.state === "loading" ? (
            <p>{t("page.loading")}</p>
          ) : (
            <p class="notice notice--problem">
              {listing.state === "missing"
                ? t("teach.console.missing")
                : problemOf(listing.status, t)}
            </p>
          )}
          {back}
        </main>
      </Page>
    );
  }

  const { session, rounds } = listing;
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Page class="page--teach" actions={<TeacherBar teacher={teacher} />}>
      <main class="rounds">
        {back}
        <section class="card rounds__head" aria-labelledby="rounds-title">
          <h1 id="rounds-title">{t("replay.rounds.title", { code: session.joinCode })}</h1>
          <p class="rounds__when">{when.format(session.createdAt)}</p>
          <p>{t("replay.rounds.intro")}</p>
          <div class="rounds__actions">
            <button
              type="button"
              class="button button--secondary"
              onClick={() =>
                void act(async () => {
                  const file = await downloadResults(sessionId);
                  saveFile(file.bytes, file.fileName, "text/csv");
                }, false)
              }
            >
              <span aria-hidden="true">⬇</span> {t("replay.rounds.results")}
            </button>
            <Confirmed
              label={t("replay.rounds.deleteSession")}
              question={t("replay.rounds.confirmDeleteSession", { code: session.joinCode })}
              confirm={t("replay.rounds.confirmDeleteSessionButton")}
              onConfirm={() =>
                void act(async () => {
                  await deleteSession(sessionId);
                  navigate("/teach", { replace: true });
                }, false)
              }
            />
          </div>
          <p role="alert">
            {failure !== false && (
              <span class="notice notice--problem">{problemOf(failure, t)}</span>
            )}
          </p>
        </section>
        {rounds.length === 0 ? (
          <p class="card">{t("replay.rounds.none")}</p>
        ) : (
          <ol class="round-list">
            {[...rounds].reverse().map((round) => (
              <RoundCard
                key={round.number}
                sessionId={sessionId}
                round={round}
                when={when}
                act={act}
              />
            ))}
          </ol>
        )}
      </main>
    </Page>
  );
}

function RoundCard({
  sessionId,
  round,
  when,
  act,
}: {
  sessionId: string;
  round: RoundInfo;
  when: Intl.DateTimeFormat;
  act(action: () => Promise<unknown>, reload?: boolean): Promise<void>;
}) {
  const { t, number } = useI18n();
  const [link, setLink] = useState<string | null>(null);
  // A link is out already: sharing again makes a new one.
  const linkOut = round.shared || link !== null;
  const { number: n, status } = round;
  const rates = deliveryOf(round);
  const percent = (rate: number) => t("teach.percent", { value: number(rate * 100) });
  const replayHref = `/teach/${encodeURIComponent(sessionId)}/rounds/${n}`;
  const modeName =
    round.mode === "routing"
      ? t("teach.mode.routing")
      : round.mode === "election"
        ? t("replay.mode.election")
        : round.mode;

  return (
    <li class="card round-card" data-round={n} aria-labelledby={`round-${n}-title`}>
      <header class="round-card__head">
        <h2 id={`round-${n}-title`}>{t("replay.rounds.round", { number: n })}</h2>
        <span class="round-card__mode">{modeName}</span>
        <span class={`status-badge status-badge--${status}`}>
          {t(`replay.rounds.status.${status}`)}
        </span>
      </header>
      {status === "interrupted" && (
        <p class="round-card__hint">{t("replay.rounds.interruptedHint")}</p>
      )}
      <dl class="round-card__facts">
        <div>
          <dt>{t("replay.rounds.started")}</dt>
          <dd>{when.format(round.startedAt)}</dd>
        </div>
        <div>
          <dt>{t("replay.rounds.length")}</dt>
          <dd>{clockOf(round.endTick)}</dd>
        </div>
        {rates && (
          <div>
            <dt>{t("replay.rounds.delivered")}</dt>
            <dd>
              {rates.bot === null
                ? percent(rates.class)
                : t("replay.rounds.deliveredBot", {
                    rate: percent(rates.class),
                    bot: percent(rates.bot),
                  })}
            </dd>
          </div>
        )}
        <div class="round-card__players">
          <dt>{t("replay.rounds.players")}</dt>
          <dd>
            {round.players.length === 0
              ? t("replay.rounds.botsOnly")
              : round.players
                  .map((player) =>
                    player.score === null
                      ? player.nickname
                      : t("replay.rounds.score", {
                          name: player.nickname,
                          score: number(player.score),
                        }),
                  )
                  .join(" · ")}
          </dd>
        </div>
      </dl>
      <div class="round-card__actions">
        <a
          class="button button--primary"
          href={replayHref}
          onClick={followLink}
          aria-label={t("replay.rounds.openNamed", { number: n })}
        >
          ▶ {t("replay.rounds.open")}
        </a>
        <button
          type="button"
          class="button button--secondary"
          aria-label={t("replay.rounds.downloadNamed", { number: n })}
          onClick={() =>
            void act(async () => {
              const file = await downloadReplay(sessionId, n);
              saveFile(file.bytes, file.fileName, "application/octet-stream");
            }, false)
          }
        >
          <span aria-hidden="true">⬇</span> {t("replay.rounds.download")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-label={t(linkOut ? "replay.rounds.newLinkNamed" : "replay.rounds.shareNamed", {
            number: n,
          })}
          onClick={() => void act(async () => setLink(await shareRound(sessionId, n)), false)}
        >
          {t(linkOut ? "replay.rounds.newLink" : "replay.rounds.share")}
        </button>
        {status === "running" ? (
          <span class="round-card__hint">{t("replay.rounds.runningHint")}</span>
        ) : (
          <Confirmed
            label={t("replay.rounds.delete")}
            labelNamed={t("replay.rounds.deleteNamed", { number: n })}
            question={t("replay.rounds.confirmDelete", { number: n })}
            confirm={t("replay.rounds.confirmDeleteButton")}
            onConfirm={() => void act(() => deleteRound(sessionId, n))}
          />
        )}
      </div>
      {(link || round.shared) && (
        <ShareLink
          round={n}
          link={link}
          onRevoke={() =>
            void act(async () => {
              await revokeShare(sessionId, n);
              setLink(null);
            })
          }
        />
      )}
    </li>
  );
}

/** P4: the round's read-only link, shown once after it is made, with copy and revoke. */
function ShareLink({
  round,
  link,
  onRevoke,
}: {
  round: number;
  link: string | null;
  onRevoke(): void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // No clipboard API on a plain-http LAN address: select the text and copy that.
      input.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };
  const id = `share-${round}`;
  return (
    <div class="share-link">
      {link ? (
        <>
          <label for={id}>{t("replay.rounds.link", { number: round })}</label>
          <div class="share-link__row">
            <input
              ref={input}
              id={id}
              class="input share-link__url"
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" class="button button--secondary" onClick={() => void copy()}>
              {copied ? `✓ ${t("replay.rounds.copied")}` : t("replay.rounds.copy")}
            </button>
          </div>
          <p class="field__hint">{t("replay.rounds.linkHint")}</p>
        </>
      ) : (
        <p class="share-link__out">
          <span aria-hidden="true">🔗 </span>
          {t("replay.rounds.shared")}
        </p>
      )}
      <button type="button" class="button button--secondary button--small" onClick={onRevoke}>
        {t("replay.rounds.revoke")}
      </button>
    </div>
  );
}

/** A destructive button that asks first (P7: a real button, then a question with two answers). */
function Confirmed({
  label,
  labelNamed,
  question,
  confirm,
  onConfirm,
}: {
  label: string;
  labelNamed?: string;
  question: string;
  confirm: string;
  onConfirm(): void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        class="button button--secondary confirmed__ask"
        aria-label={labelNamed}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span class="confirmed">
      <span class="confirmed__question">{question}</span>
      <button
        type="button"
        class="button button--danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirm}
      </button>
      <button type="button" class="button button--secondary" onClick={() => setAsking(false)}>
        {t("teach.cancel")}
      </button>
    </span>
  );
}

/** R9: the class's delivery rate and the baseline bot's, from a finished round's summary. */
function deliveryOf(round: RoundInfo): { class: number; bot: number | null } | null {
  const rate = (figures: unknown) => {
    const value = (figures as { deliveryRate?: unknown } | null)?.deliveryRate;
    return typeof value === "number" ? value : null;
  };
  const mine = rate(round.summary?.class ?? null);
  return mine === null ? null : { class: mine, bot: rate(round.summary?.baseline ?? null) };
}

function statusOf(error: unknown): number | null {
  return error instanceof ApiError ? error.status : null;
}

function problemOf(status: number | null, t: ReturnType<typeof useI18n>["t"]): string {
  return status === null ? t("auth.error.unreachable") : t("auth.error.server", { status });
}
