import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DeskClient } from '../../shared/api/client.ts';
import type { Input, Method } from '../../shared/api/contract.ts';
import type { BenchTargets } from './bench-data.ts';
import { figureOf, timeEach, type Figure } from './figures.ts';

/**
 * Parts a–c: the four desk steps (receive, return, ship, scan in) as the services answer them and
 * as browser mode's HTTP API does, and the floor under them: bare better-sqlite3 on the same file,
 * one indexed lookup and one status update per transaction, which no desk step can beat.
 */

/** Calls one method and throws its refusal: a refused step must not pass for a fast one. */
export type CallMethod = <M extends Method>(method: M, input: Input<M>) => Promise<unknown>;

/** The `part` of each target list: the services take the first half, HTTP the second. */
function half<T>(list: readonly T[], steps: number, part: 0 | 1): T[] {
  return list.slice(part * steps, (part + 1) * steps);
}

/**
 * Waits until the desk is idle again after a step: its `slips` reached the printer. Staff scan
 * seconds apart, so each step is timed at a desk that has finished the last one's printing.
 */
export type Settle = (slips: number) => Promise<void>;

/** The four desk steps, `steps` of each, through `call`; figure names start with `prefix`. */
export async function measureDeskSteps(
  call: CallMethod,
  settle: Settle,
  targets: BenchTargets,
  options: { steps: number; part: 0 | 1; prefix: string; dueDate: string },
): Promise<Figure[]> {
  const { steps, part, prefix, dueDate } = options;
  const timed = async <T>(list: readonly T[], slips: number, step: (t: T) => Promise<unknown>) => {
    const samples: number[] = [];
    for (const target of half(list, steps, part)) {
      samples.push(...(await timeEach([target], step)));
      await settle(slips);
    }
    return samples;
  };
  const receive = await timed(targets.receive, 1, (t) =>
    call('receiving.receive', { requestId: t.requestId, tempBarcode: t.tempBarcode }),
  );
  const returns = await timed(targets.returns, 1, (t) =>
    call('returning.return', { requestId: t.requestId }),
  );
  const ship = await timed(targets.ship, 1, (t) =>
    call('shipping.ship', { requestId: t.requestId, itemBarcode: t.itemBarcode, dueDate }),
  );
  const scanIn = await timed(targets.scanIn, 0, (t) =>
    call('scanIn.checkIn', { value: t.itemBarcode }),
  );
  return [
    figureOf(`${prefix}.receive`, receive),
    figureOf(`${prefix}.return`, returns),
    figureOf(`${prefix}.ship`, ship),
    figureOf(`${prefix}.scan_in`, scanIn),
  ];
}

/** A `CallMethod` over a desk client (the services, as the Electron window reaches them). */
export function clientCaller(client: DeskClient): CallMethod {
  return async (method, input) => {
    const result = await client.call(method, input);
    if (!result.ok) throw new Error(`${method} was refused: ${result.error.message}`);
    return result.value;
  };
}

/** One call the HTTP client process makes, and its answer. */
export interface HttpCall {
  readonly id: number;
  readonly method: string;
  readonly input: unknown;
}
export interface HttpReply {
  readonly id: number;
  readonly ok: boolean;
  readonly message: string | null;
}

const HTTP_CLIENT = fileURLToPath(new URL('./http-client.ts', import.meta.url));

/**
 * A `CallMethod` over browser mode's HTTP API at `url` (the link `rs-desk serve` prints), called
 * from a client process of its own (http-client.ts), as the desk's page calls it from Chromium's.
 * A call is timed here, so the figure includes the hand-over to that process: an upper bound.
 */
export function httpCaller(url: string): { call: CallMethod; close: () => void } {
  const child = fork(HTTP_CLIENT, [url], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, (reply: HttpReply) => void>();
  let next = 0;
  child.on('message', (message) => {
    const reply = message as HttpReply;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const call: CallMethod = async (method, input) => {
    const id = next++;
    const reply = await new Promise<HttpReply>((resolve, reject) => {
      waiting.set(id, resolve);
      child.send({ id, method, input } satisfies HttpCall, (error) => error && reject(error));
    });
    if (!reply.ok) throw new Error(`${method} was refused: ${reply.message ?? '?'}`);
    return reply;
  };
  return { call, close: () => child.disconnect() };
}

/**
 * The floor: on its own connection to the desk's file (WAL, synchronous NORMAL, as the desk opens
 * it), `count` transactions of one lookup by request ID through its unique index and one status
 * update of that row. The rows are closed requests, set to the status they already have.
 */
export async function measureFloor(
  file: string,
  requestIds: readonly string[],
  count: number,
): Promise<Figure> {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    const find = sqlite.prepare<[string], { id: number; status: string }>(
      'SELECT id, status FROM lending_requests WHERE request_id = ?',
    );
    const update = sqlite.prepare(
      'UPDATE lending_requests SET status = ?, updated_at = ? WHERE id = ?',
    );
    const step = sqlite.transaction((requestId: string) => {
      const row = find.get(requestId);
      if (!row) throw new Error(`The floor's request ${requestId} is not in the data set.`);
      update.run(row.status, new Date().toISOString(), row.id);
    });
    const inputs = Array.from({ length: count }, (_, i) => requestIds[i % requestIds.length] ?? '');
    // BEGIN IMMEDIATE, as the desk's gate takes its write lock.
    return figureOf('floor.lookup_and_update', await timeEach(inputs, (id) => step.immediate(id)));
  } finally {
    sqlite.close();
  }
}
