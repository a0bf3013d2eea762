import { isDeepStrictEqual } from "node:util";
import { type Input, type ReplayLog, verify } from "@quorum/shared";
import type { Phone } from "./chaosPhones.ts";

/** What a student's node should show in the stored log of a chaos round (chaos.test.ts). */
export interface StudentRecord {
  phone: Phone;
  nickname: string;
  node: number;
  /** Ticks in which its network was cut (until its phone was back); none when never cut. */
  away: { from: number; to: number } | undefined;
  /** D5: whether a bot must, must not or may have played its node meanwhile. */
  bot: "must" | "must-not" | "may";
  /** How many of its phone's taps came before everyone was back: each later one must count. */
  settled: number;
  /** The SDK got its seat back (no fresh join): each tap queued meanwhile must count. */
  keptSeat: boolean;
}

interface SeatAction {
  type: "seat";
  node: number;
  name: string;
  bot: string | null;
}

type SeatInput = Input & { action: SeatAction };

const isSeat = (action: unknown): action is SeatAction =>
  (action as { type?: unknown }).type === "seat";

const show = (value: unknown) => JSON.stringify(value);

/**
 * The stored log against what each phone sent: every input of a student's node is a tap of its
 * phone, none played twice, and each tap after everyone was back is there; no other node is
 * played by an actor; a refusal for acting twice (R5) only where a bot may have handled the
 * packet first; seat changes (D5) that alternate bot on / bot off within the student's absence.
 * Also D6: the log replays to its own checkpoints. Returns the problems found, as sentences.
 */
export function audit(log: ReplayLog, students: readonly StudentRecord[]): string[] {
  const problems: string[] = [];
  const verified = verify(log);
  if (!verified.ok) problems.push(`D6: the log does not replay: ${show(verified.problem)}`);
  const byNode = new Map(students.map((student) => [student.node, student]));
  const seats = new Map<number, SeatInput[]>();
  const acts = new Map<number, Map<number, Input[]>>();
  for (const input of log.inputs) {
    if (input.actor === "host") {
      if (isSeat(input.action) && byNode.has(input.action.node)) {
        const list = seats.get(input.action.node) ?? [];
        list.push({ ...input, action: input.action });
        seats.set(input.action.node, list);
      }
      continue;
    }
    const packet = (input.action as { packet?: unknown }).packet;
    if (!byNode.has(input.actor) || typeof packet !== "number") {
      problems.push(`node ${input.actor}, no student's, played ${show(input)}`);
      continue;
    }
    const byPacket = acts.get(input.actor) ?? new Map<number, Input[]>();
    byPacket.set(packet, [...(byPacket.get(packet) ?? []), input]);
    acts.set(input.actor, byPacket);
  }
  for (const student of students) {
    const { nickname, node } = student;
    const seat = log.roster[node];
    if (seat?.name !== nickname || seat.bot !== null) {
      problems.push(`${nickname}'s node ${node} starts as ${show(seat)}`);
    }
    const played = acts.get(node) ?? new Map<number, Input[]>();
    const changes = seats.get(node) ?? [];
    problems.push(...tapsPlayed(student, played));
    problems.push(...seatChanges(student, changes));
    problems.push(...refusals(student, played, changes));
  }
  return problems;
}

/**
 * Each input of the student's node is a tap of its phone, for its own node, and no tap is played
 * more than once: a packet's inputs are matched one to one with the phone's taps on it (a phone
 * may tap a packet again when its first tap went unanswered across a drop).
 */
function tapsPlayed(student: StudentRecord, played: Map<number, Input[]>): string[] {
  const problems: string[] = [];
  const { nickname, node, phone } = student;
  const taps = tapsByPacket(phone);
  for (const act of phone.sent) {
    if (act.node !== node) problems.push(`${nickname} acted from node ${act.node}'s view`);
  }
  const reached = (act: Phone["sent"][number]) =>
    played.get(act.action.packet)?.some((input) => isDeepStrictEqual(input.action, act.action));
  for (const act of phone.sent.slice(student.settled)) {
    if (!reached(act)) problems.push(`${nickname}: ${show(act)}, sent when all were back, is lost`);
  }
  for (const act of student.keptSeat ? phone.sent : []) {
    if (act.queued && !reached(act)) {
      problems.push(`${nickname}: ${show(act)}, queued while reconnecting, is lost`);
    }
  }
  for (const [packet, inputs] of played) {
    const unmatched = [...(taps.get(packet) ?? [])];
    for (const input of inputs) {
      const at = unmatched.findIndex((act) => isDeepStrictEqual(act.action, input.action));
      if (at >= 0) unmatched.splice(at, 1);
      else {
        const tapped = taps.get(packet)?.length ?? 0;
        problems.push(
          `${nickname}'s node ${node} played ${show(input)}; its phone tapped packet ${packet} ${tapped} time(s): ${show(inputs)}`,
        );
      }
    }
  }
  return problems;
}

function tapsByPacket(phone: Phone): Map<number, Phone["sent"]> {
  const taps = new Map<number, Phone["sent"]>();
  for (const act of phone.sent)
    taps.set(act.action.packet, [...(taps.get(act.action.packet) ?? []), act]);
  return taps;
}

/** D5: bot on while away, off when back; never a rename, never outside the absence. */
function seatChanges(student: StudentRecord, changes: readonly SeatInput[]): string[] {
  const problems: string[] = [];
  const { nickname, node, away } = student;
  let bot: string | null = null;
  for (const change of changes) {
    const { t, action } = change;
    if (action.name !== nickname)
      problems.push(`${nickname}'s node ${node} renamed: ${show(change)}`);
    if ((action.bot === null) === (bot === null)) {
      problems.push(`${nickname}'s node ${node}: seat change ${show(action)} after bot ${bot}`);
    }
    bot = action.bot;
    if (away === undefined || t < away.from || t > away.to) {
      problems.push(
        `${nickname}'s node ${node}: seat change at tick ${t}, outside its absence ${show(away)}`,
      );
    }
  }
  if (bot !== null) problems.push(`${nickname}'s node ${node} left to bot ${bot}`);
  if (student.bot === "must" && changes.length === 0) {
    problems.push(`${nickname} was away past the grace period, yet no bot took node ${node}`);
  }
  if (student.bot === "must-not" && changes.length > 0) {
    problems.push(`${nickname} came back within the grace period, yet node ${node} changed seats`);
  }
  return problems;
}

/**
 * D3: each refusal the phone got is for a tap it made, and in the log. R5 (acting twice on a
 * packet) refuses a packet tapped once only where a bot played the node before: only the node
 * itself handles its inbox, so without a bot in between the packet was handled by this very tap —
 * it arrived twice.
 */
function refusals(
  student: StudentRecord,
  played: Map<number, Input[]>,
  changes: readonly SeatInput[],
): string[] {
  const problems: string[] = [];
  const { nickname, node, phone } = student;
  const taps = tapsByPacket(phone);
  const botFrom = changes.find((change) => change.action.bot !== null)?.t;
  for (const { seq, rejection } of phone.rejected) {
    const tap = phone.sent.find((act) => act.seq === seq);
    const logged = tap && played.get(tap.action.packet);
    const input = logged?.find((each) => isDeepStrictEqual(each.action, tap?.action));
    if (tap === undefined || input === undefined) {
      problems.push(`${nickname}: a refusal ${show(rejection)} for #${seq}, not in the log`);
    } else if (
      rejection.rule === "R5" &&
      taps.get(tap.action.packet)?.length === 1 &&
      (botFrom === undefined || input.t <= botFrom)
    ) {
      problems.push(
        `${nickname}: ${show(tap.action)}, tapped once, refused by R5 (${rejection.code}) at tick ${input.t} with no bot on node ${node} before`,
      );
    }
  }
  return problems;
}
