import type { ReactNode } from "react";
import { ApiFailure, downloadTicket } from "../../app/api";
import type { BoardController } from "../BoardController";

/** Where the server draws an export of the board (`journey` for a journey's files). */
export const exportPath = (boardId: string, file: string, journeyId?: string | null) =>
  `/api/boards/${encodeURIComponent(boardId)}/export/${file}${journeyId ? `?journey=${encodeURIComponent(journeyId)}` : ""}`;

/** Why a download can be refused, each with its sentence in the catalogs (`notice.download.*`). */
const REFUSALS = [
  "server-busy",
  "too-many-requests",
  "took-too-long",
  "out-of-memory",
  "bad-token",
  "bad-ticket",
  "unknown-board",
  "board-unavailable",
  "network",
] as const;

const refusalKey = (code: string) =>
  `notice.download.${(REFUSALS as readonly string[]).includes(code) ? code : "unknown"}`;

/**
 * A download the server draws: clicked, it asks for a one-use ticket with
 * the token in a header, then downloads with the ticket in the URL, so the
 * token never reaches a URL that a proxy's log or the history keeps. A
 * refusal (the server busy, the link revoked) shows as a notice.
 */
export function ServerDownload({
  controller,
  boardId,
  token,
  file,
  journeyId,
  testId,
  title,
  children,
}: {
  controller: BoardController;
  boardId: string;
  token: string;
  file: string;
  journeyId?: string | null;
  testId: string;
  title?: string;
  children: ReactNode;
}) {
  const path = exportPath(boardId, file, journeyId);
  const download = async () => {
    try {
      const { ticket } = await downloadTicket(boardId, token);
      const link = document.createElement("a");
      link.href = `${path}${path.includes("?") ? "&" : "?"}ticket=${encodeURIComponent(ticket)}`;
      link.download = file;
      link.click();
    } catch (failure) {
      const code = failure instanceof ApiFailure ? failure.code : "unknown";
      controller.notify({ key: refusalKey(code) });
    }
  };
  return (
    <a
      className="button"
      href={path}
      download={file}
      data-testid={testId}
      title={title}
      onClick={(event) => {
        event.preventDefault();
        void download();
      }}
    >
      {children}
    </a>
  );
}
