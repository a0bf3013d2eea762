import { mkdir } from "node:fs/promises";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as GameServer, type Room } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { CLASSROOM_ROOM } from "@quorum/shared";
import { type Logger, pino } from "pino";
import { type AuthServices, prepareAuth } from "./auth/service.ts";
import type { TokenService } from "./auth/tokens.ts";
import { DEFAULT_CLIENT_DIST } from "./clientAssets.ts";
import type { Config } from "./config.ts";
import { type ServerUrls, serverUrls } from "./network.ts";
import { classroomRoomType } from "./rooms/ClassroomRoom.ts";
import { MAX_FRAME_BYTES } from "./rooms/guard.ts";
import { RoundRecords } from "./rooms/recorder.ts";
import { type ClassroomTiming, DEFAULT_TIMING } from "./rooms/services.ts";
import { mountRoutes } from "./routes.ts";
import { SessionRooms } from "./sessions/rooms.ts";
import { openStore } from "./store/open.ts";
import type { Store } from "./store/types.ts";

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
  /**
   * S1: the store to use instead of opening one; the caller closes it.
   * @default PgStore on DATABASE_URL if set, else SqliteStore on DATA_DIR/quorum.db; closed
   * with the server
   */
  store?: Store;
  /** The clock of tokens, rate limits and timestamps, in ms since the epoch. @default Date.now */
  now?: () => number;
  /** How fast classroom rounds run; tests shorten the tick and the countdown. @default DEFAULT_TIMING */
  classroom?: Partial<ClassroomTiming>;
}

export interface RunningServer {
  /** The bound port; differs from `config.port` when that is 0. */
  port: number;
  urls: ServerUrls;
  /** S1: the server's store: sessions, players, rounds and their logs (S2). */
  store: Store;
  /** P1, P3: signs and checks tokens, player tokens for rooms among them. */
  tokens: TokenService;
  /**
   * P1: the one-time address that creates the first teacher account, to print at start;
   * undefined once a teacher account exists.
   */
  readonly setupUrl: string | undefined;
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
  const now = options.now ?? Date.now;
  // Fatal when it fails: the database and the signing secret live there.
  await mkdir(config.dataDir, { recursive: true });
  const store = options.store ?? (await openStore(config, logger));
  const closeStore = () => (options.store === undefined ? store.close() : Promise.resolve());
  let auth: AuthServices;
  try {
    // S2: a round still running in the store was left by a server that stopped without ending it.
    const interrupted = await store.rounds.interruptRunning();
    if (interrupted > 0) {
      logger.warn({ rounds: interrupted }, "rounds left running by a stopped server: interrupted");
    }
    auth = await prepareAuth({
      store,
      dataDir: config.dataDir,
      jwtSecret: config.jwtSecret,
      admin: config.admin,
      now,
      logger,
    });
  } catch (error) {
    await closeStore();
    throw error;
  }

  let listening = false;
  let urls: ServerUrls | undefined;
  const recordings = new RoundRecords(store, logger.child({ component: "recorder" }));
  const httpServer = createServer();
  logRequests(httpServer, logger);
  const gameServer = new GameServer({
    // P6: frames beyond this close the connection; smaller oversized ones get a typed error.
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES }),
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
        store,
        ...auth,
        publicUrl: config.publicUrl,
        now,
        rooms: new SessionRooms(),
        studentBaseUrl: () =>
          config.publicUrl ?? urls?.network[0] ?? urls?.local ?? `http://localhost:${config.port}`,
        clientDistDir:
          config.nodeEnv === "production"
            ? (options.clientDistDir ?? DEFAULT_CLIENT_DIST)
            : undefined,
      }),
  });
  gameServer.define(
    CLASSROOM_ROOM,
    classroomRoomType({
      store,
      tokens: auth.tokens,
      logger: logger.child({ component: "classroom" }),
      now,
      recordings,
      timing: { ...DEFAULT_TIMING, ...options.classroom },
    }),
  );
  for (const [name, room] of Object.entries(options.rooms ?? {})) gameServer.define(name, room);

  try {
    await listen(gameServer, httpServer, config);
  } catch (error) {
    await gameServer.gracefullyShutdown(false);
    await closeStore();
    throw error;
  }
  listening = true;

  const port = (httpServer.address() as AddressInfo).port;
  urls = serverUrls(config.host, port);
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
      // Rounds in play were stored as interrupted while their rooms were disposed.
      await recordings.settled();
      await closeStore();
      logger.info("server closed");
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    })();
    return closing;
  };
  const setupBase = new URL(config.publicUrl ?? urls.local);
  if (!setupBase.pathname.endsWith("/")) setupBase.pathname += "/";
  return {
    port,
    urls,
    store,
    tokens: auth.tokens,
    get setupUrl() {
      const token = auth.setup.token;
      return token === undefined ? undefined : new URL(`setup?token=${token}`, setupBase).href;
    },
    close,
  };
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
