import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DeskError, type ErrorCode } from '../../shared/api/result.ts';
import { copyDatabase, type CopyOptions, type CopyResult } from './online-copy.ts';

/**
 * Runs copyDatabase on a worker thread. better-sqlite3's backup() yields between steps, but each
 * step, the cache spills and the final commit (a sync of the whole copy to disk, which can take
 * seconds for a large desk) run on the calling thread; on the desk's thread they would hold up a
 * scan. Where no worker can be started (its file missing from a build, or not loadable from the
 * packaged app's archive), the copy runs here, in small steps; so does the copy of a small
 * database, done here sooner than a worker starts (about 100 ms of CPU), and holding a scan up
 * for no longer.
 */

/** Below this size (with its -wal) the copy runs on the calling thread. */
export const WORKER_FROM_BYTES = 4 * 1024 * 1024;

function sizeOf(database: string): number {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return size(database) + size(`${database}-wal`);
}

/** What the worker sends: that it started, then the copy's result or why it failed. */
export type WorkerAnswer =
  | { readonly started: true }
  | { readonly ok: true; readonly value: CopyResult }
  | {
      readonly ok: false;
      readonly code: ErrorCode | null;
      readonly message: string;
      readonly aborted: boolean;
    };

/**
 * The worker's file: built beside the main bundle (this code may sit in a chunk one folder down),
 * or the TypeScript source when run from it.
 */
function workerFile(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'backup-worker.js'),
    join(here, '..', 'backup-worker.js'),
    join(here, 'backup-worker.ts'),
  ];
  return candidates.find((file) => existsSync(file)) ?? null;
}

export async function copyDatabaseInWorker(options: CopyOptions): Promise<CopyResult> {
  const file = workerFile();
  if (file === null || sizeOf(options.source) < WORKER_FROM_BYTES) return copyDatabase(options);
  const { signal, ...data } = options;
  signal?.throwIfAborted();
  let started = false;
  const outcome = await new Promise<WorkerAnswer | 'no-worker'>((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    const stop = () => worker.postMessage('stop');
    signal?.addEventListener('abort', stop, { once: true });
    const settle = (answer: WorkerAnswer | 'no-worker') => {
      signal?.removeEventListener('abort', stop);
      resolve(answer);
    };
    worker.on('message', (answer: WorkerAnswer) => {
      if ('started' in answer) started = true;
      else settle(answer);
    });
    // A worker that could not start at all: the copy runs on this thread instead.
    worker.on('error', (error: unknown) => {
      if (!started) settle('no-worker');
      else reject(error instanceof Error ? error : new Error(String(error)));
    });
    worker.on('exit', () => settle('no-worker'));
  });
  if (outcome === 'no-worker') {
    if (started) throw new Error('The backup thread stopped before it finished.');
    return copyDatabase(options);
  }
  if ('started' in outcome) throw new Error('The backup thread answered out of turn.');
  if (outcome.ok) return outcome.value;
  if (outcome.aborted) signal?.throwIfAborted();
  throw outcome.code ? new DeskError(outcome.code, outcome.message) : new Error(outcome.message);
}
