import type Database from "better-sqlite3";
import type { FollowState, Phase, SharedRole, SnapshotInfo, TimerState } from "@journeyboard/shared";
import type { LinkRecord, LinkStore } from "../links/LinkStore";
import { followFrom, type FollowStore } from "../workshop/FollowStore";
import type { AnonymityStore } from "../workshop/AnonymityStore";
import type { CardRightsStore } from "../workshop/CardRightsStore";
import type { CofacilitatorStore } from "../workshop/CofacilitatorStore";
import type { LockStore } from "../workshop/LockStore";
import { timerFrom, type TimerStore } from "../workshop/TimerStore";
import { phaseFrom, type PhaseStore } from "./PhaseStore";
import type { SnapshotStore } from "./SnapshotStore";

type Statements<T> = { [K in keyof T]: Database.Statement };
const prepareAll = <T extends Record<string, string>>(db: Database.Database, sql: T): Statements<T> =>
  Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, db.prepare(text)])) as Statements<T>;

const PHASE_SQL = {
  select: `SELECT phase FROM board_phases WHERE board_id = ?`,
  upsert: `INSERT INTO board_phases (board_id, phase, changed_at) VALUES (?, ?, ?)
           ON CONFLICT (board_id) DO UPDATE SET phase = excluded.phase, changed_at = excluded.changed_at`,
};

/** Each board's workshop phase, in `board_phases`. */
export class SqlitePhaseStore implements PhaseStore {
  private readonly statements: Statements<typeof PHASE_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, PHASE_SQL);
  }

  async phaseOf(boardId: string): Promise<Phase> {
    return phaseFrom((this.statements.select.get(boardId) as { phase: string } | undefined)?.phase);
  }

  async setPhase(boardId: string, phase: Phase, at: number): Promise<void> {
    this.statements.upsert.run(boardId, phase, at);
  }
}

const TIMER_SQL = {
  select: `SELECT state FROM board_timers WHERE board_id = ?`,
  upsert: `INSERT INTO board_timers (board_id, state, changed_at) VALUES (?, ?, ?)
           ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at`,
  delete: `DELETE FROM board_timers WHERE board_id = ?`,
};

/** Each board's workshop timer, in `board_timers`, as JSON. */
export class SqliteTimerStore implements TimerStore {
  private readonly statements: Statements<typeof TIMER_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, TIMER_SQL);
  }

  async timerOf(boardId: string): Promise<TimerState | null> {
    return timerFrom((this.statements.select.get(boardId) as { state: string } | undefined)?.state);
  }

  async save(boardId: string, timer: TimerState | null, at: number): Promise<void> {
    if (timer === null) this.statements.delete.run(boardId);
    else this.statements.upsert.run(boardId, JSON.stringify(timer), at);
  }
}

const SNAPSHOT_SQL = {
  insert: `INSERT INTO history_snapshots (board_id, id, name, kind, created_at, board_file) VALUES (?, ?, ?, ?, ?, ?)`,
  list: `SELECT id, name, kind, created_at AS createdAt FROM history_snapshots WHERE board_id = ? ORDER BY created_at DESC, id`,
  file: `SELECT board_file AS file FROM history_snapshots WHERE board_id = ? AND id = ?`,
};

/** A board's history, in `history_snapshots`. */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly statements: Statements<typeof SNAPSHOT_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, SNAPSHOT_SQL);
  }

  async save(boardId: string, info: SnapshotInfo, boardFile: string): Promise<void> {
    this.statements.insert.run(boardId, info.id, info.name, info.kind, info.createdAt, boardFile);
  }

  async list(boardId: string): Promise<SnapshotInfo[]> {
    return this.statements.list.all(boardId) as SnapshotInfo[];
  }

  async file(boardId: string, id: string): Promise<string | null> {
    return (this.statements.file.get(boardId, id) as { file: string } | undefined)?.file ?? null;
  }
}

const LINK_SQL = {
  select: `SELECT generation, active FROM board_links WHERE board_id = ? AND role = ?`,
  // A link without a row (a board from before links were derived) starts at generation 1.
  nextGeneration: `INSERT INTO board_links (board_id, role, generation, active) VALUES (?, ?, 1, 1)
                   ON CONFLICT (board_id, role) DO UPDATE SET generation = board_links.generation + 1, active = 1
                   RETURNING generation`,
  turnOff: `INSERT INTO board_links (board_id, role, generation, active) VALUES (?, ?, 0, 0)
            ON CONFLICT (board_id, role) DO UPDATE SET active = 0`,
  // board_tokens is the board store's table: a role's row is the hash its token must match.
  setToken: `INSERT INTO board_tokens (board_id, role, token_hash) VALUES (?, ?, ?)
             ON CONFLICT (board_id, role) DO UPDATE SET token_hash = excluded.token_hash`,
  deleteToken: `DELETE FROM board_tokens WHERE board_id = ? AND role = ?`,
};

/** The links' generations, in `board_links`, changed with `board_tokens` in one transaction. */
export class SqliteLinkStore implements LinkStore {
  private readonly statements: Statements<typeof LINK_SQL>;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareAll(db, LINK_SQL);
  }

  async linkOf(boardId: string, role: SharedRole): Promise<LinkRecord | null> {
    const row = this.statements.select.get(boardId, role) as { generation: number; active: number } | undefined;
    return row ? { generation: row.generation, active: row.active === 1 } : null;
  }

  async rotate(boardId: string, role: SharedRole, hashOf: (generation: number) => string): Promise<number> {
    return this.db.transaction(() => {
      const { generation } = this.statements.nextGeneration.get(boardId, role) as { generation: number };
      this.statements.setToken.run(boardId, role, hashOf(generation));
      return generation;
    })();
  }

  async revoke(boardId: string, role: SharedRole): Promise<void> {
    this.db.transaction(() => {
      this.statements.deleteToken.run(boardId, role);
      this.statements.turnOff.run(boardId, role);
    })();
  }
}

const LOCK_SQL = {
  select: `SELECT target FROM board_locks WHERE board_id = ? ORDER BY target`,
  insert: `INSERT OR IGNORE INTO board_locks (board_id, target, locked_at) VALUES (?, ?, ?)`,
  delete: `DELETE FROM board_locks WHERE board_id = ? AND target = ?`,
};

/** Each board's locks, in `board_locks`. */
export class SqliteLockStore implements LockStore {
  private readonly statements: Statements<typeof LOCK_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, LOCK_SQL);
  }

  async locksOf(boardId: string): Promise<string[]> {
    return (this.statements.select.all(boardId) as { target: string }[]).map((row) => row.target);
  }

  async set(boardId: string, target: string, locked: boolean, at: number): Promise<boolean> {
    const result = locked
      ? this.statements.insert.run(boardId, target, at)
      : this.statements.delete.run(boardId, target);
    return result.changes > 0;
  }
}

const FOLLOW_SQL = {
  select: `SELECT state FROM board_follow WHERE board_id = ?`,
  upsert: `INSERT INTO board_follow (board_id, state) VALUES (?, ?)
           ON CONFLICT (board_id) DO UPDATE SET state = excluded.state`,
  delete: `DELETE FROM board_follow WHERE board_id = ?`,
};

/** Each board's "follow me", in `board_follow`, as JSON. */
export class SqliteFollowStore implements FollowStore {
  private readonly statements: Statements<typeof FOLLOW_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, FOLLOW_SQL);
  }

  async followOf(boardId: string): Promise<FollowState | null> {
    return followFrom((this.statements.select.get(boardId) as { state: string } | undefined)?.state);
  }

  async save(boardId: string, follow: FollowState | null): Promise<void> {
    if (follow === null) this.statements.delete.run(boardId);
    else this.statements.upsert.run(boardId, JSON.stringify(follow));
  }
}

const COFACILITATOR_SQL = {
  select: `SELECT person_id AS personId FROM board_cofacilitators WHERE board_id = ? ORDER BY person_id`,
  insert: `INSERT OR IGNORE INTO board_cofacilitators (board_id, person_id, granted_at) VALUES (?, ?, ?)`,
  delete: `DELETE FROM board_cofacilitators WHERE board_id = ? AND person_id = ?`,
};

/** Each board's co-facilitators, in `board_cofacilitators`. */
export class SqliteCofacilitatorStore implements CofacilitatorStore {
  private readonly statements: Statements<typeof COFACILITATOR_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, COFACILITATOR_SQL);
  }

  async cofacilitatorsOf(boardId: string): Promise<string[]> {
    return (this.statements.select.all(boardId) as { personId: string }[]).map((row) => row.personId);
  }

  async set(boardId: string, personId: string, granted: boolean, at: number): Promise<boolean> {
    const result = granted
      ? this.statements.insert.run(boardId, personId, at)
      : this.statements.delete.run(boardId, personId);
    return result.changes > 0;
  }
}

const CARD_RIGHTS_SQL = {
  select: `SELECT phase, others_allowed AS allowed FROM board_card_rights WHERE board_id = ?`,
  upsert: `INSERT INTO board_card_rights (board_id, phase, others_allowed, changed_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (board_id, phase) DO UPDATE SET others_allowed = excluded.others_allowed, changed_at = excluded.changed_at`,
};

/** Each board's choice per phase of whether participants change others' cards, in `board_card_rights`. */
export class SqliteCardRightsStore implements CardRightsStore {
  private readonly statements: Statements<typeof CARD_RIGHTS_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, CARD_RIGHTS_SQL);
  }

  async othersCardsOf(boardId: string): Promise<Partial<Record<Phase, boolean>>> {
    const rows = this.statements.select.all(boardId) as { phase: Phase; allowed: number }[];
    return Object.fromEntries(rows.map((row) => [row.phase, row.allowed === 1]));
  }

  async set(boardId: string, phase: Phase, allowed: boolean, at: number): Promise<void> {
    this.statements.upsert.run(boardId, phase, allowed ? 1 : 0, at);
  }
}

const ANONYMITY_SQL = {
  select: `SELECT anonymous FROM board_anonymity WHERE board_id = ?`,
  upsert: `INSERT INTO board_anonymity (board_id, anonymous, changed_at) VALUES (?, ?, ?)
           ON CONFLICT (board_id) DO UPDATE SET anonymous = excluded.anonymous, changed_at = excluded.changed_at`,
};

/** Whether each board is anonymous, in `board_anonymity`. */
export class SqliteAnonymityStore implements AnonymityStore {
  private readonly statements: Statements<typeof ANONYMITY_SQL>;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, ANONYMITY_SQL);
  }

  async anonymousOf(boardId: string): Promise<boolean> {
    const row = this.statements.select.get(boardId) as { anonymous: number } | undefined;
    return row?.anonymous === 1;
  }

  async set(boardId: string, anonymous: boolean, at: number): Promise<void> {
    this.statements.upsert.run(boardId, anonymous ? 1 : 0, at);
  }
}
