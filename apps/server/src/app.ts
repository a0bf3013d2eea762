import { mkdir } from "node:fs/promises";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as GameServer, type Room } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { type Logger, pino } from "pino";
import { DEFAULT_CLIENT_DIST } from "./clientAssets.ts";
import type { Config } from "./config.ts";
import { type ServerUrls, serverUrls } from "./network.ts";
import { mountRoutes } from "./routes.ts";

// Colyseus's own room-constructor type (`Type<Room>`), which it does not export by name.
// biome-ignore lint/suspicious/noExplicitAny: must match Colyseus's `new (...args: any[])`.
export type RoomClass = new (...args: any[]) => Room;

export interface StartOptions {
  /** Colyseus room types to define before listening, by name. @default none */
  rooms?: Record<string, RoomClass>;
  /** Built client to serve in production. @default apps/client/dist */
  clientDistDir?: string;
  /** @default JSON lines on stdout at `config.logLevel` */
  logger?: Logger;
}

export interface RunningServer {
  /** The bound port; differs from `config.port` when that is 0. */
  port: number;
  urls: ServerUrls;
  /** Stops accepting, disposes the rooms, closes the HTTP server, flushes the logs. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts express and Colyseus on one HTTP server and one port. Colyseus's matchmaker is
 * process-wide, so a process runs one server at a time.
 */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  await mkdir(config.dataDir, { recursive: true }).catch((error: unknown) => {
    // Not fatal: /readyz reports the directory until an operator fixes it.
    logger.error({ err: error, dataDir: config.dataDir }, "cannot create DATA_DIR");
  });

  let listening = false;
  const httpServer = createServer();
  logRequests(httpServer, logger);
  const gameServer = new GameServer({
    transport: new WebSocketTransport({ server: httpServer }),
    // The banner advertises sponsorship and Colyseus Cloud; main.ts prints Quorum's own.
    greet: false,
    // main.ts owns the signals and the exit code.
    gracefullyShutdown: false,
    logger: logger.child({ component: "colyseus" }),
    express: (app) =>
      mountRoutes(app, {
        logger,
        isListening: () => listening,
        dataDir: config.dataDir,
        clientDistDir:
          config.nodeEnv === "production"
            ? (options.clientDistDir ?? DEFAULT_CLIENT_DIST)
            : undefined,
      }),
  });
  for (const [name, room] of Object.entries(options.rooms ?? {})) gameServer.define(name, room);

  try {
    await listen(gameServer, httpServer, config);
  } catch (error) {
    await gameServer.gracefullyShutdown(false);
    throw error;
  }
  listening = true;

  const port = (httpServer.address() as AddressInfo).port;
  const urls = serverUrls(config.host, port);
  logger.info(
    { url: urls.local, network: urls.network, publicUrl: config.publicUrl, env: config.nodeEnv },
    `Quorum is running at ${urls.local}`,
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      listening = false;
      const closed = new Promise((resolve) => httpServer.once("close", resolve));
      // Locks and disposes every room, then closes the WebSocket and HTTP servers.
      await gameServer.gracefullyShutdown(false);
      // Colyseus closes the HTTP server itself unless its shutdown failed half-way.
      if (httpServer.listening) httpServer.close();
      await closed;
      logger.info("server closed");
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    })();
    return closing;
  };
  return { port, urls, close };
}

/** Colyseus's listen() never settles when binding fails (EADDRINUSE); the http error does. */
function listen(gameServer: GameServer, httpServer: HttpServer, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    httpServer.once("error", reject);
    gameServer.listen(config.port, config.host).then(() => {
      httpServer.off("error", reject);
      resolve();
    }, reject);
  });
}

/** One debug line per request, Colyseus's matchmaking included, hence on the http server. */
function logRequests(httpServer: HttpServer, logger: Logger): void {
  httpServer.on("request", (request, response) => {
    if (!logger.isLevelEnabled("debug")) return;
    const started = performance.now();
    // Read now: express rewrites request.url while it routes through mounted routers.
    const { method, url } = request;
    response.once("finish", () => {
      logger.debug(
        {
          method,
          url,
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    });
  });
}
