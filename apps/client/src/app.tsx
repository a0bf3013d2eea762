import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { I18nProvider, useI18n } from "./i18n.tsx";
import { Landing } from "./landing/Landing.tsx";
import { followLink, useRoute } from "./router.ts";
import { Page } from "./ui/Page.tsx";

export function App() {
  return (
    <I18nProvider>
      <Pages />
    </I18nProvider>
  );
}

function Pages() {
  const route = useRoute();
  switch (route.page) {
    case "landing":
      return <Landing joinCode={route.joinCode} />;
    case "host":
      return <Host query={route.query} />;
    case "login":
      return <Lazy key="login" load={loadLogin} props={{ next: route.next }} />;
    case "setup":
      return <Lazy key="setup" load={loadSetup} props={{ token: route.token }} />;
    case "teach":
      return <Lazy key="teach" load={loadDashboard} props={{}} />;
    case "console":
      return <Lazy key="console" load={loadConsole} props={{ sessionId: route.sessionId }} />;
    case "projector":
      return (
        <Lazy
          key="projector"
          load={loadProjector}
          props={{ sessionId: route.sessionId, token: route.token, join: route.join }}
        />
      );
    case "play":
      return <Lazy key="play" load={loadPlay} props={{ joinCode: route.joinCode }} />;
    case "rounds":
      return <Lazy key="rounds" load={loadRounds} props={{ sessionId: route.sessionId }} />;
    case "round-replay":
      return (
        <Lazy
          key="round-replay"
          load={loadRoundReplay}
          props={{ sessionId: route.sessionId, round: route.round }}
        />
      );
    case "replay-file":
      return <Lazy key="replay-file" load={loadReplayFile} props={{}} />;
    case "replay-shared":
      return <Lazy key="replay-shared" load={loadSharedReplay} props={{ token: route.token }} />;
    case "not-found":
      return <NotFound />;
  }
}

// The phone's page: its own chunk with the room connection, no Phaser (P7: small and fast).
const loadPlay = () => import("./play/PlayPage.tsx").then((module) => module.PlayPage);
// Teacher pages are chunks of their own: a student's phone never downloads them.
const loadLogin = () => import("./auth/AuthPages.tsx").then((module) => module.LoginPage);
const loadSetup = () => import("./auth/AuthPages.tsx").then((module) => module.SetupPage);
const loadDashboard = () => import("./teach/Dashboard.tsx").then((module) => module.Dashboard);
const loadConsole = () => import("./teach/HostConsole.tsx").then((module) => module.HostConsole);
const loadProjector = () =>
  import("./projector/ProjectorPage.tsx").then((module) => module.ProjectorPage);
// Replays run the whole engine in the browser: chunks of their own, never on the phone's path.
const loadRounds = () => import("./replay/RoundsPage.tsx").then((module) => module.RoundsPage);
const loadRoundReplay = () =>
  import("./replay/ReplayPages.tsx").then((module) => module.RoundReplayPage);
const loadReplayFile = () =>
  import("./replay/ReplayPages.tsx").then((module) => module.ReplayFilePage);
const loadSharedReplay = () =>
  import("./replay/ReplayPages.tsx").then((module) => module.SharedReplayPage);

interface LazyProps<P extends object> {
  load: () => Promise<FunctionComponent<P>>;
  props: P;
}

/** Shows the loading message until the page's code has arrived. */
function Lazy<P extends object>({ load, props }: LazyProps<P>) {
  const { t } = useI18n();
  const [Loaded, setLoaded] = useState<FunctionComponent<P> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load().then(
      (component) => setLoaded(() => component),
      () => setFailed(true),
    );
  }, [load]);
  if (Loaded) return <Loaded {...props} />;
  return (
    <Page class="page--message">
      <main class="message" aria-busy={!failed}>
        <p>{failed ? t("page.loadFailed") : t("page.loading")}</p>
      </main>
    </Page>
  );
}

type HostPage = FunctionComponent<{ query: URLSearchParams }>;

/** The host page needs the topology generator and Phaser: it loads on demand, not for students. */
function Host({ query }: { query: URLSearchParams }) {
  const [HostPage, setHostPage] = useState<HostPage | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("./host/HostPage.tsx").then(
      (module) => setHostPage(() => module.HostPage),
      () => setFailed(true),
    );
  }, []);
  if (HostPage) return <HostPage query={query} />;
  return <Loading failed={failed} />;
}

function Loading({ failed }: { failed: boolean }) {
  const { t } = useI18n();
  return (
    <Page class="page--message">
      <main class="message" aria-busy={!failed}>
        <p>{failed ? t("network.failed") : t("network.loading")}</p>
      </main>
    </Page>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page class="page--message">
      <main class="message">
        <h1>{t("notFound.title")}</h1>
        <p>{t("notFound.text")}</p>
        <a class="button button--secondary" href="/" onClick={followLink}>
          {t("host.back")}
        </a>
      </main>
    </Page>
  );
}
