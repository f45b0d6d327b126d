import type { CreateBoardResponse } from "@journeyboard/shared";

/**
 * Boards created in this browser, with their links. The server keeps only
 * hashes of the tokens, so this is where a facilitator finds the
 * participant and viewer links again.
 */
const KEY = "journeyboard.myBoards";

export function loadMyBoards(): CreateBoardResponse[] {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(value) ? (value as CreateBoardResponse[]) : [];
  } catch {
    return [];
  }
}

export function rememberBoard(board: CreateBoardResponse): void {
  localStorage.setItem(KEY, JSON.stringify([board, ...loadMyBoards().filter((b) => b.id !== board.id)].slice(0, 50)));
}

export const myBoard = (id: string): CreateBoardResponse | undefined => loadMyBoards().find((b) => b.id === id);
