import { useTranslation } from "react-i18next";
import { departmentColour } from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { Peer } from "../state/presence";

const initials = (name: string, fallback: string) =>
  (name.trim() || fallback)
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? "")
    .join("");

/** Who is on the board: you first, then everyone else, each in their department's colour. */
export function PresenceList({ me, peers, onEditMe }: { me: Identity; peers: Peer[]; onEditMe: () => void }) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const people = [
    {
      key: "me",
      name: me.name,
      department: me.department,
      colour: departmentColour(me.department),
      you: true,
      editing: false,
    },
    ...peers.map((p) => ({ key: String(p.clientId), ...p.user, you: false, editing: p.editing !== null })),
  ];
  return (
    <ul className="presence" aria-label={t("presence.label", { count: people.length })} data-testid="presence.list">
      {people.map((person) => {
        const name = person.name || t("presence.anonymous");
        const label = `${name}${person.you ? ` (${t("presence.you")})` : ""} · ${departmentLabel(person.department)}${person.editing ? ` · ${t("presence.editing")}` : ""}`;
        return (
          <li key={person.key} title={label} data-testid="presence.person">
            {person.you ? (
              <button
                type="button"
                className="avatar"
                style={{ background: person.colour }}
                onClick={onEditMe}
                data-testid="presence.me"
              >
                <span aria-hidden>{initials(person.name, "?")}</span>
                <span className="visually-hidden">{`${label}. ${t("presence.change")}`}</span>
              </button>
            ) : (
              <>
                <span className="avatar" style={{ background: person.colour }} aria-hidden>
                  {initials(person.name, "?")}
                </span>
                <span className="visually-hidden">{label}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
