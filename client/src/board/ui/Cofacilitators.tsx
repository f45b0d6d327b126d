import { useTranslation } from "react-i18next";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { Permissions } from "../state/permissions";
import type { Peer } from "../state/presence";

/**
 * The facilitator makes a participant on the board a co-facilitator, or
 * takes it back. People are named by the person id the server stamped on
 * their presence (one entry however many tabs they have open); someone
 * made a co-facilitator who has left is still listed, so it can be taken
 * back.
 */
export function Cofacilitators({ permissions, peers }: { permissions: Permissions; peers: Peer[] }) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  if (!permissions.mayCommand("cofacilitator.set")) return null;
  const here = new Map<string, Peer["user"]>();
  for (const { user } of peers) if (user.role === "participant" && user.personId) here.set(user.personId, user);
  const granted = permissions.cofacilitators;
  const people = [...new Set([...here.keys(), ...granted])];
  return (
    <section className="cofacilitators" aria-labelledby="cofacilitators-title" data-testid="cofacilitators">
      <h3 id="cofacilitators-title">{t("cofacilitators.title")}</h3>
      <p className="hint">{t("cofacilitators.hint")}</p>
      {people.length === 0 && <p className="hint">{t("cofacilitators.nobody")}</p>}
      <ul>
        {people.map((personId) => {
          const user = here.get(personId);
          const name = user
            ? `${user.name || t("presence.anonymous")} · ${departmentLabel(user.department)}`
            : t("cofacilitators.away");
          const on = granted.has(personId);
          return (
            <li key={personId} data-testid="cofacilitators.person" data-granted={on}>
              <span>{name}</span>
              <button
                type="button"
                aria-pressed={on}
                onClick={() => permissions.setCofacilitator(personId, !on)}
                data-testid="cofacilitators.toggle"
              >
                {t(on ? "cofacilitators.takeBack" : "cofacilitators.make")}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
