import { TICKS_PER_SECOND } from "@quorum/shared/engine/time";

/** D7: a number of ticks as seconds the way the player's language writes them ("1.5", "1,5"). */
export function seconds(
  ticks: number,
  { number }: { number(value: number, fractionDigits?: number): string },
  fractionDigits = 1,
): string {
  return number(ticks / TICKS_PER_SECOND, fractionDigits);
}
