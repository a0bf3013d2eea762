import type { ProtocolErrorCode } from "@quorum/shared";
import * as v from "valibot";
import { describe } from "./commands.ts";
import type { ClassroomClient } from "./context.ts";
import type { RoundControl } from "./lifecycle.ts";

export type ActCheck =
  | { ok: true; node: number; action: unknown }
  | { ok: false; code: ProtocolErrorCode; message: string; detail: string | undefined };

/**
 * P6: whether `client` may play `action` now, and as which node — always its own, from its
 * token, never from the message. The action is checked against the mode's shape here, so that
 * nothing malformed reaches the engine or the log.
 */
export function checkAct(
  client: ClassroomClient,
  control: RoundControl | undefined,
  action: unknown,
): ActCheck {
  const refused = (code: ProtocolErrorCode, message: string, detail?: string): ActCheck => ({
    ok: false,
    code,
    message,
    detail,
  });
  const identity = client.auth;
  if (identity?.role !== "player") return refused("forbidden", "Only a student acts.");
  const round = control?.active;
  if (round === undefined || control?.phase !== "running") {
    return refused("wrong-phase", "The round is not running.");
  }
  const node = round.runner.nodeOf(identity.playerId);
  if (node === undefined || round.runner.seats[node]!.bot !== null) {
    return refused("forbidden", "You have no node in this round.", "no-node");
  }
  const parsed = v.safeParse(round.runner.mode.actionSchema, action);
  if (!parsed.success) return refused("malformed", describe(parsed.issues));
  return { ok: true, node, action: parsed.output };
}
