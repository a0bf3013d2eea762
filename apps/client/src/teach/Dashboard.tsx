import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../auth/apiError.ts";
import { TeacherBar } from "../auth/TeacherBar.tsx";
import { useTeacher } from "../auth/useAuth.ts";
import { useI18n } from "../i18n.tsx";
import { followLink, navigate } from "../router.ts";
import { Page } from "../ui/Page.tsx";
import { SignInGate } from "./SignInGate.tsx";
import { createSession, listSessions, type SessionInfo } from "./sessionsApi.ts";
import "./teach.css";

type Listing =
  | { state: "loading" }
  | { state: "loaded"; sessions: SessionInfo[] }
  | { state: "failed"; status: number | null };

/** /teach: start a class (P2) or go back to one. */
export function Dashboard() {
  const auth = useTeacher();
  const { t } = useI18n();
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [creating, setCreating] = useState(false);
  const [createFailed, setCreateFailed] = useState<number | null | false>(false);
  const signedIn = auth.status === "signed-in";

  useEffect(() => {
    if (!signedIn) return;
    const abort = new AbortController();
    listSessions(abort.signal).then(
      (sessions) => setListing({ state: "loaded", sessions }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setListing({ state: "failed", status: error instanceof ApiError ? error.status : null });
      },
    );
    return () => abort.abort();
  }, [signedIn]);

  if (auth.status !== "signed-in") return <SignInGate state={auth} />;

  const start = async () => {
    setCreating(true);
    setCreateFailed(false);
    try {
      const session = await createSession();
      navigate(`/teach/${encodeURIComponent(session.id)}`);
    } catch (error) {
      setCreateFailed(error instanceof ApiError ? error.status : null);
      setCreating(false);
    }
  };

  return (
    <Page class="page--teach" actions={<TeacherBar teacher={auth.teacher} />}>
      <main class="dashboard">
        <section class="card dashboard__start" aria-labelledby="dashboard-title">
          <h1 id="dashboard-title">{t("teach.dashboard.title")}</h1>
          <p>{t("teach.dashboard.intro")}</p>
          <button
            type="button"
            class="button button--primary"
            disabled={creating}
            onClick={() => void start()}
          >
            {creating ? t("teach.dashboard.creating") : t("teach.dashboard.create")}
          </button>
          <p role="alert">
            {createFailed !== false && (
              <span class="notice notice--problem">
                {createFailed === null
                  ? t("auth.error.unreachable")
                  : t("auth.error.server", { status: createFailed })}
              </span>
            )}
          </p>
        </section>
        <section class="card dashboard__list" aria-labelledby="dashboard-earlier">
          <h2 id="dashboard-earlier">{t("teach.dashboard.earlier")}</h2>
          <SessionList listing={listing} />
        </section>
      </main>
    </Page>
  );
}

function SessionList({ listing }: { listing: Listing }) {
  const { t, language } = useI18n();
  if (listing.state === "loading") return <p aria-busy="true">{t("page.loading")}</p>;
  if (listing.state === "failed") {
    return (
      <p class="notice notice--problem">
        {listing.status === null
          ? t("auth.error.unreachable")
          : t("auth.error.server", { status: listing.status })}
      </p>
    );
  }
  if (listing.sessions.length === 0) return <p>{t("teach.dashboard.none")}</p>;
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ul class="session-list">
      {listing.sessions.map((session) => (
        <li key={session.id} class="session-list__item">
          <span class="session-list__code">{session.joinCode}</span>
          <span class="session-list__when">{when.format(session.createdAt)}</span>
          <a
            class="button button--secondary"
            href={`/teach/${encodeURIComponent(session.id)}/rounds`}
            onClick={followLink}
            aria-label={t("replay.rounds.openLinkNamed", { code: session.joinCode })}
          >
            {t("replay.rounds.openLink")}
          </a>
          {session.endedAt === null ? (
            <a
              class="button button--secondary"
              href={`/teach/${encodeURIComponent(session.id)}`}
              onClick={followLink}
              aria-label={t("teach.dashboard.openNamed", { code: session.joinCode })}
            >
              {t("teach.dashboard.open")}
            </a>
          ) : (
            <span class="session-list__ended">{t("teach.dashboard.ended")}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
