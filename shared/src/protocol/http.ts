import { z } from "zod";
import { MAP_TYPES, STAGE_SET_IDS, type StageSetId } from "../model/mapTypes";
import { LIMITS } from "../model/limits";
import { ROLES, type Role } from "../model/roles";
import { LANGUAGES } from "../i18n/index";
import type { FileProblemCode } from "../exchange/fileProblems";
import type { InvitedAs } from "./personalLinks";

/** Body of `POST /api/boards`. */
export const CreateBoardRequest = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title),
  template: z.enum(MAP_TYPES).optional(),
  stageSet: z.enum(STAGE_SET_IDS as [StageSetId, ...StageSetId[]]).optional(),
  /** The board's language: what its exports are written in (English by default). */
  locale: z.enum(LANGUAGES).optional(),
});
export type CreateBoardRequest = z.infer<typeof CreateBoardRequest>;

export interface RoleLink {
  url: string;
  token: string;
}

/** Answer of `POST /api/boards` (201). */
export interface CreateBoardResponse {
  id: string;
  title: string;
  links: Record<Role, RoleLink>;
}

/** Answer of `GET /api/boards/:id/session` for a token: what it opens. */
export interface BoardSession {
  id: string;
  /** The title the board was created with. */
  title: string;
  role: Role;
  /** The server's clock (ms) when it answered: clients count the workshop timer down by it, whatever their own clock says. */
  now: number;
  /** Opened with a personal link: the name and department it gives, which the browser shows and cannot change. */
  invite?: InvitedAs;
  /** Whether the board is anonymous now (`anonymous.ts`): joining then asks for a department only. */
  anonymous?: boolean;
}

/** The roles whose links the facilitator shares, rotates and revokes. */
export const SHARED_ROLES = ["participant", "viewer"] as const;
export type SharedRole = (typeof SHARED_ROLES)[number];

/**
 * A shared role's link as the facilitator sees it: working (`on`), turned
 * off (`off`: no token opens the role until a new link is made), or made
 * before the server could show it again (`unknown`: a board created by an
 * older version; its link still works, and only a new one can be shown).
 */
export type LinkState = ({ status: "on" } & RoleLink) | { status: "off" } | { status: "unknown" };

/** Answer of `GET /api/boards/:id/links` and of rotating or revoking one (the facilitator's token only). */
export type BoardLinks = Record<SharedRole, LinkState>;

/** `POST /api/boards/:id/downloads`: a one-use ticket for one export, `?ticket=` instead of the token. */
export interface DownloadTicket {
  ticket: string;
  expiresInSeconds: number;
}

/**
 * What an HTTP error answer's `error` may be. The client words each in the
 * reader's language (`errors.<code>`, or for `invalid-file` the file's
 * `problem`); `message` says the same in English for tools that call the API.
 */
export const API_ERRORS = [
  "storage-unavailable",
  "admin-token-required",
  "invalid-request",
  "invalid-file",
  "unsupported-media-type",
  "too-many-requests",
  "unknown-board",
  "bad-token",
  "forbidden",
  "board-unavailable",
  "unknown-snapshot",
  "not-found",
  "bad-ticket",
  "server-busy",
  "took-too-long",
  "out-of-memory",
  "unknown-invite",
  "too-many-invites",
] as const;
export type ApiErrorCode = (typeof API_ERRORS)[number];

export interface ApiError {
  error: ApiErrorCode;
  message: string;
  /** The field a refused request or file is about (`locale`, `records.cards.3.text`). */
  field?: string;
  /** Why a file was refused (`invalid-file`). */
  problem?: FileProblemCode;
  /** Seconds until new boards are taken again (`too-many-requests`). */
  retryAfter?: number;
}

export const RoleSchema = z.enum(ROLES);

/** The board link carries its token in the fragment, so it never reaches server logs or other sites. */
export const boardPath = (id: string): string => `/b/${encodeURIComponent(id)}`;
export const TOKEN_FRAGMENT = "token";

/** How a snapshot of a board's history came about: named by the facilitator, at a vote reveal, or at a change of phase (named by the phase). */
export type SnapshotKind = "named" | "auto" | "phase";

/** One snapshot of a board's history, as `GET /api/boards/:id/snapshots` lists it (newest first). */
export interface SnapshotInfo {
  id: string;
  name: string;
  kind: SnapshotKind;
  createdAt: number;
}
