import { and, desc, eq, sql } from 'drizzle-orm';
import { NO_SCREEN } from '../../shared/scanning/scan-kinds.ts';
import type { Orm } from '../database.ts';
import { scans } from '../schema.ts';

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

/** The latest scans, newest first (the Recent scans panel). */
export async function recentScans(db: Orm, limit: number): Promise<ScanRow[]> {
  return db.select().from(scans).orderBy(desc(scans.id)).limit(limit).all();
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
