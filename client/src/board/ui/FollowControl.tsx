import { useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Cast } from "lucide-react";
import type { FollowModel } from "../follow/FollowModel";
import type { Presenter } from "../follow/Presenter";
import type { Peer } from "../state/presence";

/**
 * The facilitator's way of taking everyone along, in the top bar: bring
 * everyone here (once), follow me (until each breaks away), presenting
 * stage by stage, and who follows. Shown only to a role the server takes
 * these commands from (`mayCommand`); a refusal says why (`FollowModel`).
 */
export function FollowControl({
  follow,
  presenter,
  peers,
  nameOf,
}: {
  follow: FollowModel;
  presenter: Presenter;
  peers: Peer[];
  nameOf: (peer: Peer) => string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { leading } = useSyncExternalStore(follow.subscribe, follow.getSnapshot);
  // Each action closes the panel: what it did shows on the board (the bar of who follows, the notice of a refusal).
  const then = (act: () => void) => () => {
    act();
    setOpen(false);
  };
  return (
    <div className="share follow-control" data-state={leading ? "leading" : "idle"}>
      <button
        type="button"
        className="follow-button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        title={t("follow.leadLabel")}
        data-testid="follow.toggle"
      >
        <Cast size={16} aria-hidden />
        {t("follow.lead")}
      </button>
      {open && (
        <div
          className="popover follow-panel"
          data-testid="follow.panel"
          aria-label={t("follow.leadLabel")}
          role="group"
        >
          <div className="follow-action">
            <button type="button" onClick={then(() => follow.bringEveryone())} data-testid="follow.bring">
              {t("follow.bring")}
            </button>
            <p className="hint">{t("follow.bringHint")}</p>
          </div>
          <div className="follow-action">
            {leading ? (
              <button type="button" onClick={then(() => follow.stopFollowMe())} data-testid="follow.stop">
                {t("follow.stop")}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={then(() => follow.startFollowMe())}
                data-testid="follow.start"
              >
                {t("follow.start")}
              </button>
            )}
            <p className="hint">{t("follow.startHint")}</p>
          </div>
          <div className="follow-action">
            <button type="button" onClick={then(() => presenter.next())} data-testid="follow.present">
              {t("follow.present")}
            </button>
          </div>
          {leading && <Followers me={follow.me} peers={peers} nameOf={nameOf} />}
        </div>
      )}
    </div>
  );
}

/** Everyone else on the board, each with whether their view follows the facilitator's now. */
export function Followers({ me, peers, nameOf }: { me: string; peers: Peer[]; nameOf: (peer: Peer) => string }) {
  const { t } = useTranslation();
  if (!peers.length) return <p className="hint">{t("follow.nobodyElse")}</p>;
  return (
    <ul className="followers" data-testid="follow.followers">
      {peers.map((peer) => {
        const follows = peer.following === me;
        return (
          <li key={peer.clientId} data-follows={follows} data-testid="follow.follower">
            <span className="swatch" style={{ background: peer.user.colour }} aria-hidden />
            <span dir="auto">{nameOf(peer)}</span>
            <span className="hint">{t(follows ? "follow.followsYou" : "follow.doesNotFollow")}</span>
          </li>
        );
      })}
    </ul>
  );
}
