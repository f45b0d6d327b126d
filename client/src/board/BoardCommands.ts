import type * as Y from "yjs";
import {
  DomainError,
  addActions,
  addCard,
  addJourney,
  addLane,
  addPersona,
  addStage,
  copyJourney,
  createTargetJourney,
  deleteActions,
  deleteCards,
  deleteJourney,
  deleteLane,
  deletePersona,
  deleteStage,
  editText,
  importGridRows,
  GridRefused,
  linkCards,
  cardsGroupWrites,
  cardsRenameWrites,
  groupCards,
  mergeCards,
  moveAction,
  moveCard,
  moveCards,
  moveLane,
  moveStage,
  newId,
  pasteCards,
  prioritiseActions,
  rateStep,
  renameJourney,
  renameLane,
  renameStage,
  restoreBoard,
  renameCluster,
  restoreMergedCard,
  setBoardLocale,
  setCardChannel,
  setCardIndicator,
  setCardOwner,
  setCardTextDirection,
  setJourneyPersona,
  setLaneCollapsed,
  setStageCollapsed,
  setStageWidth,
  setTimelineDirection,
  readRecord,
  ungroupCards,
  unlinkCards,
  updateAction,
  updatePersona,
  type ActionFields,
  type MoveCardArgs,
  type BoardFile,
  type ClipboardCards,
  type Indicator,
  type LaneRecord,
  type StageRecord,
  type LaneKind,
  type LinkArgs,
  type LocalUserOrigin,
  type LockPlace,
  type RecordRoot,
  type MapType,
  type PersonaFields,
  type StageSetId,
  type TextDirectionSetting,
  type TextSplice,
  type TimelineDirection,
} from "@journeyboard/shared";
import type { TextTarget } from "./text/carets";
import type { Identity } from "../identity/identity";
import { DELETE_JOURNEY, MERGE_CARDS, PLAN_ORDER, deleteAxis, type ChangeScope } from "./state/permissions";

/**
 * Every change this person can make to the board, as calls to the shared
 * operations under their own origin (their undo history). Viewers change
 * nothing; an edit aimed at something a colleague just removed is dropped,
 * as if it had come too late. Each returns whether it changed the board.
 */
export class BoardCommands {
  constructor(
    private readonly doc: Y.Doc,
    private readonly origin: LocalUserOrigin,
    private readonly identity: () => Identity,
    /** Whether this person may make a change of this scope now (role and workshop phase). */
    private readonly may: (scope: ChangeScope) => boolean,
    /** Whether a lock holds a record of this area placed here (none is, for a facilitator). */
    private readonly locked: (area: RecordRoot, id: string, place: LockPlace) => boolean = () => false,
    /** Whose cards this person may change: their own, or anyone's where the phase opens them. */
    private readonly mayChangeCard: (card: { authorId?: unknown }) => boolean = () => true,
    /** This person's id (shared `people.ts`): the author of the cards they make; null before the server said. */
    private readonly author: () => string | null = () => null,
  ) {}

  /**
   * Whether a lock holds this record where it is, or where a change would
   * put it, or it is a card someone else wrote that this person may not
   * change now.
   */
  private held(area: RecordRoot, id: string, place: LockPlace = {}): boolean {
    const record = readRecord(this.doc, area, id) as (LockPlace & { authorId?: unknown }) | undefined;
    if (area === "cards" && record && !this.mayChangeCard(record)) return true;
    return this.locked(area, id, record ?? {}) || this.locked(area, id, place);
  }

  /** A change to records a lock may hold: refused, like the server would, when one does. */
  private runOn(scope: ChangeScope, area: RecordRoot, ids: readonly string[], change: () => void): boolean {
    if (ids.some((id) => this.held(area, id))) return false;
    return this.run(scope, change);
  }

  private run(scope: ChangeScope, change: () => void): boolean {
    if (!this.may(scope)) return false;
    try {
      change();
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  }

  /** Typing in a text field: the splice it made. */
  typeText = (target: TextTarget, splice: TextSplice) =>
    this.runOn(target.root, target.root, [target.id], () => editText(this.doc, { ...target, splice }, this.origin));

  // Cards
  /** Adds a card with its text, by this person; returns its id, or null when refused. */
  addCard(journeyId: string, cell: { stageId: string; laneId: string; index: number }, text: string): string | null {
    const id = newId();
    const { name, department } = this.identity();
    const args = {
      id,
      journeyId,
      ...cell,
      text,
      authorName: name,
      authorDepartment: department,
      authorId: this.author(),
      createdAt: Date.now(),
    };
    if (this.held("cards", id, args)) return null;
    return this.run("cards", () => addCard(this.doc, args, this.origin)) ? id : null;
  }
  /** Adds copied cards from a cell on; returns their ids, or null when refused. */
  paste(journeyId: string, cell: { stageId: string; laneId: string }, cards: ClipboardCards): string[] | null {
    const { name, department } = this.identity();
    let ids: string[] = [];
    const args = {
      journeyId,
      stageId: cell.stageId,
      laneId: cell.laneId,
      cards,
      newId,
      authorName: name,
      authorDepartment: department,
      authorId: this.author(),
      createdAt: Date.now(),
    };
    return this.run("cards", () => (ids = pasteCards(this.doc, args, this.origin))) ? ids : null;
  }
  move = (id: string, stageId: string, laneId: string, index: number) =>
    !this.held("cards", id, { stageId, laneId }) &&
    this.run("cards", () => moveCard(this.doc, { id, stageId, laneId, index }, this.origin));
  /** Several cards moved as one step of undo. */
  moveMany = (moves: readonly MoveCardArgs[]) =>
    !moves.some((move) => this.held("cards", move.id, move)) &&
    this.run("cards", () => moveCards(this.doc, { moves }, this.origin));
  deleteCards = (ids: readonly string[]) =>
    this.runOn("cards", "cards", ids, () => deleteCards(this.doc, { ids }, this.origin));
  setChannel = (id: string, channel: string | null) =>
    this.runOn("cards", "cards", [id], () => setCardChannel(this.doc, { id, channel }, this.origin));
  /** Merges cards of one cell into the first (`into`): those who run the workshop only. */
  mergeCards = (into: string, ids: readonly string[]) =>
    this.runOn(MERGE_CARDS, "cards", [into, ...ids], () => mergeCards(this.doc, { into, ids }, this.origin));
  /** Groups cards of one cell under a named cluster, without merging them (the cluster's cards already so named move too). */
  groupCards = (ids: readonly string[], name: string) =>
    this.runOn("cards", "cards", cardsGroupWrites(this.doc, ids, name), () =>
      groupCards(this.doc, { ids, name }, this.origin),
    );
  /** Takes cards of one cell out of their cluster. */
  ungroupCards = (ids: readonly string[]) =>
    this.runOn("cards", "cards", ids, () => ungroupCards(this.doc, { ids }, this.origin));
  /** Renames a cluster of a cell: each of its cards takes the new name. */
  renameCluster = (args: { stageId: string; laneId: string; from: string; to: string }) =>
    this.runOn("cards", "cards", cardsRenameWrites(this.doc, args), () => renameCluster(this.doc, args, this.origin));
  /** Takes an original out of its merged card, on its own again. */
  restoreMerged = (id: string) =>
    this.runOn(MERGE_CARDS, "cards", [id], () => restoreMergedCard(this.doc, { id }, this.origin));
  setOwner = (id: string, ownerDepartment: string | null) =>
    this.runOn("cards", "cards", [id], () => setCardOwner(this.doc, { id, ownerDepartment }, this.origin));
  setIndicator = (id: string, indicator: Indicator | null) =>
    this.runOn("cards", "cards", [id], () => setCardIndicator(this.doc, { id, indicator }, this.origin));
  setTextDirection = (id: string, textDirection: TextDirectionSetting) =>
    this.runOn("cards", "cards", [id], () => setCardTextDirection(this.doc, { id, textDirection }, this.origin));
  rate = (cardId: string, value: number | null) =>
    this.run("ratings", () => {
      const { id, department } = this.identity();
      rateStep(this.doc, { cardId, participantId: id, department, value }, this.origin);
    });
  link = (args: LinkArgs) => this.run("links", () => linkCards(this.doc, args, this.origin));
  unlink = (args: LinkArgs) => this.run("links", () => unlinkCards(this.doc, args, this.origin));

  // Stages and lanes
  addStage = (journeyId: string, index: number, title: string) =>
    !this.held("journeys", journeyId) &&
    this.run("stages", () => addStage(this.doc, { id: newId(), journeyId, title, index }, this.origin));
  addLane = (journeyId: string, index: number, kind: LaneKind, title: string) =>
    !this.held("journeys", journeyId) &&
    this.run("lanes", () => addLane(this.doc, { id: newId(), journeyId, title, kind, index }, this.origin));
  renameStage = (id: string, title: string) =>
    this.runOn("stages", "stages", [id], () => renameStage(this.doc, { id, title }, this.origin));
  renameLane = (id: string, title: string) =>
    this.runOn("lanes", "lanes", [id], () => renameLane(this.doc, { id, title }, this.origin));
  moveStage = (id: string, index: number) =>
    this.runOn("stages", "stages", [id], () => moveStage(this.doc, { id, index }, this.origin));
  moveLane = (id: string, index: number) =>
    this.runOn("lanes", "lanes", [id], () => moveLane(this.doc, { id, index }, this.origin));
  deleteStage = (id: string) =>
    this.runOn(deleteAxis("stages"), "stages", [id], () => deleteStage(this.doc, { id }, this.origin));
  deleteLane = (id: string) =>
    this.runOn(deleteAxis("lanes"), "lanes", [id], () => deleteLane(this.doc, { id }, this.origin));
  collapseStage = (id: string, collapsed: boolean) =>
    this.runOn("stages", "stages", [id], () => setStageCollapsed(this.doc, { id, collapsed }, this.origin));
  collapseLane = (id: string, collapsed: boolean) =>
    this.runOn("lanes", "lanes", [id], () => setLaneCollapsed(this.doc, { id, collapsed }, this.origin));
  resizeStage = (id: string, width: number | null) =>
    this.runOn("stages", "stages", [id], () => setStageWidth(this.doc, { id, width }, this.origin));

  /** Adds a table's cards to a journey; the number added, or why nothing was. */
  importTable(
    journeyId: string,
    rows: string[][],
    namesOf: (record: StageRecord | LaneRecord) => string[],
  ): number | GridRefused {
    if (!this.may("cards")) return new GridRefused("readOnly", {}, "this role cannot add cards now");
    const { name, department } = this.identity();
    try {
      return importGridRows(
        this.doc,
        { journeyId, rows, namesOf, newId, authorName: name, authorDepartment: department, createdAt: Date.now() },
        this.origin,
      );
    } catch (error) {
      if (error instanceof GridRefused) return error;
      throw error;
    }
  }

  restore = (file: BoardFile) => this.run("meta", () => restoreBoard(this.doc, file, this.origin));

  // The action plan
  /** Adds actions (e.g. for voted cards) at the end of the plan; returns their ids, or null when refused. */
  addActions(actions: ReadonlyArray<Partial<ActionFields>>): string[] | null {
    const created = actions.map((fields) => ({ ...fields, id: newId(), createdAt: Date.now() }));
    return this.run("actions", () => addActions(this.doc, { actions: created }, this.origin))
      ? created.map((a) => a.id)
      : null;
  }
  updateAction = (id: string, fields: Partial<ActionFields>) =>
    this.run("actions", () => updateAction(this.doc, { id, ...fields }, this.origin));
  moveAction = (id: string, index: number) =>
    this.run(PLAN_ORDER, () => moveAction(this.doc, { id, index }, this.origin));
  deleteAction = (id: string) => this.run("actions", () => deleteActions(this.doc, { ids: [id] }, this.origin));
  prioritiseActions = () => this.run(PLAN_ORDER, () => prioritiseActions(this.doc, this.origin));

  // Journeys and personas
  /** Adds a journey; returns its id, or null when refused. */
  addJourney(mapType: MapType, stageSet: StageSetId, title: string): string | null {
    const id = newId();
    return this.run(["journeys", "stages", "lanes"], () =>
      addJourney(this.doc, { id, title, mapType, stageSet, personaId: null }, this.origin),
    )
      ? id
      : null;
  }
  copyJourney(sourceId: string, title: string): string | null {
    const id = newId();
    return this.run(["journeys", "stages", "lanes", "cards"], () =>
      copyJourney(this.doc, { sourceId, id, title }, this.origin),
    )
      ? id
      : null;
  }
  createTarget(sourceId: string, title: string): string | null {
    const id = newId();
    return this.run(["journeys", "stages", "lanes", "cards", "links"], () =>
      createTargetJourney(this.doc, { sourceId, id, title }, this.origin),
    )
      ? id
      : null;
  }
  renameJourney = (id: string, title: string) =>
    this.runOn("journeys", "journeys", [id], () => renameJourney(this.doc, { id, title }, this.origin));
  deleteJourney = (id: string) => this.run(DELETE_JOURNEY, () => deleteJourney(this.doc, { id }, this.origin));
  setJourneyPersona = (id: string, personaId: string | null) =>
    this.runOn("journeys", "journeys", [id], () => setJourneyPersona(this.doc, { id, personaId }, this.origin));
  addPersona(fields: Partial<PersonaFields>): string | null {
    const id = newId();
    return this.run("personas", () => addPersona(this.doc, { id, ...fields }, this.origin)) ? id : null;
  }
  updatePersona = (id: string, fields: Partial<PersonaFields>) =>
    this.run("personas", () => updatePersona(this.doc, { id, ...fields }, this.origin));
  deletePersona = (id: string) => this.run("personas", () => deletePersona(this.doc, { id }, this.origin));

  // The board's settings (the facilitator's alone)
  setBoardLocale = (locale: string) => this.run("meta", () => setBoardLocale(this.doc, { locale }, this.origin));
  setTimelineDirection = (direction: TimelineDirection) =>
    this.run("meta", () => setTimelineDirection(this.doc, { direction }, this.origin));
}
