/**
 * P1, P6 below the SDK: Colyseus matchmaking over plain HTTP, the room's socket opened by hand,
 * Colyseus frames and WebSocket frames built byte by byte, and forged tokens.
 */
import { createHmac, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { connect as tcpConnect } from "node:net";

/** Colyseus's wire codes (its Protocol), as a client writes and reads them. */
export const WIRE = {
  JOIN_ROOM: 10,
  ERROR: 11,
  LEAVE_ROOM: 12,
  ROOM_DATA: 13,
  ROOM_DATA_BYTES: 17,
  PING: 18,
  ROOM_INPUT_RELIABLE: 19,
  ROOM_REQUEST: 21,
} as const;

/** P1: a JWT over `claims`, signed with HS256 and `key`, or unsigned (`alg: none`) when null. */
export function forgeJwt(claims: Record<string, unknown>, key: string | null): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${part({ alg: key === null ? "none" : "HS256", typ: "JWT" })}.${part(claims)}`;
  const signature = key === null ? "" : createHmac("sha256", key).update(body).digest("base64url");
  return `${body}.${signature}`;
}

export interface SeatReservation {
  name: string;
  roomId: string;
  sessionId: string;
  processId: string;
}

/**
 * A matchmaking request as the SDK makes it; `body` is sent as it is, JSON or not. Over a
 * connection of its own, closed after the answer: one the server answered before reading a body
 * to its end must not linger until the server shuts down.
 */
export function matchmake(
  base: string,
  path: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${base}/matchmake/${path}`,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", accept: "application/json" },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    // The server may answer and close before the whole body went out.
    request.on("error", (error) => (request.writableEnded ? undefined : reject(error)));
    request.end(body);
  });
}

/** A seat in `roomId` for whatever `options` hold; Colyseus checks the token only at the socket. */
export async function reserveSeat(
  base: string,
  roomId: string,
  options: unknown,
): Promise<SeatReservation> {
  const answer = await matchmake(base, `joinById/${roomId}`, JSON.stringify(options));
  if (answer.status !== 200) throw new Error(`no seat: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text);
}

export function socketUrl(base: string, seat: Pick<SeatReservation, "processId" | "roomId">) {
  return `${base.replace(/^http/, "ws")}/${seat.processId}/${seat.roomId}`;
}

/** How the room answered a socket opened by hand. */
export interface RawJoin {
  /** The room accepted the seat (it sent JOIN_ROOM). */
  joined: boolean;
  /** Colyseus's ERROR frame, when it refused: its code and message (a JoinRefusal for auth). */
  error?: { code: number; message: string };
  closeCode: number;
}

/**
 * Opens the room's socket at `url` (a seat's, or anything) and waits until the room closes it;
 * a socket the room accepts is left again at once.
 */
export async function rawJoin(url: string): Promise<RawJoin> {
  const socket = new WebSocket(url);
  socket.binaryType = "arraybuffer";
  const outcome: RawJoin = { joined: false, closeCode: 0 };
  socket.onmessage = (event) => {
    const frame = new Uint8Array(event.data as ArrayBuffer);
    if (frame[0] === WIRE.JOIN_ROOM) {
      outcome.joined = true;
      socket.send(Uint8Array.of(WIRE.LEAVE_ROOM));
    } else if (frame[0] === WIRE.ERROR) {
      outcome.error = decodeError(frame);
    }
  };
  outcome.closeCode = await new Promise<number>((resolve) => {
    socket.onclose = (event) => resolve(event.code);
  });
  return outcome;
}

/** Colyseus's ERROR frame: [11, code (msgpack-like, little-endian), message (msgpack string)]. */
function decodeError(frame: Uint8Array): { code: number; message: string } {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  let offset = 1;
  const prefix = frame[offset++]!;
  let code = prefix;
  if (prefix === 0xcc) code = frame[offset++]!;
  else if (prefix === 0xcd) {
    code = view.getUint16(offset, true);
    offset += 2;
  }
  const head = frame[offset++]!;
  const length = head === 0xd9 ? frame[offset++]! : head & 0x1f;
  const message = Buffer.from(frame.subarray(offset, offset + length)).toString("utf8");
  return { code, message };
}

// ---------------------------------------------------------------------------------------------
// Colyseus frames by hand: a tiny msgpack writer for strings, small integers and maps.

function msgpack(value: unknown): number[] {
  if (typeof value === "string") {
    const bytes = [...Buffer.from(value, "utf8")];
    return bytes.length < 32 ? [0xa0 | bytes.length, ...bytes] : [0xd9, bytes.length, ...bytes];
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 128)
    return [value];
  if (typeof value === "boolean") return [value ? 0xc3 : 0xc2];
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    return [
      0x80 | entries.length,
      ...entries.flatMap(([key, item]) => [...msgpack(key), ...msgpack(item)]),
    ];
  }
  throw new RangeError(`msgpack: cannot write ${String(value)}`);
}

/** A ROOM_DATA frame: `type`, then `payload` when given; `lead` may carry modifier bits. */
export function roomData(
  type: string,
  payload?: unknown,
  lead: number = WIRE.ROOM_DATA,
): Uint8Array {
  const bytes = [lead, ...msgpack(type), ...(payload === undefined ? [] : msgpack(payload))];
  return Uint8Array.from(bytes);
}

// ---------------------------------------------------------------------------------------------
// WebSocket frames by hand, over a plain TCP socket.

/** A WebSocket frame; `declaredLength` lies about the payload's length. */
export function wsFrame(
  opcode: number,
  payload: Uint8Array,
  options: { fin?: boolean; rsv?: number; masked?: boolean; declaredLength?: bigint } = {},
): Buffer {
  const { fin = true, rsv = 0, masked = true } = options;
  const length = options.declaredLength ?? BigInt(payload.length);
  const head = [(fin ? 0x80 : 0) | rsv | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) head.push(maskBit | 126, Number(length >> 8n), Number(length & 0xffn));
  else {
    head.push(maskBit | 127);
    for (let shift = 56n; shift >= 0n; shift -= 8n) head.push(Number((length >> shift) & 0xffn));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!));
  return Buffer.concat([Buffer.from(head), mask, body]);
}

/** How the server ended a hand-made WebSocket connection. */
export interface RawSocketEnd {
  /** The HTTP answer's status line to the upgrade request. */
  status: string;
  /** The code of the close frame the server sent, if it sent one. */
  closeCode?: number;
  /** The server closed the TCP connection (within the wait). */
  closed: boolean;
}

/**
 * Upgrades `path` to a WebSocket by hand (or sends `request` instead of an upgrade), writes
 * `frames` after the upgrade (or after the room's JOIN_ROOM when `afterJoin`), and reports how the
 * server ended it.
 */
export async function rawSocket(
  port: number,
  path: string,
  frames: Buffer[],
  options: { request?: Buffer; afterJoin?: boolean; waitMs?: number } = {},
): Promise<RawSocketEnd> {
  const socket = tcpConnect(port, "127.0.0.1");
  const end: RawSocketEnd = { status: "", closed: false };
  let received = Buffer.alloc(0);
  let upgraded = false;
  let sent = false;
  const sendFrames = () => {
    if (sent) return;
    sent = true;
    for (const frame of frames) socket.write(frame);
  };
  socket.on("data", (chunk) => {
    received = Buffer.concat([received, chunk]);
    if (!upgraded) {
      const headEnd = received.indexOf("\r\n\r\n");
      if (headEnd < 0) return;
      end.status = received.subarray(0, received.indexOf("\r\n")).toString("latin1");
      upgraded = end.status.includes(" 101 ");
      received = received.subarray(headEnd + 4);
      if (upgraded && !options.afterJoin) sendFrames();
    }
    // Server frames are unmasked: [fin|opcode, length, payload]; read the close frame's code.
    while (upgraded && received.length >= 2) {
      const opcode = received[0]! & 0x0f;
      let length = received[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (received.length < 4) return;
        length = received.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (received.length < 10) return;
        length = Number(received.readBigUInt64BE(2));
        offset = 10;
      }
      if (received.length < offset + length) return;
      const payload = received.subarray(offset, offset + length);
      if (opcode === 0x8 && payload.length >= 2) end.closeCode = payload.readUInt16BE(0);
      if (opcode === 0x2 && payload[0] === WIRE.JOIN_ROOM) sendFrames();
      received = received.subarray(offset + length);
    }
  });
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.write(
    options.request ??
      [
        `GET ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        "Upgrade: websocket",
        "Connection: Upgrade",
        `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
        "Sec-WebSocket-Version: 13",
        "",
        "",
      ].join("\r\n"),
  );
  const timeout = new Promise<"timeout">((resolve) =>
    setTimeout(() => resolve("timeout"), options.waitMs ?? 5_000),
  );
  end.closed = (await Promise.race([closed, timeout])) !== "timeout";
  socket.destroy();
  return end;
}
