import type { Gate } from '../../db/gate.ts';
import {
  headOfEachPrinterQueue,
  markPrintJobAttemptFailed,
  markPrintJobDone,
  type PrintJobRow,
} from '../../db/repositories/print-jobs-repository.ts';
import { PrintError, type PrinterTransport } from './printer-transport.ts';

/**
 * The persistent print queue's sender (DESIGN.md §7). Jobs are rendered and stored by the use case
 * that makes the slip, in its own transaction; this sends them, oldest first per printer, one job
 * at a time per printer and printers in parallel, so an unreachable printer never holds up
 * another printer or the desk. A job is marked done only after its transport has handed over
 * every byte; a retryable failure waits with backoff, a permanent one marks the job failed.
 * Delivery is at least once: a crash between the last byte and the DONE mark prints it again.
 */

export type PrinterState = 'idle' | 'printing' | 'offline' | 'failed';

export interface PrinterActivity {
  readonly state: PrinterState;
  /** The last failure in plain words, until the printer next prints. */
  readonly lastError: string | null;
}

export type SetTimer = (run: () => void, ms: number) => () => void;

export interface PrintQueueOptions {
  readonly gate: Gate;
  /** The transport for a printer URI, or why there is none (a URI that no longer parses). */
  readonly transportFor: (uri: string) => PrinterTransport | PrintError;
  /** Called whenever a printer's state or the queue changes (the status bar listens). */
  readonly onChange: () => void;
  readonly now?: () => number;
  readonly setTimer?: SetTimer;
  /** Milliseconds before retry number `attempt` (1, 2, …). */
  readonly backoffMs?: (attempt: number) => number;
}

export interface PrintQueue {
  /** Look for due jobs now: a job was stored, retried, or a setting changed. */
  wake(): void;
  /** What each printer URI is doing, for printers this queue has tried. */
  activity(uri: string): PrinterActivity;
  /** Stop sending: the jobs in flight finish, nothing new starts. */
  stop(): Promise<void>;
}

/** 2 s, 4 s, 8 s … up to a minute: quick when a printer is only waking up, calm when it is off. */
export const DEFAULT_BACKOFF_MS = (attempt: number): number =>
  Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));

const defaultSetTimer: SetTimer = (run, ms) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** A job's file-name stem: "Receive slip B-1001" → "receive-slip-B-1001". */
export function jobFileName(job: Pick<PrintJobRow, 'id' | 'title'>): string {
  const stem = job.title
    .trim()
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? `print-job-${job.id}` : stem.replace(/^[A-Z][a-z]/, (s) => s.toLowerCase());
}

export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? defaultSetTimer;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const sending = new Map<string, Promise<void>>();
  const activities = new Map<string, PrinterActivity>();
  let stopped = false;
  let scanning = false;
  let scanAgain = false;
  let cancelTimer: (() => void) | null = null;

  function setActivity(uri: string, activity: PrinterActivity): void {
    activities.set(uri, activity);
    options.onChange();
  }

  async function send(job: PrintJobRow): Promise<void> {
    const transport = options.transportFor(job.printerUri);
    setActivity(job.printerUri, { state: 'printing', lastError: null });
    try {
      if (transport instanceof PrintError) throw transport;
      await transport.send({
        format: transport.format,
        bytes: job.payload ?? new Uint8Array(),
        name: jobFileName(job),
      });
      await options.gate.transaction((tx) => markPrintJobDone(tx, job.id));
      setActivity(job.printerUri, { state: 'idle', lastError: null });
    } catch (error) {
      const failure =
        error instanceof PrintError
          ? error
          : new PrintError(`Printing failed: ${(error as Error).message}`, true);
      const retryAt = failure.retryable
        ? new Date(now() + backoffMs(job.attempts + 1)).toISOString()
        : null;
      await options.gate.transaction((tx) =>
        markPrintJobAttemptFailed(tx, job.id, failure.message, retryAt),
      );
      setActivity(job.printerUri, {
        state: failure.retryable ? 'offline' : 'failed',
        lastError: failure.message,
      });
    }
  }

  async function scan(): Promise<void> {
    cancelTimer?.();
    cancelTimer = null;
    const heads = await options.gate.read((db) => headOfEachPrinterQueue(db));
    let nextDue = Infinity;
    for (const job of heads) {
      if (sending.has(job.printerUri)) continue;
      const due = job.nextAttemptAt === null ? 0 : Date.parse(job.nextAttemptAt);
      if (due > now()) {
        nextDue = Math.min(nextDue, due);
        continue;
      }
      const run = send(job).finally(() => {
        sending.delete(job.printerUri);
        wake();
      });
      sending.set(job.printerUri, run);
    }
    if (nextDue !== Infinity && !stopped) {
      cancelTimer = setTimer(wake, Math.max(0, nextDue - now()));
    }
    options.onChange();
  }

  function wake(): void {
    if (stopped) return;
    if (scanning) {
      scanAgain = true;
      return;
    }
    scanning = true;
    void (async () => {
      do {
        scanAgain = false;
        try {
          await scan();
        } catch {
          // The database is closing or busy; the next wake (or timer) looks again.
        }
      } while (scanAgain && !stopped);
      scanning = false;
    })();
  }

  return {
    wake,
    activity: (uri) => activities.get(uri) ?? { state: 'idle', lastError: null },
    async stop() {
      stopped = true;
      cancelTimer?.();
      await Promise.allSettled([...sending.values()]);
    },
  };
}
