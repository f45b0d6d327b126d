import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { Hono, type Context } from "hono";
import { z } from "zod";
import { serveStatic } from "@hono/node-server/serve-static";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import {
  CreateBoardRequest,
  DomainError,
  boardJsonSchema,
  byOrder,
  exportBoard,
  importBoard,
  parseBoardFile,
  readAll,
  readRecord,
  LIMITS,
  type ApiError,
  type BoardWorkshop,
  type CreateBoardResponse,
  type Role,
  type BoardSession,
  type SnapshotInfo,
  type SnapshotKind,
} from "@journeyboard/shared";
import type { BoardService } from "../boards";
import type * as Y from "yjs";
import { actionPlanCsv, actionPlanMarkdown } from "../exports/actionPlan";
import { journeyGridCsv, journeyMermaid } from "../exports/journeyGrid";
import { journeyPdf } from "../exports/journeyPdf";
import { votesCsv } from "../exports/votesCsv";
import type { BoardStore } from "../storage/BoardStore";
import type { SnapshotStore } from "../storage/SnapshotStore";
import type { VoteStore } from "../storage/VoteStore";
import { hashToken } from "../tokens";
import { linkBase } from "./linkBase";
import { DEFAULT_NEW_BOARD_LIMIT, jsonOnly, newBoardsPerAddress, type NewBoardLimit } from "./requestGuards";

export interface HttpDeps {
  store: BoardStore;
  snapshots: SnapshotStore;
  votes: VoteStore;
  /** Stores the board as it is now in its history. */
  saveSnapshot(boardId: string, board: Y.Doc, name: string, kind: SnapshotKind): SnapshotInfo;
  /** The board's document as it is now: the live one when loaded, else read from the store. */
  readBoard(id: string): Y.Doc | null;
  /** What the server keeps of a board's workshop beside its document: the phase and the revealed rounds. */
  workshopOf(boardId: string): BoardWorkshop;
  /** Creates a board from an imported document and the workshop part of its file, all or nothing. */
  importBoard(doc: Y.Doc, workshop: BoardWorkshop | undefined, publicUrl: string): CreateBoardResponse;
  boards: BoardService;
  adminToken: string | undefined;
  clientDir: string | undefined;
  /** PUBLIC_URL, the base of every link when it is set. */
  publicUrl: string | undefined;
  /** New boards per address (DEFAULT_NEW_BOARD_LIMIT unless given). */
  newBoardLimit?: NewBoardLimit;
}

/** The largest board file `POST /api/boards/import` takes. */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

const SnapshotRequest = z.strictObject({ name: z.string().trim().min(1).max(LIMITS.title) });

/** What an export is asked for: the board, its title, and `?journey=` for a journey's exports. */
interface ExportRequest {
  id: string;
  title: string;
  journey: string | undefined;
}

/** The journey an export is for: the one asked for, by default the board's first. */
function journeyOf(board: Y.Doc, requested: string | undefined): string {
  const journeys = readAll(board, "journeys").sort(byOrder);
  return journeys.find((j) => j.id === requested)?.id ?? journeys[0]?.id ?? "";
}

const apiError = (c: Context, status: 400 | 401 | 403 | 404 | 503, error: string, message: string) =>
  c.json<ApiError>({ error, message }, status);

/**
 * A cap on a request's body that answers like any other bad body (the
 * documented 400 in JSON, naming the limit) instead of the middleware's own
 * 413 in plain text.
 */
const limitBody = (maxSize: number, error: "invalid-request" | "invalid-file", message: string) =>
  bodyLimit({ maxSize, onError: (c) => apiError(c, 400, error, message) });

/** The bearer token of a request, or its `?token=` so that a plain link works. */
const requestToken = (c: Context): string | undefined =>
  /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? c.req.query("token");

/**
 * HTTP routes of the external contract (README.md): health, board creation,
 * exports, and the built client with its board links.
 */
export function createHttpApp(deps: HttpDeps): Hono {
  const app = new Hono();
  const linksFor = (c: Context) => linkBase(deps.publicUrl, c.req.url, c.req.header("x-forwarded-proto"));

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", "ws:", "wss:"],
        imgSrc: ["'self'", "data:", "blob:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "no-referrer",
    }),
  );

  app.get("/healthz", (c) => {
    if (!deps.store.ping()) return apiError(c, 503, "storage-unavailable", "The board store does not answer.");
    return c.json({ status: "ok" });
  });

  const newBoards = newBoardsPerAddress(deps.newBoardLimit ?? DEFAULT_NEW_BOARD_LIMIT);
  app.post(
    "/api/boards",
    jsonOnly,
    newBoards,
    limitBody(16 * 1024, "invalid-request", "body: larger than 16 KiB"),
    async (c) => {
      if (deps.adminToken && requestToken(c) !== deps.adminToken) {
        return apiError(c, 401, "admin-token-required", "Creating boards on this server needs its admin token.");
      }
      const body: unknown = await c.req.json().catch(() => undefined);
      const parsed = CreateBoardRequest.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join(".") || "body";
        return apiError(c, 400, "invalid-request", `${field}: ${issue?.message ?? "invalid"}`);
      }
      return c.json(deps.boards.create(parsed.data, linksFor(c)), 201);
    },
  );

  app.post(
    "/api/boards/import",
    jsonOnly,
    newBoards,
    limitBody(MAX_IMPORT_BYTES, "invalid-file", "file: larger than 32 MiB"),
    async (c) => {
      if (deps.adminToken && requestToken(c) !== deps.adminToken) {
        return apiError(c, 401, "admin-token-required", "Creating boards on this server needs its admin token.");
      }
      const body: unknown = await c.req.json().catch(() => undefined);
      if (body === undefined) return apiError(c, 400, "invalid-file", "file: not JSON");
      const parsed = parseBoardFile(body);
      if (!parsed.ok) return apiError(c, 400, "invalid-file", parsed.error);
      let doc: Y.Doc;
      try {
        doc = importBoard(parsed.board);
      } catch (error) {
        if (error instanceof DomainError) return apiError(c, 400, "invalid-file", error.message);
        throw error;
      }
      return c.json(deps.importBoard(doc, parsed.board.workshop, linksFor(c)), 201);
    },
  );

  app.get("/api/schemas/board.json", (c) => c.json(boardJsonSchema()));

  /** The role a request's token has on a board, or an error answer. */
  const roleOn = (c: Context, id: string): Role | Response => {
    if (deps.store.boardTitle(id) === null) return apiError(c, 404, "unknown-board", "No board has this id.");
    const token = requestToken(c);
    const role = token ? deps.store.roleForTokenHash(id, hashToken(token)) : null;
    return role ?? apiError(c, 403, "bad-token", "This link does not open this board.");
  };

  app.get("/api/boards/:id/snapshots", (c) => {
    const role = roleOn(c, c.req.param("id"));
    return role instanceof Response ? role : c.json(deps.snapshots.list(c.req.param("id")));
  });

  app.post(
    "/api/boards/:id/snapshots",
    jsonOnly,
    limitBody(4096, "invalid-request", "body: larger than 4 KiB"),
    async (c) => {
      const id = c.req.param("id");
      const role = roleOn(c, id);
      if (role instanceof Response) return role;
      if (role !== "facilitator") return apiError(c, 403, "forbidden", "Only the facilitator saves snapshots.");
      const body = SnapshotRequest.safeParse(await c.req.json().catch(() => undefined));
      if (!body.success)
        return apiError(c, 400, "invalid-request", `name: ${body.error.issues[0]?.message ?? "invalid"}`);
      const board = deps.readBoard(id);
      if (!board) return apiError(c, 503, "board-unavailable", "The board could not be read.");
      return c.json(deps.saveSnapshot(id, board, body.data.name, "named"), 201);
    },
  );

  app.get("/api/boards/:id/snapshots/:snapshot", (c) => {
    const id = c.req.param("id");
    const role = roleOn(c, id);
    if (role instanceof Response) return role;
    const file = deps.snapshots.file(id, c.req.param("snapshot"));
    if (file === null) return apiError(c, 404, "unknown-snapshot", "No snapshot has this id.");
    c.header("content-type", "application/json; charset=utf-8");
    return c.body(file);
  });

  app.get("/api/boards/:id/session", (c) => {
    const id = c.req.param("id");
    const role = roleOn(c, id);
    if (role instanceof Response) return role;
    return c.json<BoardSession>({ id, title: deps.store.boardTitle(id) ?? "", role });
  });

  /** A download of a board, for any role's token of that board. */
  const exportRoute = (
    file: string,
    type: string,
    body: (board: Y.Doc, about: ExportRequest) => string | Promise<Uint8Array>,
  ) =>
    app.get(`/api/boards/:id/export/${file}`, async (c) => {
      const id = c.req.param("id");
      const role = roleOn(c, id);
      if (role instanceof Response) return role;
      const board = deps.readBoard(id);
      if (!board) return apiError(c, 503, "board-unavailable", "The board could not be read.");
      const title = (board.getMap("meta").get("title") as string | undefined) ?? deps.store.boardTitle(id) ?? "";
      const content = await body(board, { id, title, journey: c.req.query("journey") });
      c.header("content-disposition", `attachment; filename="${file}"`);
      if (typeof content !== "string") return c.body(new Uint8Array(content), 200, { "content-type": type });
      c.header("content-type", `${type}; charset=utf-8`);
      return c.body(content);
    });
  exportRoute(
    "board.json",
    "application/json",
    (board, { id }) => `${JSON.stringify(exportBoard(board, deps.workshopOf(id)), null, 2)}\n`,
  );
  exportRoute("votes.csv", "text/csv", (board, { id }) => votesCsv(board, deps.votes.rounds(id)));
  exportRoute("action-plan.csv", "text/csv", (board) => actionPlanCsv(board));
  exportRoute("action-plan.md", "text/markdown", (board, { title }) => actionPlanMarkdown(board, title));
  exportRoute("journey.csv", "text/csv", (board, { journey }) => journeyGridCsv(board, journeyOf(board, journey)));
  exportRoute("journey.mmd", "text/plain", (board, { journey, title }) => {
    const journeyId = journeyOf(board, journey);
    return journeyMermaid(board, journeyId, readRecord(board, "journeys", journeyId)?.title || title);
  });

  exportRoute("journey.pdf", "application/pdf", (board, { journey, title }) => journeyPdf(board, title, journey));

  app.all("/api/*", (c) => apiError(c, 404, "not-found", "No such route."));

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(join(clientDir, "index.html"))) {
    const indexHtml = readFileSync(join(clientDir, "index.html"), "utf8");
    app.use("/*", serveStatic({ root: clientDir }));
    app.get("/assets/*", (c) => c.text("Not found", 404));
    app.get("*", (c) => c.html(indexHtml));
  } else {
    app.get("/", (c) => c.text("Journeyboard server is running; the web client is not built (pnpm build)."));
  }
  return app;
}
