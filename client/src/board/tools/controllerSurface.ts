import type { BoardController } from "../BoardController";
import { cardsInBox } from "../state/layout";
import type { ToolSurface } from "./types";

/** The board as the tools see it: the controller's selection, view and commands, no more. */
export function controllerSurface(controller: BoardController): ToolSurface {
  return {
    selection: () => controller.getUi().selection,
    select: (id, additive) => controller.select(id, additive),
    cardsIn: (box) => {
      const layout = controller.layout();
      return layout ? cardsInBox(layout, box) : [];
    },
    showMarquee: (box, selection) => controller.showMarquee(box, selection),
    panBy: (dx, dy) => controller.panBy(dx, dy),
    dropCard: (id, screen) => controller.dropCard(id, screen),
    dropHeader: (axis, id, screen) => controller.dropHeader(axis, id, screen),
    resizeStage: (id, width) => controller.commands.resizeStage(id, width),
    openMenu: (axis, id, screen) => controller.openMenu({ axis, id, ...screen }),
    startEditing: (id) => {
      controller.startEditing(id);
      return controller.getUi().editing === id;
    },
    doubleClickAt: (screen) => controller.doubleClickAt(screen),
  };
}
