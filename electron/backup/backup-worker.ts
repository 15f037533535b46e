import { parentPort, workerData } from 'node:worker_threads';
import { DeskError } from '../../shared/api/result.ts';
import { copyDatabase, type CopyOptions } from './online-copy.ts';
import type { WorkerAnswer } from './copy-in-worker.ts';

/**
 * The daily backup's thread (copy-in-worker.ts starts it): the copy's steps, its final sync to
 * disk and its integrity check all run here, so the desk's own thread keeps answering scans.
 * The message 'stop' from the desk ends the copy early (the desk is closing).
 */

const port = parentPort;
if (port) {
  const stop = new AbortController();
  port.on('message', (message) => {
    if (message === 'stop') stop.abort();
  });
  const answer = (reply: WorkerAnswer) => {
    port.postMessage(reply);
    port.close();
  };
  port.postMessage({ started: true } satisfies WorkerAnswer);
  copyDatabase({ ...(workerData as Omit<CopyOptions, 'signal'>), signal: stop.signal }).then(
    (value) => answer({ ok: true, value }),
    (error: unknown) =>
      answer({
        ok: false,
        code: error instanceof DeskError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
        aborted: stop.signal.aborted,
      }),
  );
}
