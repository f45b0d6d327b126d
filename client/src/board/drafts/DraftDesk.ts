import {
  COMMAND_REFUSALS,
  PrivateDrafts,
  draftShelfKey,
  isDrafting,
  localUserOrigin,
  newId,
  publishOnReveal,
  MAX_DRAFT_COUNT,
  type ClipboardCards,
  type DraftsCommand,
  type JourneyGrid,
  type PrivateDraft,
  shownName,
} from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import type { Notice } from "../BoardController";
import type { BoardConnection } from "../state/connection";
import type { Permissions } from "../state/permissions";
import type { ServerMessages } from "../state/serverMessages";
import { pastedCells } from "./pastedCells";

/**
 * This person's private drafts on a board, in the app (shared
 * `PrivateDrafts` does the keeping and publishing): kept in this browser's
 * localStorage by board and person, published by the shared
 * `publishOnReveal` once the reveal stands (also after a reload or a
 * reconnection), their number in presence for the facilitator, and a
 * prompt when the tab closes on drafts not yet published.
 */
export class DraftDesk {
  readonly drafts: PrivateDrafts;
  // Not the undo manager's origin: a revealed draft has been seen by everyone, and undo does not take it back.
  private readonly origin = localUserOrigin();
  private readonly stops: (() => void)[] = [];
  private editingId: string | null = null;
  private readonly editingListeners = new Set<() => void>();

  constructor(
    boardId: string,
    private readonly identity: Identity,
    private readonly connection: BoardConnection,
    private readonly permissions: Permissions,
    messages: ServerMessages,
    private readonly send: (command: DraftsCommand) => void,
    notify: (notice: Notice) => void,
  ) {
    const key = draftShelfKey(boardId, identity.id);
    this.drafts = new PrivateDrafts(localStorage, key);
    const { provider, workshop } = connection;
    const watch = publishOnReveal({
      drafts: this.drafts,
      board: connection.doc,
      workshop: workshop.doc,
      role: permissions.role,
      author: () => permissions.personId,
      origin: this.origin,
      live: () => provider.isSynced && workshop.provider.isSynced,
    });
    provider.on("synced", watch.check);
    workshop.provider.on("synced", watch.check);
    const tellCount = () => provider.setAwarenessField("drafts", Math.min(this.drafts.count, MAX_DRAFT_COUNT));
    tellCount();
    const stopCount = this.drafts.subscribe(tellCount);
    const otherTab = (event: StorageEvent) => {
      if (event.key === key) this.drafts.reread();
    };
    const leaving = (event: BeforeUnloadEvent) => {
      if (this.drafts.count === 0) return;
      event.preventDefault();
      // Browsers show their own words; older ones need a value here to ask at all.
      event.returnValue = "";
    };
    window.addEventListener("storage", otherTab);
    window.addEventListener("beforeunload", leaving);
    const stopRefusals = messages.on("refused", ({ command, reason }) => {
      if (command === "drafts.reveal" || reason === COMMAND_REFUSALS.draftsUnrevealed)
        notify({ key: `drafts.refused.${reason}` });
    });
    this.stops.push(watch.stop, stopCount, stopRefusals, () => {
      provider.off("synced", watch.check);
      workshop.provider.off("synced", watch.check);
      window.removeEventListener("storage", otherTab);
      window.removeEventListener("beforeunload", leaving);
    });
  }

  /** Whether a new card is a private draft now: in the drafting phase. */
  get writing(): boolean {
    return isDrafting(this.permissions.phase);
  }

  list = (): readonly PrivateDraft[] => this.drafts.list();

  subscribe = (listener: () => void): (() => void) => this.drafts.subscribe(listener);

  /** Keeps a new card as a draft on this device. */
  keep(journeyId: string, cell: { stageId: string; laneId: string }, text: string): void {
    this.drafts.keep(this.draft(journeyId, cell.stageId, cell.laneId, text));
  }

  /** Keeps pasted cards as drafts, in the cells `pastedCells` finds for them from `cell`. */
  keepPasted(journeyId: string, grid: JourneyGrid, cell: { stageId: string; laneId: string }, cards: ClipboardCards) {
    const placed = pastedCells(grid, cell, cards);
    this.drafts.keep(...placed.map((card) => this.draft(journeyId, card.stageId, card.laneId, card.text)));
  }

  private draft(journeyId: string, stageId: string, laneId: string, text: string): PrivateDraft {
    const { name, department } = this.identity;
    return {
      id: newId(),
      journeyId,
      stageId,
      laneId,
      text,
      authorName: shownName(name, this.permissions.anonymous),
      authorDepartment: department,
      createdAt: Date.now(),
    };
  }

  /** Publishes one draft (by id) or all of them (null) as cards everyone sees. */
  publish(ids: readonly string[] | null): void {
    this.drafts.publish(this.connection.doc, ids, this.origin, this.permissions.personId);
  }

  discard(id: string): void {
    this.drafts.discard(id);
  }

  /** The draft whose text is open in the editor, if any (and still a draft). */
  editing = (): string | null => this.editingId;

  subscribeEditing = (listener: () => void): (() => void) => {
    this.editingListeners.add(listener);
    return () => this.editingListeners.delete(listener);
  };

  /** Opens a draft's text in the editor. */
  startEditing(id: string): void {
    if (!this.drafts.list().some((draft) => draft.id === id)) return;
    this.setEditing(id);
  }

  /** Closes the editor: `text` kept on the shelf (left empty, the draft is discarded, as an empty new card is never kept); null keeps the draft as it was. */
  finishEditing(text: string | null): void {
    const id = this.editingId;
    if (id === null) return;
    this.setEditing(null);
    if (text === null) return;
    if (text.trim()) this.drafts.edit(id, text);
    else this.drafts.discard(id);
  }

  private setEditing(id: string | null): void {
    this.editingId = id;
    this.editingListeners.forEach((listener) => listener());
  }

  /** Asks the server to end the drafting phase, which publishes everyone's drafts (the facilitator's alone). */
  reveal(): void {
    this.send({ type: "drafts.reveal" });
  }

  destroy(): void {
    this.stops.forEach((stop) => stop());
  }
}
