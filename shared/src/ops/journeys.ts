import type * as Y from "yjs";
import { newId } from "../ids";
import { LIMITS } from "../model/limits";
import { MAP_TYPE_LANES } from "../model/mapTypes";
import type { Origin } from "../origins";
import { DomainError, patchRecord, readAll, readRecord, recordsOf, writeRecord } from "../schema/layout";
import { newJourney } from "../schema/journey";
import { newLane } from "../schema/lane";
import { linkId } from "../schema/link";
import { lanesOf, stagesOf } from "../read/grid";
import { generateNKeysBetween } from "fractional-indexing";
import { byOrder, keyAtEnd } from "./order";

function requireJourney(doc: Y.Doc, id: string) {
  const journey = readRecord(doc, "journeys", id);
  if (!journey) throw new DomainError("not-found", `journey ${id} does not exist`);
  return journey;
}

export function renameJourney(doc: Y.Doc, args: { id: string; title: string }, origin: Origin): void {
  if (args.title.length > LIMITS.title) throw new DomainError("invalid", "title is too long");
  doc.transact(() => patchRecord(doc, "journeys", args.id, { title: args.title }), origin);
}

export function setJourneyPersona(doc: Y.Doc, args: { id: string; personaId: string | null }, origin: Origin): void {
  doc.transact(() => {
    if (args.personaId !== null && !recordsOf(doc, "personas").has(args.personaId)) {
      throw new DomainError("not-found", `persona ${args.personaId} does not exist`);
    }
    patchRecord(doc, "journeys", args.id, { personaId: args.personaId });
  }, origin);
}

/** Removes a journey with its stages, lanes and cards, in one step (undo brings all back). */
export function deleteJourney(doc: Y.Doc, args: { id: string }, origin: Origin): void {
  doc.transact(() => {
    requireJourney(doc, args.id);
    for (const root of ["cards", "stages", "lanes"] as const) {
      const records = recordsOf(doc, root);
      const doomed: string[] = [];
      records.forEach((record, id) => {
        if (record.get("journeyId") === args.id) doomed.push(id);
      });
      doomed.forEach((id) => records.delete(id));
    }
    recordsOf(doc, "journeys").forEach((journey) => {
      if (journey.get("twinOf") === args.id) journey.set("twinOf", null);
    });
    recordsOf(doc, "journeys").delete(args.id);
  }, origin);
}

export interface CopyJourneyArgs {
  sourceId: string;
  /** Id of the new journey. */
  id: string;
  title: string;
}

/** A copied card stays merged into the copy of its merged card, or stands alone when that card was not copied. */
const copiedMerge = (cardIds: ReadonlyMap<string, string>, mergedInto: string | null): string | null =>
  (mergedInto !== null && cardIds.get(mergedInto)) || null;

/** A new journey with the same stages, lanes and cards as another (new ids; deleted stages and lanes are left out). */
export function copyJourney(doc: Y.Doc, args: CopyJourneyArgs, origin: Origin): void {
  doc.transact(() => {
    const source = requireJourney(doc, args.sourceId);
    writeRecord(
      doc,
      "journeys",
      newJourney({
        id: args.id,
        title: args.title,
        mapType: source.mapType,
        personaId: source.personaId,
        order: keyAtEnd(readAll(doc, "journeys").sort(byOrder)),
      }),
    );
    const stageIds = new Map<string, string>();
    const laneIds = new Map<string, string>();
    for (const stage of stagesOf(doc, source.id)) {
      stageIds.set(stage.id, newId());
      writeRecord(doc, "stages", { ...stage, id: stageIds.get(stage.id)!, journeyId: args.id });
    }
    for (const lane of lanesOf(doc, source.id)) {
      laneIds.set(lane.id, newId());
      writeRecord(doc, "lanes", { ...lane, id: laneIds.get(lane.id)!, journeyId: args.id });
    }
    const copied = readAll(doc, "cards").filter(
      (card) => card.journeyId === source.id && stageIds.has(card.stageId) && laneIds.has(card.laneId),
    );
    const cardIds = new Map(copied.map((card) => [card.id, newId()]));
    for (const card of copied) {
      writeRecord(doc, "cards", {
        ...card,
        id: cardIds.get(card.id)!,
        journeyId: args.id,
        stageId: stageIds.get(card.stageId)!,
        laneId: laneIds.get(card.laneId)!,
        mergedInto: copiedMerge(cardIds, card.mergedInto),
      });
    }
  }, origin);
}

/**
 * The target journey drawn from a current one: the same stages, the lanes of
 * a future-state map, and a copy of each customer step that keeps a
 * `replaces` link to the step it came from.
 */
export function createTargetJourney(doc: Y.Doc, args: CopyJourneyArgs, origin: Origin): void {
  doc.transact(() => {
    const source = requireJourney(doc, args.sourceId);
    writeRecord(
      doc,
      "journeys",
      newJourney({
        id: args.id,
        title: args.title,
        mapType: "futureState",
        personaId: source.personaId,
        twinOf: source.id,
        order: keyAtEnd(readAll(doc, "journeys").sort(byOrder)),
      }),
    );
    const stageIds = new Map<string, string>();
    for (const stage of stagesOf(doc, source.id)) {
      stageIds.set(stage.id, newId());
      writeRecord(doc, "stages", { ...stage, id: stageIds.get(stage.id)!, journeyId: args.id, collapsed: false });
    }
    const presets = MAP_TYPE_LANES.futureState;
    const orders = generateNKeysBetween(null, null, presets.length);
    let stepLaneId: string | null = null;
    for (const [i, preset] of presets.entries()) {
      const id = newId();
      if (preset.kind === "steps" && !stepLaneId) stepLaneId = id;
      writeRecord(
        doc,
        "lanes",
        newLane({ id, journeyId: args.id, kind: preset.kind, preset: preset.preset, order: orders[i]! }),
      );
    }
    const sourceStepLanes = new Set(
      lanesOf(doc, source.id)
        .filter((l) => l.kind === "steps")
        .map((l) => l.id),
    );
    const steps = readAll(doc, "cards").filter(
      (card) => card.journeyId === source.id && stageIds.has(card.stageId) && sourceStepLanes.has(card.laneId),
    );
    const cardIds = new Map(steps.map((card) => [card.id, newId()]));
    const laneId = stepLaneId;
    for (const card of laneId === null ? [] : steps) {
      const stageId = stageIds.get(card.stageId)!;
      const id = cardIds.get(card.id)!;
      const mergedInto = copiedMerge(cardIds, card.mergedInto);
      writeRecord(doc, "cards", { ...card, id, journeyId: args.id, stageId, laneId: laneId!, mergedInto });
      writeRecord(doc, "links", {
        id: linkId("replaces", id, card.id),
        kind: "replaces",
        fromCardId: id,
        toCardId: card.id,
      });
    }
  }, origin);
}
