import { useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { Peer } from "../state/presence";
import type { Permissions } from "../state/permissions";
import type { DraftDesk } from "./DraftDesk";

interface Props {
  desk: DraftDesk;
  permissions: Permissions;
  peers: readonly Peer[];
  /** Opens a draft in the editor, on the canvas where it stands; a phone, without the canvas, has none. */
  onEdit?: (id: string) => void;
}

/**
 * This person's private drafts: how many are not published yet, each to
 * edit (the keyboard's way to a draft on the canvas), publish or discard,
 * all to publish at once; and for the facilitator in
 * the drafting phase, how many people hold drafts (presence carries the
 * number, never a text) and the reveal.
 */
export function DraftsBar({ desk, permissions, peers, onEdit }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLDetailsElement>(null);
  const drafts = useSyncExternalStore(desk.subscribe, desk.list);
  const drafting = desk.writing;
  const mayPublish = permissions.may("cards");
  const pending = peers.filter((peer) => (peer.drafts ?? 0) > 0).length;
  const mayReveal = drafting && permissions.mayCommand("drafts.reveal");
  // The phase's banner already says new cards are private: the count shows once there is one.
  if (drafts.length === 0 && !mayReveal) return null;
  return (
    <div className="drafts-bar">
      {drafts.length > 0 && (
        <details className="drafts" data-testid="drafts" ref={list}>
          <summary data-testid="drafts.count" title={t("drafts.private")}>
            {t("drafts.mine", { count: drafts.length })}
          </summary>
          <div className="drafts-popover">
            <p className="hint">{drafting || mayPublish ? t("drafts.private") : t("drafts.waiting")}</p>
            <ul aria-label={t("drafts.list")}>
              {drafts.map((draft) => (
                <li key={draft.id} data-testid="drafts.item">
                  <span dir="auto">{draft.text}</span>
                  {onEdit && (
                    <button
                      type="button"
                      onClick={() => {
                        // The list gives way to the editor, which opens over the draft on the canvas.
                        if (list.current) list.current.open = false;
                        onEdit(draft.id);
                      }}
                      data-testid="drafts.edit"
                    >
                      {t("drafts.edit")}
                    </button>
                  )}
                  <button type="button" disabled={!mayPublish} onClick={() => desk.publish([draft.id])}>
                    {t("drafts.publish")}
                  </button>
                  <button type="button" onClick={() => desk.discard(draft.id)}>
                    {t("drafts.discard")}
                  </button>
                </li>
              ))}
            </ul>
            {drafts.length > 1 && (
              <button
                type="button"
                disabled={!mayPublish}
                onClick={() => desk.publish(null)}
                data-testid="drafts.publishAll"
              >
                {t("drafts.publishAll")}
              </button>
            )}
          </div>
        </details>
      )}
      {mayReveal && (
        <>
          <span className="drafts-pending" data-testid="drafts.pending">
            {t("drafts.pending", { count: pending })}
          </span>
          <button
            type="button"
            onClick={() => desk.reveal()}
            title={t("drafts.revealHint")}
            data-testid="drafts.reveal"
          >
            {t("drafts.reveal")}
          </button>
        </>
      )}
    </div>
  );
}
