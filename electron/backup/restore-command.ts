import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { DeskError } from '../../shared/api/result.ts';
import { DEFAULT_MIGRATIONS_FOLDER } from '../../db/database.ts';
import { DATABASE_FILE } from '../app/desk.ts';
import { runningDesks } from '../app/running-marker.ts';
import { backupFolder, beforeRestoreName } from './backup-names.ts';
import { describeRequests } from '../../shared/backup/backup-text.ts';
import { storedBackupSettings } from './stored-backup-settings.ts';
import {
  inspectDeskDatabase,
  isDamageError,
  newestKnownMigration,
  type DatabaseProblem,
  type DeskDatabaseSummary,
} from './desk-database-check.ts';
import { copyDatabase, folderError, removeDatabaseFiles } from './online-copy.ts';

/**
 * `rs-desk restore FILE`: puts a backup back as the data directory's database, all or nothing.
 * The file is checked first (an SQLite database, whole, RS Desk's, and not from a newer RS Desk;
 * an older one is migrated when the desk next opens). No desk may have the directory open. The
 * database it replaces is kept in the backups folder as `before-restore-….sqlite`, and the backup
 * goes in through SQLite's backup API, so the live file and its -wal / -shm stay consistent.
 */

export interface RestoreCommand {
  readonly dataDir: string;
  readonly file: string;
  readonly now?: () => Date;
  /** This app's migrations (a restore refuses a database migrated beyond them). */
  readonly migrationsFolder?: string;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Copies everything in one step: the command line has nothing else to do meanwhile. */
const ALL_PAGES = 0x7fffffff;

function startsAsSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
    return head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

function refusal(file: string, problem: DatabaseProblem, backups: string): DeskError {
  switch (problem.kind) {
    case 'damaged':
      return new DeskError(
        'INVALID_INPUT',
        `${file} is damaged and cannot be restored (${problem.detail}). Choose another backup; the automatic ones are in ${backups}.`,
      );
    case 'not-desk':
      return new DeskError(
        'INVALID_INPUT',
        `${file} is an SQLite database but not an RS Desk one (${problem.detail}). Choose a backup RS Desk made: rs-desk backup writes them, and the automatic ones are in ${backups}.`,
      );
    case 'newer':
      return new DeskError(
        'INVALID_INPUT',
        `${file} comes from a newer version of RS Desk than this one (${problem.detail}). Update RS Desk here first and restore it then, or choose an older backup.`,
      );
  }
}

/**
 * Takes a private copy of the file (and a -wal beside it) into the data directory and checks it
 * there, so the user's file is never touched, not even by SQLite's journal files.
 */
function stageAndCheck(
  file: string,
  staged: string,
  backups: string,
  newestMigration: number,
): void {
  if (!startsAsSqlite(file)) {
    throw new DeskError(
      'INVALID_INPUT',
      `${file} is not an RS Desk backup: it is not an SQLite database at all. Choose a backup RS Desk made; the automatic ones are in ${backups}.`,
    );
  }
  copyFileSync(file, staged);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${staged}-wal`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(staged, { fileMustExist: true });
    sqlite.pragma('journal_mode = DELETE');
    const inspection = inspectDeskDatabase(sqlite, newestMigration);
    if (!inspection.ok) throw refusal(file, inspection.problem, backups);
  } catch (error) {
    if (!isDamageError(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw refusal(file, { kind: 'damaged', detail }, backups);
  } finally {
    sqlite?.close();
  }
}

/** The database now in place, as a file beside the backups: online if it can, else as it lies. */
async function keepCurrent(live: string, folder: string, now: Date): Promise<string> {
  const destination = join(folder, beforeRestoreName(now));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw folderError(folder, error);
  }
  try {
    return (await copyDatabase({ source: live, destination, check: false })).file;
  } catch (error) {
    if (error instanceof DeskError) throw error;
    // Too damaged for SQLite to read: keep its bytes, and its -wal, exactly as they are.
    copyFileSync(live, destination);
    if (existsSync(`${live}-wal`)) copyFileSync(`${live}-wal`, `${destination}-wal`);
    return destination;
  }
}

/** Writes `source` over `live` through the backup API, in one step and one transaction. */
async function replaceThroughBackup(source: string, live: string): Promise<void> {
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await sqlite.backup(live, { progress: () => ALL_PAGES });
  } finally {
    sqlite.close();
  }
}

function checkRestored(live: string, newestMigration: number): DeskDatabaseSummary {
  const sqlite = new Database(live, { fileMustExist: true });
  try {
    const inspection = inspectDeskDatabase(sqlite, newestMigration);
    if (!inspection.ok) throw new Error(inspection.problem.detail);
    return inspection;
  } finally {
    sqlite.close();
  }
}

/** Restores the backup and answers the one line the command prints. */
export async function restoreDataDir(command: RestoreCommand): Promise<string> {
  const file = resolve(command.file);
  const live = join(command.dataDir, DATABASE_FILE);
  const backups = backupFolder(
    command.dataDir,
    existsSync(live) ? storedBackupSettings(live).folder : undefined,
  );
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new DeskError(
      'NOT_FOUND',
      `There is no file at ${file}; give the path of a backup (the automatic ones are in ${backups}).`,
    );
  }
  if (existsSync(live) && realpathSync(live) === realpathSync(file)) {
    throw new DeskError(
      'INVALID_INPUT',
      `${file} is the desk's own database; give the path of a backup to put in its place.`,
    );
  }
  const [running] = runningDesks(command.dataDir);
  if (running) {
    throw new DeskError(
      'CONFLICT',
      `Close RS Desk (pid ${running.pid}) first: it has ${command.dataDir} open, and its database cannot be replaced under it. (If no RS Desk is running, delete ${running.marker}.)`,
    );
  }
  const newestMigration = newestKnownMigration(
    command.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER,
  );
  mkdirSync(command.dataDir, { recursive: true });
  const staged = join(command.dataDir, `.restore-${randomBytes(4).toString('hex')}.sqlite`);
  try {
    stageAndCheck(file, staged, backups, newestMigration);
    const now = (command.now ?? (() => new Date()))();
    const kept = existsSync(live) ? await keepCurrent(live, backups, now) : null;
    let restored: DeskDatabaseSummary;
    try {
      try {
        await replaceThroughBackup(staged, live);
      } catch (error) {
        // The database in place is not one SQLite can write into; it is kept, so start afresh.
        if (!isDamageError(error)) throw error;
        removeDatabaseFiles(live);
        await replaceThroughBackup(staged, live);
      }
      restored = checkRestored(live, newestMigration);
    } catch (error) {
      undo(live, kept);
      const why = error instanceof Error ? error.message : String(error);
      throw new DeskError(
        'INTERNAL',
        `The restore of ${file} failed (${why}) and was undone: ${live} is as it was. Try again; if it fails again, choose another backup.`,
      );
    }
    const keptNote = kept === null ? '' : `; the database it replaced is kept as ${kept}`;
    return `Restored ${describeRequests(restored)} from ${file} into ${live}${keptNote}.`;
  } finally {
    removeDatabaseFiles(staged);
  }
}

/** Puts back what was in place before a restore that failed part-way (no desk has it open). */
function undo(live: string, kept: string | null): void {
  removeDatabaseFiles(live);
  if (kept === null) return;
  copyFileSync(kept, live);
  if (existsSync(`${kept}-wal`)) copyFileSync(`${kept}-wal`, `${live}-wal`);
}
