import type * as Y from "yjs";
import { newId } from "../ids";
import { isLanguage } from "../i18n/index";
import type { MapType, StageSetId } from "../model/mapTypes";
import { MAP_TYPE_LANES, STAGE_SETS } from "../model/mapTypes";
import { LIMITS } from "../model/limits";
import type { Origin } from "../origins";
import { newJourney } from "../schema/journey";
import { newLane } from "../schema/lane";
import { DomainError, metaMap, readAll, writeRecord } from "../schema/layout";
import { SCHEMA_VERSION } from "../schema/migrations";
import { metaKind, type TimelineDirection } from "../schema/meta";
import { fillFields } from "../schema/recordKind";
import { newStage } from "../schema/stage";
import { generateNKeysBetween } from "fractional-indexing";
import { byOrder, keyAtEnd } from "./order";

export interface InitBoardArgs {
  title: string;
  locale: string;
  createdAt: number;
}

/** Writes the board's settings into an empty document, at the current schema version; the others at their defaults. */
export function initBoard(doc: Y.Doc, args: InitBoardArgs, origin: Origin): void {
  if (args.title.length > LIMITS.title) throw new DomainError("invalid", "title is too long");
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set("schemaVersion", SCHEMA_VERSION);
    meta.set("title", args.title);
    meta.set("locale", args.locale);
    meta.set("createdAt", args.createdAt);
    fillFields(meta, metaKind.defaults());
  }, origin);
}

export function renameBoard(doc: Y.Doc, args: { title: string }, origin: Origin): void {
  if (args.title.length > LIMITS.title) throw new DomainError("invalid", "title is too long");
  doc.transact(() => metaMap(doc).set("title", args.title), origin);
}

/** The board's own language, the one its exports are written in (not the language anyone reads the app in). */
export function setBoardLocale(doc: Y.Doc, args: { locale: string }, origin: Origin): void {
  if (!isLanguage(args.locale)) throw new DomainError("invalid", `no catalog for "${args.locale}"`);
  doc.transact(() => metaMap(doc).set("locale", args.locale), origin);
}

export function setTimelineDirection(doc: Y.Doc, args: { direction: TimelineDirection }, origin: Origin): void {
  doc.transact(() => metaMap(doc).set("timelineDirection", args.direction), origin);
}

export interface AddJourneyArgs {
  id: string;
  title: string;
  mapType: MapType;
  stageSet: StageSetId;
  personaId: string | null;
}

/** Adds a journey with the stages of a stage set and the lanes of a map type. */
export function addJourney(doc: Y.Doc, args: AddJourneyArgs, origin: Origin): void {
  doc.transact(() => {
    writeRecord(
      doc,
      "journeys",
      newJourney({
        id: args.id,
        title: args.title,
        mapType: args.mapType,
        personaId: args.personaId,
        order: keyAtEnd(readAll(doc, "journeys").sort(byOrder)),
      }),
    );
    const stagePresets = STAGE_SETS[args.stageSet];
    generateNKeysBetween(null, null, stagePresets.length).forEach((order, i) => {
      writeRecord(doc, "stages", newStage({ id: newId(), journeyId: args.id, preset: stagePresets[i] ?? null, order }));
    });
    const lanePresets = MAP_TYPE_LANES[args.mapType];
    generateNKeysBetween(null, null, lanePresets.length).forEach((order, i) => {
      const preset = lanePresets[i]!;
      writeRecord(
        doc,
        "lanes",
        newLane({ id: newId(), journeyId: args.id, kind: preset.kind, preset: preset.preset, order }),
      );
    });
  }, origin);
}
