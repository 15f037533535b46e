import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DeskError } from '../../shared/api/result.ts';
import { inspectDeskDatabase, type DeskDatabaseSummary } from './desk-database-check.ts';

/**
 * A consistent copy of a live desk database through SQLite's online backup API, safe while a desk
 * in this or another process keeps writing. The copy reads one snapshot (a read transaction held
 * for the whole copy: in WAL mode writers are not held up by it, and the backup never restarts
 * because a page changed), is written under a temporary name in the destination folder, becomes a
 * single self-contained file (journal mode DELETE: no -wal beside it), passes the integrity check,
 * and only then takes its name. A copy that fails or is stopped leaves nothing behind.
 */

export interface CopyOptions {
  /** The live database. */
  readonly source: string;
  /** The backup's final path. */
  readonly destination: string;
  /** Replace a file already at `destination` (the daily backup run again on the same day). */
  readonly replace?: boolean;
  /** Pages per step; between steps the thread answers other work. */
  readonly stepPages?: number;
  /**
   * Check the copy and refuse one that is not whole (the default). A restore keeping the database
   * it replaces keeps it as it is, damaged or not: it may be all there is.
   */
  readonly check?: boolean;
  readonly signal?: AbortSignal | undefined;
}

export interface CopyResult extends DeskDatabaseSummary {
  readonly file: string;
  readonly bytes: number;
}

const UNCOUNTED: DeskDatabaseSummary = { borrowing: 0, lending: 0 };

/** 4 MB of page cache: every page is read once, so a larger cache only costs the desk memory. */
const SMALL_CACHE = -4000;

/** 64 pages of 4 KiB: a step takes well under a millisecond. */
const DEFAULT_STEP_PAGES = 64;

/** Refuses a destination folder that is missing or cannot be written, saying which and why. */
export function checkWritableFolder(folder: string): void {
  try {
    accessSync(folder, constants.W_OK);
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (error) {
    throw folderError(folder, error);
  }
}

export function folderError(folder: string, error: unknown): DeskError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new DeskError(
      'NOT_FOUND',
      `The folder ${folder} does not exist; create it first or choose another.`,
    );
  }
  if (code === 'ENOTDIR') {
    return new DeskError(
      'INVALID_INPUT',
      `${folder} is not a folder; choose a folder to write to.`,
    );
  }
  const why = error instanceof Error && error.message ? ` (${error.message})` : '';
  return new DeskError(
    'UNAVAILABLE',
    `RS Desk cannot write in the folder ${folder}${why}; choose a folder you can write to.`,
  );
}

function alreadyThere(destination: string): DeskError {
  return new DeskError(
    'CONFLICT',
    `There is already a file at ${destination}; choose another name for the backup.`,
  );
}

/** Removes a database file and the journal files SQLite may have put beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm'])
    rmSync(`${file}${suffix}`, { force: true });
}

/** Gives the finished copy its name: never over another file unless asked to. */
function publish(temp: string, destination: string, replace: boolean): void {
  if (replace) {
    renameSync(temp, destination);
    return;
  }
  try {
    // A hard link fails if the name is taken, even if someone took it a moment ago.
    linkSync(temp, destination);
    unlinkSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyThere(destination);
    // Some file systems (FAT, SMB shares) have no hard links: look, then rename.
    if (existsSync(destination)) throw alreadyThere(destination);
    renameSync(temp, destination);
  }
}

/** So the new name survives a power cut too; not every platform can sync a folder. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  }
}

/** Copies the live database to `destination`; see the module comment. */
export async function copyDatabase(options: CopyOptions): Promise<CopyResult> {
  const { source, destination, signal } = options;
  const folder = dirname(destination);
  checkWritableFolder(folder);
  if (!options.replace && existsSync(destination)) throw alreadyThere(destination);
  signal?.throwIfAborted();
  const temp = join(folder, `.${basename(destination)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await snapshotTo(source, temp, options.stepPages ?? DEFAULT_STEP_PAGES, signal);
    const summary = options.check === false ? singleFile(temp) : checkCopy(temp, destination);
    signal?.throwIfAborted();
    publish(temp, destination, options.replace ?? false);
    syncFolder(folder);
    return { file: destination, bytes: statSync(destination).size, ...summary };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_FULL') {
      throw folderError(folder, error);
    }
    throw error;
  } finally {
    removeDatabaseFiles(temp);
  }
}

/** Runs the backup API from one read snapshot of `source` into a new file `temp`. */
async function snapshotTo(
  source: string,
  temp: string,
  stepPages: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`cache_size = ${SMALL_CACHE}`);
    // Only in WAL mode does a held read leave writers free; a desk's database always is.
    const wal = sqlite.pragma('journal_mode', { simple: true }) === 'wal';
    if (wal) {
      sqlite.exec('BEGIN');
      sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    }
    await sqlite.backup(temp, {
      progress: () => {
        signal?.throwIfAborted();
        return stepPages;
      },
    });
    if (wal) sqlite.exec('COMMIT');
  } finally {
    sqlite.close();
  }
}

/** Makes the copy one self-contained file: a WAL database's copy says WAL in its header. */
function singleFile(temp: string): DeskDatabaseSummary {
  const writable = new Database(temp, { fileMustExist: true });
  try {
    writable.pragma('journal_mode = DELETE');
  } finally {
    writable.close();
  }
  return UNCOUNTED;
}

/** Makes the copy one self-contained file and checks it; refuses a copy that is not whole. */
function checkCopy(temp: string, destination: string): DeskDatabaseSummary {
  singleFile(temp);
  const copy = new Database(temp, { readonly: true, fileMustExist: true });
  try {
    copy.pragma(`cache_size = ${SMALL_CACHE}`);
    const inspection = inspectDeskDatabase(copy);
    if (!inspection.ok) {
      throw new DeskError(
        'INTERNAL',
        `The copy for ${destination} failed its check (${inspection.problem.detail}), so it was not kept: the desk's database may be damaged. Close RS Desk and run rs-desk backup again; if it fails again, restore the latest good backup with rs-desk restore.`,
      );
    }
    return { borrowing: inspection.borrowing, lending: inspection.lending };
  } finally {
    copy.close();
  }
}
