import type {
  ApiError,
  BoardLinks,
  BoardSession,
  CreateBoardRequest,
  CreateBoardResponse,
  DownloadTicket,
  InvitedPerson,
  PersonalLinks,
  SharedRole,
  SnapshotInfo,
} from "@journeyboard/shared";

/** Calls to the server's HTTP API; failures carry the server's error code and what it names (`failureText` words them). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Omit<ApiError, "error" | "message"> = {},
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiFailure(0, "network", "network");
  }
  const body = (await response.json().catch(() => null)) as T | ApiError | null;
  if (!response.ok) {
    const { error, message, ...details } = (body ?? {}) as Partial<ApiError>;
    throw new ApiFailure(response.status, error ?? "unknown", message ?? response.statusText, details);
  }
  return body as T;
}

/** Headers of a request that creates a board: the admin token, when this person gave one. */
const creating = (adminToken: string): HeadersInit => ({
  "content-type": "application/json",
  ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}),
});

export const createBoard = (request: CreateBoardRequest, adminToken: string) =>
  call<CreateBoardResponse>("/api/boards", {
    method: "POST",
    headers: creating(adminToken),
    body: JSON.stringify(request),
  });

/** How long a board waits for its session before it opens from this browser's copy (a server that does not answer). */
const SESSION_WAIT_MS = 5000;

export const fetchSession = (boardId: string, token: string) =>
  call<BoardSession>(`/api/boards/${encodeURIComponent(boardId)}/session`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(SESSION_WAIT_MS),
  });

/** Creates a board from a `board.json` file's text; a bad file fails with the server's problem and the field it names. */
export const importBoardFile = (text: string, adminToken: string) =>
  call<CreateBoardResponse>("/api/boards/import", { method: "POST", headers: creating(adminToken), body: text });

const boardApi = (boardId: string, path: string, token: string, init: RequestInit = {}) =>
  call<unknown>(`/api/boards/${encodeURIComponent(boardId)}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });

export const listSnapshots = (boardId: string, token: string) =>
  boardApi(boardId, "/snapshots", token) as Promise<SnapshotInfo[]>;

export const saveSnapshot = (boardId: string, token: string, name: string) =>
  boardApi(boardId, "/snapshots", token, { method: "POST", body: JSON.stringify({ name }) }) as Promise<SnapshotInfo>;

/** A snapshot's board file, still to be checked (`parseBoardFile`). */
export const snapshotFile = (boardId: string, token: string, id: string) =>
  boardApi(boardId, `/snapshots/${encodeURIComponent(id)}`, token);

/** A one-use ticket that downloads one export, so the token never stands in a URL. */
export const downloadTicket = (boardId: string, token: string) =>
  boardApi(boardId, "/downloads", token, { method: "POST" }) as Promise<DownloadTicket>;

/** The participant and viewer links, for the facilitator's token on any device. */
export const fetchLinks = (boardId: string, token: string) => boardApi(boardId, "/links", token) as Promise<BoardLinks>;

/** A new link for the role; the old one stops working at once. */
export const rotateLink = (boardId: string, token: string, role: SharedRole) =>
  boardApi(boardId, `/links/${role}/rotate`, token, { method: "POST", body: "{}" }) as Promise<BoardLinks>;

/** Turns the role's link off: nobody opens the board with it until a new one is made. */
export const revokeLink = (boardId: string, token: string, role: SharedRole) =>
  boardApi(boardId, `/links/${role}`, token, { method: "DELETE" }) as Promise<BoardLinks>;

/** Everyone invited with a personal link, for the facilitator's token on any device. */
export const fetchPersonalLinks = (boardId: string, token: string) =>
  boardApi(boardId, "/personal-links", token) as Promise<PersonalLinks>;

/** Invites people after those invited already, each with a personal link. */
export const invitePeople = (boardId: string, token: string, people: InvitedPerson[]) =>
  boardApi(boardId, "/personal-links", token, {
    method: "POST",
    body: JSON.stringify({ people }),
  }) as Promise<PersonalLinks>;

/** Revokes one person's link: whoever has the board open with it is disconnected. */
export const revokePersonalLink = (boardId: string, token: string, inviteId: string) =>
  boardApi(boardId, `/personal-links/${encodeURIComponent(inviteId)}`, token, {
    method: "DELETE",
  }) as Promise<PersonalLinks>;

/** A new link for one person; the one they had stops working. */
export const reissuePersonalLink = (boardId: string, token: string, inviteId: string) =>
  boardApi(boardId, `/personal-links/${encodeURIComponent(inviteId)}/reissue`, token, {
    method: "POST",
    body: "{}",
  }) as Promise<PersonalLinks>;
