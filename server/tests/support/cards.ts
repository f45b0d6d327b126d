import type * as Y from "yjs";
import { addCard, lanesOf, localUserOrigin, readAll, stagesOf, type LaneKind, type Origin } from "@journeyboard/shared";

export interface TestCard {
  id: string;
  text: string;
  /** The lane of this kind; the journey's first lane when omitted. */
  kind?: LaneKind;
  /** Which stage, in order; the first when omitted. */
  stage?: number;
  /** The journey; the board's first when omitted. */
  journeyId?: string;
  authorName?: string;
  department?: string;
  /** Whose card it is (a person id); nobody's when omitted. */
  authorId?: string | null;
}

/**
 * Adds a card to a cell of a board, the way the tests need one; false when
 * the board has no journey yet (a document not synced).
 */
export function putCard(doc: Y.Doc, card: TestCard, origin: Origin = localUserOrigin()): boolean {
  const journeyId = card.journeyId ?? readAll(doc, "journeys")[0]?.id;
  if (!journeyId) return false;
  const stageId = stagesOf(doc, journeyId)[card.stage ?? 0]!.id;
  const lanes = lanesOf(doc, journeyId);
  const laneId = (card.kind ? lanes.find((lane) => lane.kind === card.kind) : lanes[0])!.id;
  const author = {
    authorName: card.authorName ?? "",
    authorDepartment: card.department ?? "sales",
    authorId: card.authorId ?? null,
  };
  addCard(doc, { id: card.id, journeyId, stageId, laneId, text: card.text, ...author, createdAt: 1 }, origin);
  return true;
}
