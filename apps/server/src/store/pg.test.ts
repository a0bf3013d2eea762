import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeStoreContract } from "./contract.ts";
import { describeDatabase, PgStore } from "./pg.ts";
import { migratePg, pgMigrations } from "./pgMigrations.ts";
import { startTestPostgres, type TestPostgres } from "./testPostgres.ts";

// A real PostgreSQL server, started for this file (testPostgres.ts); without one installed,
// every test here fails with the reason.
let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

describeStoreContract("PostgreSQL", async () => PgStore.open(await postgres.createDatabase()));

async function query(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe("PgStore", () => {
  it("S1: records the schema version and does not re-run migrations on a second open", async () => {
    const url = await postgres.createDatabase();
    const first = await PgStore.open(url);
    const created = await first.teachers.create({
      email: "ada@example.org",
      passwordHash: "h",
      role: "admin",
      createdAt: 1,
    });
    await first.close();
    await first.close(); // idempotent

    const second = await PgStore.open(url);
    try {
      expect(await second.teachers.byEmail("ada@example.org")).toEqual(
        created.ok ? created.value : undefined,
      );
    } finally {
      await second.close();
    }
    const versions = await query(url, "SELECT version FROM schema_migrations ORDER BY version");
    expect(versions.map((row) => row.version)).toEqual(pgMigrations.map((_, index) => index + 1));
  });

  it("S1: two servers opening one new database at once migrate it once", async () => {
    const url = await postgres.createDatabase();
    const stores = await Promise.all([PgStore.open(url), PgStore.open(url), PgStore.open(url)]);
    await Promise.all(stores.map((store) => store.close()));
    const versions = await query(url, "SELECT count(*)::int AS count FROM schema_migrations");
    expect(versions).toEqual([{ count: pgMigrations.length }]);
  });

  it("S1: a failing migration leaves the database as it was", async () => {
    const url = await postgres.createDatabase();
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migratePg(pool, ["CREATE TABLE t1 (id INTEGER)"]);
      await expect(
        migratePg(pool, ["CREATE TABLE t1 (id INTEGER)", "CREATE TABLE t2 (", "SELECT 1"]),
      ).rejects.toThrow();
      const tables = await pool.query(
        "SELECT tablename FROM pg_tables WHERE tablename LIKE 't_' ORDER BY tablename",
      );
      expect(tables.rows.map((row) => row.tablename)).toEqual(["t1"]);
      await expect(migratePg(pool, [])).rejects.toThrow(
        /schema version 1, but this Quorum knows only up to 0/,
      );
    } finally {
      await pool.end();
    }
  });

  it("S1: deleting a session leaves no row of it in any table", async () => {
    const url = await postgres.createDatabase();
    const store = await PgStore.open(url);
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
      const rows = await query(
        url,
        `SELECT (SELECT count(*) FROM sessions)::int AS sessions,
                (SELECT count(*) FROM players)::int AS players,
                (SELECT count(*) FROM rounds)::int AS rounds,
                (SELECT count(*) FROM round_log)::int AS round_log`,
      );
      expect(rows).toEqual([{ sessions: 0, players: 0, rounds: 0, round_log: 0 }]);
    } finally {
      await store.close();
    }
  });

  it("S1: an unreachable server is a clear error that names it, never its password", async () => {
    const closed = new URL(postgres.adminUrl);
    closed.port = "1"; // nothing listens on port 1
    closed.password = "hunter2-secret";
    const error = await PgStore.open(closed.href).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(
      /^Error: Cannot use the PostgreSQL database quorum@127\.0\.0\.1:1\/postgres: .*ECONNREFUSED/,
    );
    expect(String(error)).not.toContain("hunter2");
  });

  it("S1: a database that does not exist is a clear error", async () => {
    const missing = new URL(postgres.adminUrl);
    missing.pathname = "/no_such_database";
    await expect(PgStore.open(missing.href)).rejects.toThrow(
      /Cannot use the PostgreSQL database quorum@127\.0\.0\.1:\d+\/no_such_database: database "no_such_database" does not exist/,
    );
  });

  it("S1: names a database without its password", () => {
    expect(describeDatabase("postgres://quorum:secret@db.example.org:6543/classes")).toBe(
      "quorum@db.example.org:6543/classes",
    );
    expect(describeDatabase("postgresql://db/classes")).toBe("db/classes");
  });
});
