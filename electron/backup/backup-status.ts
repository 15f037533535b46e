import { getSetting } from '../../db/repositories/settings-repository.ts';
import type { BackupStatus } from '../../shared/api/contract-backup.ts';
import type { BackupJobReport } from '../messaging/jobs/backup-job.ts';
import { lastRun } from '../messaging/scheduled-jobs.ts';
import type { DeskContext } from '../services/desk-context.ts';
import { backupFolder } from './backup-names.ts';
import { automaticBackups } from './retention.ts';

/** Settings → Backup: the folder, the count kept, and what the daily backup last did. */
export async function getBackupStatus(ctx: DeskContext): Promise<BackupStatus> {
  const { settings, last } = await ctx.gate.read(async (db) => ({
    settings: await getSetting(db, 'backup'),
    last: await lastRun(db, 'BACKUP'),
  }));
  const folder = backupFolder(ctx.dataDir, settings.folder);
  // The journal holds the whole report; runs written before the backup job existed have none.
  const outcome = (last as Partial<BackupJobReport> | null)?.backup;
  return {
    folder,
    keep: settings.keep,
    automaticCount: (await automaticBackups(folder)).length,
    lastRun:
      last === null || outcome === undefined
        ? null
        : {
            at: last.ranAt,
            file: outcome.file,
            bytes: outcome.bytes,
            borrowing: outcome.borrowing,
            lending: outcome.lending,
            error: last.failed[0] ?? null,
          },
  };
}
