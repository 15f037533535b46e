import { join } from 'node:path';
import { deskDate } from '../services/desk-time.ts';

/**
 * The names backups are written under. Three kinds share the backups folder, and only the
 * automatic ones are ever deleted (by retention), so each kind has its own pattern:
 *
 * - `rs-desk-auto-YYYY-MM-DD.sqlite`: the daily job's, one per desk day;
 * - `rs-desk-YYYY-MM-DD-HHMMSS.sqlite`: `rs-desk backup` without `--to`;
 * - `before-restore-YYYY-MM-DD-HHMMSS.sqlite`: the database a restore replaced.
 *
 * Times are the desk machine's local time, as staff read them.
 */

/** Where backups go when Settings names no folder. */
export const DEFAULT_BACKUP_FOLDER = 'backups';

const AUTOMATIC = /^rs-desk-auto-(\d{4}-\d{2}-\d{2})\.sqlite$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD-HHMMSS in desk time. */
export function backupStamp(now: Date): string {
  return `${deskDate(now)}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

export const manualBackupName = (now: Date): string => `rs-desk-${backupStamp(now)}.sqlite`;
export const automaticBackupName = (day: string): string => `rs-desk-auto-${day}.sqlite`;
export const beforeRestoreName = (now: Date): string => `before-restore-${backupStamp(now)}.sqlite`;

/** The desk day of an automatic backup's file name; null for any other file. */
export function automaticBackupDay(name: string): string | null {
  return AUTOMATIC.exec(name)?.[1] ?? null;
}

/** The backups folder: Settings' folder when one is set, else `backups` in the data directory. */
export function backupFolder(dataDir: string, folder: string | undefined): string {
  return folder ?? join(dataDir, DEFAULT_BACKUP_FOLDER);
}
