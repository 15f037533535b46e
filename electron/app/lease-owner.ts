import { hostname } from 'node:os';
import { processExists } from './running-marker.ts';

/**
 * Who is sending a print job or partner message now. Two desks may run on one data directory
 * (two `rs-desk serve`, or the app and a browser-mode desk), each with its own print queue and
 * outbox sender; before a job is sent, its sender claims it for a while with a compare-and-set
 * (a lease, `claimPrintJob`, `claimMessage`), so only one desk sends it. The owner names the desk
 * that holds the claim: `host:pid:start`, fixed for as long as one opened desk lives.
 *
 * A claim ends when its owner marks the job, releases it on closing, or lets it run out. One held
 * by a desk that is gone can be taken at once, so a desk restarted after a crash resumes its
 * slips and messages without waiting: on this host "gone" is sure (the process no longer exists,
 * or it is this process and that desk closed); a desk on another host is waited out.
 */

export interface LeaseOwner {
  /** `host:pid:start`, as stored in `lease_owner`. */
  readonly id: string;
  /** The desk closed: its leases no longer stand for a desk that is sending. */
  retire(): void;
}

/** Desks open in this process now: a same-pid owner not among them has closed. */
const openHere = new Set<string>();
let opened = 0;

export function createLeaseOwner(): LeaseOwner {
  opened += 1;
  // The time and a counter tell apart desks opened one after another in one process (tests).
  const id = `${hostname()}:${process.pid}:${Date.now().toString(36)}.${opened}`;
  openHere.add(id);
  return { id, retire: () => void openHere.delete(id) };
}

/** Whether the desk that holds a lease is sure to be gone, so its lease may be taken now. */
export function leaseOwnerGone(owner: string): boolean {
  const [start, pidText, ...host] = owner.split(':').reverse();
  if (start === undefined || !/^\d+$/.test(pidText ?? '')) return false;
  if (host.reverse().join(':') !== hostname()) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return !openHere.has(owner);
  return !processExists(pid);
}

/**
 * When a waiting row may be claimed, as a time in ms (0: now), and the gone owner whose lease the
 * claim may take over. A lease of this very owner that reaches here is stale (its sender is not
 * sending it: a mark that failed), and is taken over too.
 */
export function claimableAt(
  row: { readonly nextAttemptAt: string | null; readonly leaseOwner: string | null },
  me: string,
): { readonly at: number; readonly goneOwner: string | null } {
  const owner = row.leaseOwner;
  if (owner !== null && (owner === me || leaseOwnerGone(owner))) return { at: 0, goneOwner: owner };
  return { at: row.nextAttemptAt === null ? 0 : Date.parse(row.nextAttemptAt), goneOwner: null };
}

/**
 * Renews a lease every quarter of its length while an attempt runs, so an attempt with no overall
 * time limit (a printer that keeps reading slowly, an OS driver, a mail server step by step) never
 * loses its lease while its desk lives. A renewal that fails (database busy) is tried again at the
 * next one. The answer stops it.
 */
export function renewWhileSending(renew: () => Promise<unknown>, leaseMs: number): () => void {
  const timer = setInterval(
    () => void renew().catch(() => undefined),
    Math.max(1, Math.floor(leaseMs / 4)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
