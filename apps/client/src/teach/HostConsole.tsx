import { useEffect, useState } from "preact/hooks";
import type { Teacher } from "../auth/auth.ts";
import { accessToken } from "../auth/auth.ts";
import { TeacherBar } from "../auth/TeacherBar.tsx";
import { useTeacher } from "../auth/useAuth.ts";
import { useI18n } from "../i18n.tsx";
import { followLink } from "../router.ts";
import { Page } from "../ui/Page.tsx";
import { ConnectionNotice, ProblemNotice } from "./ConnectionNotice.tsx";
import { Debrief } from "./Debrief.tsx";
import { ElectionDebrief } from "./election/ElectionDebrief.tsx";
import { ElectionStage } from "./election/ElectionStage.tsx";
import { JoinPanel } from "./JoinPanel.tsx";
import { Lobby } from "./Lobby.tsx";
import { defaultPlan, type RoundPlan } from "./RoundSetup.tsx";
import { RoundStage } from "./RoundStage.tsx";
import { SignInGate } from "./SignInGate.tsx";
import { openSession, type SessionInfo } from "./sessionsApi.ts";
import type { Classroom } from "./useClassroom.ts";
import { useClassroom } from "./useClassroom.ts";
import "./teach.css";

type Lookup =
  | { state: "loading" }
  | { state: "found"; session: SessionInfo }
  | { state: "missing" }
  | { state: "failed" };

/** /teach/:sessionId — the teacher's laptop: lobby, round setup, controls, faults, debrief (P5). */
export function HostConsole({ sessionId }: { sessionId: string }) {
  const auth = useTeacher();
  if (auth.status !== "signed-in") return <SignInGate state={auth} />;
  return <SessionConsole sessionId={sessionId} teacher={auth.teacher} />;
}

function SessionConsole({ sessionId, teacher }: { sessionId: string; teacher: Teacher }) {
  const { t } = useI18n();
  const [lookup, setLookup] = useState<Lookup>({ state: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    openSession(sessionId, abort.signal).then(
      (session) => setLookup(session ? { state: "found", session } : { state: "missing" }),
      () => {
        if (!abort.signal.aborted) setLookup({ state: "failed" });
      },
    );
    return () => abort.abort();
  }, [sessionId]);
  const session = lookup.state === "found" ? lookup.session : null;
  const classroom = useClassroom(session?.roomId ?? null, session ? teacherToken : null);

  const joinCode = classroom.view?.joinCode ?? session?.joinCode ?? null;
  const projectorUrl = classroom.view?.projectorUrl ?? session?.projectorUrl ?? null;
  const joinUrl = classroom.view?.joinUrl ?? session?.joinUrl ?? null;
  useEffect(() => {
    document.title = joinCode ? `${joinCode} · ${t("app.name")}` : t("app.name");
  }, [joinCode, t]);

  const actions = (
    <>
      {projectorUrl && (
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            window.open(
              projectorAddress(projectorUrl, joinUrl),
              `quorum-projector-${sessionId}`,
              "popup,width=1920,height=1080",
            )
          }
        >
          {t("teach.console.openProjector")}
        </button>
      )}
      {/* A tab of its own: leaving the console would leave the class's room. */}
      <a
        class="button button--secondary"
        href={`/teach/${encodeURIComponent(sessionId)}/rounds`}
        target="_blank"
        rel="noopener"
      >
        {t("replay.rounds.consoleLink")}
      </a>
      <TeacherBar teacher={teacher} />
    </>
  );

  return (
    <Page class="page--console" actions={actions}>
      {lookup.state === "missing" || lookup.state === "failed" ? (
        <main class="message">
          <p class="notice notice--problem">
            {lookup.state === "missing" ? t("teach.console.missing") : t("auth.error.unreachable")}
          </p>
          <a class="back-link" href="/teach" onClick={followLink}>
            {t("teach.console.back")}
          </a>
        </main>
      ) : (
        <ConsoleBody classroom={classroom} joinCode={joinCode} joinUrl={joinUrl} />
      )}
    </Page>
  );
}

/** The projector link, with the join URL for its QR code (the room's state has only the code). */
function projectorAddress(projectorUrl: string, joinUrl: string | null): string {
  if (!joinUrl) return projectorUrl;
  const url = new URL(projectorUrl, location.origin);
  url.searchParams.set("join", joinUrl);
  return url.pathname + url.search;
}

async function teacherToken(): Promise<string> {
  const token = await accessToken();
  if (!token) throw new Error("signed out");
  return token;
}

function ConsoleBody({
  classroom,
  joinCode,
  joinUrl,
}: {
  classroom: Classroom;
  joinCode: string | null;
  joinUrl: string | null;
}) {
  const { t } = useI18n();
  const { view, send } = classroom;
  const players = view?.players.length ?? 0;
  const [plan, setPlan] = useState<RoundPlan>(() => defaultPlan(players));
  const [starting, setStarting] = useState(false);
  const phase = view?.phase ?? null;
  useEffect(() => {
    if (phase !== "lobby") setStarting(false);
  }, [phase]);
  // The node count follows the class while the teacher has not asked for more.
  useEffect(() => {
    setPlan((current) => (current.nodes < players ? { ...current, nodes: players } : current));
  }, [players]);

  const notices = (
    <>
      <ConnectionNotice status={classroom.status} end={classroom.end} />
      <ProblemNotice problem={classroom.problem} onDismiss={classroom.dismissProblem} />
    </>
  );
  if (!view) {
    return (
      <main class="console console--waiting" aria-busy="true">
        {notices}
        <p>{t("teach.console.connecting")}</p>
      </main>
    );
  }

  const join = joinCode && (
    <JoinPanel
      joinCode={joinCode}
      joinUrl={joinUrl}
      size={view.phase === "lobby" ? "large" : "small"}
    />
  );

  switch (view.phase) {
    case "lobby":
      return (
        <Lobby
          notices={notices}
          join={join}
          view={view}
          plan={plan}
          onPlan={setPlan}
          starting={starting}
          onStart={(command) => {
            setStarting(true);
            send(command);
            send({ type: "start" });
          }}
          send={send}
        />
      );
    case "countdown":
      return (
        <main class="console console--countdown">
          {notices}
          <p class="countdown" role="timer" aria-live="assertive">
            <span class="countdown__label">{t("teach.console.startsIn")}</span>
            <span class="countdown__number">{view.countdown ?? ""}</span>
          </p>
          {join}
        </main>
      );
    case "running":
    case "paused":
      return view.mode === "election" ? (
        <ElectionStage notices={notices} join={join} classroom={classroom} view={view} />
      ) : (
        <RoundStage notices={notices} join={join} classroom={classroom} view={view} />
      );
    case "ended":
      return (
        <main class="console console--ended">
          {notices}
          <div class="console__debrief">
            {view.mode === "election" && classroom.electionSummary ? (
              <ElectionDebrief summary={classroom.electionSummary} />
            ) : view.mode !== "election" && classroom.summary ? (
              <Debrief summary={classroom.summary} />
            ) : (
              <p aria-busy="true">{t("teach.debrief.waiting")}</p>
            )}
          </div>
          <aside class="console__side">
            <section class="card next">
              <h2>{t("teach.next.title")}</h2>
              <p>{t("teach.next.text")}</p>
              <button
                type="button"
                class="button button--primary"
                onClick={() => send({ type: "next" })}
              >
                {t("teach.next.button")}
              </button>
            </section>
            {join}
          </aside>
        </main>
      );
  }
}
