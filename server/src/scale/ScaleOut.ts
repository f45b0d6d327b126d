import type { Hocuspocus } from "@hocuspocus/server";
import { workshopDocumentName } from "@journeyboard/shared";
import type { BoardPersistence } from "../extensions/BoardPersistence";
import type { SharedCount } from "../http/requestGuards";
import type { Logger } from "../logger";
import type { Announce, WorkshopNotice } from "../workshop/WorkshopNotice";
import { BoardChannels } from "./BoardChannels";
import { BoardFanOut } from "./BoardFanOut";
import { Instances } from "./Instances";
import { PresenceRelay } from "./PresenceRelay";
import { RedisAlarmLease } from "./RedisAlarmLease";
import { RedisLink, type RedisSettings } from "./RedisLink";

/**
 * Several instances on one PostgreSQL database, sharing boards as they
 * change through Redis (REDIS_URL): board updates and presence
 * (`BoardFanOut`, `PresenceRelay`), workshop notices (`announce`), timer
 * alarms (`alarms`), new boards per address (`newBoardCount`), and which
 * instances are alive (`Instances`). Opened
 * before the server wires its extensions; closed after every board is
 * stored.
 */
export class ScaleOut {
  readonly alarms: RedisAlarmLease;
  private readonly channels: BoardChannels;
  private readonly instances: Instances;
  private fanOut: BoardFanOut | undefined;

  private constructor(
    private readonly link: RedisLink,
    private readonly instance: () => Hocuspocus,
    private readonly logger: Logger,
  ) {
    this.alarms = new RedisAlarmLease(link, logger);
    this.channels = new BoardChannels(link, (boardId) => this.holds(boardId), logger);
    this.instances = new Instances(link, (instanceId) => this.fanOut?.dropInstance(instanceId), logger);
  }

  /** Connects to Redis (a ConfigError when it does not answer) and starts telling others this instance is alive. */
  static async open(settings: RedisSettings, instance: () => Hocuspocus, logger: Logger): Promise<ScaleOut> {
    const scale = new ScaleOut(await RedisLink.open(settings, logger), instance, logger);
    await scale.instances.start();
    return scale;
  }

  announce: Announce = (boardId, notice) => this.channels.publish(boardId, { kind: "workshop", notice });

  /** What this instance's messages are tagged with (in its log too). */
  get instanceId(): string {
    return this.link.instanceId;
  }

  /** Where the instances count new boards per address together. */
  get newBoardCount(): SharedCount {
    return { client: this.link.commands, keyPrefix: this.link.key("new-boards") };
  }

  /** The extension that carries board updates and presence between instances. */
  extension(
    persistence: BoardPersistence,
    workshopChanged: (boardId: string, notice: WorkshopNotice, fromHere: boolean) => void,
  ): BoardFanOut {
    this.fanOut = new BoardFanOut({
      channels: this.channels,
      persistence,
      presence: new PresenceRelay((boardId, update) => this.channels.publish(boardId, { kind: "presence", update })),
      workshopChanged,
      seen: (instanceId) => this.instances.seen(instanceId),
      logger: this.logger,
    });
    return this.fanOut;
  }

  async close(): Promise<void> {
    await this.instances.stop();
    await this.link.close();
  }

  /** Whether a board or its workshop document is loaded, or loading, here. */
  private holds(boardId: string): boolean {
    const { documents, loadingDocuments } = this.instance();
    return [boardId, workshopDocumentName(boardId)].some((name) => documents.has(name) || loadingDocuments.has(name));
  }
}
