import type { ElectionHostAction } from "@quorum/shared";
import { electionHostActionSchema } from "@quorum/shared/modes/election/actions";

/**
 * E6: the teacher is the client. A command is checked by the engine's own schema before it is
 * sent (the client never re-implements a rule); the room checks it again.
 */

type Command = Extract<ElectionHostAction, { type: "command" }>;

/** The longest command the engine takes, read from its schema (the `max_length` of `command`). */
export const COMMAND_MAX_LENGTH: number = (() => {
  for (const option of electionHostActionSchema.options) {
    const field = (option.entries as Record<string, { pipe?: readonly unknown[] }>).command;
    for (const item of field?.pipe ?? []) {
      const rule = item as { type?: string; requirement?: unknown };
      if (rule.type === "max_length" && typeof rule.requirement === "number") {
        return rule.requirement;
      }
    }
  }
  return Number.POSITIVE_INFINITY;
})();

/** The `command` host action for `text` to `cluster` (0-based), or null when the engine would refuse its shape. */
export function commandAction(cluster: number, text: string): Command | null {
  const action = { type: "command", cluster, command: text };
  const result = electionHostActionSchema["~standard"].validate(action);
  if (result instanceof Promise || result.issues) return null;
  return result.value as Command;
}

/** "x=3" → "x=4": the next command is ready to send, so a class sees the log grow entry by entry. */
export function nextCommand(command: string): string {
  const match = /^(.*?)(\d+)$/.exec(command.trim());
  if (!match) return command;
  return `${match[1]}${Number(match[2]) + 1}`;
}
