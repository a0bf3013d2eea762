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
    case "not-found":
      return <NotFound />;
  }
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
