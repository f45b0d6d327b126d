import { quadrantOf, type Names } from "@journeyboard/shared";
import { directionOf } from "@journeyboard/shared/i18n";
import type { PlanRow } from "../actionPlan";
import { isolate, type TextStyle, type Typesetter } from "./typeset";

/** A4 landscape, in PDF points. */
const PAGE = { size: "A4", layout: "landscape", width: 841.89, height: 595.28, margin: 28 } as const;
const PAD = 4;
const INK = "#1f2328";
const LINE_COLOUR = "#c9ced6";

const STYLE = {
  title: { font: "bold", size: 14, colour: INK, maxLines: 1 },
  header: { font: "bold", size: 8, colour: INK, maxLines: 2 },
  cell: { font: "regular", size: 8, colour: INK, maxLines: 12 },
  strong: { font: "bold", size: 8.5, colour: INK, maxLines: 4 },
  note: { font: "regular", size: 7.5, colour: "#57606a", maxLines: 20 },
} satisfies Record<string, TextStyle>;

interface Column {
  header: string;
  width: number;
  /** The cell's text, or the parts of a cell in their styles. */
  cell(row: PlanRow, rank: number): { text: string; style: TextStyle }[];
}

const plain = (text: string) => [{ text, style: STYLE.cell }];

/** The table's columns, headed in the board's language. */
const columnsIn = ({ t, ...names }: Names): Column[] => [
  { header: t("export.rank"), width: 24, cell: (_, rank) => plain(names.number(rank)) },
  {
    header: t("plan.field.title"),
    width: 222,
    cell: ({ action }) => [
      { text: action.title, style: STYLE.strong },
      ...(action.description ? [{ text: action.description, style: STYLE.note }] : []),
    ],
  },
  {
    header: t("export.addresses"),
    width: 170,
    cell: ({ cards, stages }) => [
      ...(cards.length ? [{ text: cards.join("\n"), style: STYLE.cell }] : []),
      ...(stages.length ? [{ text: stages.join(", "), style: STYLE.note }] : []),
    ],
  },
  { header: t("plan.field.quadrant"), width: 62, cell: ({ action }) => plain(names.quadrant(quadrantOf(action))) },
  {
    header: t("plan.field.owner"),
    width: 78,
    cell: ({ action }) => plain(names.department(action.ownerDepartment ?? "")),
  },
  { header: t("plan.field.impact"), width: 40, cell: ({ action }) => plain(names.number(action.impact)) },
  { header: t("plan.field.effort"), width: 40, cell: ({ action }) => plain(names.number(action.effort)) },
  { header: t("plan.field.horizon"), width: 62, cell: ({ action }) => plain(names.horizon(action.horizon)) },
  { header: t("plan.field.status"), width: 54, cell: ({ action }) => plain(names.status(action.status)) },
  { header: t("export.dots"), width: 34, cell: ({ action }) => plain(names.number(action.dots)) },
];

/**
 * The action plan as a table in priority order, on as many pages as it
 * needs, the column headers on each. In a right-to-left language the table
 * reads from the right: the rank column at the right edge, every cell set
 * flush right.
 */
export function drawPlan(
  doc: PDFKit.PDFDocument,
  type: Typesetter,
  names: Names,
  boardTitle: string,
  rows: PlanRow[],
): void {
  const columns = columnsIn(names);
  const rtl = directionOf(names.language) === "rtl";
  const side = (style: TextStyle): TextStyle => (rtl ? { ...style, align: "right" } : style);
  const title = names.t("export.planTitle", { title: isolate(boardTitle) });
  const bottom = PAGE.height - PAGE.margin;
  let y = 0;
  const newPage = () => {
    doc.addPage({ size: PAGE.size, layout: PAGE.layout, margin: 0 });
    type.draw(title, PAGE.margin, PAGE.margin, PAGE.width - 2 * PAGE.margin, side(STYLE.title));
    y = PAGE.margin + 26;
    const height = Math.max(...columns.map((c) => type.measure(c.header, c.width - 2 * PAD, STYLE.header))) + 2 * PAD;
    drawRow(
      columns.map((c) => [{ text: c.header, style: STYLE.header }]),
      height,
      "#e8ebf0",
    );
  };
  const drawRow = (cells: { text: string; style: TextStyle }[][], height: number, fill: string) => {
    const fromLeft = cells.map((parts, i) => ({ parts, width: columns[i]!.width }));
    if (rtl) fromLeft.reverse();
    let x = PAGE.margin;
    for (const { parts, width } of fromLeft) {
      doc.rect(x, y, width, height).fillAndStroke(fill, LINE_COLOUR);
      let at = y + PAD;
      for (const part of parts) at += type.draw(part.text, x + PAD, at, width - 2 * PAD, side(part.style)) + 2;
      x += width;
    }
    y += height;
  };
  newPage();
  if (!rows.length) {
    type.draw(names.t("export.noActions"), PAGE.margin, y + 2 * PAD, PAGE.width - 2 * PAGE.margin, side(STYLE.note));
    return;
  }
  rows.forEach((row, index) => {
    const cells = columns.map((column) => column.cell(row, index + 1));
    const height =
      Math.max(
        ...cells.map((parts, i) =>
          parts.reduce((sum, part) => sum + type.measure(part.text, columns[i]!.width - 2 * PAD, part.style) + 2, 0),
        ),
      ) +
      2 * PAD;
    if (y + height > bottom) newPage();
    drawRow(cells, height, index % 2 ? "#f6f8fa" : "#ffffff");
  });
}
