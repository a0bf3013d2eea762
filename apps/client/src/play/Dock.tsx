import type { ComponentChildren } from "preact";
import type { Feedback } from "./feedback.ts";

/**
 * The strip at the bottom, under the thumb: the outcome of the last action (a live region, so it is
 * announced), what to do next, and the actions at hand (a picked packet's, a Raft server's).
 */
export function Dock({
  feedback,
  hint,
  idle,
  children,
}: {
  feedback: Feedback | null;
  hint: ComponentChildren | null;
  idle: ComponentChildren | null;
  children?: ComponentChildren;
}) {
  return (
    <div class="dock">
      <p class="dock__feedback" role="status" aria-live="polite">
        {feedback && (
          <span key={feedback.id} class={`feedback feedback--${feedback.tone}`}>
            {feedback.text}
          </span>
        )}
      </p>
      {(hint ?? idle) && <p class="dock__hint">{hint ?? idle}</p>}
      {children}
    </div>
  );
}
