import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hocuspocus, MessageType } from "@hocuspocus/server";
import { WebSocket, WebSocketServer } from "ws";
import {
  CLOSE_REASONS,
  COLLAB_PATH,
  HEARTBEAT,
  LINK_REVOKED_CODE,
  FollowState,
  MAX_INVITES,
  PRESENCE_BATCH_MS,
  PRESENCE_RENEW_MS,
  SESSION_FOLLOW,
  WORKSHOP_SESSION,
  newId,
  parseDocumentName,
  workshopDocumentName,
  type Role,
  type SnapshotInfo,
  type SnapshotKind,
} from "@journeyboard/shared";
import { BoardService } from "./boards";
import type { ServerConfig } from "./config";
import { BoardAccess } from "./extensions/BoardAccess";
import type { BoardContext } from "./extensions/context";
import { LinkService } from "./links/LinkService";
import { PersonalLinkService } from "./links/PersonalLinkService";
import { BoardInvariants } from "./extensions/BoardInvariants";
import { BoardPersistence } from "./extensions/BoardPersistence";
import { KeepLoaded } from "./extensions/KeepLoaded";
import { createHttpApp } from "./http/app";
import { DownloadTickets } from "./http/downloadTickets";
import { listen } from "./http/listen";
import type { Logger } from "./logger";
import { openStorage } from "./storage/openStorage";
import { Workshop } from "./extensions/Workshop";
import { Gate, type GateContext } from "./extensions/Gate";
import { Capacity, DEFAULT_CAPACITY, type CapacityLimits } from "./gateway/capacity";
import { DEFAULT_GATE_LIMITS, type GateLimits } from "./gateway/limits";
import { wholeStateFrom } from "./gateway/fullSync";
import { SocketGate } from "./gateway/SocketGate";
import { PresenceBatches } from "./gateway/PresenceBatches";
import { PresenceFanOut, type FanOutTiming } from "./gateway/PresenceFanOut";
import { WorkshopSession } from "./workshop/WorkshopSession";
import { ScaleOut } from "./scale/ScaleOut";
import { DEFAULT_HEAVY_LIMITS, HeavyWork, type HeavyWorkLimits } from "./heavy/HeavyWork";
import { countRefusal, metrics } from "./metrics";

/** Largest WebSocket message accepted; larger ones close the connection (code 1009). */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  hocuspocus: Hocuspocus;
  /** With several instances (REDIS_URL), what this one's messages to the others are tagged with. */
  instanceId: string | undefined;
  /** Closes connections, stores every loaded board and the database. */
  close(): Promise<void>;
}

/** What tests and benchmarks set beside the configuration. */
export interface ServerTuning {
  /** The time, in ms since the epoch; tests move it to run out a round's countdown. */
  clock?: () => number;
  /** What one connection may send; tests lower them to reach them. */
  gateLimits?: GateLimits;
  /** How much heavy work (exports, imports, snapshots) runs and waits at once. */
  heavyLimits?: HeavyWorkLimits;
  /** What the whole server holds: sockets, bytes before authentication, loaded boards. */
  capacity?: CapacityLimits;
  /** How often presence goes out to each connection, and renews what it holds; tests shorten the renewal. */
  presenceTiming?: FanOutTiming;
}

/**
 * The heavy-work threads' entry: the built one beside the built server, or
 * the source's (through tsx) when the server runs from its source.
 */
const heavyWorkerFile = import.meta.url.endsWith(".ts")
  ? new URL("./heavy/sourceWorker.mjs", import.meta.url)
  : new URL("./heavy/worker.js", import.meta.url);

/**
 * One port for everything: the HTTP API and the built client through Hono,
 * and the collaboration WebSocket at COLLAB_PATH handed to Hocuspocus, whose
 * behaviour is the sum of the extensions wired here.
 */
export async function startServer(
  config: ServerConfig,
  logger: Logger,
  {
    clock = Date.now,
    gateLimits = DEFAULT_GATE_LIMITS,
    heavyLimits = DEFAULT_HEAVY_LIMITS,
    capacity: capacityLimits = DEFAULT_CAPACITY,
    presenceTiming = { batchMs: PRESENCE_BATCH_MS, renewMs: PRESENCE_RENEW_MS },
  }: ServerTuning = {},
): Promise<RunningServer> {
  const capacity = new Capacity(capacityLimits);
  const storage = await openStorage(config, logger);
  const scale = config.redis
    ? await ScaleOut.open(config.redis, () => hocuspocus, logger).catch(async (error: unknown) => {
        await storage.close();
        throw error;
      })
    : undefined;
  const { boards: store, votes, snapshots } = storage;
  const heavy = new HeavyWork(heavyWorkerFile, heavyLimits);
  /** The board as it is now (the store holds every applied update), drawn into its file in a heavy-work thread. */
  const saveSnapshot = async (
    boardId: string,
    name: string,
    kind: SnapshotKind,
    address?: string,
  ): Promise<SnapshotInfo | null> => {
    const board = await store.loadBoard(boardId);
    if (!board) return null;
    const info = { id: newId(), name, kind, createdAt: clock() };
    const job = { kind: "snapshot", board, workshop: await session.workshopOf(boardId) } as const;
    const file = await (address === undefined ? heavy.runForServer(job) : heavy.run(address, job));
    await snapshots.save(boardId, info, file);
    await session.historyChanged(boardId, info.createdAt);
    return info;
  };
  const boards = new BoardService(store);
  const tickets = new DownloadTickets(storage.tickets, clock);
  /** A link rotated or revoked: whatever holds its old token loses the board now, on every instance, not at its next reconnect. */
  const disconnectRole = async (boardId: string, role: Role) => {
    scale?.announce(boardId, { parts: [], revoked: role });
    await tickets.forget(boardId, role);
    disconnectRoleHere(boardId, role);
  };
  const disconnectRoleHere = (boardId: string, role: Role) => {
    for (const name of [boardId, workshopDocumentName(boardId)]) {
      for (const connection of hocuspocus.documents.get(name)?.getConnections() ?? []) {
        if ((connection.context as BoardContext).role === role) {
          connection.webSocket.close(LINK_REVOKED_CODE, CLOSE_REASONS.linkRevoked);
        }
      }
    }
  };
  /** A personal link revoked or issued again: as `disconnectRole`, for the connections opened with that invite's link. */
  const disconnectInvite = async (boardId: string, inviteId: string) => {
    scale?.announce(boardId, { parts: [], revokedInvite: inviteId });
    // Tickets are kept by role, not by link: an unused one asked for with the revoked link goes with every
    // participant's. Each lasts a minute and the app asks for one just before its download.
    await tickets.forget(boardId, "participant");
    disconnectInviteHere(boardId, inviteId);
  };
  const disconnectInviteHere = (boardId: string, inviteId: string) => {
    for (const name of [boardId, workshopDocumentName(boardId)]) {
      for (const connection of hocuspocus.documents.get(name)?.getConnections() ?? []) {
        if ((connection.context as BoardContext).invite?.id === inviteId) {
          connection.webSocket.close(LINK_REVOKED_CODE, CLOSE_REASONS.linkRevoked);
        }
      }
    }
  };
  /** Snapshots being drawn; closing waits for them. */
  const keeping = new Set<Promise<unknown>>();
  /** Keeps the board as it is now in its history, when it can be read; a failure is logged, the workshop goes on. */
  const keepInHistory = (boardId: string, name: string, kind: SnapshotKind) => {
    const kept = saveSnapshot(boardId, name, kind)
      .catch((error: unknown) => logger.error({ err: error, board: boardId, kind }, "snapshot not kept"))
      .finally(() => keeping.delete(kept));
    keeping.add(kept);
  };
  const session = new WorkshopSession({
    phases: storage.phases,
    timers: storage.timers,
    locks: storage.locks,
    follow: storage.follow,
    cofacilitators: storage.cofacilitators,
    cardRights: storage.cardRights,
    anonymity: storage.anonymity,
    votes,
    snapshots,
    instance: () => hocuspocus,
    logger,
    clock,
    keepInHistory,
    announce: scale?.announce,
    alarms: scale?.alarms,
  });
  const persistence = new BoardPersistence(store, logger, {
    fold: (board) => heavy.runForServer({ kind: "compact", board }),
    split: (board, structsPerPiece) => heavy.runForServer({ kind: "split", board, structsPerPiece }),
  });
  const keepLoaded = new KeepLoaded(capacityLimits.idleBoardMs);
  const boardsLoaded = () =>
    [...hocuspocus.documents.keys()].filter((name) => !parseDocumentName(name).workshop).length;
  const hasRoomFor = async (boardId: string) =>
    hocuspocus.documents.has(boardId) ||
    boardsLoaded() < capacityLimits.boards ||
    ((await keepLoaded.makeRoom(hocuspocus)) && boardsLoaded() < capacityLimits.boards);
  const wholeState = wholeStateFrom((document) => persistence.wholeState(document));
  const presenceOut = new PresenceFanOut(presenceTiming, (documentName) => {
    const workshop = hocuspocus.documents.get(workshopDocumentName(parseDocumentName(documentName).boardId));
    const follow = FollowState.safeParse(workshop?.getMap(WORKSHOP_SESSION).get(SESSION_FOLLOW));
    return follow.success ? follow.data.leader : null;
  });
  const hocuspocus: Hocuspocus = new Hocuspocus({
    quiet: true,
    extensions: [
      new BoardAccess(store, storage.personalLinks, hasRoomFor),
      persistence,
      keepLoaded,
      new BoardInvariants(),
      new Workshop(session),
      new Gate(presenceOut),
      ...(scale
        ? [
            scale.extension(persistence, (boardId, notice, fromHere) => {
              if (notice.revoked && !fromHere) disconnectRoleHere(boardId, notice.revoked);
              if (notice.revokedInvite && !fromHere) disconnectInviteHere(boardId, notice.revokedInvite);
              session
                .changedElsewhere(boardId, notice, fromHere)
                .catch((error: unknown) => logger.error({ err: error, board: boardId }, "workshop not read again"));
            }),
          ]
        : []),
    ],
  });

  const app = createHttpApp({
    store,
    votes,
    snapshots,
    ping: () => storage.ping(),
    saveSnapshot,
    heavy,
    tickets,
    now: clock,
    links: new LinkService(store, storage.links, disconnectRole),
    personalLinks: new PersonalLinkService(storage.personalLinks, disconnectInvite, clock, MAX_INVITES),
    workshopOf: session.workshopOf,
    anonymousOf: session.anonymousOf,
    boards,
    adminToken: config.adminToken,
    metricsToken: config.metricsToken,
    clientDir: config.clientDir,
    publicUrl: config.publicUrl,
    newBoardLimit: config.newBoardLimit,
    newBoardCount: scale?.newBoardCount,
  });
  const httpServer = createAdaptorServer({ fetch: app.fetch });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const presence = new PresenceBatches(PRESENCE_BATCH_MS);
  const stopSampling = [
    metrics.connections.sample(() => sockets.clients.size),
    metrics.boardsLoaded.sample(boardsLoaded),
    metrics.heavyQueueDepth.sample(() => heavy.queued()),
  ];

  // Every socket hears from the server at least this often, so a client notices a dead connection at once.
  const ping = new Uint8Array([MessageType.Ping]);
  const heartbeat = setInterval(() => {
    for (const client of sockets.clients) if (client.readyState === WebSocket.OPEN) client.send(ping);
  }, HEARTBEAT.intervalMs);

  /** Set once closing starts: a client reconnecting then is turned away, or closing would wait for it for ever. */
  let closing = false;
  httpServer.on("upgrade", (request: IncomingMessage, socket, head) => {
    if (closing) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\n\r\n");
      return;
    }
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== COLLAB_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws, request));
  });

  function attach(ws: WebSocket, request: IncomingMessage) {
    const address = request.socket.remoteAddress ?? "unknown";
    const refused = capacity.admit(address);
    if (refused) {
      countRefusal("connection", refused.reason);
      logger.warn({ reason: refused.reason }, "connection refused: the server is at its capacity");
      return ws.close(refused.code, refused.reason);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const webRequest = new Request(new URL(request.url ?? "/", "http://localhost"), { headers });
    const context: GateContext = {};
    const connection = hocuspocus.handleConnection(ws, webRequest, context);
    const gate = new SocketGate(ws, connection, {
      rulesOf: session.rulesOf,
      foldBoard: (boardId, document) => persistence.foldNow(boardId, document),
      wholeState,
      presence,
      presenceOut,
      capacity,
      logger,
      limits: gateLimits,
      now: clock,
    });
    context.gate = gate;
    ws.on("message", (data: Buffer) => gate.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on("close", (code, reason) => {
      gate.dispose();
      capacity.release(address);
      connection.handleClose({ code, reason: reason.toString() });
    });
    ws.on("error", (error) => logger.warn({ err: error }, "websocket error"));
  }

  try {
    await listen(httpServer as Server, config.port, config.host);
  } catch (error) {
    clearInterval(heartbeat);
    stopSampling.forEach((stop) => stop());
    await heavy.close();
    await scale?.close();
    await storage.close();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;

  return {
    url,
    port,
    hocuspocus,
    instanceId: scale?.instanceId,
    async close() {
      closing = true;
      clearInterval(heartbeat);
      stopSampling.forEach((stop) => stop());
      presence.stop();
      presenceOut.stop();
      // No new connection from here on; the ones open are ended below, once every board is stored.
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      for (const client of sockets.clients) client.close(1001, "server shutting down");
      hocuspocus.closeConnections();
      await session.flush();
      await Promise.all(keeping);
      // Each snapshot kept meanwhile published its historyAt.
      await session.flush();
      session.dispose();
      await persistence.stop();
      keepLoaded.stop();
      await heavy.close();
      await Promise.all([...hocuspocus.documents.values()].map((document) => hocuspocus.unloadDocument(document)));
      sockets.close();
      for (const client of sockets.clients) client.terminate();
      (httpServer as Server).closeAllConnections();
      await stopped;
      // Every update is stored and published by now.
      await scale?.close();
      await storage.close();
    },
  };
}
