import { TICK_MS } from "@quorum/shared/engine/time";
import type { Replay } from "@quorum/shared/replay/replayer";
import { useEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { LiveNetworkView } from "../network/LiveNetworkView.tsx";
import { type LiveNetwork, type Marks, NO_MARKS, TickClock, Traffic } from "../network/live.ts";
import { Counters, DrawingKey, FaultLegend } from "../teach/RoundFigures.tsx";
import { eventText, namesOf } from "./eventText.ts";
import { frameOf, ReplayCursor } from "./frame.ts";
import { familyOf, type Marker, markersAt, nextMarker, previousMarker } from "./markers.ts";
import { PhoneView } from "./PhoneView.tsx";
import { clockOf, playbackReducer, startPlayback } from "./playback.ts";
import { Timeline } from "./Timeline.tsx";

interface Props {
  replay: Replay;
  markers: readonly Marker[];
}

/** Drop flashes carry on while the replay plays on by at most this many ticks (else they reset). */
const FLASH_CARRY_TICKS = 20;

/**
 * §1.2, P4: a prepared replay, played by the shared engine in this browser — the projector's
 * picture, its figures, the timeline and, for a followed node, that student's phone. The outer
 * element mirrors the shown tick and state hash (data-tick, data-hash) and how long the last
 * move took (data-seek-ms), for tests and benchmarks.
 */
export function ReplayStage({ replay, markers }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = useMemo(() => namesOf(replay, i18n), [replay, i18n]);
  const cursor = useMemo(() => new ReplayCursor(replay), [replay]);
  const [playback, dispatch] = useReducer(playbackReducer, replay.log.endTick, startPlayback);
  const [follow, setFollow] = useState<number | null>(null);
  const previousNetwork = useRef<LiveNetwork | null>(null);
  const moveMs = useRef(0);

  const frame = useMemo(() => {
    const started = performance.now();
    const { round, events } = cursor.goTo(playback.tick);
    const next = frameOf(replay, round, events, {
      follow,
      previous: previousNetwork.current,
      away: (name) => t("teach.node.away", { name }),
    });
    previousNetwork.current = next.network;
    moveMs.current = performance.now() - started;
    return next;
  }, [cursor, replay, playback.tick, follow, t]);

  // The drawing's packets and drop flashes follow the shown tick; its clock glides between ticks.
  const traffic = useMemo(() => new Traffic(), []);
  const clock = useMemo(() => new TickClock(), []);
  const shownTick = useRef<number | null>(null);
  useEffect(() => {
    const now = performance.now();
    const last = shownTick.current;
    const playingOn = last !== null && frame.tick >= last && frame.tick - last <= FLASH_CARRY_TICKS;
    const flashes = playingOn ? traffic.flashes : [];
    traffic.reset(frame.packets);
    traffic.flashes = flashes;
    traffic.apply(frame.drops, now);
    clock.observe(frame.tick, now);
    shownTick.current = frame.tick;
  }, [frame, traffic, clock]);
  useEffect(() => {
    clock.configure(TICK_MS, playback.speed, playback.playing);
  }, [clock, playback.speed, playback.playing]);

  // Playing: every animation frame moves the replay on by the time that passed.
  useEffect(() => {
    if (!playback.playing) return;
    let last = performance.now();
    let request = requestAnimationFrame(function onFrame(now) {
      dispatch({ type: "elapsed", ms: now - last });
      last = now;
      request = requestAnimationFrame(onFrame);
    });
    return () => cancelAnimationFrame(request);
  }, [playback.playing]);

  const marks = useMemo<Marks>(() => ({ ...NO_MARKS, selectedNode: follow }), [follow]);
  const here = markersAt(markers, playback.tick).map((marker) =>
    eventText(marker.event, names, i18n),
  );
  const seats = replay.log.roster;
  const host = frame.host;

  // Shortcuts anywhere on the page, except where a control takes the keys itself (P7).
  const latestTick = useRef(playback.tick);
  latestTick.current = playback.tick;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target?.closest("input, select, textarea, button, a, summary, [contenteditable]")) return;
      if (event.key === " ") {
        event.preventDefault();
        dispatch({ type: "toggle" });
      } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        event.preventDefault();
        const forward = event.key === "ArrowRight";
        if (!event.shiftKey) {
          dispatch({ type: "step", by: forward ? 1 : -1 });
          return;
        }
        const tick = latestTick.current;
        const marker = forward ? nextMarker(markers, tick) : previousMarker(markers, tick);
        if (!marker) return;
        dispatch({ type: "pause" });
        dispatch({ type: "seek", tick: marker.tick });
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [markers]);

  return (
    <div
      class={`replay-stage${follow !== null && frame.phone ? " replay-stage--following" : ""}`}
      data-tick={frame.tick}
      data-hash={frame.hash}
      data-seek-ms={moveMs.current.toFixed(2)}
      data-playing={String(playback.playing)}
    >
      <div class="replay-stage__main">
        <LiveNetworkView
          class="replay-stage__network"
          network={frame.network}
          traffic={traffic}
          clock={clock}
          marks={marks}
          onPick={
            host
              ? (pick) => {
                  if (pick.kind === "node") setFollow(pick.node === follow ? null : pick.node);
                }
              : undefined
          }
          label={t("replay.viewer.networkLabel", {
            time: clockOf(frame.tick),
            nodes: frame.network.nodes.length,
            links: frame.network.links.length,
          })}
        />
        <DrawingKey />
      </div>
      <aside class="replay-stage__side">
        {host ? (
          <>
            <div class="field replay-follow">
              <label for="replay-follow">{t("replay.viewer.follow")}</label>
              <select
                id="replay-follow"
                class="input"
                value={follow === null ? "" : String(follow)}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setFollow(value === "" ? null : Number(value));
                }}
              >
                <option value="">{t("replay.viewer.followNone")}</option>
                {seats.map((seat, node) => (
                  <option key={node} value={String(node)}>
                    {t("replay.viewer.nodeOption", {
                      number: node + 1,
                      name: seat.name || t("replay.viewer.bot"),
                    })}
                  </option>
                ))}
              </select>
              <p class="field__hint">{t("replay.viewer.followHint")}</p>
            </div>
            <Counters counters={host.counters} />
            <FaultLegend faults={host.faults} />
          </>
        ) : (
          <p class="notice notice--info">{t("replay.viewer.noModeView")}</p>
        )}
        <EventList
          markers={markers}
          tick={playback.tick}
          text={(marker) => eventText(marker.event, names, i18n)}
          onPick={(marker) => {
            dispatch({ type: "pause" });
            dispatch({ type: "seek", tick: marker.tick });
          }}
        />
      </aside>
      {frame.phone && follow !== null && (
        <PhoneView view={frame.phone} name={names.node(follow)} nodeName={names.node} />
      )}
      <Timeline
        playback={playback}
        markers={markers}
        dispatch={dispatch}
        here={here}
        hash={frame.hash}
      />
      <p class="replay-stage__keys">{t("replay.viewer.keys")}</p>
    </div>
  );
}

function EventList({
  markers,
  tick,
  text,
  onPick,
}: {
  markers: readonly Marker[];
  tick: number;
  text(marker: Marker): string;
  onPick(marker: Marker): void;
}) {
  const { t } = useI18n();
  return (
    <section class="replay-events" aria-labelledby="replay-events-title">
      <h3 id="replay-events-title">{t("replay.viewer.events")}</h3>
      {markers.length === 0 ? (
        <p class="replay-events__none">{t("replay.viewer.noEvents")}</p>
      ) : (
        <ol class="replay-events__list">
          {markers.map((marker, index) => (
            <li key={index}>
              <button
                type="button"
                class={`replay-event replay-event--${familyOf(marker.event)}`}
                aria-current={marker.tick === tick ? "true" : undefined}
                onClick={() => onPick(marker)}
              >
                <span class="replay-event__time">{clockOf(marker.tick)}</span>
                <span class="replay-event__shape" aria-hidden="true" />
                <span class="replay-event__text">{text(marker)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
