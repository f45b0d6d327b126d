import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AUTH_FAILURES, TOKEN_FRAGMENT, type BoardSession } from "@journeyboard/shared";
import { ApiFailure, fetchSession } from "../app/api";
import { JoinDialog } from "../identity/JoinDialog";
import { invitedIdentity, loadIdentity, type Identity } from "../identity/identity";
import { BoardView } from "./BoardView";
import { projectorIdentity, projectorRequested } from "./room/projector";
import { learnServerTime } from "./state/serverClock";
import { BoardMessage } from "./ui/BoardMessage";

const tokenKey = (boardId: string) => `journeyboard.token.${boardId}`;
const sessionKey = (boardId: string) => `journeyboard.session.${boardId}`;

/** The token comes in the link's fragment (never sent to servers); this browser keeps it for reloads. */
function readToken(boardId: string): string | null {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get(TOKEN_FRAGMENT);
  if (fromLink) {
    localStorage.setItem(tokenKey(boardId), fromLink);
    return fromLink;
  }
  return localStorage.getItem(tokenKey(boardId));
}

/** Statuses that mean the server was not reached: none at all (the network), or a gateway's. */
const UNREACHABLE = new Set([0, 502, 503, 504]);

type Check = { state: "checking" } | { state: "ok"; session: BoardSession } | { state: "refused"; reason: string };

/** Checks the link, asks who you are (unless the link is a personal one, which says, or the projector, nobody), then opens the board. */
export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const [token] = useState(() => readToken(boardId));
  const [check, setCheck] = useState<Check>({ state: "checking" });
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity());
  const [joined, setJoined] = useState(identity !== null);
  // Whether the board is anonymous as the open board last knew it: it may have changed since the session answer.
  const [anonymousNow, setAnonymousNow] = useState<boolean | null>(null);
  const [projectorSelf] = useState(projectorIdentity);
  // A personal link names its person: no choosing, and nothing to change (the server stamps it anyway).
  const invited = useMemo(
    () => (check.state === "ok" && check.session.invite ? invitedIdentity(check.session.invite) : null),
    [check],
  );

  useEffect(() => {
    if (!token) return;
    const sentAt = Date.now();
    fetchSession(boardId, token).then(
      (session) => {
        learnServerTime(session.now, sentAt, Date.now());
        localStorage.setItem(sessionKey(boardId), JSON.stringify(session));
        setCheck({ state: "ok", session });
      },
      (failure: unknown) => {
        // Offline (no answer, or a proxy's word that the server is not there): the board opens from this
        // browser's copy, as the role it had last time. What the server itself answers stands.
        const offline = !(failure instanceof ApiFailure) || UNREACHABLE.has(failure.status);
        const known = offline ? localStorage.getItem(sessionKey(boardId)) : null;
        if (known) return setCheck({ state: "ok", session: JSON.parse(known) as BoardSession });
        const code = failure instanceof ApiFailure ? failure.code : "unknown";
        const reason =
          code === "unknown-board"
            ? AUTH_FAILURES.unknownBoard
            : code === "bad-token"
              ? AUTH_FAILURES.badToken
              : "unknown";
        setCheck({ state: "refused", reason });
      },
    );
  }, [boardId, token]);

  if (!token) return <BoardMessage kind="missingToken" />;
  if (check.state === "refused") return <BoardMessage kind="refused" reason={check.reason} />;
  if (check.state === "checking") {
    return (
      <p className="loading" role="status">
        {t("board.loading")}
      </p>
    );
  }
  // The viewer link opened as the projector: a screen in the room, nobody to ask who it is.
  if (check.session.role === "viewer" && projectorRequested(window.location.hash)) {
    return (
      <BoardView
        boardId={boardId}
        token={token}
        role="viewer"
        identity={projectorSelf}
        onChangeIdentity={null}
        projector
      />
    );
  }
  if (invited) {
    return (
      <BoardView
        boardId={boardId}
        token={token}
        role={check.session.role}
        identity={invited}
        onChangeIdentity={null}
        projector={false}
      />
    );
  }
  if (!joined || !identity) {
    return (
      <JoinDialog
        initial={identity}
        boardTitle={check.session.title}
        anonymous={anonymousNow ?? check.session.anonymous === true}
        onJoin={(chosen) => {
          setIdentity(chosen);
          setJoined(true);
        }}
      />
    );
  }
  return (
    <BoardView
      boardId={boardId}
      token={token}
      role={check.session.role}
      identity={identity}
      onChangeIdentity={(anonymous) => {
        setAnonymousNow(anonymous);
        setJoined(false);
      }}
      projector={false}
    />
  );
}
