import type { TicketStore } from "../http/TicketStore";
import type { LinkStore } from "../links/LinkStore";
import type { PersonalLinkStore } from "../links/PersonalLinkStore";
import type { FollowStore } from "../workshop/FollowStore";
import type { AnonymityStore } from "../workshop/AnonymityStore";
import type { CardRightsStore } from "../workshop/CardRightsStore";
import type { CofacilitatorStore } from "../workshop/CofacilitatorStore";
import type { LockStore } from "../workshop/LockStore";
import type { TimerStore } from "../workshop/TimerStore";
import type { BoardStore } from "./BoardStore";
import type { PhaseStore } from "./PhaseStore";
import type { SnapshotStore } from "./SnapshotStore";
import type { VoteStore } from "./VoteStore";

/**
 * Everything the server keeps, behind one engine: SQLite in DATA_DIR (the
 * default) or PostgreSQL (DATABASE_URL), opened by `openStorage`. The rest
 * of the server sees these interfaces only, never a database handle. A new
 * kind of workshop state is one more store here: its interface, a
 * migration and an implementation per engine (as the locks have).
 */
export interface Storage {
  /** "sqlite" or "postgres": for logs and tests, never for behaviour. */
  readonly engine: "sqlite" | "postgres";
  readonly boards: BoardStore;
  readonly votes: VoteStore;
  readonly snapshots: SnapshotStore;
  readonly phases: PhaseStore;
  readonly timers: TimerStore;
  readonly links: LinkStore;
  readonly personalLinks: PersonalLinkStore;
  readonly locks: LockStore;
  readonly tickets: TicketStore;
  readonly follow: FollowStore;
  readonly cofacilitators: CofacilitatorStore;
  readonly cardRights: CardRightsStore;
  readonly anonymity: AnonymityStore;
  /** Whether the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
