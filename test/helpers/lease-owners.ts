import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';

/**
 * Lease owners as another desk would write them (`host:pid:start`), for the tests of the claims
 * print jobs and partner messages take: a desk on another computer, a desk process that is still
 * running here, and one that has exited. The processes are real child processes.
 */

/** A desk on another computer: never known to be gone, so its lease is waited out. */
export const OTHER_HOST_OWNER = 'desk-2.library.example:4242:mbx0t7kq.1';

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** The owner id of a desk process on this computer that has exited (crashed) since. */
export async function deadProcessOwner(): Promise<string> {
  const child = spawn(process.execPath, ['-e', '']);
  await exited(child);
  return `${hostname()}:${child.pid ?? 0}:mbx0t7kq.1`;
}

/** A desk process on this computer that is still running; `stop` ends it. */
export async function liveProcessOwner(): Promise<{ owner: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return {
    owner: `${hostname()}:${child.pid ?? 0}:mbx0t7kq.1`,
    stop: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}
