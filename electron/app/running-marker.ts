import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * "A desk is running here": openDesk writes `<data dir>/running/<pid>` when it opens a data
 * directory and removes it when it closes, so `rs-desk restore` can refuse to replace a database a
 * running desk has open. A desk that died without closing leaves its file behind; a marker whose
 * process no longer exists is stale and ignored.
 */

export const RUNNING_FOLDER = 'running';

/** One process with the data directory open. */
export interface RunningDesk {
  readonly pid: number;
  /** The marker file, named for the message that tells staff how to clear a stale one. */
  readonly marker: string;
}

/** Desks opened by this process, per marker file: two desks on one folder share one marker. */
const openHere = new Map<string, number>();

/**
 * Marks the data directory as open by this process; the answer removes the mark (once the last
 * desk this process opened there has closed). A mark that cannot be written must not stop the
 * desk: it only guards restores.
 */
export function markRunning(dataDir: string, mode: string): () => void {
  const folder = join(dataDir, RUNNING_FOLDER);
  const marker = join(folder, String(process.pid));
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      marker,
      `${JSON.stringify({ pid: process.pid, mode, since: new Date().toISOString() })}\n`,
    );
    openHere.set(marker, (openHere.get(marker) ?? 0) + 1);
  } catch {
    return () => undefined;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openHere.get(marker) ?? 1) - 1;
    if (left > 0) {
      openHere.set(marker, left);
      return;
    }
    openHere.delete(marker);
    rmSync(marker, { force: true });
  };
}

/** Whether a process with this id exists (one of another user's counts: it may be a desk). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The processes that have the data directory open now; stale marks are left out. */
export function runningDesks(dataDir: string): RunningDesk[] {
  const folder = join(dataDir, RUNNING_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const running: RunningDesk[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid > 0 && processExists(pid)) running.push({ pid, marker: join(folder, name) });
  }
  return running.sort((a, b) => a.pid - b.pid);
}
