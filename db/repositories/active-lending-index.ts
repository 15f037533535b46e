import { sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { lendingChanges, lendingIsOpen, lendingRequests as lr } from '../schema.ts';

/**
 * The active lending requests (open, not removed) as the task list's counts need them, kept in
 * this desk's memory. Counting them here takes a pass over a few thousand small objects instead of
 * SQLite grouping every active request by eleven computed keys on every call, which at a large
 * library's size was most of the list's time.
 *
 * It is never stale: before each use it rereads the requests the change log (`lending_changes`,
 * filled by triggers, so it lists what every desk on the data directory changed) names since it
 * last looked, or everything when that is many or the log no longer reaches back that far.
 */

export interface ActiveLendingRow {
  readonly id: number;
  readonly status: string;
  readonly partnerId: number;
  readonly requestedFormat: string;
  readonly suppliedFormat: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly dueDate: string | null;
  readonly levelOfService: string | null;
  readonly printed: boolean;
  readonly reported: boolean;
  readonly assignedTo: number | null;
  /** The codes of its active alerts, each once. */
  readonly alerts: readonly string[];
}

/** More changed requests than this since the last look: reading them all is quicker. */
const REREAD_ALL_AFTER = 2000;

interface StoredRow {
  id: number;
  status: string;
  partner_id: number;
  requested_format: string;
  supplied_format: string | null;
  created_at: string;
  updated_at: string;
  due_date: string | null;
  level_of_service: string | null;
  printed: number;
  reported: number;
  assigned_to: number | null;
}

const COLUMNS = sql.raw(
  'id, status, partner_id, requested_format, supplied_format, created_at, updated_at, due_date, level_of_service, printed, reported, assigned_to',
);
// As the task list's Active condition says it, so lending_active_facets_idx serves it.
const ACTIVE = sql`${lr.removedAt} IS NULL AND ${lendingIsOpen}`;

export class ActiveLendingIndex {
  private readonly rows = new Map<number, ActiveLendingRow>();
  /** The newest change-log entry this copy has taken in; -1 before the first load. */
  private seen = -1;

  private readonly db: Orm;

  constructor(db: Orm) {
    this.db = db;
  }

  /** The active lending requests as they are in the database now. */
  current(): Iterable<ActiveLendingRow> {
    this.catchUp();
    return this.rows.values();
  }

  private catchUp(): void {
    const log = this.db.get<{ top: number | null; low: number | null }>(
      sql`SELECT max(${lendingChanges.seq}) AS top, min(${lendingChanges.seq}) AS low FROM ${lendingChanges}`,
    );
    const top = log?.top ?? 0;
    const low = log?.low ?? 0;
    if (this.seen >= 0 && top === this.seen) return;
    // Entries between what was seen and the oldest kept were dropped: this copy cannot catch up.
    const gap = low > this.seen + 1;
    const changed =
      this.seen < 0 || gap
        ? null
        : this.db
            .all<{ id: number }>(
              sql`SELECT DISTINCT ${lendingChanges.lendingRequestId} AS id FROM ${lendingChanges} WHERE ${lendingChanges.seq} > ${this.seen}`,
            )
            .map((r) => r.id);
    // `top` is read first: a change made while this reads is read again next time, which is harmless.
    if (changed === null || changed.length > REREAD_ALL_AFTER) this.readAll();
    else this.reread(changed);
    this.seen = top;
  }

  private readAll(): void {
    this.rows.clear();
    const stored = this.db.all<StoredRow>(sql`SELECT ${COLUMNS} FROM ${lr} WHERE ${ACTIVE}`);
    const alerts = this.alertsOf(
      sql`SELECT lending_request_id AS id, code FROM request_alerts WHERE removed_at IS NULL AND lending_request_id IS NOT NULL`,
    );
    for (const row of stored) this.rows.set(row.id, toRow(row, alerts.get(row.id)));
  }

  private reread(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    const stored = this.db.all<StoredRow>(
      sql`SELECT ${COLUMNS} FROM ${lr} WHERE ${ACTIVE} AND ${lr.id} IN (SELECT value FROM json_each(${list}))`,
    );
    const alerts = this.alertsOf(
      sql`SELECT lending_request_id AS id, code FROM request_alerts WHERE removed_at IS NULL AND lending_request_id IN (SELECT value FROM json_each(${list}))`,
    );
    // Closed, removed or deleted since: gone from the copy.
    for (const id of ids) this.rows.delete(id);
    for (const row of stored) this.rows.set(row.id, toRow(row, alerts.get(row.id)));
  }

  private alertsOf(query: ReturnType<typeof sql>): Map<number, string[]> {
    const byRequest = new Map<number, string[]>();
    for (const { id, code } of this.db.all<{ id: number; code: string }>(query)) {
      const codes = byRequest.get(id);
      if (!codes) byRequest.set(id, [code]);
      else if (!codes.includes(code)) codes.push(code);
    }
    return byRequest;
  }
}

function toRow(row: StoredRow, alerts: readonly string[] | undefined): ActiveLendingRow {
  return {
    id: row.id,
    status: row.status,
    partnerId: row.partner_id,
    requestedFormat: row.requested_format,
    suppliedFormat: row.supplied_format,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    dueDate: row.due_date,
    levelOfService: row.level_of_service,
    printed: row.printed !== 0,
    reported: row.reported !== 0,
    assignedTo: row.assigned_to,
    alerts: alerts ?? [],
  };
}

const indexes = new WeakMap<Orm, ActiveLendingIndex>();

/** This connection's copy of the active lending requests, made on first use. */
export function activeLendingIndex(db: Orm): ActiveLendingIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new ActiveLendingIndex(db);
    indexes.set(db, index);
  }
  return index;
}
