import { ArraySchema, MapSchema, schema, t } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { syncCounts, syncList, syncValues } from "./sync.ts";
import { Wire } from "./testing.ts";

const Entry = schema({ key: t.uint32(), label: t.string() }, "SyncTestEntry");
type Entry = InstanceType<typeof Entry>;

function sync(target: ArraySchema<Entry>, items: { key: number; label: string }[]) {
  syncList(
    target,
    items,
    (item) => item.key,
    (entry) => entry.key,
    (item) => new Entry(item),
    (entry, item) => Object.assign(entry, item),
  );
}

const plain = (target: ArraySchema<Entry>) =>
  Array.from(target, (entry) => ({ key: entry.key, label: entry.label }));

describe("syncList", () => {
  it("keeps matched entries in place, removes gone ones, appends new ones", () => {
    const target = new ArraySchema<Entry>();
    sync(target, [
      { key: 1, label: "a" },
      { key: 2, label: "b" },
      { key: 3, label: "c" },
    ]);
    const kept = target[2];
    sync(target, [
      { key: 3, label: "C" },
      { key: 4, label: "d" },
    ]);
    expect(plain(target)).toEqual([
      { key: 3, label: "C" },
      { key: 4, label: "d" },
    ]);
    expect(target[0]).toBe(kept);
  });

  it("D4: a new entry before kept ones reaches a filtered view in its place", () => {
    // Colyseus 0.18 appends an entry spliced in before others at the end of a filtered view's
    // copy; syncList re-creates the entries from the new one on instead.
    const Board = schema({ entries: t.array(Entry) }, "SyncTestBoard");
    const State = schema({ board: t.ref(Board).view() }, "SyncTestState");
    const state = new State();
    const wire = new Wire(state);
    const client = wire.join([state.board]);
    const steps = [
      [3, 5],
      [1, 3, 4, 5],
      [0, 1, 2, 3, 5, 6],
      [2, 5],
    ];
    for (const keys of steps) {
      const before = state.board.entries[0];
      sync(
        state.board.entries,
        keys.map((key) => ({ key, label: `#${key}` })),
      );
      if (before?.key === keys[0]) expect(state.board.entries[0]).toBe(before);
      wire.patch();
      const decoded = client.decoder.state.toJSON() as { board: { entries: Entry[] } };
      expect(decoded.board.entries.map((entry) => entry.key)).toEqual(keys);
    }
  });

  it("rebuilds when the order of the kept entries changed", () => {
    const target = new ArraySchema<Entry>();
    sync(target, [
      { key: 1, label: "a" },
      { key: 2, label: "b" },
    ]);
    sync(target, [
      { key: 2, label: "b" },
      { key: 1, label: "a" },
    ]);
    expect(plain(target).map((entry) => entry.key)).toEqual([2, 1]);
  });
});

describe("syncValues and syncCounts", () => {
  it("make a list of numbers and a map of counts equal to the source", () => {
    const values = new ArraySchema<number>(1, 2, 3, 4);
    syncValues(values, [1, 5]);
    expect(Array.from(values)).toEqual([1, 5]);
    syncValues(values, [1, 5, 6]);
    expect(Array.from(values)).toEqual([1, 5, 6]);
    const counts = new MapSchema<number>({ loss: 1, ttl: 2 });
    syncCounts(counts, { ttl: 3, "queue-full": 1 });
    expect(Object.fromEntries(counts.entries())).toEqual({ ttl: 3, "queue-full": 1 });
  });
});
