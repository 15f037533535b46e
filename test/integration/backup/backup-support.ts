import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeskClient } from '../../../shared/api/client.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import type { Desk } from '../../../electron/app/desk.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/** The backup tests' shared parts: a desk with a clock, folders that clean up, file readers. */

export const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

/** A local date and time on the desk machine: `local('2026-11-24', '07:00')`. */
export function local(day: string, time = '12:00'): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
}

export interface ClockDesk {
  readonly temp: TempDesk;
  readonly desk: Desk;
  readonly client: DeskClient;
  setClock(at: Date): void;
  /** Lines the desk wrote to its server log. */
  readonly log: string[];
}

/** A desk on good.json with its clock at `start`; its startup backup has finished when it answers. */
export async function openClockDesk(start: Date): Promise<ClockDesk> {
  let clock = start;
  const log: string[] = [];
  const temp = await openTempDesk({ now: () => clock, log: (line) => log.push(line) });
  await importFile(temp.desk.context.gate, join(FIXTURES, 'good.json'));
  // The startup backup runs in the background; a run asked for now waits for it.
  await temp.desk.jobs.runDue();
  const clients = new WeakMap<Desk, DeskClient>();
  return {
    temp,
    get desk() {
      return temp.desk;
    },
    get client() {
      const desk = temp.desk;
      const known = clients.get(desk);
      if (known) return known;
      const made = createInProcessClient(
        desk.handlers,
        (event, listener) => desk.events.on(event, listener),
        undefined,
        { checkOutput: true },
      );
      clients.set(desk, made);
      return made;
    },
    setClock(at) {
      clock = at;
    },
    log,
  };
}

/** A temporary folder removed by `cleanup`. */
export function tempFolder(cleanup: (() => unknown)[], prefix = 'rs-desk-backup-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Reads a database file as a user of the backup would: integrity, request counts, any query. */
export function readDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function integrityOf(file: string): string {
  return readDatabase(file, (db) => db.pragma('integrity_check', { simple: true }) as string);
}

export function requestCounts(file: string): { borrowing: number; lending: number } {
  return readDatabase(file, (db) => ({
    borrowing: (db.prepare('SELECT count(*) AS n FROM borrowing_requests').get() as { n: number })
      .n,
    lending: (db.prepare('SELECT count(*) AS n FROM lending_requests').get() as { n: number }).n,
  }));
}

/**
 * Grows a desk database by about `megabytes` with journaled scans of long raw text, so a backup
 * of it takes many steps.
 */
export function padDatabase(db: Database.Database, megabytes: number): void {
  const insert = db.prepare(
    "INSERT INTO scans (source, raw, normalized, screen, outcome) VALUES ('manual', ?, ?, 'Receiving Items', 'ERROR')",
  );
  const raw = 'X'.repeat(3_900);
  db.transaction(() => {
    for (let i = 0; i < megabytes * 256; i += 1) insert.run(`${raw}${i}`, `PAD-${i}`);
  })();
}
