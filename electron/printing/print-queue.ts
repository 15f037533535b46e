import type { Gate } from '../../db/gate.ts';
import {
  claimPrintJob,
  headOfEachPrinterQueue,
  markPrintJobAttemptFailed,
  markPrintJobDone,
  releasePrintJobLeases,
  renewPrintJobLease,
  type PrintJobRow,
} from '../../db/repositories/print-jobs-repository.ts';
import { claimableAt, renewWhileSending, type LeaseOwner } from '../app/lease-owner.ts';
import { PrintError, type PrinterTransport } from './printer-transport.ts';

/**
 * The persistent print queue's sender (DESIGN.md §7). Jobs are rendered and stored by the use case
 * that makes the slip, in its own transaction; this sends them, oldest first per printer, one job
 * at a time per printer and printers in parallel, so an unreachable printer never holds up
 * another printer or the desk. A job is marked done only after its transport has handed over
 * every byte; a retryable failure waits with backoff, a permanent one marks the job failed.
 * Delivery is at least once: a crash between the last byte and the DONE mark prints it again.
 * Exactly once cannot be had from a raw printer, which acknowledges nothing the desk could store
 * in the same transaction as the DONE mark. The idempotency key is the print job's id: the slip
 * is rendered once, stored with the desk step that made it, and marked DONE by id, so a repeat is
 * byte for byte the same slip (with the request ID on it) and never a second job; only a job in
 * flight at the crash can print twice (test/faults/crash-safety.test.ts counts them).
 *
 * Two desks on one data directory (two `rs-desk serve`, or the app and a browser-mode desk) each
 * run this queue over the same print_jobs. A job is claimed before it is sent, in its own short
 * transaction (`claimPrintJob`, a compare-and-set on the row): only the desk whose claim changed
 * the row prints it, and the others see its printer's head taken until the claim's lease ends.
 * The lease (DEFAULT_LEASE_MS, two minutes) outlasts any one time limit of a transport (at most
 * 30 s: lp; a raw printer's 5 s to connect and 10 s of silence) several times over, and is
 * renewed while the attempt runs, so an attempt is never sent twice at once while its desk lives.
 * A desk that died holding a lease on this host is seen to be gone and its job taken at once; a
 * desk on another host is waited out. Marks count only from the lease holder.
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
  /** This desk, as named in the leases it takes. */
  readonly owner: LeaseOwner;
  /** The transport for a printer URI, or why there is none (a URI that no longer parses). */
  readonly transportFor: (uri: string) => PrinterTransport | PrintError;
  /** Called whenever a printer's state or the queue changes (the status bar listens). */
  readonly onChange: () => void;
  readonly now?: () => number;
  readonly setTimer?: SetTimer;
  /** Milliseconds before retry number `attempt` (1, 2, …). */
  readonly backoffMs?: (attempt: number) => number;
  /** How long a claim on a job holds before another desk may take it (renewed while sending). */
  readonly leaseMs?: number;
  /**
   * How often to look even when nothing is due: a slip stored by another desk on the same data
   * directory that it did not get to print (it closed or died) still goes within this time.
   */
  readonly idlePollMs?: number;
}

export interface PrintQueue {
  /** Look for due jobs now: a job was stored, retried, or a setting changed. */
  wake(): void;
  /** What each printer URI is doing, for printers this queue has tried. */
  activity(uri: string): PrinterActivity;
  /** Stop sending: the jobs in flight finish, nothing new starts, and this desk's leases end. */
  stop(): Promise<void>;
}

/** A claim on a job lasts two minutes, renewed every 30 s while it is sent. */
export const DEFAULT_LEASE_MS = 120_000;

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
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const idlePollMs = options.idlePollMs ?? 30_000;
  const owner = options.owner.id;
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
    // A printer that is offline stays "offline, because …" while it is tried again, until a job
    // goes through: a jammed printer's status must not flicker to "printing" on every retry.
    if (activities.get(job.printerUri)?.state !== 'offline') {
      setActivity(job.printerUri, { state: 'printing', lastError: null });
    }
    const stopRenewing = renewWhileSending(
      () =>
        options.gate.transaction((tx) =>
          renewPrintJobLease(tx, job.id, owner, new Date(now() + leaseMs).toISOString()),
        ),
      leaseMs,
    );
    try {
      if (transport instanceof PrintError) throw transport;
      await transport.send({
        format: transport.format,
        bytes: job.payload ?? new Uint8Array(),
        name: jobFileName(job),
      });
      stopRenewing();
      await options.gate.transaction((tx) => markPrintJobDone(tx, job.id, owner));
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
        markPrintJobAttemptFailed(tx, { id: job.id, owner, error: failure.message, retryAt }),
      );
      setActivity(job.printerUri, {
        state: failure.retryable ? 'offline' : 'failed',
        lastError: failure.message,
      });
    } finally {
      stopRenewing();
    }
  }

  /** Claims a due job for this desk; false if another desk has it (or it moved on) now. */
  async function claim(job: PrintJobRow, goneOwner: string | null): Promise<boolean> {
    const at = now();
    return options.gate.transaction((tx) =>
      claimPrintJob(tx, {
        id: job.id,
        owner,
        now: new Date(at).toISOString(),
        leaseUntil: new Date(at + leaseMs).toISOString(),
        goneOwner,
      }),
    );
  }

  async function scan(): Promise<void> {
    cancelTimer?.();
    cancelTimer = null;
    const heads = await options.gate.read((db) => headOfEachPrinterQueue(db));
    let nextDue = now() + idlePollMs;
    for (const job of heads) {
      // This desk's own lease on a job it is sending is skipped here, before claimableAt.
      if (sending.has(job.printerUri)) continue;
      const { at, goneOwner } = claimableAt(job, owner);
      if (at > now()) {
        // Waiting for its retry, or for another desk's lease to end.
        nextDue = Math.min(nextDue, at);
        continue;
      }
      // Closing: claim nothing more (a claim made as it closed is released by stop).
      if (stopped) continue;
      if (!(await claim(job, goneOwner))) {
        // Another desk claimed it first (or it moved on): look again shortly, to see its lease.
        nextDue = Math.min(nextDue, now() + backoffMs(1));
        continue;
      }
      if (stopped) continue;
      const run = send(job)
        // The database is closing or busy: the job keeps this desk's lease, which the next
        // look takes back (claimableAt), or which stop releases.
        .catch(() => undefined)
        .finally(() => {
          sending.delete(job.printerUri);
          wake();
        });
      sending.set(job.printerUri, run);
    }
    if (!stopped) cancelTimer = setTimer(wake, Math.max(0, nextDue - now()));
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
          // The database is busy (another desk) or closing: look again a little later.
          if (!stopped) cancelTimer = setTimer(wake, backoffMs(1));
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
      // A lease left by a mark that failed: another desk (or the next run) need not wait it out.
      await options.gate
        .transaction((tx) => releasePrintJobLeases(tx, owner))
        .catch(() => undefined);
    },
  };
}
