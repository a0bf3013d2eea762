import { type HostCommand, modeById, normaliseNickname, type Phase } from "@quorum/shared";
import * as v from "valibot";
import { type ClassroomClient, type RoomContext, refuse } from "./context.ts";
import type { RoundControl } from "./lifecycle.ts";
import type { Roster } from "./players.ts";

const ROUND: readonly Phase[] = ["countdown", "running", "paused"];

/** P5, P6: the phases in which each host command makes sense (null: any phase). */
const PHASES_OF: Record<HostCommand["type"], readonly Phase[] | null> = {
  configure: ["lobby"],
  start: ["lobby"],
  pause: ["running"],
  resume: ["paused"],
  speed: null,
  fault: ROUND,
  mode: ROUND,
  end: ROUND,
  next: ["ended"],
  rename: null,
  remove: null,
  grace: null,
};

export interface CommandTarget {
  ctx: RoomContext;
  control: RoundControl;
  roster: Roster;
}

/** Carries out a teacher's command, already shape-checked against hostCommandSchema. */
export async function runHostCommand(
  target: CommandTarget,
  client: ClassroomClient,
  command: HostCommand,
): Promise<void> {
  const { ctx, control, roster } = target;
  const allowed = PHASES_OF[command.type];
  if (allowed !== null && !allowed.includes(control.phase)) {
    refuse(client, "wrong-phase", `"${command.type}" is not possible while ${control.phase}.`);
    return;
  }
  switch (command.type) {
    case "configure":
      return configure(target, client, command);
    case "start":
      if (control.plan === undefined) {
        refuse(client, "wrong-phase", "Configure the round before starting it.", {
          detail: "not-configured",
        });
        return;
      }
      try {
        control.start(control.plan);
      } catch (error) {
        // The configuration passed its schema but the round could not be built from it.
        ctx.services.logger.warn({ err: error, sessionId: ctx.sessionId }, "round did not start");
        refuse(client, "malformed", `The round could not start: ${String(error)}`, {
          detail: "config",
        });
      }
      return;
    case "pause":
      return control.pause();
    case "resume":
      return control.resume();
    case "speed":
      return control.setSpeed(command.speed);
    case "fault":
      control.hostInput(client, command.fault);
      return;
    case "mode": {
      const round = control.active;
      if (round === undefined) return;
      const parsed = v.safeParse(round.runner.mode.hostActionSchema, command.action);
      if (!parsed.success) {
        refuse(client, "malformed", describe(parsed.issues));
        return;
      }
      control.hostInput(client, parsed.output);
      return;
    }
    case "end":
      return control.end();
    case "next":
      return control.next();
    case "grace":
      ctx.state.grace = command.seconds;
      return;
    case "rename":
      return rename(target, client, command.player, command.nickname);
    case "remove":
      if (!roster.has(command.player)) return unknownPlayer(client);
      await ctx.services.store.players.remove(command.player, ctx.services.now());
      roster.remove(command.player);
      return;
  }
}

function configure(
  { control, roster }: CommandTarget,
  client: ClassroomClient,
  command: Extract<HostCommand, { type: "configure" }>,
): void {
  const mode = modeById(command.mode);
  if (mode === undefined) {
    refuse(client, "malformed", `This server cannot host ${command.mode} rounds.`);
    return;
  }
  const parsed = v.safeParse(mode.configSchema, command.config);
  if (!parsed.success) {
    refuse(client, "malformed", describe(parsed.issues), { detail: "config" });
    return;
  }
  const players = roster.present().length;
  if (command.nodes < players) {
    refuse(client, "malformed", `${players} students are here: the round needs as many nodes.`, {
      detail: "too-few-nodes",
    });
    return;
  }
  control.configure({ mode, config: parsed.output, nodes: command.nodes });
}

async function rename(
  { ctx, roster }: CommandTarget,
  client: ClassroomClient,
  player: string,
  raw: string,
): Promise<void> {
  const nickname = normaliseNickname(raw);
  if (!nickname.ok) {
    refuse(client, "malformed", "That nickname cannot be used.", { detail: nickname.problem });
    return;
  }
  if (!roster.has(player)) return unknownPlayer(client);
  const renamed = await ctx.services.store.players.rename(player, nickname.nickname);
  if (!renamed.ok) {
    if (renamed.problem === "player-not-found") return unknownPlayer(client);
    refuse(client, "malformed", `Another student is already called ${nickname.nickname}.`, {
      detail: "nickname-taken",
    });
    return;
  }
  roster.rename(player, renamed.value.nickname);
}

function unknownPlayer(client: ClassroomClient): void {
  refuse(client, "malformed", "There is no such student in this session.", {
    detail: "unknown-player",
  });
}

/** The first validation problem as "path: message". */
export function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (issue === undefined) return "invalid";
  const path = v.getDotPath(issue);
  return path ? `${path}: ${issue.message}` : issue.message;
}
