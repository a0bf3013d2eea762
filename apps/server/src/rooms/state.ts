import { Encoder, type SchemaType, schema, t } from "@colyseus/schema";
import { ElectionProjection } from "./election/schema.ts";
import { RoutingProjection } from "./routing/schema.ts";

/**
 * A room's encoder buffer. The default (16 KB) fits a small class; a lecture hall's state (500
 * players, a 500-router board) takes about 280 KB to send in full. Past its buffer the encoder
 * grows a copy, encodes the whole state again and warns on the console, for every client that
 * joins (measured with `pnpm bench:load`).
 */
Encoder.BUFFER_SIZE = 512 * 1024;

/** P3: a student of the session, as everyone in the room sees the class list. */
export const PlayerEntry = schema(
  {
    /** The player's id (also its key in `players`). */
    id: t.string(),
    nickname: t.string(),
    /** The node it plays this round; -1 in the lobby, or while the round has no node for it. */
    node: t.int16().default(-1),
    connected: t.boolean().default(false),
  },
  "PlayerEntry",
);
export type PlayerEntry = SchemaType<typeof PlayerEntry>;

/**
 * The classroom room's state (docs/protocol.md). Everything at the top level is shared with
 * every client; the round itself sits under its mode's field (`state[mode]`: `routing`,
 * `election`), filtered per client.
 */
export const ClassroomState = schema(
  {
    /** P2: the join code. */
    code: t.string().default(""),
    /** P5: one of PHASES. */
    phase: t.string().default("lobby"),
    /** D7: one of SPEEDS. */
    speed: t.float32().default(1),
    /** The round's tick; 0 before the first. */
    tick: t.uint32().default(0),
    /** The configured mode, "" until the teacher configures a round. */
    mode: t.string().default(""),
    /** Nodes of the configured round (at least the number of players when it starts). */
    nodes: t.uint16().default(0),
    /** The configured round's settings as JSON, defaults filled in; "" until configured. */
    config: t.string().default(""),
    /** While counting down: when the round starts, in ms since the epoch (server clock). */
    countdownEndsAt: t.float64().default(0),
    /** While counting down: whole seconds left. */
    countdown: t.uint8().default(0),
    /** D5: seconds a disconnected student's node waits before a bot plays it. */
    grace: t.uint16().default(30),
    players: t.map(PlayerEntry),
    /** The routing round's projection, while one exists (routing/schema.ts). */
    routing: t.ref(RoutingProjection).optional(),
    /** The leader-election round's projection, while one exists (election/schema.ts). */
    election: t.ref(ElectionProjection).optional(),
  },
  "ClassroomState",
);
export type ClassroomState = SchemaType<typeof ClassroomState>;
