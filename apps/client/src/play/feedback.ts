/** A short line telling the player what just happened (P7: immediate feedback). */
export interface Feedback {
  /** Increases with every new line, so the same text twice still announces twice. */
  id: number;
  tone: "good" | "problem" | "info";
  text: string;
}

/**
 * A buzz the player feels without looking, where the phone can and the player has not asked for
 * reduced motion: a tick for a sent action, a double buzz for a refused one.
 */
export function buzz(tone: Feedback["tone"]): void {
  if (typeof navigator.vibrate !== "function") return;
  if (matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  try {
    navigator.vibrate(tone === "problem" ? [60, 50, 60] : 15);
  } catch {
    // Some browsers refuse vibration before a user gesture; the text says it anyway.
  }
}
