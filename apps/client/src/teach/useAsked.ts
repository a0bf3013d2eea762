import { useEffect, useState } from "preact/hooks";

/**
 * A setting the room confirms a tick later: what the teacher just chose shows at once, and the
 * room's value again once it agrees (or changes otherwise). Without it a radio button would
 * jump back for a moment after each click.
 */
export function useAsked<T>(confirmed: T): [shown: T, ask: (value: T) => void] {
  const [asked, setAsked] = useState<{ value: T } | null>(null);
  useEffect(() => {
    if (asked && Object.is(asked.value, confirmed)) setAsked(null);
  }, [asked, confirmed]);
  return [asked ? asked.value : confirmed, (value) => setAsked({ value })];
}
