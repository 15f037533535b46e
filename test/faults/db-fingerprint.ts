import { createHash } from 'node:crypto';
import type { DeskDatabase } from '../../db/database.ts';

/**
 * Every table of a desk's database as `rows:hash` of its contents, sqlite_sequence included, so a
 * refused call or file can be shown to have written nothing anywhere: equal fingerprints before
 * and after mean the same rows with the same values (and no id handed out and rolled back into a
 * gap either).
 */
export type Fingerprint = Readonly<Record<string, string>>;

export function fingerprint(db: DeskDatabase): Fingerprint {
  const tables = db.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = db.sqlite
      .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
      .raw()
      .all() as unknown[][];
    const hash = createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(row)).update('\n');
    out[table] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** The tables whose fingerprint changed, for a failure message that says where. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
