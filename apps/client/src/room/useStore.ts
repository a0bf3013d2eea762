import { useEffect, useState } from "preact/hooks";
import type { ReadStore } from "./store.ts";

/** The store's current value; the component renders again whenever it changes. */
export function useStore<T>(store: ReadStore<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    setValue(() => store.get()); // it may have changed between render and effect
    return store.subscribe((next) => setValue(() => next));
  }, [store]);
  return value;
}
