/**
 * Every transaction on a board carries one of these origins. The client's
 * undo manager tracks only its own `LocalUserOrigin` object, so undo never
 * reverts a colleague's edit; the server tags what it writes so that its
 * persistence and relay code can tell its own writes apart.
 */
export interface LocalUserOrigin {
  readonly kind: "local-user";
}
export interface ServerOrigin {
  readonly kind: "server";
  readonly reason: "create-board" | "import" | "restore" | "repair";
}
export interface MigrationOrigin {
  readonly kind: "migration";
  readonly toVersion: number;
}
export type Origin = LocalUserOrigin | ServerOrigin | MigrationOrigin;

/** A fresh origin object; identity matters to Y.UndoManager, so create one per session. */
export const localUserOrigin = (): LocalUserOrigin => ({ kind: "local-user" });
export const serverOrigin = (reason: ServerOrigin["reason"]): ServerOrigin => ({ kind: "server", reason });
