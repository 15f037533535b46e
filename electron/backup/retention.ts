import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { automaticBackupDay } from './backup-names.ts';

/** The automatic backups in a folder, newest first (by the desk day in their names). */
export async function automaticBackups(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => automaticBackupDay(name) !== null)
    .sort()
    .reverse();
}

/**
 * Keeps the newest `keep` automatic backups in `folder` and deletes the older ones; answers the
 * names it deleted. Only files named as automatic backups are considered, so manual backups and
 * the copies a restore keeps stay whatever the count.
 */
export async function pruneAutomaticBackups(folder: string, keep: number): Promise<string[]> {
  const old = (await automaticBackups(folder)).slice(Math.max(keep, 1));
  for (const name of old) await rm(join(folder, name), { force: true });
  return old;
}
