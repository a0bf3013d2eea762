import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeRoundContract } from "./roundContract.ts";
import type { Store, Teacher } from "./types.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 8, 1, 8, 0, 0);

/**
 * S1: the behaviour every Store must have. Each implementation's test file calls this once with
 * a factory for a fresh, empty store; the store is closed after each test.
 */
export function describeStoreContract(name: string, makeStore: () => Store | Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
    });

    async function teacher(email = "ada@example.org"): Promise<Teacher> {
      const created = await store.teachers.create({
        email,
        passwordHash: "scrypt$hash",
        role: "teacher",
        createdAt: T0,
      });
      if (!created.ok) throw new Error(`could not create ${email}: ${created.problem}`);
      return created.value;
    }

    async function session(teacherId: string, joinCode = "ABC234", createdAt = T0) {
      const created = await store.sessions.create({ teacherId, joinCode, createdAt });
      if (!created.ok) throw new Error(`could not create session ${joinCode}: ${created.problem}`);
      return created.value;
    }

    async function player(sessionId: string, nickname: string, createdAt = T0) {
      const created = await store.players.create({ sessionId, nickname, createdAt });
      if (!created.ok) throw new Error(`could not create player ${nickname}: ${created.problem}`);
      return created.value;
    }

    describe("teachers", () => {
      it("S1: creates a teacher and finds it by id and by email, as a plain object", async () => {
        const created = await store.teachers.create({
          email: "ada@example.org",
          passwordHash: "scrypt$32768$8$1$salt$hash",
          role: "admin",
          createdAt: T0,
        });
        expect(created).toEqual({
          ok: true,
          value: {
            id: expect.any(String),
            email: "ada@example.org",
            passwordHash: "scrypt$32768$8$1$salt$hash",
            role: "admin",
            createdAt: T0,
          },
        });
        const { value } = created as { value: Teacher };
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        expect(await store.teachers.byId(value.id)).toEqual(value);
        expect(await store.teachers.byEmail("ada@example.org")).toEqual(value);
        expect(await store.teachers.byId("no-such-id")).toBeUndefined();
        expect(await store.teachers.byEmail("bob@example.org")).toBeUndefined();
      });

      it("P1: stores emails lower-case and finds them whatever their case", async () => {
        const ada = await teacher("Ada.Lovelace@Example.ORG");
        expect(ada.email).toBe("ada.lovelace@example.org");
        expect(await store.teachers.byEmail("ADA.LOVELACE@example.org")).toEqual(ada);
      });

      it("P1: refuses a second teacher with the same email in any case, as a value", async () => {
        await teacher("ada@example.org");
        const again = await store.teachers.create({
          email: "ADA@example.org",
          passwordHash: "x",
          role: "teacher",
          createdAt: T0,
        });
        expect(again).toEqual({ ok: false, problem: "email-taken" });
        expect(await store.teachers.count()).toBe(1);
      });

      it("S1: counts teachers", async () => {
        expect(await store.teachers.count()).toBe(0);
        await teacher("ada@example.org");
        await teacher("bob@example.org");
        expect(await store.teachers.count()).toBe(2);
      });
    });

    describe("refresh tokens", () => {
      const token = (teacherId: string, tokenHash: string, family = "family-1") => ({
        tokenHash,
        family,
        teacherId,
        expiresAt: T0 + 30 * DAY,
      });

      it("P1: stores a token by its hash, unused and unrevoked", async () => {
        const ada = await teacher();
        await store.refreshTokens.insert(token(ada.id, "a".repeat(64)));
        expect(await store.refreshTokens.byHash("a".repeat(64))).toEqual({
          ...token(ada.id, "a".repeat(64)),
          usedAt: null,
          revokedAt: null,
        });
        expect(await store.refreshTokens.byHash("b".repeat(64))).toBeUndefined();
      });

      it("P1: marks a token used once only, and never a revoked one", async () => {
        const ada = await teacher();
        await store.refreshTokens.insert(token(ada.id, "first"));
        await store.refreshTokens.insert(token(ada.id, "second"));
        expect(await store.refreshTokens.markUsed("first", T0 + 1)).toBe(true);
        expect(await store.refreshTokens.markUsed("first", T0 + 2)).toBe(false);
        expect((await store.refreshTokens.byHash("first"))?.usedAt).toBe(T0 + 1);

        await store.refreshTokens.revokeFamily("family-1", T0 + 3);
        expect(await store.refreshTokens.markUsed("second", T0 + 4)).toBe(false);
        expect(await store.refreshTokens.markUsed("unknown", T0 + 4)).toBe(false);
      });

      it("P1: revokes a whole family, and only that family", async () => {
        const ada = await teacher();
        await store.refreshTokens.insert(token(ada.id, "a1", "family-a"));
        await store.refreshTokens.insert(token(ada.id, "a2", "family-a"));
        await store.refreshTokens.insert(token(ada.id, "b1", "family-b"));
        expect(await store.refreshTokens.revokeFamily("family-a", T0 + 5)).toBe(2);
        expect(await store.refreshTokens.revokeFamily("family-a", T0 + 6)).toBe(0);
        expect((await store.refreshTokens.byHash("a1"))?.revokedAt).toBe(T0 + 5);
        expect((await store.refreshTokens.byHash("a2"))?.revokedAt).toBe(T0 + 5);
        expect((await store.refreshTokens.byHash("b1"))?.revokedAt).toBeNull();
      });

      it("S1: forgets tokens that expired before a given time", async () => {
        const ada = await teacher();
        await store.refreshTokens.insert({ ...token(ada.id, "old"), expiresAt: T0 - 1 });
        await store.refreshTokens.insert({ ...token(ada.id, "edge"), expiresAt: T0 });
        await store.refreshTokens.insert(token(ada.id, "fresh"));
        expect(await store.refreshTokens.deleteExpired(T0)).toBe(1);
        expect(await store.refreshTokens.byHash("old")).toBeUndefined();
        expect(await store.refreshTokens.byHash("edge")).toBeDefined();
        expect(await store.refreshTokens.byHash("fresh")).toBeDefined();
      });
    });

    describe("classroom sessions", () => {
      it("S1: creates a session and finds it by id and by join code", async () => {
        const ada = await teacher();
        const created = await session(ada.id, "ABC234");
        expect(created).toEqual({
          id: expect.any(String),
          teacherId: ada.id,
          joinCode: "ABC234",
          createdAt: T0,
          endedAt: null,
        });
        expect(await store.sessions.byId(created.id)).toEqual(created);
        expect(await store.sessions.byCode("ABC234")).toEqual(created);
        expect(await store.sessions.byCode("XYZ789")).toBeUndefined();
        expect(await store.sessions.byId("no-such-id")).toBeUndefined();
      });

      it("P2: a join code names at most one active session; an ended one gives it back", async () => {
        const ada = await teacher("ada@example.org");
        const bob = await teacher("bob@example.org");
        const first = await session(ada.id, "ABC234");
        expect(
          await store.sessions.create({ teacherId: bob.id, joinCode: "ABC234", createdAt: T0 }),
        ).toEqual({ ok: false, problem: "join-code-taken" });

        await store.sessions.end(first.id, T0 + 10);
        expect(await store.sessions.byCode("ABC234")).toBeUndefined();
        const second = await session(bob.id, "ABC234", T0 + 20);
        expect(await store.sessions.byCode("ABC234")).toEqual(second);
        expect((await store.sessions.byId(first.id))?.endedAt).toBe(T0 + 10);
      });

      it("S1: ends a session once, keeping the first end time", async () => {
        const ada = await teacher();
        const created = await session(ada.id);
        expect(await store.sessions.end(created.id, T0 + 10)).toEqual({
          ...created,
          endedAt: T0 + 10,
        });
        expect((await store.sessions.end(created.id, T0 + 20))?.endedAt).toBe(T0 + 10);
        expect(await store.sessions.end("no-such-id", T0)).toBeUndefined();
      });

      it("S1: lists a teacher's sessions newest first, ended ones included", async () => {
        const ada = await teacher("ada@example.org");
        const bob = await teacher("bob@example.org");
        const older = await session(ada.id, "AAA222", T0);
        const newer = await session(ada.id, "BBB333", T0 + 1000);
        await session(bob.id, "CCC444", T0 + 500);
        const ended = await store.sessions.end(older.id, T0 + 2000);
        expect(await store.sessions.listByTeacher(ada.id)).toEqual([newer, ended]);
        expect(await store.sessions.listByTeacher("nobody")).toEqual([]);
      });
    });

    describe("players", () => {
      it("S1: creates players and lists a session's players in the order they joined", async () => {
        const ada = await teacher();
        const room = await session(ada.id);
        const grace = await player(room.id, "Grace", T0 + 1);
        const linus = await player(room.id, "Linus", T0 + 2);
        expect(grace).toEqual({
          id: expect.any(String),
          sessionId: room.id,
          nickname: "Grace",
          removedAt: null,
          createdAt: T0 + 1,
        });
        expect(await store.players.byId(grace.id)).toEqual(grace);
        expect(await store.players.bySession(room.id)).toEqual([grace, linus]);
        expect(await store.players.byId("no-such-id")).toBeUndefined();
      });

      it("P3: nicknames are unique per session regardless of case and width", async () => {
        const ada = await teacher();
        const room = await session(ada.id, "ABC234");
        const other = await session(ada.id, "XYZ789");
        await player(room.id, "Grace");
        for (const nickname of ["grace", "GRACE", "ｇｒａｃｅ"]) {
          expect(
            await store.players.create({ sessionId: room.id, nickname, createdAt: T0 }),
          ).toEqual({ ok: false, problem: "nickname-taken" });
        }
        expect(
          (await store.players.create({ sessionId: other.id, nickname: "grace", createdAt: T0 }))
            .ok,
        ).toBe(true);
      });

      it("P3: removing a player frees the nickname and hides the player from the roster", async () => {
        const ada = await teacher();
        const room = await session(ada.id);
        const grace = await player(room.id, "Grace");
        const removed = await store.players.remove(grace.id, T0 + 5);
        expect(removed).toEqual({ ...grace, removedAt: T0 + 5 });
        expect((await store.players.remove(grace.id, T0 + 9))?.removedAt).toBe(T0 + 5);
        expect(await store.players.byId(grace.id)).toEqual(removed);
        expect(await store.players.bySession(room.id)).toEqual([]);
        const newGrace = await player(room.id, "grace", T0 + 6);
        expect(await store.players.bySession(room.id)).toEqual([newGrace]);
        expect(await store.players.remove("no-such-id", T0)).toBeUndefined();
      });

      it("P3: the teacher renames a player, but not to a nickname in use", async () => {
        const ada = await teacher();
        const room = await session(ada.id);
        const grace = await player(room.id, "Grace");
        const linus = await player(room.id, "Linus");
        expect(await store.players.rename(linus.id, "GRACE")).toEqual({
          ok: false,
          problem: "nickname-taken",
        });
        expect(await store.players.rename(grace.id, "GRACE")).toEqual({
          ok: true,
          value: { ...grace, nickname: "GRACE" },
        });
        expect(await store.players.rename(linus.id, "Ada")).toEqual({
          ok: true,
          value: { ...linus, nickname: "Ada" },
        });
        expect((await store.players.byId(linus.id))?.nickname).toBe("Ada");
      });

      it("P3: renaming an unknown or removed player is refused as a value", async () => {
        const ada = await teacher();
        const room = await session(ada.id);
        const grace = await player(room.id, "Grace");
        await store.players.remove(grace.id, T0 + 1);
        expect(await store.players.rename(grace.id, "Hopper")).toEqual({
          ok: false,
          problem: "player-not-found",
        });
        expect(await store.players.rename("no-such-id", "Hopper")).toEqual({
          ok: false,
          problem: "player-not-found",
        });
      });

      it("S1: everInSession lists removed players too, in the order they joined", async () => {
        const ada = await teacher();
        const room = await session(ada.id);
        const grace = await player(room.id, "Grace", T0 + 1);
        const linus = await player(room.id, "Linus", T0 + 2);
        const removed = await store.players.remove(grace.id, T0 + 3);
        const again = await player(room.id, "Grace", T0 + 4);
        expect(await store.players.everInSession(room.id)).toEqual([removed, linus, again]);
        expect(await store.players.everInSession("no-such-id")).toEqual([]);
      });

      it("S1: a player joins only a session that exists", async () => {
        expect(
          await store.players.create({ sessionId: "no-such-id", nickname: "Grace", createdAt: T0 }),
        ).toEqual({ ok: false, problem: "session-not-found" });
      });
    });

    describeRoundContract(() => store);
  });
}
