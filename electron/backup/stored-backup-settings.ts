import Database from 'better-sqlite3';
import { backupSettings, type BackupSettings } from '../../shared/settings/backup-settings.ts';

/**
 * The `backup` setting stored in a desk database, read without opening the desk (the command
 * line runs beside a desk, or with none); its default when the file has none or cannot say.
 */
export function storedBackupSettings(databaseFile: string): BackupSettings {
  const fallback = backupSettings.parse({});
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(databaseFile, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    const row = sqlite.prepare("SELECT value FROM settings WHERE key = 'backup'").get() as
      { value: string } | undefined;
    if (!row) return fallback;
    const parsed = backupSettings.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  } finally {
    sqlite?.close();
  }
}
