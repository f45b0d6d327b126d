import PDFDocument from "pdfkit";
import type * as Y from "yjs";
import { boardNames, byOrder, readAll, readRecord } from "@journeyboard/shared";
import { planRows } from "./actionPlan";
import { Poster, posterJourneyOf } from "./pdf/poster";
import { drawPlan } from "./pdf/plan";
import { Typesetter, isolate } from "./pdf/typeset";

/**
 * `journey.pdf`: a poster of the target journey (by default; any journey on
 * request) followed by the action plan. Drawn on the server from the board's
 * data with embedded fonts: the file holds no script, no link and no
 * reference to anything outside it.
 */
export function journeyPdf(board: Y.Doc, boardTitle: string, requestedJourney?: string): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: boardTitle, Producer: "Journeyboard", Creator: "Journeyboard" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const type = new Typesetter(doc);
  const names = boardNames(board);
  const journeys = readAll(board, "journeys").sort(byOrder);
  const journeyId = posterJourneyOf(board, journeys, requestedJourney);
  const journey = journeyId ? readRecord(board, "journeys", journeyId) : undefined;
  if (journey) {
    const persona = journey.personaId ? readRecord(board, "personas", journey.personaId) : undefined;
    const subtitle = [names.mapType(journey.mapType), persona?.name, boardTitle]
      .filter((part): part is string => Boolean(part))
      .map(isolate)
      .join(" · ");
    const title = journey.title || names.mapType(journey.mapType);
    new Poster(doc, type, { title, subtitle }, names).draw(board, journey.id);
  }
  drawPlan(doc, type, names, boardTitle, planRows(board));
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    type.draw(names.t("export.page", { page: i + 1, pages: range.count }), width - 28 - 80, height - 20, 80, {
      font: "regular",
      size: 7,
      colour: "#57606a",
      align: "end",
    });
  }
  doc.end();
  return done;
}
