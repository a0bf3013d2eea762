import type { AnyMode } from "../engine/contract.ts";
import { election } from "./election/index.ts";
import { routing } from "./routing/index.ts";

/** Every playable mode by id; a replay names its mode and is refused if this Quorum lacks it. */
export const MODES: Record<string, AnyMode> = {
  routing: routing as unknown as AnyMode,
  election: election as unknown as AnyMode,
};

export function modeById(id: string): AnyMode | undefined {
  return Object.hasOwn(MODES, id) ? MODES[id] : undefined;
}
