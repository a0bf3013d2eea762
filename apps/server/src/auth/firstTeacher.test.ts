import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../store/sqlite.ts";
import type { Store } from "../store/types.ts";
import { createSetupGate, prepareFirstTeacher } from "./firstTeacher.ts";
import { verifyPassword } from "./passwords.ts";

const logger = pino({ level: "silent" });
const now = () => Date.UTC(2025, 8, 1);
const admin = { email: "ada@example.org", password: "correct horse battery" };

describe("createSetupGate", () => {
  it("P1: opens once, for its own token only", () => {
    const gate = createSetupGate();
    const token = gate.token!;
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(gate.consume(`${token}x`)).toBe(false);
    expect(gate.consume("")).toBe(false);
    expect(gate.token).toBe(token);
    expect(gate.consume(token)).toBe(true);
    expect(gate.token).toBeUndefined();
    expect(gate.consume(token)).toBe(false);
  });

  it("P1: every start has its own token", () => {
    expect(createSetupGate().token).not.toBe(createSetupGate().token);
  });
});

describe("prepareFirstTeacher", () => {
  let store: Store;

  beforeEach(() => {
    store = SqliteStore.open(":memory:");
  });

  afterEach(async () => {
    await store.close();
  });

  it("P1: with no teacher and no admin configured, opens a setup gate", async () => {
    const gate = await prepareFirstTeacher({ store, admin: undefined, now, logger });
    expect(gate.token).toEqual(expect.any(String));
    expect(await store.teachers.count()).toBe(0);
  });

  it("P1: with no teacher, creates the configured admin and opens no gate", async () => {
    const gate = await prepareFirstTeacher({ store, admin, now, logger });
    expect(gate.token).toBeUndefined();
    const created = await store.teachers.byEmail("ada@example.org");
    expect(created).toMatchObject({ role: "admin", createdAt: now() });
    expect(await verifyPassword("correct horse battery", created?.passwordHash)).toBe(true);
  });

  it("P1: never overwrites an existing account, nor opens a gate once one exists", async () => {
    await prepareFirstTeacher({ store, admin, now, logger });
    const before = await store.teachers.byEmail("ada@example.org");
    const changed = { email: "ada@example.org", password: "a different password" };
    expect(
      (await prepareFirstTeacher({ store, admin: changed, now, logger })).token,
    ).toBeUndefined();
    const other = { email: "bob@example.org", password: "a different password" };
    expect((await prepareFirstTeacher({ store, admin: other, now, logger })).token).toBeUndefined();
    expect(
      (await prepareFirstTeacher({ store, admin: undefined, now, logger })).token,
    ).toBeUndefined();
    expect(await store.teachers.byEmail("ada@example.org")).toEqual(before);
    expect(await store.teachers.count()).toBe(1);
  });
});
