import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { BoardController } from "../BoardController";

export interface AxisLabels {
  stage: (id: string) => string;
  lane: (id: string) => string;
}

/** A stage's or lane's name: its own title, else its preset's in the reader's language. */
export function useAxisLabels(controller: BoardController): AxisLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      stage: (id) => {
        const stage = controller.model.record("stages", id);
        return stage?.title || (stage?.preset ? t(`stage.${stage.preset}`) : "");
      },
      lane: (id) => {
        const lane = controller.model.record("lanes", id);
        return lane ? lane.title || t(`lane.${lane.preset ?? lane.kind}`) : "";
      },
    }),
    [controller, t],
  );
}
