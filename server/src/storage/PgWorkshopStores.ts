import type pg from "pg";
import type { FollowState, Phase, SharedRole, SnapshotInfo, TimerState } from "@journeyboard/shared";
import type { LinkRecord, LinkStore } from "../links/LinkStore";
import { followFrom, type FollowStore } from "../workshop/FollowStore";
import type { AnonymityStore } from "../workshop/AnonymityStore";
import type { CardRightsStore } from "../workshop/CardRightsStore";
import type { CofacilitatorStore } from "../workshop/CofacilitatorStore";
import type { LockStore } from "../workshop/LockStore";
import { timerFrom, type TimerStore } from "../workshop/TimerStore";
import { inTransaction } from "./pg";
import { phaseFrom, type PhaseStore } from "./PhaseStore";
import type { SnapshotStore } from "./SnapshotStore";

/** Each board's workshop phase, in `board_phases`. */
export class PgPhaseStore implements PhaseStore {
  constructor(private readonly pool: pg.Pool) {}

  async phaseOf(boardId: string): Promise<Phase> {
    const { rows } = await this.pool.query<{ phase: string }>(`SELECT phase FROM board_phases WHERE board_id = $1`, [
      boardId,
    ]);
    return phaseFrom(rows[0]?.phase);
  }

  async setPhase(boardId: string, phase: Phase, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO board_phases (board_id, phase, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (board_id) DO UPDATE SET phase = excluded.phase, changed_at = excluded.changed_at`,
      [boardId, phase, at],
    );
  }
}

/** Each board's workshop timer, in `board_timers`, as JSON. */
export class PgTimerStore implements TimerStore {
  constructor(private readonly pool: pg.Pool) {}

  async timerOf(boardId: string): Promise<TimerState | null> {
    const { rows } = await this.pool.query<{ state: string }>(`SELECT state FROM board_timers WHERE board_id = $1`, [
      boardId,
    ]);
    return timerFrom(rows[0]?.state);
  }

  async save(boardId: string, timer: TimerState | null, at: number): Promise<void> {
    if (timer === null) await this.pool.query(`DELETE FROM board_timers WHERE board_id = $1`, [boardId]);
    else
      await this.pool.query(
        `INSERT INTO board_timers (board_id, state, changed_at) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at`,
        [boardId, JSON.stringify(timer), at],
      );
  }
}

/** A board's history, in `history_snapshots`. */
export class PgSnapshotStore implements SnapshotStore {
  constructor(private readonly pool: pg.Pool) {}

  async save(boardId: string, info: SnapshotInfo, boardFile: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO history_snapshots (board_id, id, name, kind, created_at, board_file) VALUES ($1, $2, $3, $4, $5, $6)`,
      [boardId, info.id, info.name, info.kind, info.createdAt, boardFile],
    );
  }

  async list(boardId: string): Promise<SnapshotInfo[]> {
    const { rows } = await this.pool.query<SnapshotInfo>(
      `SELECT id, name, kind, created_at AS "createdAt" FROM history_snapshots
       WHERE board_id = $1 ORDER BY created_at DESC, id`,
      [boardId],
    );
    return rows;
  }

  async file(boardId: string, id: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ file: string }>(
      `SELECT board_file AS file FROM history_snapshots WHERE board_id = $1 AND id = $2`,
      [boardId, id],
    );
    return rows[0]?.file ?? null;
  }
}

const LINK_SQL = {
  // A link without a row (a board from before links were derived) starts at generation 1.
  nextGeneration: `INSERT INTO board_links (board_id, role, generation, active) VALUES ($1, $2, 1, TRUE)
                   ON CONFLICT (board_id, role) DO UPDATE SET generation = board_links.generation + 1, active = TRUE
                   RETURNING generation`,
  turnOff: `INSERT INTO board_links (board_id, role, generation, active) VALUES ($1, $2, 0, FALSE)
            ON CONFLICT (board_id, role) DO UPDATE SET active = FALSE`,
  setToken: `INSERT INTO board_tokens (board_id, role, token_hash) VALUES ($1, $2, $3)
             ON CONFLICT (board_id, role) DO UPDATE SET token_hash = excluded.token_hash`,
  deleteToken: `DELETE FROM board_tokens WHERE board_id = $1 AND role = $2`,
} as const;

/** The links' generations, in `board_links`, changed with `board_tokens` in one transaction. */
export class PgLinkStore implements LinkStore {
  constructor(private readonly pool: pg.Pool) {}

  async linkOf(boardId: string, role: SharedRole): Promise<LinkRecord | null> {
    const { rows } = await this.pool.query<LinkRecord>(
      `SELECT generation, active FROM board_links WHERE board_id = $1 AND role = $2`,
      [boardId, role],
    );
    return rows[0] ?? null;
  }

  async rotate(boardId: string, role: SharedRole, hashOf: (generation: number) => string): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ generation: number }>(LINK_SQL.nextGeneration, [boardId, role]);
      const generation = rows[0]!.generation;
      await client.query(LINK_SQL.setToken, [boardId, role, hashOf(generation)]);
      return generation;
    });
  }

  async revoke(boardId: string, role: SharedRole): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(LINK_SQL.deleteToken, [boardId, role]);
      await client.query(LINK_SQL.turnOff, [boardId, role]);
    });
  }
}

/** Each board's locks, in `board_locks`. */
export class PgLockStore implements LockStore {
  constructor(private readonly pool: pg.Pool) {}

  async locksOf(boardId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ target: string }>(
      `SELECT target FROM board_locks WHERE board_id = $1 ORDER BY target`,
      [boardId],
    );
    return rows.map((row) => row.target);
  }

  async set(boardId: string, target: string, locked: boolean, at: number): Promise<boolean> {
    const result = locked
      ? await this.pool.query(
          `INSERT INTO board_locks (board_id, target, locked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [boardId, target, at],
        )
      : await this.pool.query(`DELETE FROM board_locks WHERE board_id = $1 AND target = $2`, [boardId, target]);
    return (result.rowCount ?? 0) > 0;
  }
}

/** Each board's "follow me", in `board_follow`, as JSON. */
export class PgFollowStore implements FollowStore {
  constructor(private readonly pool: pg.Pool) {}

  async followOf(boardId: string): Promise<FollowState | null> {
    const { rows } = await this.pool.query<{ state: string }>(`SELECT state FROM board_follow WHERE board_id = $1`, [
      boardId,
    ]);
    return followFrom(rows[0]?.state);
  }

  async save(boardId: string, follow: FollowState | null): Promise<void> {
    if (follow === null) await this.pool.query(`DELETE FROM board_follow WHERE board_id = $1`, [boardId]);
    else
      await this.pool.query(
        `INSERT INTO board_follow (board_id, state) VALUES ($1, $2)
         ON CONFLICT (board_id) DO UPDATE SET state = excluded.state`,
        [boardId, JSON.stringify(follow)],
      );
  }
}

/** Each board's co-facilitators, in `board_cofacilitators`. */
export class PgCofacilitatorStore implements CofacilitatorStore {
  constructor(private readonly pool: pg.Pool) {}

  async cofacilitatorsOf(boardId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ person_id: string }>(
      `SELECT person_id FROM board_cofacilitators WHERE board_id = $1 ORDER BY person_id`,
      [boardId],
    );
    return rows.map((row) => row.person_id);
  }

  async set(boardId: string, personId: string, granted: boolean, at: number): Promise<boolean> {
    const result = granted
      ? await this.pool.query(
          `INSERT INTO board_cofacilitators (board_id, person_id, granted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [boardId, personId, at],
        )
      : await this.pool.query(`DELETE FROM board_cofacilitators WHERE board_id = $1 AND person_id = $2`, [
          boardId,
          personId,
        ]);
    return (result.rowCount ?? 0) > 0;
  }
}

/** Each board's choice per phase of whether participants change others' cards, in `board_card_rights`. */
export class PgCardRightsStore implements CardRightsStore {
  constructor(private readonly pool: pg.Pool) {}

  async othersCardsOf(boardId: string): Promise<Partial<Record<Phase, boolean>>> {
    const { rows } = await this.pool.query<{ phase: Phase; others_allowed: boolean }>(
      `SELECT phase, others_allowed FROM board_card_rights WHERE board_id = $1`,
      [boardId],
    );
    return Object.fromEntries(rows.map((row) => [row.phase, row.others_allowed]));
  }

  async set(boardId: string, phase: Phase, allowed: boolean, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO board_card_rights (board_id, phase, others_allowed, changed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (board_id, phase) DO UPDATE SET others_allowed = excluded.others_allowed, changed_at = excluded.changed_at`,
      [boardId, phase, allowed, at],
    );
  }
}

/** Whether each board is anonymous, in `board_anonymity`. */
export class PgAnonymityStore implements AnonymityStore {
  constructor(private readonly pool: pg.Pool) {}

  async anonymousOf(boardId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ anonymous: boolean }>(
      `SELECT anonymous FROM board_anonymity WHERE board_id = $1`,
      [boardId],
    );
    return rows[0]?.anonymous === true;
  }

  async set(boardId: string, anonymous: boolean, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO board_anonymity (board_id, anonymous, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (board_id) DO UPDATE SET anonymous = excluded.anonymous, changed_at = excluded.changed_at`,
      [boardId, anonymous, at],
    );
  }
}
