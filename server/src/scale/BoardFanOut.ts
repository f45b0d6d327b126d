import type {
  Document,
  Extension,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  onLoadDocumentPayload,
} from "@hocuspocus/server";
import { parseDocumentName } from "@journeyboard/shared";
import type { BoardPersistence } from "../extensions/BoardPersistence";
import type { Logger } from "../logger";
import { WORKSHOP_PARTS, type WorkshopNotice } from "../workshop/WorkshopNotice";
import type { BoardChannels, ChannelListener } from "./BoardChannels";
import type { PresenceRelay } from "./PresenceRelay";
import type { InstanceMessage } from "./wire";

/** Every part of a workshop: what is read again after messages may have been lost. */
const WHOLE_WORKSHOP: WorkshopNotice = { parts: [...WORKSHOP_PARTS] };

export interface FanOutDeps {
  channels: BoardChannels;
  persistence: BoardPersistence;
  presence: PresenceRelay;
  /** A workshop notice heard on a board's channel; `fromHere`: this instance sent it. */
  workshopChanged(boardId: string, notice: WorkshopNotice, fromHere: boolean): void;
  /** Another instance was heard from: alive. */
  seen(instanceId: string): void;
  logger: Logger;
}

/**
 * A board's updates between instances, growing linearly with them: each
 * update this instance stores (its clients', and its own repairs and
 * migrations) is published once, with its sequence number, on the board's
 * channel (BoardPersistence tells of it once stored, so anyone who misses
 * the message finds it in the store); the other instances apply it with
 * STORED_ELSEWHERE (not appended again), hold it as stored, and
 * Hocuspocus relays it to their clients. Yjs applies an update once
 * whatever the order and however often it comes, so none of this needs
 * ordering or acknowledgements, and instances exchange no state vectors.
 *
 * Nothing falls between an instance's load and its messages: the board's
 * channel is joined before BoardPersistence reads the store (a higher
 * priority runs first), and what arrives while it loads is applied after.
 * After a lost Redis connection, the boards are read from the store again
 * (`catchUp`), and the others are asked to (`catch-up`) when what this one
 * published may be lost.
 */
export class BoardFanOut implements Extension, ChannelListener {
  priority = 200;
  private readonly boards = new Map<string, Document>();
  /** What other instances sent for a board still loading here, applied once it has loaded. */
  private readonly early = new Map<string, InstanceMessage[]>();

  constructor(private readonly deps: FanOutDeps) {
    deps.persistence.onStored((boardId, update, seq) =>
      deps.channels.publish(boardId, { kind: "update", seq, update }),
    );
    deps.channels.listen(this);
  }

  async onLoadDocument({ documentName, instance }: onLoadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (!workshop) {
      this.early.set(boardId, []);
      // A load that fails is never unloaded: its channel is left here.
      void instance.loadingDocuments.get(documentName)?.catch(() => {
        this.early.delete(boardId);
        this.deps.channels.leave(boardId);
      });
    }
    await this.deps.channels.join(boardId);
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (workshop) return;
    this.boards.set(boardId, document);
    this.deps.presence.watch(document);
    for (const message of this.early.get(boardId) ?? []) this.apply(boardId, document, message);
    this.early.delete(boardId);
    this.deps.channels.publish(boardId, { kind: "presence-query" });
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    // Loaded again meanwhile: that load holds the board and its channel.
    if (instance.documents.has(documentName)) return;
    if (!workshop) this.boards.delete(boardId);
    this.deps.channels.leave(boardId);
  }

  received(boardId: string, message: InstanceMessage): void {
    const fromHere = message.from === this.deps.channels.instanceId;
    if (message.kind === "workshop") return this.deps.workshopChanged(boardId, message.notice, fromHere);
    if (fromHere) return;
    this.deps.seen(message.from);
    const early = this.early.get(boardId);
    if (early) early.push(message);
    else {
      const document = this.boards.get(boardId);
      if (document) this.apply(boardId, document, message);
    }
  }

  rejoined(boardIds: string[]): void {
    for (const boardId of boardIds) {
      // Still loading: it may have read the store before what it missed was stored; it reads it again once loaded.
      this.early.get(boardId)?.push({ kind: "catch-up", from: "" });
      const document = this.boards.get(boardId);
      if (document) {
        void this.catchUp(boardId, document);
        this.deps.channels.publish(boardId, { kind: "presence-query" });
      }
      this.deps.workshopChanged(boardId, WHOLE_WORKSHOP, true);
    }
  }

  publishesMayBeLost(boardIds: string[]): void {
    for (const boardId of boardIds) {
      this.deps.channels.publish(boardId, { kind: "catch-up" });
      this.deps.channels.publish(boardId, { kind: "workshop", notice: WHOLE_WORKSHOP });
      const document = this.boards.get(boardId);
      if (document) this.deps.presence.tellAll(document);
    }
  }

  private apply(boardId: string, document: Document, message: InstanceMessage) {
    try {
      if (message.kind === "update") this.deps.persistence.applyStoredElsewhere(document, message.update, message.seq);
      else if (message.kind === "presence") this.deps.presence.applyFrom(message.from, document, message.update);
      else if (message.kind === "presence-query") this.deps.presence.tellAll(document);
      else if (message.kind === "catch-up") void this.catchUp(boardId, document);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, board: boardId, kind: message.kind },
        "message from another instance not applied",
      );
      if (message.kind === "update") void this.catchUp(boardId, document);
    }
  }

  private async catchUp(boardId: string, document: Document) {
    await this.deps.persistence
      .catchUp(boardId, document)
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, board: boardId }, "board not read again from the store"),
      );
  }

  /** Instances lost: their clients' presence goes. */
  dropInstance(instanceId: string): void {
    this.deps.presence.dropInstance(instanceId, this.boards.values());
  }
}
