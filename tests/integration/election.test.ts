import { decodeReplay, type ReplayLog, verify } from "@quorum/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  boardNode,
  type Classroom,
  type Connection,
  classroomPerFile,
  connect,
  createSession,
  nodeOf,
  ownView,
  projectorToken,
  roundState,
  runningRound,
  type Seated,
  sendAct,
  sendHost,
  storedRound,
  until,
} from "./harness.ts";

const classroom = classroomPerFile();

// biome-ignore lint/suspicious/noExplicitAny: the decoded state, checked by the tests.
type Plain = any;

const board = (conn: Connection): Plain => roundState(conn)?.board;
const cardsOf = (conn: Connection, kind: string): Plain[] =>
  (ownView(conn)?.cards ?? []).filter((card: Plain) => card.kind === kind);

/** Numbers each student's acts, so that a rejection can be matched to its act. */
const seqs = new WeakMap<Connection, number>();
function act(conn: Connection, action: unknown): number {
  const seq = (seqs.get(conn) ?? 0) + 1;
  seqs.set(conn, seq);
  sendAct(conn, seq, action);
  return seq;
}

/** From now on the student answers every RequestVote on its phone as Raft says (E3). */
function votesAsRaftSays(student: Seated): void {
  const answered = new Set<number>();
  student.conn.room.onStateChange(() => {
    for (const card of cardsOf(student.conn, "request-vote")) {
      if (answered.has(card.card)) continue;
      answered.add(card.card);
      act(student.conn, { type: "answer-vote", card: card.card, grant: card.verdict.code === "" });
    }
  });
}

/** D4: every event a student received is about its own node: what it sent, got, lost or did. */
function strangers(conn: Connection, node: number): unknown[] {
  return conn
    .messages("events")
    .flatMap(({ events }) => events)
    .filter((event: Plain) => {
      if (event.type === "transmit") return event.from !== node;
      if (event.type === "arrive") return event.to !== node;
      return event.node !== node;
    });
}

/** §1.2: the stored round, downloaded as the teacher would, replays to its end. */
async function verifiedReplay(room: Classroom, sessionId: string): Promise<ReplayLog> {
  const { round } = await storedRound(room, sessionId);
  const response = await fetch(`${room.base}/api/sessions/${sessionId}/rounds/1/replay`, {
    headers: { authorization: `Bearer ${await room.accessToken()}` },
  });
  expect(response.status).toBe(200);
  const decoded = decodeReplay(new Uint8Array(await response.arrayBuffer()));
  if (!decoded.ok) throw new Error(decoded.problem.code);
  expect(decoded.value.mode).toBe("election");
  expect(decoded.value.summary).toEqual(round.summary);
  expect(verify(decoded.value)).toEqual({
    ok: true,
    value: { ticks: round.endTick, checkpoints: decoded.value.checkpoints.length },
  });
  return decoded.value;
}

describe("a leader-election round in the classroom", () => {
  it("E2–E6, E9, D4: two clusters, students on their nodes and Raft bots elsewhere; a vote, leaders, a commit, a crashed leader replaced, the debrief and the replay", async () => {
    const { session, host, students } = await runningRound(classroom, {
      mode: "election",
      nicknames: ["Ada", "Grace"],
      nodes: 10,
      // Timers of 1.2–2.4 s at the test's 10 ms ticks: none runs out before Ada's first try.
      config: { clusterSize: 5, electionTimeout: [120, 240] },
    });
    const [ada, grace] = students as [Seated, Seated];
    // E2: while its timer runs, a student may not stand; the refusal says why.
    const early = act(ada.conn, { type: "start-election" });
    expect((await ada.conn.next("rejected", (message) => message.seq === early)).rejection).toEqual(
      { rule: "E2", code: "election.timer-running", params: { seconds: expect.any(Number) } },
    );
    expect(JSON.parse(host.json().config)).toMatchObject({
      clusterSize: 5,
      heartbeatInterval: 20,
      assist: "assisted",
      enforcement: "strict",
    });
    const projector = await connect(classroom, session.roomId, projectorToken(session));

    // P4: the board, for the host and the projector; Raft bots wherever no student sits.
    const seated = students.map((student) => nodeOf(host, student.playerId));
    for (const screen of [host, projector]) {
      await until(() => board(screen)?.nodes?.length === 10, "the board");
      expect(board(screen).clusters.map((cluster: Plain) => cluster.members)).toEqual([
        "0,1,2,3,4",
        "5,6,7,8,9",
      ]);
      expect(roundState(screen).nodes).toEqual({});
    }
    for (const node of board(host).nodes) {
      const at = seated.indexOf(node.node);
      expect(node).toMatchObject(
        at < 0 ? { name: "", bot: "raft" } : { name: students[at]!.nickname, bot: "" },
      );
    }

    // D4: a student decodes its own node, nothing of the board or of another node.
    for (const [index, student] of students.entries()) {
      const node = seated[index]!;
      await until(() => ownView(student.conn)?.node === node, "the student's own node");
      expect(Object.keys(roundState(student.conn).nodes)).toEqual([String(node)]);
      expect(board(student.conn)).toEqual({});
      const view = ownView(student.conn);
      expect(view).toMatchObject({
        up: true,
        cluster: node < 5 ? 0 : 1,
        majority: 3,
        inboxLimit: 16,
        assist: "assisted",
        enforcement: "strict",
      });
      expect(view.peers.map((peer: Plain) => peer.node)).toEqual(
        [0, 1, 2, 3, 4].map((k) => k + view.cluster * 5).filter((peer) => peer !== node),
      );
      const other = students[1 - index]!;
      const sameCluster = view.peers.find((peer: Plain) => peer.node === seated[1 - index]);
      if (sameCluster) expect(sameCluster.name).toBe(other.nickname);
    }

    // E3: a bot stands; a student's phone shows its RequestVote, the student answers it.
    await until(
      () => students.some((student) => cardsOf(student.conn, "request-vote").length > 0),
      "a RequestVote on a phone",
    );
    const voter = students.find((student) => cardsOf(student.conn, "request-vote").length > 0)!;
    const voterNode = nodeOf(host, voter.playerId);
    const card = cardsOf(voter.conn, "request-vote")[0];
    expect(card).toMatchObject({
      kind: "request-vote",
      term: expect.any(Number),
      arrivedAt: expect.any(Number),
      verdict: { rule: expect.any(String), code: expect.any(String) },
    });
    const grant = card.verdict.code === "";
    act(voter.conn, { type: "answer-vote", card: card.card, grant });
    const voted = await voter.conn.next("events", (message) =>
      message.events.some((event: Plain) => event.type === "voted" && event.node === voterNode),
    );
    expect(voted.events).toContainEqual({
      type: "voted",
      node: voterNode,
      candidate: card.from,
      term: expect.any(Number),
      granted: grant,
    });
    await until(
      () => !ownView(voter.conn).cards.some((each: Plain) => each.card === card.card),
      "the card gone",
    );
    // From here on both students vote as Raft says, so every cluster can elect.
    for (const student of students) votesAsRaftSays(student);

    // E5: a leader in office in each cluster, and the students' phones know theirs.
    await until(
      () =>
        board(host).clusters.every((cluster: Plain) => cluster.leader >= 0 && cluster.available),
      "a leader in each cluster",
    );
    const cluster: number = ownView(ada.conn).cluster;
    const leader: number = board(host).clusters[cluster].leader;
    expect(seated).not.toContain(leader);
    await until(() => ownView(ada.conn).leader === leader, "Ada hearing from her leader");

    // E6: the teacher's command is appended, replicated and committed, Ada's copy too.
    const bytesBefore = ada.conn.bytes();
    const tickBefore = host.json().tick;
    sendHost(host, { type: "mode", action: { type: "command", cluster, command: "x=3" } });
    await until(() => board(host).clusters[cluster].committed === 1, "the command committed");
    await until(
      () =>
        ownView(ada.conn).log.some(
          (line: Plain) => line.command === "x=3" && line.committed && line.index === 1,
        ),
      "the entry committed in Ada's log",
    );
    expect(ownView(ada.conn).commitIndex).toBe(1);
    await host.next("events", (message) =>
      message.events.some((event: Plain) => event.type === "committed" && event.command === "x=3"),
    );

    // N4, E5: the teacher crashes the leader; the cluster elects another one.
    sendHost(host, { type: "fault", fault: { type: "crash", node: leader } });
    await until(() => boardNode(host, leader)?.up === false, "the leader down");
    expect(board(host).faults).toContainEqual({
      kind: "crash",
      fallacy: "fallacy.topology",
      count: 1,
    });
    await until(() => {
      const now = board(host).clusters[cluster];
      return now.leader >= 0 && now.leader !== leader && now.available;
    }, "a new leader");
    await until(() => ownView(ada.conn).leader !== leader, "Ada hearing from the new leader");

    // A student's phone gets a few bytes a tick: no per-tick counters in its state.
    const ticks = host.json().tick - tickBefore;
    expect(ticks).toBeGreaterThan(50);
    expect((ada.conn.bytes() - bytesBefore) / ticks).toBeLessThan(40);

    // D4: no student heard of another node's messages, elections or of a violation.
    for (const [index, student] of students.entries()) {
      expect(student.conn.messages("events").length).toBeGreaterThan(0);
      expect(strangers(student.conn, seated[index]!)).toEqual([]);
    }

    // E9: the debrief, the class against Raft bots on the same faults and commands.
    sendHost(host, { type: "end" });
    for (const screen of [host, projector]) {
      const debrief = await screen.next("debrief");
      expect(debrief.mode).toBe("election");
      const mine = debrief.summary.class.clusters[cluster];
      expect(mine).toMatchObject({ leaderCrashes: 1, electionTimes: [expect.any(Number)] });
      expect(mine.committed).toEqual([{ index: 1, term: expect.any(Number), command: "x=3" }]);
      expect(debrief.summary.class.violations).toEqual([]);
      expect(debrief.summary.baseline.clusters).toHaveLength(2);
      expect(debrief.summary.baseline.violations).toEqual([]);
    }
    for (const student of [ada, grace]) {
      const debrief = await student.conn.next("debrief");
      expect(debrief).toMatchObject({ mode: "election", node: nodeOf(host, student.playerId) });
      expect(debrief.score).toEqual(expect.any(Number));
    }
    const log = await verifiedReplay(classroom, session.id);
    expect(log.inputs).toContainEqual(
      expect.objectContaining({ actor: "host", action: { type: "crash", node: leader } }),
    );
  });

  it("E2, E3, E7: students break Raft under permissive enforcement and the board shows the violation", async () => {
    // One cluster of three students; every timer runs out at tick 100; messages take 30 ticks.
    const { session, host, students } = await runningRound(classroom, {
      mode: "election",
      nicknames: ["Ada", "Babbage", "Cerf"],
      nodes: 3,
      config: { clusterSize: 3, electionTimeout: [100, 100], latency: [30, 30] },
    });
    const [a, b, c] = students.map((student) => ({
      ...student,
      node: nodeOf(host, student.playerId),
    })) as [Seated & { node: number }, Seated & { node: number }, Seated & { node: number }];
    // E2: not before the timer expires…
    const early = act(a.conn, { type: "start-election" });
    expect((await a.conn.next("rejected", (message) => message.seq === early)).rejection).toEqual({
      rule: "E2",
      code: "election.timer-running",
      params: { seconds: expect.any(Number) },
    });
    for (const student of [a, b, c]) {
      await until(() => ownView(student.conn)?.node === student.node, "a node for each");
    }
    // …then Ada and Babbage stand at once, in the same term.
    await until(
      () => [a, b].every((s) => host.json().tick >= ownView(s.conn).deadline),
      "the timers expired",
    );
    expect(ownView(a.conn).startElection.code).toBe("");
    act(a.conn, { type: "start-election" });
    act(b.conn, { type: "start-election" });
    for (const candidate of [a, b]) {
      await until(() => ownView(candidate.conn).role === "candidate", "a candidate");
      expect(ownView(candidate.conn)).toMatchObject({
        term: 1,
        votedFor: candidate.node,
        votes: [candidate.node],
        deadline: expect.any(Number),
      });
    }

    // E3: Cerf grants Ada; granting Babbage too breaks "one vote per term" — refused while strict.
    await until(() => cardsOf(c.conn, "request-vote").length === 2, "both RequestVotes at Cerf");
    const fromA = cardsOf(c.conn, "request-vote").find((card: Plain) => card.from === a.node);
    act(c.conn, { type: "answer-vote", card: fromA.card, grant: true });
    await until(() => ownView(c.conn).votedFor === a.node, "Cerf's vote for Ada");
    const fromB = cardsOf(c.conn, "request-vote").find((card: Plain) => card.from === b.node);
    expect(fromB.verdict).toEqual({
      rule: "E3",
      code: "election.already-voted",
      params: JSON.stringify({ node: a.node, term: 1 }),
    });
    const refused = act(c.conn, { type: "answer-vote", card: fromB.card, grant: true });
    expect((await c.conn.next("rejected", (message) => message.seq === refused)).rejection).toEqual(
      { rule: "E3", code: "election.already-voted", params: { node: a.node, term: 1 } },
    );

    // E7: the teacher lets the class break the rules; Cerf's second vote now counts.
    sendHost(host, { type: "mode", action: { type: "configure", enforcement: "permissive" } });
    await until(() => ownView(c.conn).enforcement === "permissive", "permissive on Cerf's phone");
    expect(board(host).enforcement).toBe("permissive");
    act(c.conn, { type: "answer-vote", card: fromB.card, grant: true });
    for (const candidate of [a, b]) {
      await until(() => ownView(candidate.conn).role === "leader", "both leaders");
    }
    await until(() => board(host).violations.length > 0, "the violation on the board");
    const [violation] = board(host).violations;
    expect(violation).toMatchObject({
      property: "election-safety",
      cluster: 0,
      term: 1,
      index: -1,
      tick: expect.any(Number),
    });
    expect(violation.nodes.split(",").map(Number).sort()).toEqual([a.node, b.node].sort());
    expect(board(host).clusters[0].timeline).toContainEqual(
      expect.objectContaining({
        term: 1,
        candidates: expect.any(String),
        leaders: violation.nodes,
      }),
    );
    await host.next("events", (message) =>
      message.events.some((event: Plain) => event.type === "violation"),
    );
    for (const student of [a, b, c]) expect(strangers(student.conn, student.node)).toEqual([]);

    sendHost(host, { type: "end" });
    const debrief = await host.next("debrief");
    expect(debrief.summary.class).toMatchObject({
      enforcement: "permissive",
      violations: [expect.objectContaining({ property: "election-safety", term: 1 })],
    });
    // Raft bots in the same round break nothing.
    expect(debrief.summary.baseline.violations).toEqual([]);
    const log = await verifiedReplay(classroom, session.id);
    expect(log.inputs.filter((input) => input.actor === c.node)).toHaveLength(3);
    expect(
      (
        await api(classroom, "GET", `/api/sessions/${session.id}/rounds`, {
          token: await classroom.accessToken(),
        })
      ).body.rounds[0],
    ).toMatchObject({ mode: "election", status: "finished" });
  });

  it("P5, P6: the election config is the engine's to check; a bad one, a bad host action or a command without a leader changes nothing", async () => {
    const session = await createSession(classroom);
    const host = await connect(classroom, session.roomId, await classroom.accessToken());
    let errors = 0;
    const nextError = async () => host.next("error", () => true, errors++);
    const configure = (mode: string, config: Record<string, unknown>) =>
      sendHost(host, { type: "configure", mode, config, nodes: 6 });
    configure("election", { clusterSize: 2 });
    expect(await nextError()).toMatchObject({ code: "malformed", detail: "config" });
    configure("election", { electionTimeout: [50, 10] });
    expect(await nextError()).toMatchObject({ code: "malformed", detail: "config" });
    configure("mining", {});
    expect(await nextError()).toMatchObject({ code: "malformed" });
    expect(host.json().mode).toBe("");
    configure("election", { clusterSize: 3, electionTimeout: [600, 600] });
    await until(() => host.json().mode === "election", "the configuration");
    expect(JSON.parse(host.json().config)).toMatchObject({ clusterSize: 3, latency: [5, 15] });

    sendHost(host, { type: "start" });
    await until(() => host.json().phase === "running", "the round");
    expect(board(host).clusters).toHaveLength(2);
    sendHost(host, { type: "mode", action: { type: "configure", assist: "autopilot" } });
    expect(await nextError()).toMatchObject({ code: "malformed" });
    // E6: nobody leads yet (no timer runs out for 600 ticks): the teacher's command is refused.
    sendHost(host, { type: "mode", action: { type: "command", cluster: 1, command: "x=1" } });
    expect(await host.next("rejected")).toEqual({
      seq: -1,
      rejection: { rule: "E6", code: "election.no-leader", params: { cluster: 2 } },
    });
    expect(board(host).clusters[1].committed).toBe(0);
  });
});
