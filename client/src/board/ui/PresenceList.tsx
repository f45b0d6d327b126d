import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Eye } from "lucide-react";
import { departmentColour } from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { FollowModel } from "../follow/FollowModel";
import type { Peer } from "../state/presence";

const initials = (name: string, fallback: string) =>
  (name.trim() || fallback)
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? "")
    .join("");

/**
 * Who is on the board: you first, then everyone else, each in their
 * department's colour. Pressing someone follows their view (and pressing
 * them again stops); an eye marks who follows yours.
 */
export function PresenceList({
  me,
  peers,
  onEditMe,
  anonymous,
  follow,
}: {
  me: Identity;
  peers: Peer[];
  /** Null when this person's name and department are their personal link's, which they cannot change. */
  onEditMe: (() => void) | null;
  /** An anonymous board asks for a department only, so that is what changing offers. */
  anonymous: boolean;
  follow: FollowModel;
}) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const { following } = useSyncExternalStore(follow.subscribe, follow.getSnapshot);
  const describe = (name: string, department: string) =>
    `${name || t("presence.anonymous")} · ${departmentLabel(department)}`;
  const change = anonymous ? "presence.changeDepartment" : "presence.change";
  const myLabel = `${me.name || t("presence.anonymous")} (${t("presence.you")}) · ${departmentLabel(me.department)}`;
  return (
    <ul className="presence" aria-label={t("presence.label", { count: peers.length + 1 })} data-testid="presence.list">
      <li title={myLabel} data-testid="presence.person">
        <button
          type="button"
          className="avatar"
          style={{ background: departmentColour(me.department) }}
          onClick={onEditMe ?? undefined}
          disabled={!onEditMe}
          title={onEditMe ? `${myLabel}. ${t(change)}` : t("presence.invited")}
          data-testid="presence.me"
        >
          <span aria-hidden>{initials(me.name, "?")}</span>
          <span className="visually-hidden">{`${myLabel}. ${t(onEditMe ? change : "presence.invited")}`}</span>
        </button>
      </li>
      {peers.map((peer) => {
        const person = describe(peer.user.name, peer.user.department);
        const followed = peer.user.id !== undefined && following?.leader === peer.user.id;
        const followsMe = peer.following === me.id;
        const state = [person, followsMe && t("follow.followsYou"), peer.editing !== null && t("presence.editing")]
          .filter(Boolean)
          .join(" · ");
        const name = peer.user.name || t("presence.anonymous");
        const action = peer.user.id
          ? t(followed ? "follow.stopPerson" : "follow.person", { name })
          : t("follow.cannotFollow", { name });
        const id = peer.user.id;
        return (
          <li key={peer.clientId} title={`${state}. ${action}`} data-testid="presence.person">
            <button
              type="button"
              className={`avatar${followed ? " followed" : ""}`}
              style={{ background: peer.user.colour, outlineColor: peer.user.colour }}
              aria-pressed={followed}
              disabled={!id}
              onClick={() => id && (followed ? follow.stopFollowing() : follow.follow(id))}
              data-testid="presence.peer"
              data-name={peer.user.name}
            >
              <span aria-hidden>{initials(peer.user.name, "?")}</span>
              <span className="visually-hidden">{`${state}. ${action}`}</span>
              {followsMe && <Eye size={12} aria-hidden className="follows-me" data-testid="presence.followsMe" />}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
