import { useTranslation } from "react-i18next";
import { mergedOriginals, type CardRecord } from "@journeyboard/shared";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { BoardController } from "../BoardController";

/** The originals merged into this card: each one's words and department, and (for those who run the workshop) its restore. */
export function MergedFrom({ controller, card }: { controller: BoardController; card: CardRecord }) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const originals = mergedOriginals(controller.doc, card.id);
  if (originals.length === 0) return null;
  const mayRestore = controller.permissions.runsWorkshop;
  return (
    <section className="merged-from" aria-labelledby="merged-from-title" data-testid="merged-from">
      <h3 id="merged-from-title">{t("cardPanel.mergedFrom")}</h3>
      <ul>
        {originals.map((original) => (
          <li key={original.id} data-testid={`merged-original.${original.id}`}>
            <span dir="auto">“{original.text}”</span>{" "}
            <span className="hint">{departmentLabel(original.authorDepartment)}</span>
            {mayRestore && (
              <button type="button" onClick={() => controller.commands.restoreMerged(original.id)}>
                {t("cardPanel.restoreMerged")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
