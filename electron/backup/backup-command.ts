import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeskError } from '../../shared/api/result.ts';
import { DATABASE_FILE } from '../app/desk.ts';
import { backupFolder, manualBackupName } from './backup-names.ts';
import { describeRequests, describeSize } from '../../shared/backup/backup-text.ts';
import { storedBackupSettings } from './stored-backup-settings.ts';
import { copyDatabase, folderError } from './online-copy.ts';

/**
 * `rs-desk backup [--to FILE]`: a copy of the data directory's database, made with SQLite's online
 * backup API so a desk running on it (this machine's Electron app or `rs-desk serve`) keeps
 * working meanwhile. Without `--to` it goes to the backups folder as
 * `rs-desk-YYYY-MM-DD-HHMMSS.sqlite`, a name the daily backup's count never deletes.
 */

export interface BackupCommand {
  readonly dataDir: string;
  /** `--to`: the backup's file, or a folder to put it in under the usual name. */
  readonly to?: string | undefined;
  readonly now?: () => Date;
}

/** The first of `name`, `name-2`, `name-3` … not yet taken in `folder`. */
function freeName(folder: string, name: string): string {
  const stem = name.replace(/\.sqlite$/, '');
  for (let n = 1; ; n += 1) {
    const file = join(folder, n === 1 ? name : `${stem}-${n}.sqlite`);
    if (!existsSync(file)) return file;
  }
}

function destinationOf(command: BackupCommand, database: string, now: Date): string {
  if (command.to !== undefined) {
    const to = resolve(command.to);
    const isFolder = existsSync(to) && statSync(to).isDirectory();
    return isFolder ? freeName(to, manualBackupName(now)) : to;
  }
  const folder = backupFolder(command.dataDir, storedBackupSettings(database).folder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw folderError(folder, error);
  }
  return freeName(folder, manualBackupName(now));
}

/** Makes the backup and answers the one line the command prints. */
export async function backupDataDir(command: BackupCommand): Promise<string> {
  const database = join(command.dataDir, DATABASE_FILE);
  if (!existsSync(database)) {
    throw new DeskError(
      'NOT_FOUND',
      `There is no RS Desk database in ${command.dataDir} (no ${DATABASE_FILE}), so there is nothing to back up; check --data-dir.`,
    );
  }
  const destination = destinationOf(command, database, (command.now ?? (() => new Date()))());
  const copy = await copyDatabase({ source: database, destination });
  return `Backed up ${describeRequests(copy)} to ${copy.file} (${describeSize(copy.bytes)}).`;
}
