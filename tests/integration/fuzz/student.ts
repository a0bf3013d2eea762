/**
 * P6, D3: what a student's phone (or a projector) may send — broken envelopes, actions of the wrong
 * shape, actions out of turn, teacher's commands, bytes, requests — and what a well-behaved
 * student sends.
 */
import { actMessageSchema, chance, pick, nextInt as randomInt } from "@quorum/shared";
import type { AnyRoom } from "../harness.ts";
import {
  type Answer,
  MALFORMED,
  oversized,
  type Shot,
  type ShotContext,
  send,
  unknownType,
} from "./shots.ts";
import { VALID_HOST_COMMANDS } from "./teacher.ts";
import { describeValue, own, parse, randomValue } from "./values.ts";

/** Envelopes actMessageSchema refuses, some only after the msgpack trip. */
const BROKEN_ENVELOPES: unknown[] = [
  undefined,
  null,
  "just a string",
  42,
  [],
  [1, { type: "drop", packet: 1 }],
  {},
  { action: { type: "drop", packet: 1 } },
  { seq: -1, action: {} },
  { seq: 1.5, action: {} },
  { seq: "1", action: {} },
  { seq: Number.NaN, action: {} },
  { seq: Number.POSITIVE_INFINITY, action: {} },
  { seq: -(2n ** 62n), action: {} },
  { seq: 2 },
  own([["__proto__", { seq: 1, action: { type: "drop", packet: 1 } }]]),
  new Date(0),
  new Uint8Array(16),
];

/** The answer an act gets, from who sends it, when, and what it holds (P6, then D3). */
export function actAnswer(ctx: ShotContext, message: unknown): Answer {
  const envelope = parse(actMessageSchema, message)?.value as
    | { seq: number; action: unknown }
    | undefined;
  if (envelope === undefined) return MALFORMED;
  const { seq, action } = envelope;
  if (ctx.role !== "player") return { kind: "error", code: "forbidden", seq };
  if (ctx.phase !== "running") return { kind: "error", code: "wrong-phase", seq };
  const parsed = parse(ctx.mode.actionSchema, action);
  if (parsed === undefined) return { kind: "error", code: "malformed", seq };
  return { kind: "engine", seq, input: parsed.value };
}

function actShot(ctx: ShotContext, message: unknown, label: string): Shot {
  return {
    what: `${label} act ${describeValue(message)}`,
    answer: actAnswer(ctx, message),
    fire: send("act", message),
  };
}

/** Actions with the mode's shape that are wrong now: not its packet or card, not its turn. */
function outOfTurn(ctx: ShotContext): unknown {
  const { rng, nodes } = ctx;
  const anyNode = () => randomInt(rng, nodes + 3);
  const anyId = () => (chance(rng, 0.2) ? pick(rng, [0, 2 ** 31, 2 ** 53]) : randomInt(rng, 300));
  // Extra keys that would name another node or actor: the schema drops them, the token decides.
  const extra = chance(rng, 0.3)
    ? own([[pick(rng, ["node", "actor", "seq", "t", "__proto__"]), anyNode()]])
    : {};
  const actions: object[] =
    ctx.mode.id === "routing"
      ? [
          { type: "forward", packet: anyId(), to: anyNode() },
          { type: "drop", packet: anyId() },
          { type: "flood", packet: anyId() },
          { type: "retransmit", seq: anyId() },
        ]
      : [
          { type: "start-election" },
          { type: "heartbeat" },
          { type: "heartbeat", to: anyNode() },
          { type: "answer-vote", card: anyId(), grant: chance(rng, 0.5) },
          { type: "answer-append", card: anyId(), accept: chance(rng, 0.5) },
          { type: "crash" },
          { type: "restart" },
        ];
  return { ...extra, ...pick(rng, actions) };
}

/** An action on something the sender does hold: its inbox head, its first card. */
function onOwnView(ctx: ShotContext): unknown {
  const view = ctx.view();
  const { rng } = ctx;
  if (ctx.mode.id === "routing") {
    const entry = view?.inbox?.[0]?.entry;
    const neighbours = view?.neighbours ?? [];
    const to = neighbours[randomInt(rng, Math.max(1, neighbours.length))]?.node;
    if (entry === undefined || to === undefined) return outOfTurn(ctx);
    return chance(rng, 0.8)
      ? { type: "forward", packet: entry, to }
      : { type: "drop", packet: entry };
  }
  const card = view?.cards?.[0];
  if (card === undefined) return outOfTurn(ctx);
  return card.kind === "request-vote"
    ? { type: "answer-vote", card: card.card, grant: chance(rng, 0.5) }
    : { type: "answer-append", card: card.card, accept: chance(rng, 0.5) };
}

/** One random message from a student's phone or a projector, with the answer it is owed. */
export function playerShot(ctx: ShotContext): Shot {
  const { rng } = ctx;
  const roll = randomInt(rng, 100);
  if (roll < 10) return unknownType(ctx);
  if (roll < 22) {
    const envelope = chance(rng, 0.6) ? pick(rng, BROKEN_ENVELOPES) : randomValue(rng);
    return actShot(ctx, envelope, "envelope");
  }
  if (roll < 36) {
    const action = chance(rng, 0.5) ? randomValue(rng) : { ...(outOfTurn(ctx) as object), type: 7 };
    return actShot(ctx, { seq: ctx.nextSeq(), action }, "shape");
  }
  if (roll < 62) return actShot(ctx, { seq: ctx.nextSeq(), action: outOfTurn(ctx) }, "turn");
  if (roll < 72) return actShot(ctx, { seq: ctx.nextSeq(), action: onOwnView(ctx) }, "own");
  if (roll < 82) {
    // A student or a projector playing teacher: refused before its content is read.
    const command = chance(rng, 0.5) ? randomValue(rng) : pick(rng, VALID_HOST_COMMANDS);
    return {
      what: `host ${describeValue(command)}`,
      answer: { kind: "error", code: "forbidden" },
      fire: send("host", command),
    };
  }
  if (roll < 88) return oversized(ctx);
  if (roll < 93) {
    // Raw bytes: no room handles bytes, whatever the type says.
    const type = pick(rng, ["act", "host", "cheat"]);
    const bytes = Uint8Array.from({ length: randomInt(rng, 200) }, () => randomInt(rng, 256));
    return {
      what: `bytes ${type} ×${bytes.length}`,
      answer: MALFORMED,
      fire: (room) => {
        room.sendBytes(type, bytes);
        return undefined;
      },
    };
  }
  return requestShot(ctx);
}

/** A request (ROOM_REQUEST): for a type the room handles, it answers as to a message, too. */
function requestShot(ctx: ShotContext): Shot {
  const { rng } = ctx;
  const request = (type: string, payload: unknown) => (room: AnyRoom) =>
    room.request(type, payload, { timeout: 10_000 });
  if (chance(rng, 0.5)) {
    const message = { seq: ctx.nextSeq(), action: outOfTurn(ctx) };
    return {
      what: `request act ${describeValue(message)}`,
      answer: actAnswer(ctx, message),
      request: true,
      fire: request("act", message),
    };
  }
  // Colyseus answers these itself (no handler), outside the room's rate limit: see the report.
  const type = pick(rng, ["cheat", "__proto__", "constructor", "state"]);
  return {
    what: `request ${type}`,
    answer: { kind: "none" },
    request: true,
    fire: request(type, randomValue(rng)),
  };
}

/**
 * A well-behaved student: acts only on what its own view shows, as the phone's buttons would,
 * each inbox entry or card once (`handled`). Undefined when there is nothing to do.
 */
export function goodShot(ctx: ShotContext, handled: Set<number>): Shot | undefined {
  const view = ctx.view();
  if (view === undefined) return undefined;
  let action: unknown;
  if (ctx.mode.id === "routing") {
    const entry = (view.inbox ?? []).find((item: { entry: number }) => !handled.has(item.entry));
    if (entry === undefined) return undefined;
    handled.add(entry.entry);
    const up: { node: number }[] = (view.neighbours ?? []).filter((n: { up: boolean }) => n.up);
    action =
      up.length === 0
        ? { type: "drop", packet: entry.entry }
        : { type: "forward", packet: entry.entry, to: pick(ctx.rng, up).node };
  } else {
    const card = (view.cards ?? []).find((item: { card: number }) => !handled.has(item.card));
    if (card !== undefined) {
      handled.add(card.card);
      const may = card.verdict?.code === "";
      action =
        card.kind === "request-vote"
          ? { type: "answer-vote", card: card.card, grant: may }
          : { type: "answer-append", card: card.card, accept: may };
    } else if (view.role === "leader" && view.heartbeatDue) {
      action = { type: "heartbeat" };
    } else if (view.startElection?.code === "" && chance(ctx.rng, 0.05)) {
      action = { type: "start-election" };
    } else {
      return undefined;
    }
  }
  return actShot(ctx, { seq: ctx.nextSeq(), action }, "good");
}
