import type * as Y from "yjs";
import { parse as parseCsv } from "csv-parse/browser/esm/sync";
import {
  cellKey,
  type Phase,
  type PersonalUndoManager,
  createUndoManager,
  LIMITS,
  localUserOrigin,
  mergeRootOf,
  mayDeleteAtOnce,
  PARTICIPANT_DELETES,
  redo,
  roomLeft,
  undo,
  type ClipboardCards,
  type BoardFile,
  type JourneyGrid,
  type PrivateDraft,
  type LaneRecord,
  type StageRecord,
  shownName,
} from "@journeyboard/shared";
import type { Identity } from "../identity/identity";
import { BoardCommands } from "./BoardCommands";
import type { DraftDesk } from "./drafts/DraftDesk";
import { NO_DRAFTS, draftBoxes, draftsByCell } from "./drafts/draftsByCell";
import type { BoardModel } from "./state/BoardModel";
import { cameraShowing, fitCamera, screenToWorld, uncoveredArea, zoomAt, type Camera } from "./state/camera";
import { GRID, cellAt, layoutJourney, type CellHit, type JourneyLayout, type Rect } from "./state/layout";
import { caretReporter, cursorReporter, type PresenceSink } from "./state/presence";
import { cellBox, cellTarget, moveTarget, nextFocus, type Cell, type Direction, type Focus } from "./state/navigation";
import type { VotingModel } from "./state/VotingModel";
import type { ChangeScope, Permissions } from "./state/permissions";

/** Side panels; one is open at a time. */
export type Panel =
  | "help"
  | "card"
  | "personas"
  | "touchpoints"
  | "coverage"
  | "duplicates"
  | "outline"
  | "journeys"
  | "voting"
  | "actions"
  | "exports"
  | "history";

const FORM_PANELS: ReadonlySet<Panel> = new Set(["journeys", "personas", "help"]);

/** The menu of a stage or lane header, anchored at a screen point. */
export interface AxisMenu {
  axis: "stage" | "lane";
  id: string;
  x: number;
  y: number;
}

/** A cluster of a cell: its name there. */
export interface ClusterTarget {
  stageId: string;
  laneId: string;
  cluster: string;
}

/** The menu of a cluster's heading in a cell (rename, ungroup), anchored at a screen point. */
export interface ClusterMenu extends ClusterTarget {
  x: number;
  y: number;
}

/** A short message about something that did not happen as asked, as a translation key and its values. */
export interface Notice {
  key: string;
  values?: Record<string, string | number>;
}

export interface UiState {
  /** The journey shown; null until the board has one. */
  journeyId: string | null;
  selection: ReadonlySet<string>;
  /** The card whose text is being typed. */
  editing: string | null;
  /** The cell the keyboard is on when it is on no card (an empty cell). */
  focusCell: Cell | null;
  /**
   * Where the keyboard is while several cards are chosen from it (Ctrl+arrows
   * go on without selecting, Shift+Space adds or takes out the card), which
   * the selection no longer tells.
   */
  keyboardAt: Focus | null;
  /** A change the canvas's live region says to screen readers, until the keyboard moves on. */
  announcement: Notice | null;
  /** Where a new card is being typed; it exists only once its text is committed. */
  draft: CellHit | null;
  camera: Camera;
  panel: Panel | null;
  menu: AxisMenu | null;
  clusterMenu: ClusterMenu | null;
  /** The box being dragged out on the background to select cards, in world units. */
  marquee: Rect | null;
  notice: Notice | null;
  minimap: boolean;
  /** While set, the canvas draws every card in full detail, takes this world area as a picture and hands it back. */
  picture: Rect | null;
  canUndo: boolean;
  canRedo: boolean;
  /** The workshop phase, which decides with the role what this person may change. */
  phase: Phase;
}

/**
 * The one place that decides what a user's input means on a board: the
 * canvas's tools (`tools/`, fed by its components' pointer reports) and the
 * actions call it, and it turns that into commands (BoardCommands) under
 * this person's own origin. It also
 * holds this person's view: which journey, selection, camera, panels.
 */
export class BoardController {
  readonly origin = localUserOrigin();
  readonly undoManager: PersonalUndoManager;
  readonly commands: BoardCommands;
  private ui: UiState;
  private readonly listeners = new Set<() => void>();
  private viewport = { width: 0, height: 0 };
  private fitted = false;
  private lastLayout: {
    journeyId: string;
    grid: JourneyGrid;
    direction: string;
    drafts: readonly PrivateDraft[];
    layout: JourneyLayout;
  } | null = null;
  private readonly reportCursor: (point: { x: number; y: number } | null) => void;
  /** Where this person's caret is in a text field, for the others to see where they type. */
  readonly reportCaret: ReturnType<typeof caretReporter>;
  /** Where the pointer is on the board, in world units; null when it is off the canvas. */
  private pointer: { x: number; y: number } | null = null;
  private draftText = "";
  private readonly stopPermissions: () => void;
  private readonly stopModel: () => void;

  constructor(
    readonly doc: Y.Doc,
    readonly model: BoardModel,
    private readonly presence: PresenceSink,
    readonly identity: Identity,
    /** What this person may change now: their role and the workshop phase. */
    readonly permissions: Permissions,
    /** Dot voting, when this board has it (the canvas benchmark has none). */
    readonly voting: VotingModel | null = null,
    /** This person's private drafts, where new cards go in the drafting phase. */
    readonly drafts: DraftDesk | null = null,
  ) {
    this.undoManager = createUndoManager(doc, this.origin);
    this.commands = new BoardCommands(
      doc,
      this.origin,
      // On an anonymous board what this person writes carries their department only (the server refuses a name).
      () => ({ ...this.identity, name: shownName(this.identity.name, permissions.anonymous) }),
      permissions.may,
      permissions.lockedFor,
      permissions.mayChangeCard,
      () => permissions.personId,
    );
    this.ui = {
      journeyId: null,
      selection: new Set(),
      editing: null,
      focusCell: null,
      keyboardAt: null,
      announcement: null,
      draft: null,
      camera: { x: 0, y: 0, scale: 1 },
      panel: null,
      menu: null,
      clusterMenu: null,
      marquee: null,
      notice: null,
      minimap: true,
      picture: null,
      canUndo: false,
      canRedo: false,
      phase: permissions.phase,
    };
    this.stopPermissions = permissions.subscribe(() => this.phaseChanged());
    this.stopModel = model.subscribe(() => this.selectionFollowsMerges());
    const history = () => this.set({ canUndo: this.undoManager.canUndo(), canRedo: this.undoManager.canRedo() });
    this.undoManager.on("stack-item-added", history);
    this.undoManager.on("stack-item-popped", history);
    this.undoManager.on("stack-cleared", history);
    this.reportCursor = cursorReporter(presence);
    this.reportCaret = caretReporter(presence);
  }

  /** A selected card merged into another (here or by someone else): the merged card is selected in its place. */
  private selectionFollowsMerges(): void {
    const { selection } = this.ui;
    if (selection.size === 0) return;
    const shown = new Set(
      [...selection].map((id) => (this.model.record("cards", id) ? mergeRootOf(this.doc, id) : id)),
    );
    if ([...shown].some((id) => !selection.has(id))) this.set({ selection: shown });
  }

  /**
   * The facilitator moved to another phase. A card being written that the
   * new phase does not let this person keep is closed with a notice, not
   * dropped in silence when they press Enter.
   */
  private phaseChanged(): void {
    const writing = this.ui.editing !== null || this.ui.draft !== null;
    const editing = this.ui.editing;
    if (editing !== null && this.canEdit && !this.mayEditCard(editing)) {
      this.presence.setAwarenessField("editing", null);
      return this.set({ phase: this.permissions.phase, editing: null, notice: { key: "lock.locked" } });
    }
    if (!writing || this.canEdit) return this.set({ phase: this.permissions.phase });
    this.presence.setAwarenessField("editing", null);
    this.set({
      phase: this.permissions.phase,
      editing: null,
      draft: null,
      notice: { key: "notice.phaseStoppedEditing" },
    });
  }

  /** Whether this person may edit cards now; other parts of the board: `may`. */
  get canEdit(): boolean {
    return this.permissions.may("cards");
  }

  may = (scope: ChangeScope): boolean => this.permissions.may(scope);

  /** Whether this person may change this card now: the phase allows cards, no lock holds it, and it is theirs to change. */
  mayEditCard = (id: string): boolean => {
    const card = this.model.record("cards", id);
    return Boolean(card && this.canEdit && this.cardRefusal(id) === null);
  };

  /** Why this person may not change this card, when a lock or its author is why (the phase aside). */
  cardRefusal = (id: string): "lock.locked" | "cards.notYours" | null => {
    const card = this.model.record("cards", id);
    if (!card) return null;
    if (this.permissions.lockedFor("cards", id, card)) return "lock.locked";
    return this.permissions.mayChangeCard(card) ? null : "cards.notYours";
  };

  /** Whether a lock holds this card (shown to everyone, facilitators included). */
  cardLocked = (id: string): boolean => {
    const card = this.model.record("cards", id);
    return Boolean(card && this.permissions.lockOn("cards", id, card));
  };

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getUi = (): UiState => this.ui;

  private set(patch: Partial<UiState>) {
    this.ui = { ...this.ui, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  // The journey shown

  /** The journey on screen: the one chosen, or the first while none is (or the chosen one was deleted). */
  journeyId(): string | null {
    const journeys = this.model.journeys();
    return journeys.find((j) => j.id === this.ui.journeyId)?.id ?? journeys[0]?.id ?? null;
  }

  showJourney(journeyId: string): void {
    this.set({ journeyId, selection: new Set(), editing: null, draft: null, menu: null, clusterMenu: null });
    this.fitted = false;
    this.fitOnFirstView();
  }

  grid(): JourneyGrid | null {
    const id = this.journeyId();
    return id ? this.model.grid(id) : null;
  }

  /** The layout of the journey shown, computed once per change; unmoved columns and rows keep their arrays. */
  layout(): JourneyLayout | null {
    const journeyId = this.journeyId();
    const grid = this.grid();
    if (!journeyId || !grid) return null;
    const direction = this.model.meta().timelineDirection ?? "ltr";
    const drafts = this.drafts?.list() ?? NO_DRAFTS;
    const last = this.lastLayout;
    const same = last && last.journeyId === journeyId && last.grid === grid && last.direction === direction;
    if (same && last.drafts === drafts) return last.layout;
    const previous = last?.journeyId === journeyId ? last.layout : undefined;
    const layout = layoutJourney(grid, direction, previous, draftsByCell(drafts, journeyId));
    this.lastLayout = { journeyId, grid, direction, drafts, layout };
    return layout;
  }

  // Cards

  /** True while someone types in a card or a new one. */
  isTyping(): boolean {
    return this.ui.editing !== null || this.ui.draft !== null;
  }

  /**
   * Opens a new card for typing in a cell (by default after the selected
   * card, or in the first cell). The card is added when its text is
   * committed, as one step of history; left empty, it never existed.
   */
  addCard(cell?: CellHit): void {
    const target = cell ?? this.defaultCell();
    if (!this.canEdit || !target) return;
    // What is typed in a cell a lock holds would not be kept: say so before anything is written.
    if (this.permissions.lockedFor("cards", "", { journeyId: this.journeyId(), ...target })) {
      return this.notify({ key: "lock.locked" });
    }
    const open = this.ui.draft;
    if (open && open.stageId === target.stageId && open.laneId === target.laneId) return;
    // A new card begun elsewhere keeps what was typed in the one still open.
    if (open) this.commitDraft(open, this.draftText);
    this.draftText = "";
    this.set({ draft: target, editing: null, selection: new Set(), menu: null });
  }

  /** What is typed in the new card so far: kept if another new card is begun before this one is closed. */
  typeDraft(text: string): void {
    this.draftText = text;
  }

  private commitDraft(cell: CellHit, text: string): void {
    const journeyId = this.journeyId();
    if (!journeyId || !text.trim()) return;
    if (this.drafts?.writing) return this.drafts.keep(journeyId, cell, text);
    const id = this.commands.addCard(journeyId, cell, text);
    if (id) this.set({ selection: new Set([id]) });
  }

  private defaultCell(): CellHit | null {
    const grid = this.grid();
    if (!grid) return null;
    const [selected] = this.ui.selection;
    const card = selected ? this.model.record("cards", selected) : undefined;
    if (card && card.journeyId === this.journeyId()) {
      const siblings = grid.cells.get(cellKey(card.stageId, card.laneId)) ?? [];
      return { stageId: card.stageId, laneId: card.laneId, index: siblings.findIndex((c) => c.id === card.id) + 1 };
    }
    const focused = this.ui.focusCell;
    const stage = focused ? { id: focused.stageId } : grid.stages.find((s) => !s.collapsed);
    const lane = focused ? { id: focused.laneId } : grid.lanes.find((l) => !l.collapsed);
    if (!stage || !lane) return null;
    return { stageId: stage.id, laneId: lane.id, index: grid.cells.get(cellKey(stage.id, lane.id))?.length ?? 0 };
  }

  startEditing(id: string): void {
    if (!this.mayEditCard(id)) return;
    this.set({ editing: id, draft: null, selection: new Set([id]), menu: null });
    this.presence.setAwarenessField("editing", id);
  }

  /** Closes the in-place editor of a card; what was typed is already on the board. */
  stopEditing(): void {
    if (!this.ui.editing) return;
    this.set({ editing: null });
    this.presence.setAwarenessField("editing", null);
  }

  /** Keeps the new card being typed (null: drops it). */
  finishDraft(text: string | null): void {
    const { draft } = this.ui;
    if (!draft) return;
    this.set({ draft: null });
    if (text !== null) this.commitDraft(draft, text);
  }

  /** Selecting a card shows its details: panels that are forms give way; views (outline, matrix, coverage) stay. */
  select(id: string, additive: boolean): void {
    const selection = new Set(additive ? this.ui.selection : []);
    if (additive && selection.has(id)) selection.delete(id);
    else selection.add(id);
    const panel = this.ui.panel && FORM_PANELS.has(this.ui.panel) ? null : this.ui.panel;
    this.set({ selection, focusCell: null, keyboardAt: null, announcement: null, menu: null, panel });
  }

  // The keyboard

  /** Where the keyboard is: where it went while choosing cards, else the card selected alone, else the cell it is on. */
  keyboardFocus(): Focus | null {
    const { keyboardAt, focusCell, selection } = this.ui;
    if (keyboardAt && ("cell" in keyboardAt || this.model.record("cards", keyboardAt.card))) return keyboardAt;
    const [only] = selection;
    if (only && selection.size === 1) return { card: only };
    return focusCell ? { cell: focusCell } : null;
  }

  /**
   * An arrow key: the keyboard goes to the next card or cell that way, brought
   * into view. It selects the card it reaches, unless `keepSelection`
   * (Ctrl+arrows), which leaves the selection as it is to add more cards.
   */
  moveFocus(direction: Direction, keepSelection = false): void {
    const layout = this.layout();
    const grid = this.grid();
    if (!layout || !grid) return;
    const next = nextFocus(layout, grid, this.keyboardFocus(), direction);
    if (!next) return;
    if (keepSelection) this.set({ keyboardAt: next, menu: null, announcement: null });
    else if ("card" in next) this.select(next.card, false);
    else this.set({ selection: new Set(), keyboardAt: null, focusCell: next.cell, menu: null, announcement: null });
    this.revealFocus();
  }

  /** Shift+Space: the card the keyboard is on joins the selection, or leaves it; the keyboard stays on it. */
  toggleFocusedCard(): void {
    const focus = this.keyboardFocus();
    if (!focus || !("card" in focus)) return;
    const selection = new Set(this.ui.selection);
    const joined = !selection.delete(focus.card);
    if (joined) selection.add(focus.card);
    const key = joined ? "board.selectionAdded" : "board.selectionRemoved";
    this.set({ selection, keyboardAt: focus, menu: null, announcement: { key, values: { number: selection.size } } });
  }

  /**
   * Shift and an arrow: the card selected alone moves a place that way (or to
   * the next cell); several selected cards move together to the end of the
   * next cell that way, in their order, as one step of undo.
   */
  moveSelected(direction: Direction): void {
    const layout = this.layout();
    const grid = this.grid();
    const ids = [...this.ui.selection].filter((id) => layout?.cards.has(id));
    if (!layout || !grid || !ids.length) return;
    if (ids.length === 1) {
      const target = moveTarget(layout, grid, ids[0]!, direction);
      if (target && this.commands.move(ids[0]!, target.stageId, target.laneId, target.index)) this.revealFocus();
      return;
    }
    const box = (id: string) => layout.cards.get(id)!;
    const moves = ids
      .sort((a, b) => box(a).y - box(b).y || box(a).x - box(b).x)
      .flatMap((id) => {
        const target = cellTarget(layout, grid, id, direction);
        // Past the cell's end: each goes last as it arrives, so they keep their order.
        return target ? [{ id, ...target, index: Number.MAX_SAFE_INTEGER }] : [];
      });
    if (moves.length && this.commands.moveMany(moves)) this.revealFocus();
  }

  /** A stage made wider or narrower by `by` units from the keyboard (null: back to its own width), said aloud. */
  resizeStageBy(id: string, by: number | null): void {
    const column = this.layout()?.columns.find((c) => c.stage.id === id);
    if (!column || !this.commands.resizeStage(id, by === null ? null : column.width + by)) return;
    const width = this.layout()?.columns.find((c) => c.stage.id === id)?.width ?? column.width;
    this.set({ announcement: { key: "board.stageWidth", values: { width: Math.round(width) } } });
  }

  /** Whether the card selected alone is a step this person may rate now. */
  ratesSelection(): boolean {
    const [id] = this.ui.selection;
    const card = id && this.ui.selection.size === 1 ? this.model.record("cards", id) : undefined;
    return Boolean(card && this.model.record("lanes", card.laneId)?.kind === "steps" && this.may("ratings"));
  }

  /** Rates the step selected alone; the rating it already has takes it back, as in its panel. */
  rateSelected(value: number): void {
    const [id] = this.ui.selection;
    if (!id || !this.ratesSelection()) return;
    const mine = this.model.record("ratings", `${id}:${this.identity.id}`)?.value ?? null;
    this.commands.rate(id, mine === value ? null : value);
  }

  /** Pans (at the same zoom) just enough to show the card or cell the keyboard is on beside the side panel. */
  private revealFocus(): void {
    const focus = this.keyboardFocus();
    const layout = this.layout();
    const grid = this.grid();
    if (!focus || !layout || !grid || !this.viewport.width) return;
    const box = "card" in focus ? layout.cards.get(focus.card) : cellBox(layout, focus.cell);
    if (!box) return;
    const camera = cameraShowing(this.ui.camera, box, this.uncovered());
    if (camera !== this.ui.camera) this.set({ camera });
  }

  /** Selects exactly these cards (e.g. those a box or a matrix cell holds) and brings them into view. */
  focusCards(ids: readonly string[]): void {
    this.set({ selection: new Set(ids), menu: null });
    const layout = this.layout();
    const boxes = ids.map((id) => layout?.cards.get(id)).filter((b) => b !== undefined);
    if (!boxes.length || !this.viewport.width) return;
    const x0 = Math.min(...boxes.map((b) => b.x));
    const y0 = Math.min(...boxes.map((b) => b.y));
    const x1 = Math.max(...boxes.map((b) => b.x + b.width));
    const y1 = Math.max(...boxes.map((b) => b.y + b.height));
    const area = this.uncovered();
    const fit = fitCamera(x1 - x0, y1 - y0, area, 120);
    const scale = Math.min(fit.scale, Math.max(this.ui.camera.scale, 0.8));
    this.set({
      camera: {
        scale,
        x: area.x + area.width / 2 - ((x0 + x1) / 2) * scale,
        y: this.viewport.height / 2 - ((y0 + y1) / 2) * scale,
      },
    });
  }

  selectAll(): void {
    const layout = this.layout();
    if (layout) this.set({ selection: new Set(layout.cards.keys()), menu: null });
  }

  /** Shows the box dragged out to select cards (world units) with the cards it selects; null hides it. */
  showMarquee(box: Rect | null, selection = this.ui.selection): void {
    if (box) this.set({ marquee: box, selection, menu: null });
    else if (this.ui.marquee) this.set({ marquee: null });
  }

  /**
   * Adds copied cards to the journey shown: their first stage and lane land
   * in the cell under the pointer, else the selected card's, else the first.
   * The new cards are selected. More cards than the board has room for are
   * refused whole, saying how many fit.
   */
  paste(cards: ClipboardCards): void {
    const journeyId = this.journeyId();
    const grid = this.grid();
    const layout = this.layout();
    if (!this.canEdit || !journeyId || !grid || !layout) return;
    const room = roomLeft(this.doc);
    if (cards.cards.length > room) {
      const values = { count: cards.cards.length, room, limit: LIMITS.boardRecords };
      return this.notify({ key: "notice.pasteTooLarge", values });
    }
    const under = this.pointer ? cellAt(layout, grid, this.pointer.x, this.pointer.y) : null;
    const cell = under ?? this.defaultCell();
    if (!cell) return;
    if (this.drafts?.writing) return this.drafts.keepPasted(journeyId, grid, cell, cards);
    const ids = this.commands.paste(journeyId, cell, cards);
    if (ids) this.set({ selection: new Set(ids), editing: null, draft: null, menu: null });
    else this.notify({ key: "notice.pasteRefused" });
  }

  /** Places (or with -1 takes back) one of this person's dots on the selected card, in the open round. */
  dotOnSelection(direction: 1 | -1): void {
    const round = this.voting?.openRound();
    const [cardId] = this.ui.selection;
    if (!this.voting || !round || !cardId || this.ui.selection.size !== 1) return;
    if (direction === 1) this.voting.addDot(round.id, cardId);
    else this.voting.removeDot(round.id, cardId);
  }

  /**
   * Adds the cards of a CSV table (as the journey export writes it) to the
   * journey shown, all or nothing, and says how it went.
   */
  importTable(csv: string, namesOf: (record: StageRecord | LaneRecord) => string[]): void {
    const journeyId = this.journeyId();
    if (!journeyId) return;
    // A table's cards would be everyone's at once: in the drafting phase new cards are private.
    if (this.drafts?.writing) return this.notify({ key: "drafts.importLater" });
    let rows: string[][];
    try {
      rows = parseCsv(csv, { bom: true, relax_column_count: true, skip_empty_lines: true });
    } catch {
      return this.notify({ key: "notice.gridRefused.notCsv" });
    }
    const result = this.commands.importTable(journeyId, rows, namesOf);
    if (typeof result === "number") this.notify({ key: "notice.imported", values: { count: result } });
    else this.notify({ key: `notice.gridRefused.${result.problem}`, values: result.values });
  }

  /** Makes the board what a snapshot holds, as this person's change (Ctrl+Z takes it back). */
  restore(file: BoardFile): boolean {
    return this.commands.restore(file);
  }

  /** Asks the canvas for a picture (PNG) of the selected cards, or of the whole journey when none is. */
  requestPicture(): void {
    const area = this.pictureArea();
    if (area) this.set({ picture: area });
  }

  /** The world area a picture shows: the selected cards with a margin, or the whole journey. */
  pictureArea(): Rect | null {
    const layout = this.layout();
    if (!layout) return null;
    const boxes = [...this.ui.selection].map((id) => layout.cards.get(id)).filter((b) => b !== undefined);
    const margin = 24;
    return boxes.length
      ? {
          x: Math.min(...boxes.map((b) => b.x)) - margin,
          y: Math.min(...boxes.map((b) => b.y)) - margin,
          width: Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x)) + margin * 2,
          height: Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y)) + margin * 2,
        }
      : { x: 0, y: 0, width: layout.width, height: layout.height };
  }

  /** The canvas took the picture: save it as a file. */
  pictureTaken(dataUrl: string | null): void {
    this.set({ picture: null });
    if (!dataUrl) return;
    const link = document.createElement("a");
    link.href = dataUrl;
    link.download = "journey.png";
    link.click();
  }

  notify(notice: Notice): void {
    this.set({ notice });
  }
  dismissNotice(): void {
    if (this.ui.notice) this.set({ notice: null });
  }

  clearSelection(): void {
    if (this.ui.selection.size || this.ui.menu) this.set({ selection: new Set(), menu: null });
  }

  deleteSelection(): void {
    const ids = [...this.ui.selection];
    if (!mayDeleteAtOnce(this.permissions.standing, ids.length)) {
      return this.notify({ key: "notice.tooManyToDelete", values: { limit: PARTICIPANT_DELETES } });
    }
    const refusal = ids.map(this.cardRefusal).find(Boolean);
    if (refusal) return this.notify({ key: refusal });
    if (ids.length && this.commands.deleteCards(ids)) this.set({ selection: new Set() });
  }

  /** A card dropped at a screen point moves into the cell there; dropped outside the grid, it stays. */
  dropCard(id: string, screenPoint: { x: number; y: number }): void {
    const grid = this.grid();
    const layout = this.layout();
    if (!grid || !layout) return;
    const world = screenToWorld(this.ui.camera, screenPoint);
    const hit = cellAt(layout, grid, world.x, world.y);
    if (!hit) return;
    const card = this.model.record("cards", id);
    let index = hit.index;
    if (card && card.stageId === hit.stageId && card.laneId === hit.laneId) {
      const current = (grid.cells.get(cellKey(hit.stageId, hit.laneId)) ?? []).findIndex((c) => c.id === id);
      if (current >= 0 && current < index) index -= 1;
    }
    const moved = this.commands.move(id, hit.stageId, hit.laneId, index);
    // Someone else's card, or dropped into a locked stage or lane, it goes back where it was: say why.
    const refusal =
      this.cardRefusal(id) ?? (card && this.permissions.lockedFor("cards", id, hit) ? "lock.locked" : null);
    if (!moved && refusal) this.notify({ key: refusal });
  }

  /** Double-click on the board: on one of this person's drafts, its text to edit; elsewhere in a cell, a new card there. */
  doubleClickAt(screenPoint: { x: number; y: number }): void {
    const grid = this.grid();
    const layout = this.layout();
    if (!grid || !layout) return;
    const world = screenToWorld(this.ui.camera, screenPoint);
    // A draft is drawn where nothing listens to the pointer: its box says it is under the point.
    const draft = this.draftAt(layout, grid, world);
    if (draft) return this.drafts?.startEditing(draft);
    const hit = cellAt(layout, grid, world.x, world.y);
    if (hit) this.addCard({ ...hit, index: grid.cells.get(cellKey(hit.stageId, hit.laneId))?.length ?? 0 });
  }

  /** One of this person's drafts opened in the editor from its list (the keyboard's way to it), brought into view first. */
  editDraft(id: string): void {
    const layout = this.layout();
    const grid = this.grid();
    const journeyId = this.journeyId();
    if (!this.drafts || !layout || !grid || !journeyId) return;
    const box = draftBoxes(layout, grid, this.drafts.list(), journeyId).get(id);
    if (box && this.viewport.width) {
      const camera = cameraShowing(this.ui.camera, box, this.uncovered());
      if (camera !== this.ui.camera) this.set({ camera });
    }
    this.drafts.startEditing(id);
  }

  private draftAt(layout: JourneyLayout, grid: JourneyGrid, point: { x: number; y: number }): string | undefined {
    const journeyId = this.journeyId();
    if (!this.drafts || !journeyId) return undefined;
    const boxes = draftBoxes(layout, grid, this.drafts.list(), journeyId);
    const inside = (box: Rect) =>
      point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
    return [...boxes].find(([, box]) => inside(box))?.[0];
  }

  undo(): void {
    if (this.canEdit) this.keptForColleagues(undo(this.undoManager));
  }
  redo(): void {
    if (this.canEdit) this.keptForColleagues(redo(this.undoManager));
  }
  private keptForColleagues(count: number): void {
    if (count > 0) this.set({ notice: { key: "notice.keptForColleagues", values: { count } } });
  }

  // Stage and lane headers

  /**
   * Opens the menu of the stage or lane the keyboard is in, at its header
   * (kept on screen); once it closes, the keyboard goes on from that cell.
   */
  openMenuAtFocus(axis: "stage" | "lane"): void {
    const focus = this.keyboardFocus();
    const layout = this.layout();
    const card = focus && "card" in focus ? this.model.record("cards", focus.card) : undefined;
    const cell = focus && "cell" in focus ? focus.cell : card && { stageId: card.stageId, laneId: card.laneId };
    const column = layout?.columns.find((c) => c.stage.id === cell?.stageId);
    const row = layout?.rows.find((r) => r.lane.id === cell?.laneId);
    if (!layout || !cell || !column || !row) return;
    const world = axis === "stage" ? { x: column.x, y: GRID.stageHeaderHeight } : { x: layout.laneHeaderX, y: row.y };
    const id = axis === "stage" ? cell.stageId : cell.laneId;
    const menu = { axis, id, ...this.menuPoint(world) };
    if (this.menuRefused(axis, id)) return;
    this.set({ menu, selection: new Set(), focusCell: cell, keyboardAt: null });
  }

  openMenu(menu: AxisMenu): void {
    if (this.menuRefused(menu.axis, menu.id)) return;
    this.set({ menu, selection: new Set() });
  }

  /**
   * A stage's or lane's menu changes it or its journey: in a phase that sets
   * them, or under a lock on the whole journey (nothing in the menu would be
   * kept), it says so instead of opening.
   */
  private menuRefused(axis: "stage" | "lane", id: string): boolean {
    // A viewer changes nothing, as the banner over the board says.
    if (this.permissions.role === "viewer") return true;
    const area = axis === "stage" ? "stages" : "lanes";
    if (!this.may(area)) {
      this.notify({ key: axis === "stage" ? "notice.stagesFixed" : "notice.lanesFixed" });
      return true;
    }
    const journeyId = this.model.record(area, id)?.journeyId;
    if (!journeyId || !this.permissions.lockedFor("journeys", journeyId, {})) return false;
    this.notify({ key: "lock.locked" });
    return true;
  }
  closeMenu(): void {
    if (this.ui.menu) this.set({ menu: null });
  }

  /** The cluster of the card the keyboard is on, if it is in one. */
  clusterAtFocus(): ClusterTarget | null {
    const focus = this.keyboardFocus();
    const card = focus && "card" in focus ? this.model.record("cards", focus.card) : undefined;
    return card?.cluster ? { stageId: card.stageId, laneId: card.laneId, cluster: card.cluster } : null;
  }

  /** The keyboard's way to a cluster's heading menu: opened beside the card the keyboard is on, as a press on the heading opens it. */
  openClusterMenuAtFocus(): void {
    const target = this.clusterAtFocus();
    const focus = this.keyboardFocus();
    const box = focus && "card" in focus ? this.layout()?.cards.get(focus.card) : undefined;
    if (!target || !box) return;
    this.openClusterMenu({ ...target, ...this.menuPoint(box) });
  }

  /** Where a menu opened from the keyboard stands on screen: at a board point, kept clear of the screen's edges. */
  private menuPoint(world: { x: number; y: number }): { x: number; y: number } {
    const { camera } = this.ui;
    const at = (value: number, offset: number, size: number) =>
      Math.min(Math.max(value * camera.scale + offset, 64), size - 320);
    return { x: at(world.x, camera.x, this.viewport.width), y: at(world.y, camera.y, this.viewport.height) };
  }

  /** Opens the menu of a cluster's heading, or closes it (null). */
  openClusterMenu(clusterMenu: ClusterMenu | null): void {
    this.set({ clusterMenu, menu: null });
  }

  /** A header dragged to a screen point takes the place there among its siblings. */
  dropHeader(axis: "stage" | "lane", id: string, screenPoint: { x: number; y: number }): void {
    const layout = this.layout();
    if (!layout) return;
    const world = screenToWorld(this.ui.camera, screenPoint);
    if (axis === "stage") {
      const rtl = this.model.meta().timelineDirection === "rtl";
      const others = layout.columns.filter((c) => c.stage.id !== id);
      const index = others.filter((c) => (rtl ? c.x + c.width / 2 > world.x : c.x + c.width / 2 < world.x)).length;
      this.commands.moveStage(id, index);
    } else {
      const others = layout.rows.filter((r) => r.lane.id !== id);
      this.commands.moveLane(id, others.filter((r) => r.y + r.height / 2 < world.y).length);
    }
  }

  // View

  setViewport(width: number, height: number): void {
    this.viewport = { width, height };
    this.fitOnFirstView();
    // A view followed here is fitted to the new size, and one followed elsewhere is shared anew.
    this.set({});
  }
  /** The first time a journey and the canvas size are both known, show the whole journey. */
  fitOnFirstView(): void {
    if (this.fitted || this.viewport.width === 0 || !this.layout()) return;
    this.fitted = true;
    this.zoomToFit();
  }
  /** The canvas's size on screen (0 × 0 until it is laid out). */
  viewportSize(): { width: number; height: number } {
    return this.viewport;
  }
  setCamera(camera: Camera): void {
    this.set({ camera });
  }
  /** Shows someone else's view (following them, or brought there): their journey, at this camera, fitted no more. */
  followView(journeyId: string, camera: Camera): void {
    this.fitted = true;
    if (journeyId === this.journeyId()) return this.set({ camera });
    this.stopEditing();
    this.set({ journeyId, camera, selection: new Set(), draft: null, menu: null });
  }
  panBy(dx: number, dy: number): void {
    const { camera } = this.ui;
    this.set({ camera: { ...camera, x: camera.x - dx, y: camera.y - dy }, menu: null });
  }
  zoomBy(factor: number, anchor = { x: this.viewport.width / 2, y: this.viewport.height / 2 }): void {
    this.set({ camera: zoomAt(this.ui.camera, factor, anchor), menu: null });
  }
  zoomToFit(): void {
    const layout = this.layout();
    if (layout) this.set({ camera: fitCamera(layout.width, layout.height, this.uncovered()) });
  }
  /** Where on the canvas nothing is drawn over the board: beside the side panel. */
  private uncovered() {
    return uncoveredArea(this.viewport, document.documentElement.dir === "rtl" ? "left" : "right");
  }
  pointerAt(screenPoint: { x: number; y: number } | null): void {
    this.pointer = screenPoint ? screenToWorld(this.ui.camera, screenPoint) : null;
    this.reportCursor(this.pointer);
  }
  toggleMinimap(): void {
    this.set({ minimap: !this.ui.minimap });
  }

  /** Opens a side panel, or closes it when it is the one open. */
  togglePanel(panel: Panel, open = this.ui.panel !== panel): void {
    this.set({ panel: open ? panel : this.ui.panel === panel ? null : this.ui.panel });
  }

  destroy(): void {
    this.stopPermissions();
    this.stopModel();
    this.undoManager.destroy();
    this.listeners.clear();
  }
}
