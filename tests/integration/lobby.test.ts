import { ErrorCode } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import {
  addPlayer,
  addTeacher,
  boardNode,
  classroomPerFile,
  connect,
  createSession,
  HOUR,
  nodeOf,
  projectorToken,
  refusal,
  runningRound,
  sendHost,
  until,
} from "./harness.ts";

const classroom = classroomPerFile();

describe("joining the room", () => {
  it("P4: the teacher, the projector and students join with their own tokens", async () => {
    const session = await createSession(classroom);
    const host = await connect(classroom, session.roomId, await classroom.accessToken());
    const projector = await connect(classroom, session.roomId, projectorToken(session));
    const ada = await addPlayer(classroom, session.code, "Ada");
    const student = await connect(classroom, ada.roomId, ada.token);
    for (const conn of [host, projector, student]) {
      await until(() => conn.json().code === session.code, "the state");
      expect(conn.json()).toMatchObject({ phase: "lobby", mode: "", tick: 0, grace: 30 });
    }
  });

  it("P3: students appear in the lobby as they join, and show as away when they leave", async () => {
    const session = await createSession(classroom);
    const host = await connect(classroom, session.roomId, await classroom.accessToken());
    const ada = await addPlayer(classroom, session.code, "Ada");
    const student = await connect(classroom, ada.roomId, ada.token);
    await until(() => host.json().players?.[ada.playerId] !== undefined, "Ada in the lobby");
    expect(host.json().players[ada.playerId]).toEqual({
      id: ada.playerId,
      nickname: "Ada",
      node: -1,
      connected: true,
    });
    const grace = await addPlayer(classroom, session.code, "Grace");
    await connect(classroom, grace.roomId, grace.token);
    await until(() => host.json().players?.[grace.playerId]?.connected === true, "Grace too");
    // Students see the class list too (P3), not only the teacher.
    await until(() => Object.keys(student.json().players).length === 2, "Ada sees Grace");
    await student.room.leave(true);
    await until(() => host.json().players[ada.playerId].connected === false, "Ada away");
  });

  it("P1, P6: forged, expired and other sessions' tokens are refused at join", async () => {
    const session = await createSession(classroom);
    const other = await createSession(classroom);
    const ada = await addPlayer(classroom, session.code, "Ada");
    const stranger = await addPlayer(classroom, other.code, "Stranger");
    const join = (token: unknown) => refusal(connect(classroom, session.roomId, token as string));

    expect(await join(undefined)).toEqual({
      code: ErrorCode.AUTH_FAILED,
      message: "missing-token",
    });
    const [header, payload] = ada.token.split(".");
    const forged = `${header}.${payload}.${stranger.token.split(".")[2]}`;
    expect((await join(forged)).message).toBe("invalid-token");
    expect((await join("not a token")).message).toBe("invalid-token");
    expect((await join(stranger.token)).message).toBe("other-session");
    expect((await join(projectorToken(other))).message).toBe("other-session");
    const otherTeacher = await addTeacher(classroom.store, "alan@example.org", classroom.clock.now);
    expect((await join(await classroom.accessToken(otherTeacher))).message).toBe("other-session");

    const host = await classroom.accessToken();
    classroom.clock.now += 11 * 60_000; // access tokens live 10 minutes
    expect((await join(host)).message).toBe("expired-token");
    classroom.clock.now += 12 * HOUR; // player and projector tokens live 12 hours
    expect((await join(ada.token)).message).toBe("expired-token");
    expect((await join(projectorToken(session))).message).toBe("expired-token");
  });
});

describe("the teacher manages the class list", () => {
  it("P3: a removed student is told, disconnected, its node goes to a bot and its token no longer joins", async () => {
    const { session, host, students } = await runningRound(classroom, {
      nicknames: ["Ada", "Bob"],
      nodes: 4,
    });
    const [ada, bob] = students as [(typeof students)[0], (typeof students)[0]];
    const node = nodeOf(host, bob.playerId);
    expect(boardNode(host, node)).toMatchObject({ name: "Bob", bot: "" });
    sendHost(host, { type: "remove", player: bob.playerId });
    await bob.conn.next("removed");
    expect(await bob.conn.closed).toBe(4000);
    await until(() => host.json().players[bob.playerId] === undefined, "Bob off the list");
    await until(() => boardNode(host, node)?.bot === "shortest-path", "a bot on Bob's node");
    expect(boardNode(host, node).name).toBe("");
    expect((await refusal(connect(classroom, session.roomId, bob.token))).message).toBe("removed");
    // The others play on.
    expect(ada.conn.json().players[ada.playerId].connected).toBe(true);
    // Bob's nickname is free again: he may join afresh.
    await expect(addPlayer(classroom, session.code, "Bob")).resolves.toBeDefined();
  });

  it("P3: the teacher renames a student; a bad or taken nickname is refused", async () => {
    const { host, students } = await runningRound(classroom, {
      nicknames: ["Ada", "Bob"],
      nodes: 3,
    });
    const [ada] = students as [(typeof students)[0]];
    const node = nodeOf(host, ada.playerId);
    sendHost(host, { type: "rename", player: ada.playerId, nickname: "  Ada  L. " });
    await until(() => host.json().players[ada.playerId].nickname === "Ada L.", "the new name");
    await until(() => boardNode(host, node)?.name === "Ada L.", "the node's new name");
    sendHost(host, { type: "rename", player: ada.playerId, nickname: "BOB" });
    expect(await host.next("error")).toMatchObject({ code: "malformed", detail: "nickname-taken" });
    sendHost(host, { type: "rename", player: ada.playerId, nickname: "   " });
    expect(await host.next("error", (error) => error.detail !== "nickname-taken")).toMatchObject({
      code: "malformed",
      detail: "nickname.empty",
    });
    sendHost(host, { type: "rename", player: "nobody", nickname: "Zed" });
    await host.next("error", (error) => error.detail === "unknown-player");
    expect(host.json().players[ada.playerId].nickname).toBe("Ada L.");
  });
});
