import type { RoutingView } from "@quorum/shared/modes/routing/index";
import { useLayoutEffect, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { RouterScreen } from "../play/RouterScreen.tsx";
import type { PlayerRoom } from "../play/usePlayerRoom.ts";
import { Logo } from "../ui/Logo.tsx";
import "../play/play.css";

/** A phone's width and height in CSS pixels (P7: usable on a 360 px wide phone). */
const PHONE = { width: 360, height: 740 };
/** The root font size of the phone's page on a real phone (styles.css: 1rem at 360 px). */
const PHONE_REM_PX = 16;

/** Nothing here reaches a room: the replay's phone shows, it does not act. */
const READ_ONLY: Pick<PlayerRoom, "act" | "feedback" | "sentEntries"> = {
  act: () => {},
  feedback: null,
  sentEntries: new Set(),
};

interface Props {
  view: RoutingView;
  name: string;
  nodeName(node: number): string;
}

/**
 * R2, D4: the followed node's phone at this tick — the student's own router screen, fed the
 * engine's view of that node and nothing else, read-only and drawn at a phone's size.
 */
export function PhoneView({ view, name, nodeName }: Props) {
  const { t, number } = useI18n();
  const zoom = usePhoneZoom();
  return (
    <section class="replay-phone" data-node={view.node}>
      <h2 id="replay-phone-title" class="replay-phone__title">
        {t("replay.viewer.phoneTitle", { name })}
      </h2>
      <section
        class="replay-phone__screen"
        aria-labelledby="replay-phone-title"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls like the phone did, and its controls are read-only here: a keyboard scrolls it by focusing it.
        tabIndex={0}
        style={{ width: `${PHONE.width}px` }}
      >
        <div
          class="play play--running replay-phone__page"
          style={{ zoom, width: `${PHONE.width / zoom}px`, minHeight: `${PHONE.height / zoom}px` }}
        >
          <header class="play-bar">
            <Logo size={32} />
            <span class="play-bar__name">{name}</span>
            <dl class="play-bar__stats">
              <div class="stat">
                <dt>{t("play.score")}</dt>
                <dd>
                  <span aria-hidden="true">★ </span>
                  {number(view.score)}
                </dd>
              </div>
              <div class="stat">
                <dt>{t("play.delivery")}</dt>
                <dd>{t("play.percent", { value: number(view.deliveryRate * 100) })}</dd>
              </div>
            </dl>
          </header>
          <div class="play-main play-main--router">
            <RouterScreen
              view={view}
              nickname={name}
              paused={false}
              connected={false}
              nodeName={nodeName}
              room={READ_ONLY}
            />
          </div>
        </div>
      </section>
    </section>
  );
}

/**
 * The page's rem grows with the screen (styles.css); a phone's is 16 px. Zooming the phone's
 * page by 16 px / rem shows it as a 360 px phone would, on a projector too.
 */
function usePhoneZoom(): number {
  const [zoom, setZoom] = useState(1);
  useLayoutEffect(() => {
    const measure = () => {
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
      setZoom(rem > 0 ? PHONE_REM_PX / rem : 1);
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, []);
  return zoom;
}
