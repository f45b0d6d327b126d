import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "@journeyboard/shared";
import type { BoardController, ClusterMenu as Menu } from "../BoardController";
import { useFocusBackToCanvas } from "../canvas/useFocusBackToCanvas";
import { useUi } from "../useBoard";
import { clusterCards, clusterRefusal } from "./clusterRights";

/**
 * What can be done with a cluster from its heading: rename it (Enter keeps
 * the name, Escape leaves it as it was) and ungroup its cards. Where the
 * server would refuse, nothing is offered and the menu says why.
 */
export function ClusterMenu({ controller, menu }: { controller: BoardController; menu: Menu }) {
  const { t } = useTranslation();
  useUi(controller);
  useFocusBackToCanvas();
  const field = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(menu.cluster);
  useEffect(() => {
    field.current?.select();
  }, []);
  const cards = clusterCards(controller, menu);
  const refusal = clusterRefusal(controller, menu);
  // A new name may be a cluster of the cell's already, whose cards join: they must be this person's to change too.
  const renameRefusal = refusal ?? clusterRefusal(controller, menu, name);
  const done = () => controller.openClusterMenu(null);
  // Renamed or ungrouped meanwhile (here or by someone else): there is no such cluster to change any more.
  if (!cards.length) return null;
  const rename = (event: FormEvent) => {
    event.preventDefault();
    const to = name.trim();
    if (to && to !== menu.cluster) controller.commands.renameCluster({ ...menu, from: menu.cluster, to });
    done();
  };
  const ungroup = () => {
    if (controller.commands.ungroupCards(cards.map((card) => card.id))) done();
  };
  return (
    <div
      className="popover axis-menu"
      style={{ left: menu.x, top: menu.y + 8 }}
      role="dialog"
      aria-label={t("clusters.menuLabel", { name: menu.cluster })}
      data-testid="cluster.menu"
      onKeyDown={(event) => event.key === "Escape" && done()}
    >
      <form onSubmit={rename} className="row">
        <input
          ref={field}
          className="grow"
          aria-label={t("clusters.name")}
          value={name}
          maxLength={LIMITS.title}
          onChange={(event) => setName(event.target.value)}
          readOnly={refusal !== null}
          dir="auto"
          autoFocus
          data-testid="cluster.name"
        />
        <button
          type="submit"
          disabled={renameRefusal !== null || !name.trim()}
          title={renameRefusal ? t(renameRefusal) : undefined}
          data-testid="cluster.rename"
        >
          {t("clusters.rename")}
        </button>
      </form>
      <button
        type="button"
        onClick={ungroup}
        disabled={refusal !== null}
        title={refusal ? t(refusal) : undefined}
        data-testid="cluster.ungroup"
      >
        {t("clusters.ungroup")}
      </button>
      {renameRefusal && (
        <p className="hint" data-testid="cluster.refusal">
          {t(renameRefusal)}
        </p>
      )}
    </div>
  );
}
