import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { ChevronLeft, ChevronRight } from "lucide-react";
import type { FollowModel } from "../follow/FollowModel";
import type { Presenter } from "../follow/Presenter";
import type { Peer } from "../state/presence";

interface Props {
  follow: FollowModel;
  presenter: Presenter;
  peers: Peer[];
  nameOf: (peer: Peer) => string;
  /** A stage's title as the board shows it. */
  stageTitle: (id: string) => string;
}

/**
 * Over the canvas, while following is on: to the one everyone follows, how
 * many do and the steps of presenting; to someone following, whom, and the
 * way out; to someone who broke away from the facilitator's "follow me",
 * the way back.
 */
export function FollowBar({ follow, presenter, peers, nameOf, stageTitle }: Props) {
  const { t } = useTranslation();
  const { following, workshop, leading } = useSyncExternalStore(follow.subscribe, follow.getSnapshot);
  const stage = useSyncExternalStore(presenter.subscribe, presenter.getStage);
  const personOf = (id: string) => peers.find((peer) => peer.user.id === id);

  if (leading) {
    const followers = peers.filter((peer) => peer.following === follow.me).length;
    const stageId = presenter.stageId();
    return (
      <div className="follow-bar" role="status" data-state="leading" data-testid="follow.bar">
        <span>{t("follow.leading")}</span>
        <span data-testid="follow.count">{t("follow.followers", { number: followers, total: peers.length })}</span>
        <span className="follow-stages">
          <button
            type="button"
            onClick={() => presenter.previous()}
            disabled={stage === null || stage === 0}
            aria-label={t("follow.previousStage")}
            title={t("follow.previousStage")}
            data-testid="follow.previousStage"
          >
            <ChevronLeft size={16} aria-hidden className="flip-in-rtl" />
          </button>
          {stage !== null && stageId !== null && (
            <span data-testid="follow.stage" dir="auto">
              {t("follow.stageOf", {
                number: stage + 1,
                total: presenter.stageCount(),
                title: stageTitle(stageId),
              })}
            </span>
          )}
          <button
            type="button"
            onClick={() => presenter.next()}
            disabled={stage !== null && stage >= presenter.stageCount() - 1}
            aria-label={t("follow.nextStage")}
            title={t("follow.nextStage")}
            data-testid="follow.nextStage"
          >
            <ChevronRight size={16} aria-hidden className="flip-in-rtl" />
          </button>
        </span>
        <button type="button" onClick={() => follow.stopFollowMe()} data-testid="follow.barStop">
          {t("follow.stop")}
        </button>
      </div>
    );
  }

  if (following) {
    const leader = personOf(following.leader);
    return (
      <div
        className="follow-bar"
        role="status"
        data-state="following"
        data-testid="follow.bar"
        style={leader ? { borderColor: leader.user.colour } : undefined}
      >
        <span dir="auto">{t("follow.following", { name: leader ? nameOf(leader) : t("role.facilitator") })}</span>
        {!leader && <span className="hint">{t("follow.leaderAway")}</span>}
        <button type="button" onClick={() => follow.stopFollowing()} data-testid="follow.stopFollowing">
          {t("follow.stopFollowing")}
        </button>
      </div>
    );
  }

  if (workshop) {
    const leader = personOf(workshop.leader);
    return (
      <div className="follow-bar" role="status" data-state="away" data-testid="follow.bar">
        <span dir="auto">
          {leader ? t("follow.askedToFollow", { name: nameOf(leader) }) : t("follow.facilitatorAskedToFollow")}
        </span>
        <button type="button" className="primary" onClick={() => follow.followAgain()} data-testid="follow.again">
          {t("follow.again")}
        </button>
      </div>
    );
  }
  return null;
}
