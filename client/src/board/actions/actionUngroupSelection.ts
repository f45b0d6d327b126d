import type { Action } from "./types";
import { selectedCards, ungroupRefusal } from "../clusters/clusterRights";

/** Takes the selected cards of one cell out of their clusters; they stay where they are. */
export const actionUngroupSelection: Action = {
  id: "ungroupSelection",
  labelKey: "clusters.removeFromCluster",
  shortcuts: [],
  enabled: (c) => c.getUi().selection.size > 0 && !c.isTyping(),
  refusal: (c) => (c.getUi().selection.size > 0 ? ungroupRefusal(c) : null),
  run: (c) => {
    const ids = selectedCards(c)
      .filter((card) => card.cluster)
      .map((card) => card.id);
    if (ids.length) c.commands.ungroupCards(ids);
  },
};
