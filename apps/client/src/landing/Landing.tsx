import type { Topology } from "@quorum/shared";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { JoinCard } from "../join/JoinCard.tsx";
import { NetworkSketch } from "../network/NetworkSketch.tsx";
import { NetworkView } from "../network/NetworkView.tsx";
import { followLink } from "../router.ts";
import { Page } from "../ui/Page.tsx";

/** The start page: students join with a code, teachers head for /host. */
export function Landing({ joinCode }: { joinCode: string | null }) {
  const { t } = useI18n();
  const demo = useDemoTopology();
  const wide = useWideScreen();
  return (
    <Page
      class="page--landing"
      brandIsHeading
      actions={
        // Wide screens offer hosting up here; phones get the card below the join form instead.
        <p class="topbar__host">
          <span>{t("hostCta.title")}</span>
          <a class="button button--secondary" href="/teach" onClick={followLink}>
            {t("hostCta.button")}
          </a>
        </p>
      }
    >
      {wide ? (
        <NetworkView class="landing__network" topology={demo} fit="fill" decorative />
      ) : (
        <NetworkSketch class="landing__network" topology={demo} />
      )}
      <main class="landing">
        <p class="landing__pitch">{t("app.pitch")}</p>
        <JoinCard initialCode={joinCode} />
        <section class="card host-card" aria-labelledby="host-card-title">
          <div>
            <h2 id="host-card-title">{t("hostCta.title")}</h2>
            <p>{t("hostCta.text")}</p>
          </div>
          <a class="button button--secondary" href="/teach" onClick={followLink}>
            {t("hostCta.button")}
          </a>
        </section>
      </main>
    </Page>
  );
}

/** The illustration's network; its generator (and Phaser) load after the join form is usable. */
function useDemoTopology(): Topology | null {
  const [topology, setTopology] = useState<Topology | null>(null);
  useEffect(() => {
    let unmounted = false;
    import("../network/demo.ts").then(({ demoTopology }) => {
      if (!unmounted) setTopology(demoTopology());
    });
    return () => {
      unmounted = true;
    };
  }, []);
  return topology;
}

/**
 * Wide screens (laptops, projectors) get the animated Phaser drawing; phones a still SVG, so a
 * student's phone never downloads the renderer on its way into a game.
 */
function useWideScreen(): boolean {
  const query = "(min-width: 60rem)"; // the wide layout of styles.css
  const [wide, setWide] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const media = matchMedia(query);
    const update = () => setWide(media.matches);
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, []);
  return wide;
}
