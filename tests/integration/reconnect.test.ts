import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import {
  boardNode,
  classroomPerFile,
  connect,
  nodeOf,
  ownView,
  runningRound,
  sendHost,
  until,
  watch,
} from "./harness.ts";

const classroom = classroomPerFile();

/** A dropped connection, as when a phone sleeps or changes network: no goodbye, no code. */
function drop(conn: { room: { connection: { close(code?: number): void } } }): void {
  conn.room.connection.close();
}

describe("students come back to their node", () => {
  it("P3: a reload rejoins with the same token onto the same node", async () => {
    const { host, students } = await runningRound(classroom, {
      nicknames: ["Ada", "Bob"],
      nodes: 6,
    });
    const ada = students[0]!;
    const node = nodeOf(host, ada.playerId);
    await ada.conn.room.leave(true); // the page unloads
    await until(() => host.json().players[ada.playerId].connected === false, "Ada away");
    const again = await connect(classroom, ada.roomId, ada.token);
    await until(() => host.json().players[ada.playerId].connected === true, "Ada back");
    expect(nodeOf(host, ada.playerId)).toBe(node);
    await until(() => ownView(again)?.node === node, "Ada's own view again");

    // A second tab with the same token takes the seat; the first one is told to go.
    const tab = await connect(classroom, ada.roomId, ada.token);
    expect(await again.closed).toBe(4000);
    await until(() => ownView(tab)?.node === node, "the new tab's view");
    expect(host.json().players[ada.playerId].connected).toBe(true);
  });

  it("D5: a dropped student's node goes to a bot after the grace period and back on reconnect", async () => {
    const { host, students } = await runningRound(classroom, {
      nicknames: ["Ada"],
      nodes: 4,
      config: { trafficRate: 10 },
    });
    const ada = students[0]!;
    const node = nodeOf(host, ada.playerId);
    sendHost(host, { type: "grace", seconds: 1 });
    await until(() => host.json().grace === 1, "the grace period");
    const reconnectionToken = ada.conn.room.reconnectionToken;
    drop(ada.conn);
    await until(() => host.json().players[ada.playerId].connected === false, "Ada away");
    await until(() => boardNode(host, node)?.bot === "shortest-path", "a bot on Ada's node");
    // The node keeps its student's name and its state: the bot plays it meanwhile.
    expect(boardNode(host, node).name).toBe("Ada");
    expect(nodeOf(host, ada.playerId)).toBe(node);

    const back = watch(await new Client(classroom.base).reconnect(reconnectionToken));
    await until(() => boardNode(host, node)?.bot === "", "Ada playing again");
    expect(host.json().players[ada.playerId]).toMatchObject({ node, connected: true });
    await until(() => ownView(back)?.node === node, "Ada's view after reconnecting");
  });

  it("D5: with no grace the node goes to a bot at once; a token rejoin takes it back", async () => {
    const { host, students } = await runningRound(classroom, { nicknames: ["Ada"], nodes: 3 });
    const ada = students[0]!;
    const node = nodeOf(host, ada.playerId);
    sendHost(host, { type: "grace", seconds: 0 });
    await until(() => host.json().grace === 0, "no grace");
    drop(ada.conn);
    await until(() => boardNode(host, node)?.bot === "shortest-path", "a bot on Ada's node");
    const again = await connect(classroom, ada.roomId, ada.token);
    await until(() => boardNode(host, node)?.bot === "", "Ada playing again");
    await until(() => ownView(again)?.node === node, "Ada's view");
  });
});

describe("the teacher comes back to the round", () => {
  it("P5: the round survives the host's disconnect and reconnect", async () => {
    const { session, host, students } = await runningRound(classroom, {
      nicknames: ["Ada"],
      nodes: 4,
    });
    const ada = students[0]!.conn;
    const reconnectionToken = host.room.reconnectionToken;
    drop(host);
    const tick = ada.json().tick;
    await until(() => ada.json().tick > tick + 10, "the round going on without the host");
    expect(ada.json().phase).toBe("running");

    const back = watch(await new Client(classroom.base).reconnect(reconnectionToken));
    await until(() => back.json().tick > tick + 10, "the host's state");
    expect(back.json().routing.board.nodes).toHaveLength(4);
    sendHost(back, { type: "pause" });
    await until(() => ada.json().phase === "paused", "the host's command after reconnecting");

    // A fresh sign-in (a reload of the console) joins with a new access token.
    const fresh = await connect(classroom, session.roomId, await classroom.accessToken());
    await until(() => fresh.json().routing?.board?.nodes?.length === 4, "the board");
    sendHost(fresh, { type: "resume" });
    await until(() => ada.json().phase === "running", "resumed");
  });
});
