import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a SQLite file is a whole RS Desk database: SQLite's own integrity check, the desk's
 * tables and drizzle's migrations table, and (for a restore) migrations no newer than this app
 * knows. Used on every backup written and on every file before it is restored.
 */

/** Tables every RS Desk database has had since its first migration. */
const DESK_TABLES = [
  'settings',
  'partners',
  'patrons',
  'items',
  'borrowing_requests',
  'lending_requests',
  'request_events',
] as const;

/** Where drizzle records the migrations it applied (its default name). */
export const MIGRATIONS_TABLE = '__drizzle_migrations';

export type DatabaseProblem =
  | { readonly kind: 'damaged'; readonly detail: string }
  | { readonly kind: 'not-desk'; readonly detail: string }
  | { readonly kind: 'newer'; readonly detail: string };

export interface DeskDatabaseSummary {
  readonly borrowing: number;
  readonly lending: number;
}

export type DatabaseInspection =
  | ({ readonly ok: true } & DeskDatabaseSummary)
  | { readonly ok: false; readonly problem: DatabaseProblem };

/** The newest migration this app knows: the latest `when` in drizzle-kit's journal. */
export function newestKnownMigration(migrationsFolder: string): number {
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
  ) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

/** SQLite's answer for a file that is not a database or is damaged, rather than a desk fault. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * Inspects an open connection. `newestMigration` (a restore passes this app's) refuses a database
 * a newer RS Desk has migrated; leave it out for a copy of this desk's own database.
 */
export function inspectDeskDatabase(
  sqlite: Database.Database,
  newestMigration?: number,
): DatabaseInspection {
  try {
    const findings = sqlite.pragma('integrity_check(5)', { simple: false }) as {
      integrity_check: string;
    }[];
    const lines = findings.map((row) => row.integrity_check);
    if (lines.join() !== 'ok') {
      return { ok: false, problem: { kind: 'damaged', detail: lines.join('; ') } };
    }
    const tables = new Set(
      (
        sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((row) => row.name),
    );
    const missing = [MIGRATIONS_TABLE, ...DESK_TABLES].filter((name) => !tables.has(name));
    if (missing.length > 0) {
      return {
        ok: false,
        problem: { kind: 'not-desk', detail: `it has no ${missing.slice(0, 3).join(', ')} table` },
      };
    }
    const latest = (
      sqlite.prepare(`SELECT max(created_at) AS latest FROM ${MIGRATIONS_TABLE}`).get() as {
        latest: number | null;
      }
    ).latest;
    if (latest === null) {
      return { ok: false, problem: { kind: 'not-desk', detail: 'no migration was ever applied' } };
    }
    if (newestMigration !== undefined && Number(latest) > newestMigration) {
      return {
        ok: false,
        problem: {
          kind: 'newer',
          detail: `its newest migration is from ${new Date(Number(latest)).toISOString().slice(0, 10)}, after this version's newest (${new Date(newestMigration).toISOString().slice(0, 10)})`,
        },
      };
    }
    const count = (table: string) =>
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { ok: true, borrowing: count('borrowing_requests'), lending: count('lending_requests') };
  } catch (error) {
    if (!isDamageError(error)) throw error;
    return {
      ok: false,
      problem: { kind: 'damaged', detail: error instanceof Error ? error.message : String(error) },
    };
  }
}
