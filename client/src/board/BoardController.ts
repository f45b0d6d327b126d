import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import {
  DomainError,
  addCard,
  cellKey,
  createUndoManager,
  deleteCards,
  editCardText,
  localUserOrigin,
  moveCard,
  newId,
  redo,
  undo,
  type JourneyGrid,
} from "@journeyboard/shared";
import type { Identity } from "../identity/identity";
import type { BoardModel } from "./state/BoardModel";
import { fitCamera, screenToWorld, zoomAt, type Camera } from "./state/camera";
import { cellAt, layoutJourney, type CellHit, type JourneyLayout } from "./state/layout";
import { cursorReporter } from "./state/presence";
import { stableBoxes } from "./state/stableBoxes";

export interface UiState {
  selection: ReadonlySet<string>;
  /** The card whose text is being typed. */
  editing: string | null;
  /** Where a new card is being typed; it exists only once its text is committed. */
  draft: CellHit | null;
  camera: Camera;
  helpOpen: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The one place that decides what a user's input means on a board: canvas
 * components report pointer events here, actions call it, and it turns them
 * into shared operations under this person's own origin (so their undo
 * history holds only their edits).
 */
export class BoardController {
  readonly origin = localUserOrigin();
  readonly undoManager: Y.UndoManager;
  private ui: UiState;
  private readonly listeners = new Set<() => void>();
  private viewport = { width: 0, height: 0 };
  private fitted = false;
  private lastLayout: { version: number; grid: JourneyGrid; layout: JourneyLayout } | null = null;
  private readonly reportCursor: (point: { x: number; y: number } | null) => void;

  constructor(
    readonly doc: Y.Doc,
    readonly model: BoardModel,
    readonly provider: HocuspocusProvider,
    readonly identity: Identity,
    readonly canEdit: boolean,
  ) {
    this.undoManager = createUndoManager(doc, this.origin);
    this.ui = {
      selection: new Set(),
      editing: null,
      draft: null,
      camera: { x: 0, y: 0, scale: 1 },
      helpOpen: false,
      canUndo: false,
      canRedo: false,
    };
    const history = () => this.set({ canUndo: this.undoManager.canUndo(), canRedo: this.undoManager.canRedo() });
    this.undoManager.on("stack-item-added", history);
    this.undoManager.on("stack-item-popped", history);
    this.undoManager.on("stack-cleared", history);
    this.reportCursor = cursorReporter(provider);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getUi = (): UiState => this.ui;

  private set(patch: Partial<UiState>) {
    this.ui = { ...this.ui, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  journeyId(): string | null {
    return this.model.journeys()[0]?.id ?? null;
  }

  grid(): JourneyGrid | null {
    const id = this.journeyId();
    return id ? this.model.grid(id) : null;
  }

  /** The layout of the current journey, computed once per board version; unmoved cards keep their box object. */
  layout(): JourneyLayout | null {
    const grid = this.grid();
    if (!grid) return null;
    const version = this.model.getVersion();
    if (this.lastLayout?.version === version && this.lastLayout.grid === grid) return this.lastLayout.layout;
    const fresh = layoutJourney(grid, this.model.meta().timelineDirection ?? "ltr");
    const layout = { ...fresh, cards: stableBoxes(this.lastLayout?.layout.cards ?? new Map(), fresh.cards) };
    this.lastLayout = { version, grid, layout };
    return layout;
  }

  /** Runs an edit; one aimed at something a colleague just removed is dropped, as if it came too late. */
  private edit(change: () => void): boolean {
    if (!this.canEdit) return false;
    try {
      change();
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
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
    this.set({ draft: target, editing: null, selection: new Set() });
  }

  private commitDraft(cell: CellHit, text: string): void {
    const journeyId = this.journeyId();
    if (!journeyId || !text.trim()) return;
    const id = newId();
    const added = this.edit(() =>
      addCard(
        this.doc,
        {
          id,
          journeyId,
          stageId: cell.stageId,
          laneId: cell.laneId,
          index: cell.index,
          text,
          authorName: this.identity.name,
          authorDepartment: this.identity.department,
          createdAt: Date.now(),
        },
        this.origin,
      ),
    );
    if (added) this.set({ selection: new Set([id]) });
  }

  private defaultCell(): CellHit | null {
    const grid = this.grid();
    if (!grid) return null;
    const [selected] = this.ui.selection;
    const card = selected ? this.model.record("cards", selected) : undefined;
    if (card) {
      const siblings = grid.cells.get(cellKey(card.stageId, card.laneId)) ?? [];
      return { stageId: card.stageId, laneId: card.laneId, index: siblings.findIndex((c) => c.id === card.id) + 1 };
    }
    const stage = grid.stages[0];
    const lane = grid.lanes[0];
    if (!stage || !lane) return null;
    return { stageId: stage.id, laneId: lane.id, index: grid.cells.get(cellKey(stage.id, lane.id))?.length ?? 0 };
  }

  startEditing(id: string): void {
    if (!this.canEdit || !this.model.record("cards", id)) return;
    this.set({ editing: id, selection: new Set([id]) });
    this.provider.setAwarenessField("editing", id);
  }

  finishEditing(text: string | null): void {
    const { draft } = this.ui;
    if (draft) {
      this.set({ draft: null });
      if (text !== null) this.commitDraft(draft, text);
      return;
    }
    const id = this.ui.editing;
    if (!id) return;
    const card = this.model.record("cards", id);
    if (text !== null && card && card.text !== text) this.edit(() => editCardText(this.doc, { id, text }, this.origin));
    this.set({ editing: null });
    this.provider.setAwarenessField("editing", null);
  }

  select(id: string, additive: boolean): void {
    const selection = new Set(additive ? this.ui.selection : []);
    if (additive && selection.has(id)) selection.delete(id);
    else selection.add(id);
    this.set({ selection });
  }

  clearSelection(): void {
    if (this.ui.selection.size) this.set({ selection: new Set() });
  }

  deleteSelection(): void {
    const ids = [...this.ui.selection];
    if (!ids.length) return;
    if (this.edit(() => deleteCards(this.doc, { ids }, this.origin))) this.set({ selection: new Set() });
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
    this.edit(() => moveCard(this.doc, { id, stageId: hit.stageId, laneId: hit.laneId, index }, this.origin));
  }

  /** Double-click on the board: in a cell, a new card there. */
  doubleClickAt(screenPoint: { x: number; y: number }): void {
    const grid = this.grid();
    const layout = this.layout();
    if (!grid || !layout) return;
    const world = screenToWorld(this.ui.camera, screenPoint);
    const hit = cellAt(layout, grid, world.x, world.y);
    if (hit) this.addCard({ ...hit, index: grid.cells.get(cellKey(hit.stageId, hit.laneId))?.length ?? 0 });
  }

  undo(): void {
    if (this.canEdit) undo(this.undoManager);
  }
  redo(): void {
    if (this.canEdit) redo(this.undoManager);
  }

  // View

  setViewport(width: number, height: number): void {
    this.viewport = { width, height };
    this.fitOnFirstView();
  }
  /** The first time the board and the canvas size are both known, show the whole journey. */
  fitOnFirstView(): void {
    if (this.fitted || this.viewport.width === 0 || !this.layout()) return;
    this.fitted = true;
    this.zoomToFit();
  }
  setCamera(camera: Camera): void {
    this.set({ camera });
  }
  panBy(dx: number, dy: number): void {
    const { camera } = this.ui;
    this.set({ camera: { ...camera, x: camera.x - dx, y: camera.y - dy } });
  }
  zoomBy(factor: number, anchor = { x: this.viewport.width / 2, y: this.viewport.height / 2 }): void {
    this.set({ camera: zoomAt(this.ui.camera, factor, anchor) });
  }
  zoomToFit(): void {
    const layout = this.layout();
    if (layout) this.set({ camera: fitCamera(layout.width, layout.height, this.viewport) });
  }
  pointerAt(screenPoint: { x: number; y: number } | null): void {
    this.reportCursor(screenPoint ? screenToWorld(this.ui.camera, screenPoint) : null);
  }

  toggleHelp(open = !this.ui.helpOpen): void {
    this.set({ helpOpen: open });
  }

  destroy(): void {
    this.undoManager.destroy();
    this.listeners.clear();
  }
}
