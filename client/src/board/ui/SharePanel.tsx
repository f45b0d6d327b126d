import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SHARED_ROLES, type BoardLinks, type LinkState, type SharedRole } from "@journeyboard/shared";
import { fetchLinks, revokeLink, rotateLink } from "../../app/api";
import { failureText, type Worded } from "../../app/failureText";
import { myBoard, rememberLinks } from "../../app/myBoards";
import { CopyField } from "../../app/CopyField";
import { projectorLink } from "../room/projector";
import { PersonalLinksSection } from "./PersonalLinksSection";
import { QrCode } from "./QrCode";

type Loaded = { state: "loading" } | { state: "ok"; links: BoardLinks } | { state: "failed"; why: Worded };

/**
 * For the facilitator, on any device: the participant and viewer links as
 * the server derives them from the facilitator's token, each with its QR
 * code, and a new link or none for either (the old one stops working at
 * once, and whoever holds it is told so), then the invited people's
 * personal links; below them, what else the facilitator hands out
 * (`children`: who co-facilitates).
 */
export function SharePanel({ boardId, token, children }: { boardId: string; token: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    if (!open) return;
    let live = true;
    fetchLinks(boardId, token).then(
      (links) => live && setLoaded(shown(boardId, links)),
      (failure: unknown) => live && setLoaded({ state: "failed", why: failureText(failure) }),
    );
    return () => {
      live = false;
    };
  }, [open, boardId, token]);
  const change = (role: SharedRole, how: "rotate" | "revoke") =>
    (how === "rotate" ? rotateLink : revokeLink)(boardId, token, role).then(
      (links) => setLoaded(shown(boardId, links)),
      (failure: unknown) => setLoaded({ state: "failed", why: failureText(failure) }),
    );
  return (
    <div className="share">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="share.toggle">
        {t("share.button")}
      </button>
      {open && (
        <div className="popover share-panel" data-testid="share.panel">
          {loaded.state === "loading" && <p className="hint">{t("share.loading")}</p>}
          {loaded.state === "failed" && (
            <p className="hint" role="alert" data-testid="share.failed">
              {t(loaded.why.key, loaded.why.values)}
            </p>
          )}
          {loaded.state === "ok" &&
            SHARED_ROLES.map((role) => (
              <RoleLink key={role} boardId={boardId} role={role} link={loaded.links[role]} change={change} />
            ))}
          {loaded.state === "ok" && <PersonalLinksSection boardId={boardId} token={token} />}
          {children}
        </div>
      )}
    </div>
  );
}

/** The links to show, also kept for this browser's list of its boards when it made this one. */
function shown(boardId: string, links: BoardLinks): Loaded {
  rememberLinks(boardId, links);
  return { state: "ok", links };
}

function RoleLink({
  boardId,
  role,
  link,
  change,
}: {
  boardId: string;
  role: SharedRole;
  link: LinkState;
  change: (role: SharedRole, how: "rotate" | "revoke") => Promise<void>;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<"rotate" | "revoke" | null>(null);
  // A board made before links were derived: the device that created it may still hold its link.
  const url = link.status === "on" ? link.url : link.status === "unknown" ? myBoard(boardId)?.links[role].url : null;
  const label = t(`role.${role}`);
  return (
    <section className="role-link" data-testid={`share.${role}.section`} data-status={link.status}>
      {url ? (
        <div className="role-link-body">
          <CopyField label={label} hint={t(`links.${role}Hint`)} value={url} testId={`share.${role}`} />
          <QrCode value={url} label={t("share.qr", { role: label })} testId={`share.${role}.qr`} />
          {role === "viewer" && (
            <CopyField
              label={t("share.projector")}
              hint={t("share.projectorHint")}
              value={projectorLink(url)}
              testId="share.projector"
            />
          )}
        </div>
      ) : (
        <p>
          <strong>{label}</strong>{" "}
          <span className="hint" data-testid={`share.${role}.state`}>
            {t(link.status === "off" ? "share.off" : "share.unknown")}
          </span>
        </p>
      )}
      {asking ? (
        <div className="confirm" role="group">
          <p className="hint">{t(asking === "rotate" ? "share.rotateWarning" : "share.revokeWarning")}</p>
          <button
            type="button"
            className="danger"
            onClick={() => void change(role, asking).then(() => setAsking(null))}
            data-testid={`share.${role}.confirm`}
          >
            {t(asking === "rotate" ? "share.rotateConfirm" : "share.revokeConfirm")}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {t("share.cancel")}
          </button>
        </div>
      ) : (
        <div className="link-actions">
          <button type="button" onClick={() => setAsking("rotate")} data-testid={`share.${role}.rotate`}>
            {t("share.rotate")}
          </button>
          {link.status !== "off" && (
            <button type="button" onClick={() => setAsking("revoke")} data-testid={`share.${role}.revoke`}>
              {t("share.revoke")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
