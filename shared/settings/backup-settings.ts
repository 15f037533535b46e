import { z } from 'zod';

/**
 * The daily automatic backup (electron/messaging/jobs/backup-job.ts): how many of its copies to
 * keep, and where backups go. Manual backups (`rs-desk backup`) and the copies a restore keeps are
 * never deleted by the count.
 */

/** The most automatic backups kept: a year of days. */
export const MOST_BACKUPS_KEPT = 365;

/** An absolute path on any desk machine: /srv/…, C:\…, or a Windows share \\server\…. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/;

export const backupSettings = z.object({
  /** The newest automatic backups kept; 0 turns automatic backups off. */
  keep: z.number().int().min(0).max(MOST_BACKUPS_KEPT).default(14),
  /** Where backups go; absent: `backups` in the data directory. */
  folder: z
    .string()
    .trim()
    // An empty folder is one problem, not also "not a full path".
    .min(1, { abort: true })
    .max(500)
    .regex(ABSOLUTE_PATH, {
      error:
        'must be a full path to a folder, like /srv/rs-desk-backups or D:\\RS Desk backups (or leave it empty)',
    })
    .optional(),
});
export type BackupSettings = z.output<typeof backupSettings>;
