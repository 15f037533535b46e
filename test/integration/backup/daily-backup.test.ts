import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupJobReport } from '../../../electron/messaging/jobs/backup-job.ts';
import type { JobRun } from '../../../electron/messaging/scheduled-jobs.ts';
import { call, until } from '../../helpers/borrowing-desk.ts';
import {
  integrityOf,
  local,
  openClockDesk,
  padDatabase,
  requestCounts,
  tempFolder,
  type ClockDesk,
} from './backup-support.ts';

/**
 * The daily automatic backup (scheduled-jobs.ts, jobs/backup-job.ts) with the desk's clock set by
 * the test: one copy per desk day, the newest `backup.keep` kept, never a manual backup or a
 * restore's copy deleted, and the desk answering while a copy is made.
 */

let desk: ClockDesk | undefined;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  await desk?.temp.dispose();
  desk = undefined;
  for (const step of cleanup.splice(0).reverse()) await step();
});

const backupRun = (runs: JobRun[]) =>
  runs.find((run) => run.job === 'BACKUP') as (JobRun & BackupJobReport) | undefined;

const backupsIn = (folder: string) =>
  existsSync(folder) ? readdirSync(folder).sort() : ([] as string[]);

describe('the daily automatic backup', () => {
  it('makes one copy a desk day, named for the day, that opens whole with every request', async () => {
    desk = await openClockDesk(local('2026-11-24', '05:00'));
    const folder = join(desk.temp.dataDir, 'backups');
    // The copy made when the desk opened that day.
    expect(backupsIn(folder)).toEqual(['rs-desk-auto-2026-11-24.sqlite']);
    expect(integrityOf(join(folder, 'rs-desk-auto-2026-11-24.sqlite'))).toBe('ok');

    // Later the same day, and after a restart the same day: no second copy.
    desk.setClock(local('2026-11-24', '23:59'));
    expect(backupRun(await desk.desk.jobs.runDue())).toBeUndefined();
    await desk.temp.reopen();
    expect(backupRun(await desk.desk.jobs.runDue())).toBeUndefined();
    expect(backupsIn(folder)).toEqual(['rs-desk-auto-2026-11-24.sqlite']);

    // As the next day starts on a desk left running.
    desk.setClock(local('2026-11-25', '00:00'));
    const run = backupRun(await desk.desk.jobs.runDue());
    const file = join(folder, 'rs-desk-auto-2026-11-25.sqlite');
    expect(run).toMatchObject({
      day: '2026-11-25',
      failed: [],
      backup: { file, borrowing: 3, lending: 2, removed: [], off: false },
    });
    expect(run?.backup.bytes).toBe(statSync(file).size);
    expect(integrityOf(file)).toBe('ok');
    expect(requestCounts(file)).toEqual({ borrowing: 3, lending: 2 });
    // A single self-contained file: nothing left beside it, no temporary copy.
    expect(backupsIn(folder)).toEqual([
      'rs-desk-auto-2026-11-24.sqlite',
      'rs-desk-auto-2026-11-25.sqlite',
    ]);

    const status = await call(desk.client, 'backup.status', {});
    expect(status).toEqual({
      folder,
      keep: 14,
      automaticCount: 2,
      lastRun: {
        at: local('2026-11-25', '00:00').toISOString(),
        file,
        bytes: statSync(file).size,
        borrowing: 3,
        lending: 2,
        error: null,
      },
    });
  });

  it('keeps the newest automatic backups only, never a manual backup or a restore’s copy', async () => {
    desk = await openClockDesk(local('2026-11-24', '09:00'));
    const folder = join(desk.temp.dataDir, 'backups');
    await call(desk.client, 'settings.update', { key: 'backup', value: { keep: 2 } });
    const others = [
      'rs-desk-2026-11-01-120000.sqlite',
      'before-restore-2026-11-02-080000.sqlite',
      'rs-desk-auto-notes.txt',
    ];
    for (const name of [
      'rs-desk-auto-2026-11-01.sqlite',
      'rs-desk-auto-2026-11-03.sqlite',
      ...others,
    ])
      writeFileSync(join(folder, name), 'kept by hand');

    desk.setClock(local('2026-11-25', '08:00'));
    const run = backupRun(await desk.desk.jobs.runDue());
    expect(run?.backup.removed).toEqual([
      'rs-desk-auto-2026-11-03.sqlite',
      'rs-desk-auto-2026-11-01.sqlite',
    ]);
    expect(backupsIn(folder)).toEqual(
      [...others, 'rs-desk-auto-2026-11-24.sqlite', 'rs-desk-auto-2026-11-25.sqlite'].sort(),
    );

    desk.setClock(local('2026-11-26', '08:00'));
    await desk.desk.jobs.runDue();
    expect(backupsIn(folder)).toEqual(
      [...others, 'rs-desk-auto-2026-11-25.sqlite', 'rs-desk-auto-2026-11-26.sqlite'].sort(),
    );
  });

  it('makes none while Settings keep 0, and deletes none', async () => {
    desk = await openClockDesk(local('2026-11-24', '09:00'));
    const folder = join(desk.temp.dataDir, 'backups');
    await call(desk.client, 'settings.update', { key: 'backup', value: { keep: 0 } });
    desk.setClock(local('2026-11-25', '09:00'));
    expect(backupRun(await desk.desk.jobs.runDue())?.backup).toMatchObject({
      file: null,
      off: true,
    });
    expect(backupsIn(folder)).toEqual(['rs-desk-auto-2026-11-24.sqlite']);
    const status = await call(desk.client, 'backup.status', {});
    expect(status).toMatchObject({ keep: 0, automaticCount: 1, lastRun: { file: null } });
  });

  it('writes to the folder Settings name', async () => {
    desk = await openClockDesk(local('2026-11-24', '09:00'));
    const elsewhere = join(tempFolder(cleanup), 'desk copies');
    await call(desk.client, 'settings.update', { key: 'backup', value: { folder: elsewhere } });
    desk.setClock(local('2026-11-25', '09:00'));
    await desk.desk.jobs.runDue();
    expect(backupsIn(elsewhere)).toEqual(['rs-desk-auto-2026-11-25.sqlite']);
    expect(requestCounts(join(elsewhere, 'rs-desk-auto-2026-11-25.sqlite'))).toEqual({
      borrowing: 3,
      lending: 2,
    });
    expect((await call(desk.client, 'backup.status', {})).folder).toBe(elsewhere);
  });

  it('reports a folder it cannot write to, in Settings and the log, and tries again the next day', async () => {
    desk = await openClockDesk(local('2026-11-24', '09:00'));
    const notAFolder = join(tempFolder(cleanup), 'a file');
    writeFileSync(notAFolder, 'not a folder');
    await call(desk.client, 'settings.update', {
      key: 'backup',
      value: { folder: join(notAFolder, 'backups') },
    });
    desk.setClock(local('2026-11-25', '09:00'));
    const run = backupRun(await desk.desk.jobs.runDue());
    expect(run?.failed).toHaveLength(1);
    expect(run?.failed[0]).toContain(join(notAFolder, 'backups'));
    expect(desk.log.join('\n')).toContain('the daily backup');
    const status = await call(desk.client, 'backup.status', {});
    expect(status.lastRun).toMatchObject({ file: null, error: run?.failed[0] });
    // Not again the same day; the next day, with a folder that works, it is made.
    expect(backupRun(await desk.desk.jobs.runDue())).toBeUndefined();
    await call(desk.client, 'settings.update', { key: 'backup', value: {} });
    desk.setClock(local('2026-11-26', '09:00'));
    expect(backupRun(await desk.desk.jobs.runDue())?.failed).toEqual([]);
  });

  it('answers scans while it copies a large database', async () => {
    desk = await openClockDesk(local('2026-11-24', '09:00'));
    padDatabase(desk.desk.context.db.sqlite, 20);
    desk.setClock(local('2026-11-25', '09:00'));
    const order: string[] = [];
    const backup = desk.desk.jobs.runDue().then((runs) => {
      order.push('backup');
      return runs;
    });
    const scans = [];
    for (let i = 0; i < 5; i += 1) {
      scans.push(
        await call(desk.client, 'scans.submit', {
          source: 'manual',
          raw: '00041771',
          screen: 'Receiving Items',
        }),
      );
      order.push('scan');
    }
    const run = backupRun(await backup);
    expect(order).toEqual(['scan', 'scan', 'scan', 'scan', 'scan', 'backup']);
    expect(scans.every((scan) => scan.matches.length > 0)).toBe(true);
    expect(run?.failed).toEqual([]);
    expect(integrityOf(run?.backup.file ?? '')).toBe('ok');
  });

  it('stops a copy under way when the desk closes, leaving no file, and makes it at the next start', async () => {
    desk = await openClockDesk(local('2026-11-24', '09:00'));
    padDatabase(desk.desk.context.db.sqlite, 40);
    const folder = join(desk.temp.dataDir, 'backups');
    desk.setClock(local('2026-11-25', '09:00'));
    const stopped = desk.desk.jobs.runDue();
    // The copy is under way once its temporary file is there.
    await until(
      () => backupsIn(folder),
      (names) => names.some((name) => name.endsWith('.partial')),
      'the copy to start',
    );
    await desk.desk.close();
    await expect(stopped).rejects.toThrow();
    expect(backupsIn(folder)).toEqual(['rs-desk-auto-2026-11-24.sqlite']);

    await desk.temp.reopen();
    await desk.desk.jobs.runDue();
    expect(backupsIn(folder)).toEqual([
      'rs-desk-auto-2026-11-24.sqlite',
      'rs-desk-auto-2026-11-25.sqlite',
    ]);
  });
});

describe('the running mark', () => {
  it('names this process in the data directory while the desk is open, and not after', async () => {
    desk = await openClockDesk(local('2026-11-24', '09:00'));
    const marker = join(desk.temp.dataDir, 'running', String(process.pid));
    expect(existsSync(marker)).toBe(true);
    await desk.desk.close();
    expect(existsSync(marker)).toBe(false);
    mkdirSync(join(desk.temp.dataDir, 'running'), { recursive: true });
    await desk.temp.reopen();
    expect(existsSync(marker)).toBe(true);
  });
});
