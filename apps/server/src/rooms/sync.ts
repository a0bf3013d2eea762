import type { ArraySchema, MapSchema } from "@colyseus/schema";

/**
 * Helpers that bring schema collections up to date with the fewest changes, so that delta
 * encoding sends only what really changed. Schema setters already skip a value that is equal to
 * the current one; collections need matching by hand.
 */

/**
 * Makes `target` list `source` in order: entries are matched by key and updated in place, gone
 * ones are removed, new ones appended. A new entry before kept ones (rare: engine lists grow at
 * their end) re-creates those after it; a reordering (rarer still) rebuilds the list.
 */
export function syncList<Item, Entry>(
  target: ArraySchema<Entry>,
  source: readonly Item[],
  keyOf: (item: Item) => number | string,
  entryKey: (entry: Entry) => number | string,
  create: (item: Item) => Entry,
  update: (entry: Entry, item: Item) => void,
): void {
  const wanted = new Set(source.map(keyOf));
  for (let i = target.length - 1; i >= 0; i--) {
    if (!wanted.has(entryKey(target[i]!))) target.splice(i, 1);
  }
  const present = new Set(Array.from(target, entryKey));
  for (let i = 0; i < source.length; i++) {
    const item = source[i]!;
    const entry = target[i];
    const key = keyOf(item);
    if (entry !== undefined && entryKey(entry) === key) {
      update(entry, item);
    } else if (present.has(key)) {
      target.clear();
      for (const each of source) target.push(create(each));
      return;
    } else if (i === target.length) {
      target.push(create(item));
    } else {
      // Colyseus 0.18 puts an entry inserted before others at the end of a filtered view's
      // copy (sync.test.ts): the entries from here on are made anew, in order, at the end.
      target.splice(i, target.length - i);
      for (const each of source.slice(i)) target.push(create(each));
      return;
    }
  }
}

/** Makes a list of numbers equal to `values`, touching only the slots that differ. */
export function syncValues(target: ArraySchema<number>, values: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    if (i >= target.length) target.push(values[i]!);
    else if (target[i] !== values[i]) target[i] = values[i]!;
  }
  while (target.length > values.length) target.pop();
}

/** Makes a map of numbers hold exactly `values`. */
export function syncCounts(
  target: MapSchema<number>,
  values: Readonly<Record<string, number>>,
): void {
  for (const [key, value] of Object.entries(values)) {
    if (target.get(key) !== value) target.set(key, value);
  }
  for (const key of Array.from(target.keys())) {
    if (!Object.hasOwn(values, key)) target.delete(key);
  }
}
