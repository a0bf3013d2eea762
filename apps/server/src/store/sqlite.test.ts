import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeStoreContract } from "./contract.ts";
import { migrate, migrations } from "./migrations.ts";
import { DATABASE_FILE, SqliteStore } from "./sqlite.ts";

describeStoreContract("SQLite in memory", () => SqliteStore.open(":memory:"));

describe("SqliteStore on disk", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "quorum-store-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("S1: uses WAL and foreign keys, and records the schema version", async () => {
    const path = join(dir, "pragmas.db");
    const store = SqliteStore.open(path);
    await store.close();
    await store.close(); // idempotent
    const db = new DatabaseSync(path);
    try {
      expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
      const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").all();
      expect(versions.map((row) => row.version)).toEqual(migrations.map((_, index) => index + 1));
    } finally {
      db.close();
    }
  });

  it("S1: keeps its data across a restart without re-running migrations", async () => {
    const path = join(dir, DATABASE_FILE);
    const first = SqliteStore.open(path);
    const created = await first.teachers.create({
      email: "ada@example.org",
      passwordHash: "h",
      role: "admin",
      createdAt: 1,
    });
    await first.close();

    const second = SqliteStore.open(path);
    try {
      expect(await second.teachers.byEmail("ada@example.org")).toEqual(
        created.ok ? created.value : undefined,
      );
    } finally {
      await second.close();
    }
  });

  it("S1: enforces foreign keys", async () => {
    const store = SqliteStore.open(":memory:");
    try {
      await expect(
        store.refreshTokens.insert({
          tokenHash: "h",
          family: "f",
          teacherId: "no-such-teacher",
          expiresAt: 1,
        }),
      ).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await store.close();
    }
  });

  it("S1: deleting a session leaves no row of it in any table", async () => {
    const path = join(dir, "delete.db");
    const store = SqliteStore.open(path);
    try {
      const teacher = await store.teachers.create({
        email: "ada@example.org",
        passwordHash: "h",
        role: "teacher",
        createdAt: 1,
      });
      if (!teacher.ok) throw new Error(teacher.problem);
      const session = await store.sessions.create({
        teacherId: teacher.value.id,
        joinCode: "ABC234",
        createdAt: 1,
      });
      if (!session.ok) throw new Error(session.problem);
      const sessionId = session.value.id;
      await store.players.create({ sessionId, nickname: "Grace", createdAt: 2 });
      const round = await store.rounds.start({
        sessionId,
        header: { version: 1, engineVersion: 1, mode: "routing", config: {}, seed: 1, roster: [] },
        players: [],
        startedAt: 3,
        startHash: "h0",
      });
      if (!round.ok) throw new Error(round.problem);
      const chunk = { inputs: [{ t: 1, seq: 0, actor: 0, action: {} }], checkpoints: [] };
      await store.rounds.append(round.value.id, { ...chunk, tick: 1, hash: "h1" }, 4);
      expect(await store.sessions.delete(sessionId)).toBe(true);
    } finally {
      await store.close();
    }
    const db = new DatabaseSync(path);
    try {
      const counts = db
        .prepare(
          `SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM players) AS players,
             (SELECT count(*) FROM rounds) AS rounds, (SELECT count(*) FROM round_log) AS round_log`,
        )
        .get();
      expect(counts).toEqual({ sessions: 0, players: 0, rounds: 0, round_log: 0 });
    } finally {
      db.close();
    }
  });

  it("S1: refuses a file that is not a database, naming the problem", async () => {
    const path = join(dir, "garbage.db");
    await writeFile(path, "this is not a database, it is a text file that is long enough");
    expect(() => SqliteStore.open(path)).toThrow(/not a database/);
  });
});

describe("migrate", () => {
  const table = (name: string) => `CREATE TABLE ${name} (id INTEGER PRIMARY KEY);`;
  const tables = (db: DatabaseSync) =>
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 't%' ORDER BY name",
      )
      .all()
      .map((row) => row.name);

  it("S1: applies only the migrations the database has not run, in order", () => {
    const db = new DatabaseSync(":memory:");
    expect(migrate(db, [table("t1")])).toBe(1);
    expect(migrate(db, [table("t1"), table("t2"), table("t3")])).toBe(3);
    expect(tables(db)).toEqual(["t1", "t2", "t3"]);
    expect(migrate(db, [table("t1"), table("t2"), table("t3")])).toBe(3);
    db.close();
  });

  it("S1: a failing migration leaves the database as it was", () => {
    const db = new DatabaseSync(":memory:");
    migrate(db, [table("t1")]);
    expect(() => migrate(db, [table("t1"), table("t2"), "CREATE TABLE oops ("])).toThrow();
    expect(tables(db)).toEqual(["t1"]);
    expect(db.prepare("SELECT max(version) AS version FROM schema_migrations").get()).toEqual({
      version: 1,
    });
    db.close();
  });

  it("S1: refuses a database written by a newer version", () => {
    const db = new DatabaseSync(":memory:");
    migrate(db, [table("t1"), table("t2")]);
    expect(() => migrate(db, [table("t1")])).toThrow(
      /schema version 2, but this Quorum knows only up to 1/,
    );
    db.close();
  });
});
