import { useI18n } from "../i18n.tsx";
import type { useZoomGestures } from "./useZoomGestures.ts";

/** P7: every zoom gesture has a button — in, out, and back to the whole drawing. */
export function ZoomControls({ zoom }: { zoom: ReturnType<typeof useZoomGestures> }) {
  const { t } = useI18n();
  const zoomed = zoom.state.zoom > 1;
  if (zoom.state.maxZoom <= 1.05) return null;
  return (
    <fieldset class="zoom">
      <legend class="visually-hidden">{t("network.zoom.label")}</legend>
      <button
        type="button"
        class="zoom__button"
        aria-label={t("network.zoom.in")}
        title={t("network.zoom.hint")}
        disabled={zoom.state.zoom >= zoom.state.maxZoom - 0.01}
        onClick={zoom.buttons.zoomIn}
      >
        +
      </button>
      <button
        type="button"
        class="zoom__button"
        aria-label={t("network.zoom.out")}
        disabled={!zoomed}
        onClick={zoom.buttons.zoomOut}
      >
        −
      </button>
      <button
        type="button"
        class="zoom__button zoom__button--whole"
        disabled={!zoomed}
        onClick={zoom.buttons.reset}
      >
        {t("network.zoom.whole")}
      </button>
    </fieldset>
  );
}
