import { z } from 'zod';

/**
 * Settings → Backup (issue "8 · Reliability and security", item 7): where backups go and what the
 * daily automatic backup last did. The `backup` setting itself is saved with settings.update;
 * `rs-desk backup` and `rs-desk restore` are command-line only. contract.ts spreads these in.
 */

export const backupStatusSchema = z.object({
  /** The folder backups go to: Settings' folder, or `backups` in the data directory. */
  folder: z.string(),
  /** How many automatic backups are kept; 0: automatic backups are off. */
  keep: z.number().int(),
  /** The automatic backups in the folder now. */
  automaticCount: z.number().int(),
  /** The daily job's last run; null before its first. */
  lastRun: z
    .object({
      /** When it ran (ISO instant). */
      at: z.string(),
      /** The backup it wrote; null when it failed or automatic backups were off. */
      file: z.string().nullable(),
      bytes: z.number().int(),
      borrowing: z.number().int(),
      lending: z.number().int(),
      /** Why it failed, in words staff can act on; null when it did not. */
      error: z.string().nullable(),
    })
    .nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupMethods = {
  /** The backups folder and the last automatic backup, for Settings → Backup. Manager only. */
  'backup.status': { access: 'manager', input: z.strictObject({}), output: backupStatusSchema },
} as const;
