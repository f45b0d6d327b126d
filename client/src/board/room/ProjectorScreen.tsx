import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Maximize } from "lucide-react";
import type { FollowModel } from "../follow/FollowModel";
import type { Peer } from "../state/presence";
import { projectorLeader, projectorStep } from "./projector";
import "./room.css";

const inFullScreen = () => document.fullscreenElement !== null;

interface Props {
  follow: FollowModel;
  peers: readonly Peer[];
  nameOf: (peer: Peer) => string;
  title: string;
  /** The canvas, as the board draws it. */
  children: ReactNode;
}

/**
 * The viewer link opened as the projector (`#…&view=projector`): the canvas
 * alone over the whole screen, no panel or tool, following the facilitator
 * (their "follow me", else the facilitator on the board) and following
 * again at once whatever moved it. A browser goes full screen only on a
 * press, so a button offers it until it is.
 */
export function ProjectorScreen({ follow, peers, nameOf, title, children }: Props) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(follow.subscribe, follow.getSnapshot);
  const leader = projectorLeader(snapshot.workshop, peers);
  useEffect(() => {
    const step = projectorStep(snapshot, leader);
    if (step === "again") follow.followAgain();
    else if (step) follow.follow(step.follow);
  }, [follow, snapshot, leader]);
  const [fullScreen, setFullScreen] = useState(inFullScreen);
  useEffect(() => {
    const changed = () => setFullScreen(inFullScreen());
    document.addEventListener("fullscreenchange", changed);
    return () => document.removeEventListener("fullscreenchange", changed);
  }, []);
  const followed = peers.find((peer) => peer.user.id === snapshot.following?.leader);
  return (
    <div className="projector" data-testid="projector">
      <main className="projector-canvas">{children}</main>
      <p className="projector-caption" data-testid="projector.caption">
        <span dir="auto">{title}</span>
        {" · "}
        {followed ? t("projector.following", { name: nameOf(followed) }) : t("projector.waiting")}
      </p>
      {!fullScreen && (
        <button
          type="button"
          className="projector-full"
          onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
          data-testid="projector.fullScreen"
        >
          <Maximize size={18} aria-hidden /> {t("projector.fullScreen")}
        </button>
      )}
    </div>
  );
}
