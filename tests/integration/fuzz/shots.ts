/**
 * P6, D3: a shot is one message and the answer the room owes it. Shots any sender can fire:
 * unknown types, oversized messages.
 */
import {
  type AnyMode,
  MAX_MESSAGE_BYTES,
  type ProtocolErrorCode,
  pick,
  type RngState,
  nextInt as randomInt,
} from "@quorum/shared";
import type { AnyRoom } from "../harness.ts";
import { describeValue, randomValue } from "./values.ts";

/** P6: the frames the transport reads at all (the server's MAX_FRAME_BYTES); above, it closes. */
export const FRAME_LIMIT = 2 * MAX_MESSAGE_BYTES;

/** What the room owes one message (P6, D3). */
export type Answer =
  /** One `error` with this code, carrying `seq` when the message was an act whose envelope parsed. */
  | { kind: "error"; code: ProtocolErrorCode; seq?: number }
  /** It reaches the engine as `input` (logged under the sender); `rejected` iff the engine refuses it. */
  | { kind: "engine"; seq: number; input: unknown }
  /** Nothing from the room: a ping, a frame no room reads, a request for a type it has no handler for. */
  | { kind: "none" };

export interface Shot {
  /** What was sent, for failure messages. */
  what: string;
  answer: Answer;
  /** Sent as a request: the SDK's promise must settle too. */
  request?: boolean;
  fire(room: AnyRoom): Promise<unknown> | undefined;
}

export type Role = "player" | "projector" | "host";
export type Phase = "lobby" | "running" | "ended";

/** What a shot generator may know: the round's rules, where the room is, the sender's own view. */
export interface ShotContext {
  rng: RngState;
  mode: AnyMode;
  phase: Phase;
  role: Role;
  nodes: number;
  /** The sender's own node view (players), from the state it received. */
  // biome-ignore lint/suspicious/noExplicitAny: the projected view, read by reflection.
  view(): any;
  nextSeq(): number;
}

export function send(type: string | number, payload: unknown) {
  return (room: AnyRoom) => {
    room.send(type, payload);
    return undefined;
  };
}

export const MALFORMED: Answer = { kind: "error", code: "malformed" };

/** Message types no room handles, some of them dangerous as property names. */
const UNKNOWN_TYPES: (string | number)[] = [
  "cheat",
  "",
  "*",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "Act",
  "act ",
  "host\u0000",
  "x".repeat(90),
  0,
  -1,
  3.5,
  2 ** 40,
];

/** A message of a type no room handles: `malformed`, whoever sends it. */
export function unknownType(ctx: ShotContext): Shot {
  const type = pick(ctx.rng, UNKNOWN_TYPES);
  return {
    what: `type ${describeValue(type)}`,
    answer: MALFORMED,
    fire: send(type, randomValue(ctx.rng)),
  };
}

/** Above MAX_MESSAGE_BYTES, within the frame limit: `too-large`, before anything reads it. */
export function oversized(ctx: ShotContext): Shot {
  const { rng } = ctx;
  const room = FRAME_LIMIT - MAX_MESSAGE_BYTES - 200;
  const padding = "x".repeat(MAX_MESSAGE_BYTES + randomInt(rng, room));
  const type = pick(rng, ["act", "host", "cheat"]);
  const payload = { seq: ctx.nextSeq(), action: { type: "drop", packet: 0 }, padding };
  return {
    what: `oversized ${type} ×${padding.length}`,
    answer: { kind: "error", code: "too-large" },
    fire: send(type, payload),
  };
}
