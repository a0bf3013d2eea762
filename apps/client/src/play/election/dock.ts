import type { Rejection } from "@quorum/shared/engine/contract";
import type { ElectionView } from "@quorum/shared/modes/election/index";

/** The one action under the thumb, by role and assist level (E2, E6, E8). */
export type DockAction =
  | { type: "start-election"; enabled: boolean }
  | { type: "heartbeat"; urgent: boolean }
  | { type: "crash" }
  | { type: "restart" }
  | null;

/** What the dock says about it. */
export type DockPrompt =
  /** E8 watch: the bot plays; the student may crash (up) or restart (down) its node. */
  | { kind: "watch" }
  | { kind: "watch-down" }
  /** N4: down, nothing to do (the banner says why). */
  | { kind: "down" }
  /** E6: a follower is due an AppendEntries now, or the next one is due in `ticks`. */
  | { kind: "heartbeat-due" }
  | { kind: "heartbeat-in"; ticks: number }
  /** E2: the timer ran out — stand for election. */
  | { kind: "may-start" }
  /** E2: why not yet, with the engine's rule (a running timer's seconds counted from the tick). */
  | { kind: "wait"; rule: string; seconds: number }
  | { kind: "refused"; rejection: Rejection };

/**
 * E2, E6, E8: the dock of a Raft server — in the watch level only crashing and restarting its own
 * node; a leader's heartbeat; otherwise "start an election", enabled only when the engine allows
 * it, and why not while it does not.
 */
export function dockOf(view: ElectionView): { action: DockAction; prompt: DockPrompt } {
  if (view.assist === "watch") {
    return view.up
      ? { action: { type: "crash" }, prompt: { kind: "watch" } }
      : { action: { type: "restart" }, prompt: { kind: "watch-down" } };
  }
  if (!view.up) return { action: null, prompt: { kind: "down" } };
  if (view.role === "leader") {
    const due = (view.replication ?? []).map((peer) => peer.dueAt - view.tick);
    const next = due.length === 0 ? 0 : Math.max(0, Math.min(...due));
    return {
      action: { type: "heartbeat", urgent: view.heartbeatDue },
      prompt: view.heartbeatDue ? { kind: "heartbeat-due" } : { kind: "heartbeat-in", ticks: next },
    };
  }
  const verdict = view.startElection;
  if (!verdict)
    return { action: { type: "start-election", enabled: true }, prompt: { kind: "may-start" } };
  const seconds = verdict.params?.seconds;
  return {
    action: { type: "start-election", enabled: false },
    prompt:
      verdict.code === "election.timer-running" && typeof seconds === "number"
        ? { kind: "wait", rule: verdict.rule, seconds }
        : { kind: "refused", rejection: verdict },
  };
}
