/**
 * How a client reaches a board over the collaboration WebSocket.
 *
 * The client connects to `COLLAB_PATH` with the Hocuspocus protocol; the
 * document name is the board id and the token is its role's secret token.
 * It also sends its schema version as a query parameter, so a client built
 * for an older document layout is refused before it syncs and is told to
 * reload. A refused connection receives one of `AUTH_FAILURES` as reason.
 */
export const COLLAB_PATH = "/collab";
export const SCHEMA_PARAM = "schema";

/**
 * The server's heartbeat: a Hocuspocus Ping on every socket every
 * `intervalMs`, which the provider answers with a Pong. A client that has
 * heard nothing for `silenceMs` says it is offline (the network is cut, or
 * the server frozen): within two seconds of the cut, where a quiet socket
 * would stay "connected" for half a minute. It closes the socket and
 * reconnects once the silence has lasted `closeAfterMs`, so a server busy
 * for a moment makes nobody reconnect.
 */
export const HEARTBEAT = { intervalMs: 400, silenceMs: 1200, closeAfterMs: 5000 } as const;

export const AUTH_FAILURES = {
  /** No board has this id. */
  unknownBoard: "unknown-board",
  /** The token opens no role on this board. */
  badToken: "bad-token",
  /** The client was built for an older schema: reload to get the new one. */
  clientOutdated: "client-outdated",
  /** The stored board could not be loaded; nothing was overwritten. */
  boardUnavailable: "board-unavailable",
  /** The server holds as many boards as it can at once; this one is not among them. */
  serverFull: "server-full",
} as const;
export type AuthFailure = (typeof AUTH_FAILURES)[keyof typeof AUTH_FAILURES];

export const isAuthFailure = (reason: string): reason is AuthFailure =>
  (Object.values(AUTH_FAILURES) as string[]).includes(reason);

/**
 * Why the server closed a live connection (the WebSocket close reason). The
 * client reconnects by itself and tells the person why in their language
 * (`notice.closed.<reason>`), except after `link-revoked`: its token opens
 * nothing any more, so it says so and stays closed.
 */
export const CLOSE_REASONS = {
  /** A frame that is no message of the protocol. */
  malformed: "malformed-message",
  /** More messages (or full syncs) than a connection may send. */
  rateLimit: "too-many-messages",
  /** Too much sent before the board let the connection in. */
  pendingLimit: "too-much-before-authentication",
  /** A document sent for that was not authenticated in time. */
  authenticationTimeout: "authentication-timeout",
  /** The server holds as many sockets as it may. */
  serverFull: "server-full",
  /** This address holds as many sockets as one may. */
  addressFull: "too-many-connections",
  /** The facilitator made a new link for this role or turned it off: the token this connection opened with no longer opens the board. */
  linkRevoked: "link-revoked",
  /** The server could not read its storage to let the connection in: the client tries again, it was not refused. */
  storageUnavailable: "storage-unavailable",
} as const;

/** The close code of a connection whose link was rotated or revoked (an application code, as HTTP's 401). */
export const LINK_REVOKED_CODE = 4401;
export type CloseReason = (typeof CLOSE_REASONS)[keyof typeof CLOSE_REASONS];

export const isCloseReason = (reason: string): reason is CloseReason =>
  (Object.values(CLOSE_REASONS) as string[]).includes(reason);
