import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../../electron/app/desk.ts';
import { backupDataDir } from '../../../electron/backup/backup-command.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { runRsDesk, startServe, type DeskProcess } from '../../e2e/support/desk-process.ts';
import {
  FIXTURES,
  integrityOf,
  local,
  padDatabase,
  readDatabase,
  requestCounts,
  tempFolder,
} from './backup-support.ts';

/**
 * `rs-desk backup [--to FILE]`: SQLite's online backup of a data directory's database, made while
 * a real `rs-desk serve` on the same directory keeps journaling scans; and its refusals.
 */

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A data directory with good.json imported, no desk open on it. */
async function importedDir(): Promise<string> {
  const dir = tempFolder(cleanup, 'rs-desk-backup-cli-');
  const desk = await openDesk({ dataDir: dir, mode: 'browser', sendMessages: false });
  try {
    await importFile(desk.context.gate, join(FIXTURES, 'good.json'));
  } finally {
    await desk.close();
  }
  return dir;
}

/** Submits manual scans to the desk over HTTP until `stop`, counting the answered ones. */
function keepScanning(desk: DeskProcess) {
  const token = new URL(desk.url).searchParams.get('token') ?? '';
  let answered = 0;
  let stopping = false;
  const loop = (async () => {
    for (let i = 0; !stopping; i += 1) {
      const reply = await fetch(`${desk.origin}/api/scans.submit`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
        body: JSON.stringify({ source: 'manual', raw: `DURING-${i}`, screen: 'Receiving Items' }),
      });
      const body = (await reply.json()) as { ok: boolean };
      if (!body.ok) throw new Error(`scan ${i} was refused`);
      answered += 1;
    }
  })();
  return {
    answered: () => answered,
    stop: async () => {
      stopping = true;
      await loop;
    },
  };
}

const scanJournal = (file: string) =>
  readDatabase(file, (db) => ({
    rows: (db.prepare('SELECT count(*) AS n FROM scans').get() as { n: number }).n,
    highest: (db.prepare('SELECT max(id) AS id FROM scans').get() as { id: number }).id,
    sequence: (
      db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'scans'").get() as { seq: number }
    ).seq,
  }));

describe('rs-desk backup', () => {
  it('copies the database while rs-desk serve keeps journaling scans, as one whole snapshot', async () => {
    const dir = await importedDir();
    const padding = new Database(join(dir, 'rs-desk.sqlite'));
    padDatabase(padding, 30);
    padding.close();
    const desk = await startServe(dir);
    cleanup.push(() => desk.stop());
    const scanning = keepScanning(desk);
    cleanup.push(() => scanning.stop());
    const file = join(tempFolder(cleanup), 'desk copy.sqlite');

    const before = scanning.answered();
    const run = await runRsDesk(['backup', '--data-dir', dir, '--to', file]);
    const during = scanning.answered() - before;
    await scanning.stop();

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Backed up 3 borrowing and 2 lending requests to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+(\\.\\d)? MB\\)\\.\\n$`,
      ),
    );
    // The desk kept answering scans while the copy was made.
    expect(during).toBeGreaterThan(0);
    expect(integrityOf(file)).toBe('ok');
    expect(requestCounts(file)).toEqual({ borrowing: 3, lending: 2 });
    // One moment's database: every scan journaled up to it, none torn, the row counter agreeing.
    const copy = scanJournal(file);
    expect(copy.rows).toBe(copy.highest);
    expect(copy.sequence).toBe(copy.highest);
    expect(copy.rows).toBeGreaterThanOrEqual(30 * 256);
    await desk.stop();
    expect(copy.rows).toBeLessThanOrEqual(scanJournal(join(dir, 'rs-desk.sqlite')).rows);
    // A single file, nothing beside it.
    expect(readdirSync(join(file, '..'))).toEqual(['desk copy.sqlite']);
  }, 60_000);

  it('writes to the backups folder in the data directory by default, stamped with the time', async () => {
    const dir = await importedDir();
    const run = await runRsDesk(['backup', '--data-dir', dir]);
    expect(run.code).toBe(0);
    const [name] = readdirSync(join(dir, 'backups')).filter((n) => !n.startsWith('rs-desk-auto'));
    expect(name).toMatch(/^rs-desk-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite$/);
    const file = join(dir, 'backups', name ?? '');
    expect(run.stdout).toContain(`to ${file} (`);
    expect(requestCounts(file)).toEqual({ borrowing: 3, lending: 2 });
  });

  it('never writes over a backup made in the same second, and puts one in a folder given as --to', async () => {
    const dir = await importedDir();
    const now = () => local('2026-11-24', '17:05');
    const first = await backupDataDir({ dataDir: dir, now });
    const second = await backupDataDir({ dataDir: dir, now });
    expect(first).toContain(join(dir, 'backups', 'rs-desk-2026-11-24-170500.sqlite'));
    expect(second).toContain(join(dir, 'backups', 'rs-desk-2026-11-24-170500-2.sqlite'));
    const folder = tempFolder(cleanup);
    await backupDataDir({ dataDir: dir, to: folder, now });
    expect(readdirSync(folder)).toEqual(['rs-desk-2026-11-24-170500.sqlite']);
  });
});

describe('what rs-desk backup refuses', () => {
  it('a data directory with no database', async () => {
    const dir = tempFolder(cleanup);
    const run = await runRsDesk(['backup', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `rs-desk: There is no RS Desk database in ${dir} (no rs-desk.sqlite), so there is nothing to back up; check --data-dir.\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file that is already there, saying to choose another name', async () => {
    const dir = await importedDir();
    const taken = join(tempFolder(cleanup), 'taken.sqlite');
    writeFileSync(taken, 'an earlier backup');
    await expect(backupDataDir({ dataDir: dir, to: taken })).rejects.toThrow(
      `There is already a file at ${taken}; choose another name for the backup.`,
    );
    expect(statSync(taken).size).toBe('an earlier backup'.length);
  });

  it('a folder that does not exist or is not a folder, leaving nothing behind', async () => {
    const dir = await importedDir();
    const parent = tempFolder(cleanup);
    const missing = join(parent, 'no such folder', 'copy.sqlite');
    await expect(backupDataDir({ dataDir: dir, to: missing })).rejects.toThrow(
      `The folder ${join(parent, 'no such folder')} does not exist; create it first or choose another.`,
    );
    writeFileSync(join(parent, 'a file'), '');
    const run = await runRsDesk([
      'backup',
      '--data-dir',
      dir,
      '--to',
      join(parent, 'a file', 'copy.sqlite'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(parent, 'a file')} is not a folder`);
    expect(readdirSync(parent)).toEqual(['a file']);
    expect(existsSync(join(dir, 'backups', 'copy.sqlite'))).toBe(false);
  });
});
