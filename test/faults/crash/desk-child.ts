import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Input, Method, Output } from '../../../shared/api/contract.ts';
import type { DeskErrorBody, Result } from '../../../shared/api/result.ts';

/**
 * `rs-desk serve` as a real child process for the crash test: started as staff start it, called
 * over HTTP exactly as the browser page calls it, and killed with SIGKILL, which gives the desk no
 * chance to finish anything it is in the middle of.
 */

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'rs-desk.js');

/** A call whose answer never came: the desk died with the call in flight. */
export class LostAnswer extends Error {}

export interface DeskChild {
  readonly origin: string;
  readonly token: string;
  readonly process: ChildProcess;
  /** Milliseconds from spawn to the ready line. */
  readonly startMs: number;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the desk closes as it does when staff quit it. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Runs `rs-desk` to the end (the import); rejects with its output if it fails. */
export function runRsDesk(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`rs-desk ${args[0]} failed:\n${out}`)),
    );
  });
}

/** Starts `rs-desk serve` on `dataDir` printing to `printerUri`; resolves at its ready line. */
export function startDeskChild(
  dataDir: string,
  printerUri: string,
  env: NodeJS.ProcessEnv,
): Promise<DeskChild> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--no-open', '--data-dir', dataDir, '--printer', printerUri],
    { cwd: ROOT, env },
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`rs-desk serve did not get ready in 60 s:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /^RS Desk ready: (\S+)$/m.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = new URL(match[1]);
      resolve({
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        process: child,
        startMs: performance.now() - started,
        kill: async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`rs-desk serve exited (${code ?? signal}) before ready:\n${stdout}\n${stderr}`),
      );
    });
  });
}

/** The desk's API as the browser page calls it: POST /api/<method> with the token, one session. */
export interface DeskApi {
  /** The answer envelope; LostAnswer when the desk died before answering. */
  result<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** The value of a call that must succeed; throws with the desk's words otherwise. */
  value<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

export function deskApi(desk: Pick<DeskChild, 'origin' | 'token'>, session: string): DeskApi {
  async function result<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${desk.origin}/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-RS-Desk-Token': desk.token,
          'X-RS-Desk-Session': session,
        },
        body: JSON.stringify(input),
      });
      text = await response.text();
    } catch (error) {
      throw new LostAnswer(`${method}: ${(error as Error).message}`);
    }
    return JSON.parse(text) as Result<Output<M>>;
  }
  return {
    result,
    async value(method, input) {
      const answer = await result(method, input);
      if (!answer.ok) throw new DeskRefusal(method, answer.error);
      return answer.value;
    },
  };
}

export class DeskRefusal extends Error {
  readonly body: DeskErrorBody;
  constructor(method: string, body: DeskErrorBody) {
    super(`${method} was refused: ${body.code}: ${body.message}`);
    this.body = body;
  }
}
