// The two baselines of `pnpm bench:load`, each in a process of its own like the Quorum server:
// `ws` answers every message with itself (the floor for a WebSocket round trip on loopback);
// `colyseus` is a bare Colyseus room on the same transport as Quorum, with no state, that
// echoes each message back (the floor for a Colyseus room). Prints its port on stdout.
import { createServer } from "node:http";
import { type Client, Room, Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { WebSocketServer } from "ws";

class EchoRoom extends Room {
  override onCreate(): void {
    // The bots leave when the phase ends; the room must be there for all of them until then.
    this.autoDispose = false;
    this.onMessage("echo", (client: Client, payload: unknown) => client.send("echo", payload));
  }
}

const kind = process.argv[2];
if (kind === "ws") {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket) => {
    socket.on("message", (data, binary) => socket.send(data, { binary }));
  });
  server.on("listening", () => {
    const address = server.address();
    if (typeof address === "object" && address !== null) process.stdout.write(`${address.port}\n`);
  });
} else if (kind === "colyseus") {
  const httpServer = createServer();
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: httpServer }),
    greet: false,
    gracefullyShutdown: false,
  });
  gameServer.define("echo", EchoRoom);
  await gameServer.listen(0, "127.0.0.1");
  const address = httpServer.address();
  if (typeof address === "object" && address !== null) process.stdout.write(`${address.port}\n`);
} else {
  process.stderr.write("usage: echo.ts ws|colyseus\n");
  process.exit(2);
}
