import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { Hono, type Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { z } from "zod";
import { serveStatic } from "@hono/node-server/serve-static";
import { secureHeaders } from "hono/secure-headers";
import {
  CreateBoardRequest,
  boardJsonSchema,
  LIMITS,
  fileProblem,
  type BoardWorkshop,
  type Role,
  type BoardSession,
  type DownloadTicket,
  type SnapshotInfo,
  type SnapshotKind,
} from "@journeyboard/shared";
import type { BoardService } from "../boards";
import { EXPORT_FILES, isExportFile } from "../exports/files";
import { HeavyWorkRefused, type HeavyWork } from "../heavy/HeavyWork";
import type { BoardStore } from "../storage/BoardStore";
import type { SnapshotStore } from "../storage/SnapshotStore";
import type { VoteStore } from "../storage/VoteStore";
import { hashToken } from "../tokens";
import { TICKET_SECONDS, type DownloadTickets } from "./downloadTickets";
import { apiError, fileError, limitBody, requestToken } from "./answers";
import { linkBase } from "./linkBase";
import { linkRoutes } from "./linkRoutes";
import { metricsRoute } from "./metricsRoute";
import type { LinkService } from "../links/LinkService";
import type { PersonalLinkService } from "../links/PersonalLinkService";
import { personalLinkRoutes } from "./personalLinkRoutes";
import {
  DEFAULT_NEW_BOARD_LIMIT,
  jsonOnly,
  newBoardsPerAddress,
  type NewBoardLimit,
  type SharedCount,
} from "./requestGuards";

/** A board read from an imported file: its document's state, title and the workshop part of the file. */
export interface ImportedBoard {
  state: Uint8Array;
  title: string;
  workshop: BoardWorkshop | undefined;
}

export interface HttpDeps {
  store: BoardStore;
  snapshots: SnapshotStore;
  votes: VoteStore;
  /** Whether the storage answers (`/healthz`). */
  ping(): Promise<boolean>;
  /** Stores the board as it is now in its history (null when it cannot be read), for a request from `address`. */
  saveSnapshot(boardId: string, name: string, kind: SnapshotKind, address: string): Promise<SnapshotInfo | null>;
  /** Exports, imports and snapshots: off the thread that relays edits. */
  heavy: HeavyWork;
  tickets: DownloadTickets;
  /** The server's clock, told to clients so they count the workshop timer down alike. */
  now: () => number;
  /** What the server keeps of a board's workshop beside its document: the phase and the revealed rounds. */
  workshopOf(boardId: string): Promise<BoardWorkshop>;
  /** Whether the board is anonymous: its exports then name nobody. */
  anonymousOf(boardId: string): Promise<boolean>;
  boards: BoardService;
  /** The participant and viewer links: shown again, rotated, revoked. */
  links: LinkService;
  /** The invited people's personal links: listed, added, revoked, issued again. */
  personalLinks: PersonalLinkService;
  adminToken: string | undefined;
  /** METRICS_TOKEN: who may read `GET /metrics`; unset, nobody (the route is off). */
  metricsToken: string | undefined;
  clientDir: string | undefined;
  /** PUBLIC_URL, the base of every link when it is set. */
  publicUrl: string | undefined;
  /** New boards per address (DEFAULT_NEW_BOARD_LIMIT unless given). */
  newBoardLimit?: NewBoardLimit;
  /** Several instances: new boards are counted together, in Redis. */
  newBoardCount?: SharedCount;
}

/** The largest board file `POST /api/boards/import` takes. */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

const SnapshotRequest = z.strictObject({ name: z.string().trim().min(1).max(LIMITS.title) });

const addressOf = (c: Context): string => getConnInfo(c).remote.address ?? "unknown";

/** The answer to heavy work that was refused or stopped; `file` for an import, whose failure is the file's. */
function heavyRefusal(c: Context, refused: HeavyWorkRefused, what: "file" | "export" | "snapshot"): Response {
  switch (refused.reason) {
    case "address-busy":
      c.header("Retry-After", "5");
      return apiError(c, 429, "too-many-requests", "This address already has downloads or imports under way.", {
        retryAfter: 5,
      });
    case "server-busy":
      c.header("Retry-After", "10");
      return apiError(c, 503, "server-busy", "The server is busy with other downloads and imports; try again shortly.");
    case "too-long":
      return what === "file"
        ? fileError(c, fileProblem("tooLarge", "file", "takes too long to read"))
        : apiError(c, 503, "took-too-long", `The ${what} took too long and was stopped.`);
    case "out-of-memory":
      return what === "file"
        ? fileError(c, fileProblem("tooLarge", "file", "needs more memory than an import may take"))
        : apiError(c, 503, "out-of-memory", `The ${what} needs more memory than the server gives it.`);
  }
}

/** Runs heavy work for a request, answering a refusal instead of throwing it. */
async function heavily<T>(
  c: Context,
  what: "file" | "export" | "snapshot",
  work: () => Promise<T>,
): Promise<T | Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HeavyWorkRefused) return heavyRefusal(c, error, what);
    throw error;
  }
}

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
        // The service worker that keeps the app shell for offline use (client/sw/).
        workerSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "no-referrer",
    }),
  );

  app.get("/healthz", async (c) => {
    const answers = await deps.ping().catch(() => false);
    if (!answers) return apiError(c, 503, "storage-unavailable", "The board store does not answer.");
    return c.json({ status: "ok" });
  });

  const newBoards = newBoardsPerAddress(deps.newBoardLimit ?? DEFAULT_NEW_BOARD_LIMIT, deps.newBoardCount);
  app.post(
    "/api/boards",
    jsonOnly,
    newBoards,
    limitBody(16 * 1024, "invalid-request", "larger than 16 KiB"),
    async (c) => {
      if (deps.adminToken && requestToken(c) !== deps.adminToken) {
        return apiError(c, 401, "admin-token-required", "Creating boards on this server needs its admin token.");
      }
      const body: unknown = await c.req.json().catch(() => undefined);
      const parsed = CreateBoardRequest.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join(".") || "body";
        return apiError(c, 400, "invalid-request", `${field}: ${issue?.message ?? "invalid"}`, { field });
      }
      return c.json(await deps.boards.create(parsed.data, linksFor(c)), 201);
    },
  );

  app.post(
    "/api/boards/import",
    jsonOnly,
    newBoards,
    limitBody(MAX_IMPORT_BYTES, "invalid-file", "larger than 32 MiB"),
    async (c) => {
      if (deps.adminToken && requestToken(c) !== deps.adminToken) {
        return apiError(c, 401, "admin-token-required", "Creating boards on this server needs its admin token.");
      }
      const text = await c.req.text();
      const read = await heavily(c, "file", () => deps.heavy.run(addressOf(c), { kind: "import", text }));
      if (read instanceof Response) return read;
      if (!read.ok) return fileError(c, read.problem);
      // The document, its phase and its rounds in one transaction (BoardStore.createBoard).
      return c.json(await deps.boards.createFrom(read.state, read.title, linksFor(c), read.workshop), 201);
    },
  );

  app.get("/api/schemas/board.json", (c) => c.json(boardJsonSchema()));

  /** The role a request's token has on a board, or an error answer. */
  const roleOn = async (c: Context, id: string): Promise<Role | Response> => {
    if ((await deps.store.boardTitle(id)) === null) return apiError(c, 404, "unknown-board", "No board has this id.");
    const token = requestToken(c);
    const role = token ? await deps.store.roleForTokenHash(id, hashToken(token)) : null;
    return role ?? apiError(c, 403, "bad-token", "This link does not open this board.");
  };

  app.post("/api/boards/:id/downloads", async (c) => {
    const id = c.req.param("id");
    const role = await roleOn(c, id);
    if (role instanceof Response) return role;
    return c.json<DownloadTicket>(
      { ticket: await deps.tickets.issue(id, role), expiresInSeconds: TICKET_SECONDS },
      201,
    );
  });

  app.get("/api/boards/:id/snapshots", async (c) => {
    const role = await roleOn(c, c.req.param("id"));
    return role instanceof Response ? role : c.json(await deps.snapshots.list(c.req.param("id")));
  });

  app.post(
    "/api/boards/:id/snapshots",
    jsonOnly,
    limitBody(4096, "invalid-request", "larger than 4 KiB"),
    async (c) => {
      const id = c.req.param("id");
      const role = await roleOn(c, id);
      if (role instanceof Response) return role;
      if (role !== "facilitator") return apiError(c, 403, "forbidden", "Only the facilitator saves snapshots.");
      const body = SnapshotRequest.safeParse(await c.req.json().catch(() => undefined));
      if (!body.success)
        return apiError(c, 400, "invalid-request", `name: ${body.error.issues[0]?.message ?? "invalid"}`, {
          field: "name",
        });
      const saved = await heavily(c, "snapshot", () => deps.saveSnapshot(id, body.data.name, "named", addressOf(c)));
      if (saved instanceof Response) return saved;
      if (!saved) return apiError(c, 503, "board-unavailable", "The board could not be read.");
      return c.json(saved, 201);
    },
  );

  app.get("/api/boards/:id/snapshots/:snapshot", async (c) => {
    const id = c.req.param("id");
    const role = await roleOn(c, id);
    if (role instanceof Response) return role;
    const file = await deps.snapshots.file(id, c.req.param("snapshot"));
    if (file === null) return apiError(c, 404, "unknown-snapshot", "No snapshot has this id.");
    c.header("content-type", "application/json; charset=utf-8");
    return c.body(file);
  });

  app.get("/api/boards/:id/session", async (c) => {
    const id = c.req.param("id");
    const role = await roleOn(c, id);
    if (role instanceof Response) return role;
    const title = (await deps.store.boardTitle(id)) ?? "";
    const invite = role === "participant" ? await deps.personalLinks.invitedAs(id, requestToken(c)!) : null;
    const anonymous = await deps.anonymousOf(id);
    return c.json<BoardSession>({ id, title, role, now: deps.now(), anonymous, ...(invite && { invite }) });
  });

  /** A download of a board, for any role's token of that board, drawn in a heavy-work thread. */
  app.get("/api/boards/:id/export/:file", async (c) => {
    const id = c.req.param("id");
    const file = c.req.param("file");
    if (!isExportFile(file)) return apiError(c, 404, "not-found", "No such route.");
    const ticket = c.req.query("ticket");
    const role = ticket === undefined ? await roleOn(c, id) : await deps.tickets.redeem(ticket, id);
    if (role instanceof Response) return role;
    if (role === null) return apiError(c, 403, "bad-ticket", "This download link was used or has expired.");
    const board = await deps.store.loadBoard(id);
    if (!board) return apiError(c, 503, "board-unavailable", "The board could not be read.");
    const about = {
      title: (await deps.store.boardTitle(id)) ?? "",
      journey: c.req.query("journey"),
      workshop: await deps.workshopOf(id),
      rounds: await deps.votes.rounds(id),
      anonymous: await deps.anonymousOf(id),
    };
    const content = await heavily(c, "export", () =>
      deps.heavy.run(addressOf(c), { kind: "export", file, board, about }),
    );
    if (content instanceof Response) return content;
    const type = EXPORT_FILES[file];
    c.header("content-disposition", `attachment; filename="${file}"`);
    if (typeof content !== "string") return c.body(new Uint8Array(content), 200, { "content-type": type });
    c.header("content-type", `${type}; charset=utf-8`);
    return c.body(content);
  });

  linkRoutes(app, { links: deps.links, roleOn, linksFor });
  personalLinkRoutes(app, { personalLinks: deps.personalLinks, roleOn, linksFor });
  metricsRoute(app, deps.metricsToken);

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
