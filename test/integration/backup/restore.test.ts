import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, DEFAULT_MIGRATIONS_FOLDER } from '../../../db/database.ts';
import { openDesk } from '../../../electron/app/desk.ts';
import { backupDataDir } from '../../../electron/backup/backup-command.ts';
import { newestKnownMigration } from '../../../electron/backup/desk-database-check.ts';
import { restoreDataDir } from '../../../electron/backup/restore-command.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { runRsDesk, startServe } from '../../e2e/support/desk-process.ts';
import {
  FIXTURES,
  integrityOf,
  local,
  readDatabase,
  requestCounts,
  tempFolder,
} from './backup-support.ts';

/**
 * `rs-desk restore FILE`: a checked backup put in place of a data directory's database, the one
 * it replaces kept; refused (with nothing changed) for a damaged file, a database that is not RS
 * Desk's or is from a newer RS Desk, and while a desk has the directory open.
 */

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A data directory holding `fixture`, with no desk open on it. */
async function deskDir(fixture: string): Promise<string> {
  const dir = tempFolder(cleanup, 'rs-desk-restore-');
  const desk = await openDesk({ dataDir: dir, mode: 'browser', sendMessages: false });
  try {
    await importFile(desk.context.gate, join(FIXTURES, fixture));
  } finally {
    await desk.close();
  }
  return dir;
}

/** A backup of a desk holding good.json (3 borrowing and 2 lending requests). */
async function goodBackup(): Promise<string> {
  const dir = await deskDir('good.json');
  const file = join(tempFolder(cleanup), 'good-backup.sqlite');
  await backupDataDir({ dataDir: dir, to: file });
  return file;
}

const REQUEST_TABLES = ['partners', 'patrons', 'items', 'borrowing_requests', 'lending_requests'];

/** Every row of the tables a restore must bring back, in a stable order. */
function rowsOf(file: string, tables = [...REQUEST_TABLES, 'settings']): unknown {
  return readDatabase(file, (db) =>
    Object.fromEntries(
      tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]),
    ),
  );
}

const database = (dir: string) => join(dir, 'rs-desk.sqlite');
const backupsOf = (dir: string) =>
  existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : [];

/** Expects a refusal that names the problem, with the data directory as it was. */
async function expectRefused(dir: string, file: string, words: string): Promise<void> {
  const before = rowsOf(database(dir));
  await expect(restoreDataDir({ dataDir: dir, file })).rejects.toThrow(words);
  expect(rowsOf(database(dir))).toEqual(before);
  expect(backupsOf(dir).filter((name) => name.startsWith('before-restore-'))).toEqual([]);
  expect(readdirSync(dir).filter((name) => name.startsWith('.restore-'))).toEqual([]);
}

describe('rs-desk restore', () => {
  it('puts a backup in place of the database, keeps the one it replaced, and the desk opens on it', async () => {
    const backup = await goodBackup();
    const dir = await deskDir('lending-desk.json');
    const replaced = rowsOf(database(dir));
    const run = await runRsDesk(['restore', backup, '--data-dir', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [kept] = backupsOf(dir);
    expect(kept).toMatch(/^before-restore-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite$/);
    expect(run.stdout).toBe(
      `Restored 3 borrowing and 2 lending requests from ${backup} into ${database(dir)}; the database it replaced is kept as ${join(dir, 'backups', kept ?? '')}.\n`,
    );
    expect(rowsOf(database(dir))).toEqual(rowsOf(backup));
    expect(integrityOf(database(dir))).toBe('ok');
    expect(rowsOf(join(dir, 'backups', kept ?? ''))).toEqual(replaced);

    const desk = await openDesk({ dataDir: dir, mode: 'browser', sendMessages: false });
    const info = await desk.handlers['desk.info'](
      {},
      {
        id: 'w',
        transport: 'in-process',
        operatorId: null,
      },
    );
    await desk.close();
    expect(info.counts).toMatchObject({ borrowing: 3, lending: 2 });
  });

  it('restores into a new data directory', async () => {
    const backup = await goodBackup();
    const dir = join(tempFolder(cleanup), 'new desk');
    const line = await restoreDataDir({ dataDir: dir, file: backup });
    expect(line).toBe(
      `Restored 3 borrowing and 2 lending requests from ${backup} into ${database(dir)}.`,
    );
    expect(rowsOf(database(dir))).toEqual(rowsOf(backup));
    expect(backupsOf(dir)).toEqual([]);
  });

  it('takes a backup from an older RS Desk, which the desk migrates when it opens', async () => {
    const older = join(tempFolder(cleanup), 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, older, { recursive: true });
    const journalFile = join(older, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, 5);
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = join(tempFolder(cleanup), 'older.sqlite');
    openDatabase(file, { migrationsFolder: older }).close();

    const dir = await deskDir('good.json');
    await restoreDataDir({ dataDir: dir, file });
    expect(requestCounts(database(dir))).toEqual({ borrowing: 0, lending: 0 });
    const desk = await openDesk({ dataDir: dir, mode: 'browser', sendMessages: false });
    await desk.close();
    const applied = readDatabase(
      database(dir),
      (db) =>
        (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n,
    );
    expect(applied).toBe(
      readdirSync(DEFAULT_MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length,
    );
  });
});

describe('what rs-desk restore refuses, changing nothing', () => {
  it('a truncated backup', async () => {
    const backup = await goodBackup();
    const bytes = readFileSync(backup);
    const truncated = join(tempFolder(cleanup), 'truncated.sqlite');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(
      await deskDir('lending-desk.json'),
      truncated,
      'is damaged and cannot be restored',
    );
  });

  it('a backup with bytes flipped inside a table', async () => {
    const backup = await goodBackup();
    const root = readDatabase(
      backup,
      (db) =>
        (
          db
            .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'borrowing_requests'")
            .get() as { rootpage: number }
        ).rootpage,
    );
    const bytes = readFileSync(backup);
    const page = (root - 1) * 4096;
    // The page's b-tree header: its kind, cell count and cell offsets, flipped bit by bit.
    for (let i = page; i < page + 12; i += 1) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    const flipped = join(tempFolder(cleanup), 'flipped.sqlite');
    writeFileSync(flipped, bytes);
    await expectRefused(
      await deskDir('lending-desk.json'),
      flipped,
      'is damaged and cannot be restored',
    );
  });

  it('a file that is not an SQLite database at all', async () => {
    const file = join(tempFolder(cleanup), 'requests.csv');
    writeFileSync(file, 'request_id,title\nB-1001,Flatland\n');
    await expectRefused(await deskDir('good.json'), file, 'is not an SQLite database at all');
  });

  it('an SQLite database that is not an RS Desk one', async () => {
    const file = join(tempFolder(cleanup), 'other-app.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    other.close();
    await expectRefused(
      await deskDir('good.json'),
      file,
      'is an SQLite database but not an RS Desk one (it has no __drizzle_migrations',
    );
  });

  it('a database from a newer RS Desk', async () => {
    const backup = await goodBackup();
    const newer = join(tempFolder(cleanup), 'newer.sqlite');
    copyFileSync(backup, newer);
    const db = new Database(newer);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
      'a-migration-from-the-future',
      newestKnownMigration(DEFAULT_MIGRATIONS_FOLDER) + 86_400_000,
    );
    db.close();
    await expectRefused(
      await deskDir('lending-desk.json'),
      newer,
      'comes from a newer version of RS Desk than this one',
    );
  });

  it("the desk's own database, or no file", async () => {
    const dir = await deskDir('good.json');
    await expectRefused(dir, database(dir), "is the desk's own database");
    await expectRefused(dir, join(dir, 'no-such-backup.sqlite'), 'There is no file at');
  });

  it('while a desk has the data directory open, naming its process', async () => {
    const backup = await goodBackup();
    const dir = await deskDir('lending-desk.json');
    const before = rowsOf(database(dir), REQUEST_TABLES);
    const desk = await startServe(dir);
    cleanup.push(() => desk.stop());
    const run = await runRsDesk(['restore', backup, '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Close RS Desk (pid ${desk.process.pid}) first`);
    await desk.stop();
    // (The desk itself wrote its own settings meanwhile: the journal of its daily jobs.)
    expect(rowsOf(database(dir), REQUEST_TABLES)).toEqual(before);
    // Closed, it goes ahead.
    await restoreDataDir({ dataDir: dir, file: backup });
    expect(rowsOf(database(dir))).toEqual(rowsOf(backup));
  });

  it('not for the mark of a desk that died without closing', async () => {
    const backup = await goodBackup();
    const dir = await deskDir('lending-desk.json');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    mkdirSync(join(dir, 'running'), { recursive: true });
    writeFileSync(join(dir, 'running', String(gone)), '{}');
    await restoreDataDir({ dataDir: dir, file: backup, now: () => local('2026-11-24') });
    expect(rowsOf(database(dir))).toEqual(rowsOf(backup));
    expect(backupsOf(dir)).toEqual(['before-restore-2026-11-24-120000.sqlite']);
  });
});
