import { SHARED_ROLES, type BoardLinks, type CreateBoardResponse } from "@journeyboard/shared";

/**
 * Boards created in this browser, with their links, for the home page's
 * list. The facilitator's Share panel gets the current links from the
 * server on any device; what it gets is kept here too, so the list does
 * not show a link that was replaced.
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

/** Keeps the links the server gave for a board this browser created, in its place in the list (others are not added). */
export function rememberLinks(id: string, links: BoardLinks): void {
  const boards = loadMyBoards();
  const board = boards.find((b) => b.id === id);
  if (!board) return;
  for (const role of SHARED_ROLES) {
    const link = links[role];
    if (link.status === "on") board.links[role] = { url: link.url, token: link.token };
  }
  localStorage.setItem(KEY, JSON.stringify(boards));
}
