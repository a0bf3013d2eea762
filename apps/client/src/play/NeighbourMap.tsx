import type { RoutingView } from "@quorum/shared/modes/routing/index";
import { useMemo } from "preact/hooks";
import { useI18n } from "../i18n.tsx";
import { compassArrow, type MapSpot, neighbourSpots, ROOMY_NEIGHBOURS } from "./layout.ts";
import { seconds } from "./time.ts";

type Neighbour = RoutingView["neighbours"][number];
type InboxPacket = RoutingView["inbox"][number];

interface Props {
  view: RoutingView;
  nickname: string;
  nodeName: (node: number) => string;
  /** The packet the player picked, whose destination and hints the map shows. */
  picked: InboxPacket | null;
  /** False while nothing is picked, the round is paused or the node is down. */
  canForward: boolean;
  onForward: (neighbour: Neighbour) => void;
}

/**
 * R2: this node and its neighbours, each placed in its real direction and labelled with its name
 * and what this router has measured on the link. The SVG only draws the links; every neighbour is
 * a real button (P7), so a tap forwards the picked packet there.
 */
export function NeighbourMap({ view, nickname, nodeName, picked, canForward, onForward }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const spots = useMemo(() => neighbourSpots(view.neighbours), [view.neighbours]);
  const buttonProps = { nodeName, picked, canForward, onForward };
  if (view.neighbours.length > ROOMY_NEIGHBOURS) {
    return (
      <NeighbourList view={view} nickname={nickname} spots={spots} buttonProps={buttonProps} />
    );
  }
  return (
    <section class={`map${view.up ? "" : " map--down"}`} aria-label={t("play.map.label")}>
      <svg class="map__links" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
        {view.neighbours.map((neighbour, index) => {
          const spot = spots[index]!;
          return (
            <line
              key={neighbour.node}
              class={`map__link${neighbour.up ? "" : " map__link--down"}`}
              x1="50"
              y1="50"
              x2={spot.x}
              y2={spot.y}
              vector-effect="non-scaling-stroke"
            />
          );
        })}
      </svg>
      {view.neighbours.map((neighbour, index) => {
        const spot = spots[index]!;
        // The ✕ sits on the link itself, just outside this node, so a cut link reads without
        // colour and no label covers it.
        const { angle } = spot;
        return neighbour.up ? null : (
          <span
            key={`cut-${neighbour.node}`}
            class="map__cut"
            aria-hidden="true"
            style={{
              left: `calc(50% + ${Math.cos(angle).toFixed(3)} * 2.9rem)`,
              top: `calc(50% + ${Math.sin(angle).toFixed(3)} * 2.9rem)`,
            }}
          >
            ✕
          </span>
        );
      })}
      <div class="map__me" aria-hidden="true">
        {view.up ? (
          <span class="map__me-name">{nickname}</span>
        ) : (
          <span class="map__me-shape">✕</span>
        )}
      </div>
      {view.neighbours.map((neighbour, index) => (
        <NeighbourButton
          key={neighbour.node}
          neighbour={neighbour}
          index={index}
          place={{ left: `${spots[index]!.x}%`, top: `${spots[index]!.y}%` }}
          {...buttonProps}
        />
      ))}
    </section>
  );
}

interface ButtonProps {
  nodeName: (node: number) => string;
  picked: InboxPacket | null;
  canForward: boolean;
  onForward: (neighbour: Neighbour) => void;
}

/**
 * A hub's neighbours do not fit around it on a phone: they are listed instead, clockwise from
 * north, each with an arrow for its real direction.
 */
function NeighbourList({
  view,
  nickname,
  spots,
  buttonProps,
}: {
  view: RoutingView;
  nickname: string;
  spots: readonly MapSpot[];
  buttonProps: ButtonProps;
}) {
  const { t } = useI18n();
  // Clockwise from north: screen angles grow clockwise, north is −π/2.
  const clockwise = (angle: number) => (angle + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI);
  const order = view.neighbours
    .map((neighbour, index) => ({ neighbour, index }))
    .sort((p, q) => clockwise(spots[p.index]!.angle) - clockwise(spots[q.index]!.angle));
  return (
    <section
      class={`map map--crowded${view.up ? "" : " map--down"}`}
      aria-label={t("play.map.label")}
    >
      <p class="map__crowd">
        <span class="map__me map__me--inline" aria-hidden="true">
          {view.up ? (
            <span class="map__me-name">{nickname}</span>
          ) : (
            <span class="map__me-shape">✕</span>
          )}
        </span>
        <span>{t("play.map.hub", { count: view.neighbours.length })}</span>
      </p>
      <div class="map__list">
        {order.map(({ neighbour, index }) => (
          <NeighbourButton
            key={neighbour.node}
            neighbour={neighbour}
            index={index}
            arrow={compassArrow(spots[index]!.angle)}
            {...buttonProps}
          />
        ))}
      </div>
    </section>
  );
}

/** One neighbour: a real button (P7) that forwards the picked packet over its link. */
function NeighbourButton({
  neighbour,
  index,
  place,
  arrow,
  nodeName,
  picked,
  canForward,
  onForward,
}: ButtonProps & {
  neighbour: Neighbour;
  index: number;
  /** Where it sits on the map; absent in a list. */
  place?: { left: string; top: string };
  /** Its direction, in a list. */
  arrow?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const facts = linkFacts(neighbour, picked, index, i18n);
  const name = nodeName(neighbour.node);
  // WCAG 2.5.3: the name shown is part of the spoken one ("Forward to Ben", "An Ben
  // weiterleiten"), so speech input can say what it sees; the link's facts are its description.
  const [before = "", after = ""] = t("play.neighbour.forward", { name: NAME_MARK }).split(
    NAME_MARK,
  );
  const factsId = `neighbour-${neighbour.node}-facts`;
  const isDestination = picked?.dst === neighbour.node;
  // R8 hints say "no route" over a cut link; the ✕ says it better.
  const hint = neighbour.up ? hintText(picked, index, t) : null;
  const classes = [
    "neighbour",
    !place && "neighbour--listed",
    !neighbour.up && "neighbour--down",
    isDestination && "neighbour--destination",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <button
      type="button"
      class={classes}
      style={place}
      disabled={!canForward}
      aria-describedby={factsId}
      onClick={() => onForward(neighbour)}
    >
      {before && <span class="visually-hidden">{before}</span>}
      <span class="neighbour__name">
        {arrow && (
          <span class="neighbour__arrow" aria-hidden="true">
            {arrow}{" "}
          </span>
        )}
        {isDestination && <span aria-hidden="true">★ </span>}
        {name}
      </span>
      {after && <span class="visually-hidden">{after}</span>}
      <span id={factsId} hidden>
        {facts.join(", ")}
      </span>
      <span class="neighbour__facts" aria-hidden="true">
        {neighbour.up ? shortFacts(neighbour, i18n) : `✕ ${t("play.neighbour.down")}`}
      </span>
      {hint && (
        <span class="neighbour__hint" aria-hidden="true">
          {hint}
        </span>
      )}
    </button>
  );
}

type I18n = ReturnType<typeof useI18n>;

/** Stands for the neighbour's name in "Forward to {name}", to split the sentence around it. */
const NAME_MARK = "\u0000";

/** R2, R8: everything the router knows about one link, for screen readers. */
function linkFacts(
  neighbour: Neighbour,
  picked: InboxPacket | null,
  index: number,
  i18n: I18n,
): string[] {
  const { t } = i18n;
  const facts = [t(neighbour.up ? "play.neighbour.up" : "play.neighbour.down")];
  facts.push(
    neighbour.latency < 0
      ? t("play.neighbour.latencyUnknown")
      : t("play.neighbour.latency", { seconds: seconds(neighbour.latency, i18n) }),
  );
  if (neighbour.sent > 0) {
    facts.push(t("play.neighbour.arrived", { acked: neighbour.acked, sent: neighbour.sent }));
  }
  if (picked?.dst === neighbour.node) facts.push(t("play.neighbour.destination"));
  const hint = hintText(picked, index, t);
  if (hint) facts.push(hint);
  return facts;
}

/** The same facts, short enough for a label on a 360 px map: "1.2 s · 3/4 ✓". */
function shortFacts(neighbour: Neighbour, i18n: I18n): string {
  const parts = [
    neighbour.latency < 0
      ? i18n.t("play.neighbour.unmeasured")
      : i18n.t("play.neighbour.latency", { seconds: seconds(neighbour.latency, i18n) }),
  ];
  if (neighbour.sent > 0) parts.push(`${neighbour.acked}/${neighbour.sent} ✓`);
  return parts.join(" · ");
}

/** R8: hops to the picked packet's destination through this neighbour, when hints are on. */
function hintText(picked: InboxPacket | null, index: number, t: I18n["t"]): string | null {
  const hops = picked?.hints?.[index];
  if (hops === undefined) return null;
  return hops < 0 ? t("play.neighbour.noRoute") : t("play.neighbour.distance", { hops });
}
