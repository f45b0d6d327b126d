import { useTranslation } from "react-i18next";
import { departmentColour, type JourneyGrid } from "@journeyboard/shared";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";

/**
 * What the coloured dot at the corner of each card means: the department
 * of whoever wrote it. A colour alone says nothing, so the journey's
 * departments are named here beside their colour.
 */
export function DepartmentLegend({ grid }: { grid: JourneyGrid }) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const departments = [
    ...new Set(
      [...grid.cells.values()]
        .flat()
        .map((card) => card.authorDepartment)
        .filter(Boolean),
    ),
  ];
  if (departments.length === 0) return null;
  return (
    <figure className="department-legend" data-testid="board.departmentLegend">
      <figcaption>{t("board.departmentLegend")}</figcaption>
      <ul>
        {departments.map((department) => (
          <li key={department} data-department={department}>
            <span className="swatch" style={{ background: departmentColour(department) }} aria-hidden />
            <span dir="auto">{departmentLabel(department)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
