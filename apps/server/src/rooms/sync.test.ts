import { ArraySchema, MapSchema, schema, t } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { syncCounts, syncList, syncValues } from "./sync.ts";

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
  it("keeps matched entries in place, removes gone ones, inserts new ones in order", () => {
    const target = new ArraySchema<Entry>();
    sync(target, [
      { key: 1, label: "a" },
      { key: 2, label: "b" },
      { key: 3, label: "c" },
    ]);
    const kept = target[2];
    sync(target, [
      { key: 0, label: "new" },
      { key: 3, label: "C" },
      { key: 4, label: "d" },
    ]);
    expect(plain(target)).toEqual([
      { key: 0, label: "new" },
      { key: 3, label: "C" },
      { key: 4, label: "d" },
    ]);
    expect(target[1]).toBe(kept);
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
