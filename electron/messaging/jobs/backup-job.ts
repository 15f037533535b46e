import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { getSetting } from '../../../db/repositories/settings-repository.ts';
import { automaticBackupName, backupFolder } from '../../backup/backup-names.ts';
import { copyDatabaseInWorker } from '../../backup/copy-in-worker.ts';
import { folderError } from '../../backup/online-copy.ts';
import { pruneAutomaticBackups } from '../../backup/retention.ts';
import { deskDate } from '../../services/desk-time.ts';
import type { JobContext, JobReport } from './job-run.ts';

/**
 * The daily automatic backup: a copy of the desk's database in the backups folder, named for the
 * desk day (`rs-desk-auto-YYYY-MM-DD.sqlite`), then only the newest `backup.keep` of those kept.
 * It reads the settings through the gate and copies outside it, on its own connection and thread,
 * so no desk transaction waits for it. A copy that fails is reported (Settings → Backup shows it)
 * and tried again the next day; one stopped because the desk is closing runs again at the next
 * start.
 */

export const BACKUP_JOB_TITLE = 'Back up the database';

export interface BackupJobContext extends JobContext {
  readonly dataDir: string;
  readonly databaseFile: string;
  /** Aborts a copy under way when the desk closes. */
  readonly signal: AbortSignal;
  /** The server log, for a failed backup. */
  readonly log?: ((line: string) => void) | undefined;
}

/** What the run did, kept in the job's journal for Settings → Backup. */
export interface BackupOutcome {
  /** The backup written; null when automatic backups are off or the copy failed. */
  readonly file: string | null;
  readonly bytes: number;
  readonly borrowing: number;
  readonly lending: number;
  /** Older automatic backups deleted by the count kept. */
  readonly removed: readonly string[];
  /** `backup.keep` is 0. */
  readonly off: boolean;
}

export interface BackupJobReport extends JobReport {
  readonly backup: BackupOutcome;
}

const NOTHING = { file: null, bytes: 0, borrowing: 0, lending: 0, removed: [] } as const;

export async function runBackupJob(ctx: BackupJobContext): Promise<BackupJobReport> {
  const settings = await ctx.gate.read((db) => getSetting(db, 'backup'));
  if (settings.keep === 0) {
    return { changed: [], failed: [], messages: 0, backup: { ...NOTHING, off: true } };
  }
  const folder = backupFolder(ctx.dataDir, settings.folder);
  try {
    await mkdir(folder, { recursive: true }).catch((error: unknown) => {
      throw folderError(folder, error);
    });
    const copy = await copyDatabaseInWorker({
      source: ctx.databaseFile,
      destination: join(folder, automaticBackupName(deskDate(ctx.now()))),
      replace: true,
      signal: ctx.signal,
    });
    const removed = await pruneAutomaticBackups(folder, settings.keep);
    return {
      changed: [],
      failed: [],
      messages: 0,
      backup: {
        file: copy.file,
        bytes: copy.bytes,
        borrowing: copy.borrowing,
        lending: copy.lending,
        removed,
        off: false,
      },
    };
  } catch (error) {
    // Stopped because the desk is closing: not a failure; the next start runs it again.
    if (ctx.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    ctx.log?.(`RS Desk: the daily backup to ${folder} failed: ${message}`);
    return { changed: [], failed: [message], messages: 0, backup: { ...NOTHING, off: false } };
  }
}
