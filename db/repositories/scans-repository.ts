import type Database from 'better-sqlite3';
import { and, desc, eq, sql } from 'drizzle-orm';
import { NO_SCREEN } from '../../shared/scanning/scan-kinds.ts';
import type { Orm } from '../database.ts';
import { deskActions, scans } from '../schema.ts';

export type ScanSource = 'wedge' | 'hid' | 'manual';
export type ScanOutcome = 'PENDING' | 'OK' | 'WARNING' | 'ERROR';

export interface NewScan {
  readonly source: ScanSource;
  readonly raw: string;
  readonly normalized: string;
  readonly symbology: string | null;
  readonly screen: string;
  readonly operatorId: number | null;
}

export type ScanRow = typeof scans.$inferSelect;

/** Writes a scan to the journal before anything is done with it; returns its id. */
export async function journalScan(db: Orm, scan: NewScan): Promise<number> {
  const row = db
    .insert(scans)
    .values({ ...scan, outcome: 'PENDING' })
    .returning({ id: scans.id })
    .get();
  return row.id;
}

/** Records how a journaled scan ended. */
export async function recordScanOutcome(
  db: Orm,
  id: number,
  outcome: Exclude<ScanOutcome, 'PENDING'>,
  message: string,
): Promise<void> {
  db.update(scans)
    .set({ outcome, message, handledAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(eq(scans.id, id))
    .run();
}

/** A journaled scan with the desk action it led to, if any. */
export interface RecentScanRow extends ScanRow {
  /** The desk action's own words ("Received B-1001"); null while the scan is not applied. */
  readonly appliedAs: string | null;
  /** When that desk action was undone, if it was. */
  readonly appliedUndoneAt: string | null;
}

/** The latest scans, newest first, with what each was applied as (the Recent scans panel). */
export async function recentScans(db: Orm, limit: number): Promise<RecentScanRow[]> {
  const rows = db
    .select({
      scan: scans,
      appliedAs: deskActions.description,
      appliedUndoneAt: deskActions.undoneAt,
    })
    .from(scans)
    .leftJoin(deskActions, eq(deskActions.id, scans.appliedActionId))
    .orderBy(desc(scans.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    ...r.scan,
    appliedAs: r.appliedAs,
    appliedUndoneAt: r.appliedUndoneAt,
  }));
}

/**
 * The statements a desk action runs on the scan that led to it, prepared once per connection and
 * by primary key (test/integration/scan-application checks the plans): they sit on every scan's
 * path, inside the action's transaction.
 */
export const SCAN_APPLICATION_SQL = {
  get: `SELECT s.id, s.normalized AS value, s.applied_action_id AS appliedActionId,
      s.applied_at AS appliedAt, d.description AS appliedAs
    FROM scans s LEFT JOIN desk_actions d ON d.id = s.applied_action_id WHERE s.id = ?`,
  mark: `UPDATE scans SET applied_action_id = ?, applied_at = ?
    WHERE id = ? AND applied_action_id IS NULL`,
} as const;

/** A scan as a desk action sees it: which value, and whether it was applied already. */
export interface ScanApplication {
  readonly id: number;
  readonly value: string;
  readonly appliedActionId: number | null;
  readonly appliedAt: string | null;
  readonly appliedAs: string | null;
}

const statements = new WeakMap<
  Database.Database,
  Record<keyof typeof SCAN_APPLICATION_SQL, Database.Statement>
>();

function prepared(sqlite: Database.Database) {
  let found = statements.get(sqlite);
  if (!found) {
    found = {
      get: sqlite.prepare(SCAN_APPLICATION_SQL.get),
      mark: sqlite.prepare(SCAN_APPLICATION_SQL.mark),
    };
    statements.set(sqlite, found);
  }
  return found;
}

/** One scan with the desk action it was applied as; undefined when the journal has no such scan. */
export async function scanApplication(
  sqlite: Database.Database,
  id: number,
): Promise<ScanApplication | undefined> {
  return prepared(sqlite).get.get(id) as ScanApplication | undefined;
}

/**
 * Marks a scan applied as `actionId`, inside that action's transaction; false when it was applied
 * already (or is not in the journal), so the caller can refuse rather than apply it twice.
 */
export async function markScanApplied(
  sqlite: Database.Database,
  id: number,
  actionId: number,
  at: string,
): Promise<boolean> {
  return prepared(sqlite).mark.run(actionId, at, id).changes === 1;
}

/**
 * Gives a HID scan nobody has taken yet to `screen`; undefined when it is not waiting (another
 * window took it, or there is no such scan). The WHERE makes the first taker the only one.
 */
export async function claimScan(
  db: Orm,
  id: number,
  screen: string,
  operatorId: number | null,
): Promise<ScanRow | undefined> {
  return db
    .update(scans)
    .set({ screen, operatorId })
    .where(and(eq(scans.id, id), eq(scans.outcome, 'PENDING'), eq(scans.screen, NO_SCREEN)))
    .returning()
    .get();
}

/** One journaled scan. */
export async function getScan(db: Orm, id: number): Promise<ScanRow | undefined> {
  return db.select().from(scans).where(eq(scans.id, id)).get();
}
