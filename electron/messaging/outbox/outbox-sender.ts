import type { Gate } from '../../../db/gate.ts';
import type { Orm } from '../../../db/database.ts';
import {
  claimMessage,
  headsOfOutboxQueues,
  markMessageAttemptFailed,
  markMessageSent,
  PARTNER_REFUSED_ALERT,
  releaseMessageLeases,
  renewMessageLease,
  settleRefusalAlert,
} from '../../../db/repositories/outbox-repository.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import { addAlert } from '../../../db/repositories/request-alerts-repository.ts';
import { claimableAt, renewWhileSending, type LeaseOwner } from '../../app/lease-owner.ts';
import { DEFAULT_BACKOFF_MS, type SetTimer } from '../../printing/print-queue.ts';
import type { Delivery } from './delivery.ts';

/**
 * The persistent outbox's sender (DESIGN.md §9), modelled on the print queue. A desk step stores
 * its partner message in its own transaction; this delivers it later, in the background:
 *
 * - In order per queue: one request's messages to one partner go oldest first, one at a time, so
 *   a partner sees Loaned before LoanCompleted; a message waits while an earlier one is unsent.
 * - In parallel across queues, bounded overall and per partner, so a partner that hangs holds up
 *   neither other partners nor the desk.
 * - Never inside a desk transaction: the heads are read in one short unit of work, the delivery
 *   (HTTP POST, SMTP) runs with the database free, and each state change after it is one small
 *   transaction of its own.
 * - A failure worth retrying (unreachable, timeout, HTTP 5xx, a garbled reply) waits with backoff,
 *   2 s doubling to a minute; one that needs a person (an ERROR confirmation, no endpoint) stops
 *   the message as FAILED, and the ERROR raises an alert on the request.
 *
 * Delivery is at least once: a crash (or the desk closing) between the partner's answer and the
 * SENT mark sends the message again on the next run, and a partner may see it twice. ISO 18626 has
 * no message identifier to deduplicate on; a repeated status for the same request is harmless to
 * a partner that applies statuses, which is what the standard's partners do. The idempotency key
 * is the outbox row: the desk step stores the message once, its header stamped with the step's
 * time, and every attempt builds the same XML from it (same request ids, same timestamp; only
 * an edit to the partner or to our agency id in between changes it), so a repeat is recognisably
 * the same message; a letter keeps its Message-ID (letter-mail.ts). Only a message in flight at
 * the crash goes twice (test/faults/crash-safety.test.ts counts them).
 *
 * Two desks on one data directory each run this sender over the same outbox. A message is claimed
 * before it is sent, in its own short transaction (`claimMessage`, a compare-and-set on the row),
 * so only one desk sends it; the others see its queue's head taken until the lease ends. The
 * lease (`leaseMsFor`: two minutes, or twice the exchange's time limit and half a minute more
 * when that is longer) outlasts an ISO 18626 exchange, whose time limit covers the whole POST,
 * and is renewed while the attempt runs, for a letter handed to the mail server step by step. A
 * desk that died holding a lease on this host is seen to be gone and its message taken at once;
 * a desk on another host is waited out. Marks count only from the lease holder.
 */

export interface OutboxSenderOptions {
  readonly gate: Gate;
  /** This desk, as named in the leases it takes. */
  readonly owner: LeaseOwner;
  /** Delivers one message (ISO 18626 over HTTP, or a letter through the mailer). */
  readonly deliver: (message: PartnerMessageRow, signal: AbortSignal) => Promise<Delivery>;
  /** Called after each state change and each look at the queues (the status bar listens). */
  readonly onChange: (changed: boolean) => void;
  readonly now?: () => number;
  readonly setTimer?: SetTimer;
  /** Milliseconds before retry number `attempt` (1, 2, …). */
  readonly backoffMs?: (attempt: number) => number;
  /** How long a claim on a message holds before another desk may take it (renewed while sending). */
  readonly leaseMs?: number;
  /** Messages in flight at once, over all partners. */
  readonly maxParallel?: number;
  /** Messages in flight at once to one partner (or to patrons). */
  readonly maxPerPartner?: number;
  /**
   * How often to look even when nothing is due: a message stored by another process on the same
   * database, or by code that did not wake the sender, still goes within this time.
   */
  readonly idlePollMs?: number;
}

export interface OutboxSender {
  /** Look for due messages now: a message was stored, retried, or a partner changed. */
  wake(): void;
  /**
   * Stop sending: nothing new starts; a POST in flight is cut short and goes again on the next
   * run (or from another desk: this desk's leases end), and a letter being handed to the mail
   * server is let finish (its own timeouts bound it).
   */
  stop(): Promise<void>;
}

/** A claim on a message: two minutes, or longer where one exchange may take longer. */
export function leaseMsFor(sendTimeoutMs: number): number {
  return Math.max(120_000, 2 * sendTimeoutMs + 30_000);
}

const defaultSetTimer: SetTimer = (run, ms) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** Records what an attempt came to, as one small transaction; false if the message had moved on. */
async function record(
  tx: Orm,
  message: PartnerMessageRow,
  owner: string,
  delivery: Delivery,
  at: Date,
  retryAt: string,
): Promise<boolean> {
  if (delivery.outcome === 'sent') {
    const marked = await markMessageSent(tx, message.id, owner, at.toISOString());
    if (marked) await settleRefusalAlert(tx, message, at.toISOString());
    return marked;
  }
  const id = message.id;
  if (delivery.outcome === 'retry') {
    return markMessageAttemptFailed(tx, { id, owner, error: delivery.error, retryAt });
  }
  const marked = await markMessageAttemptFailed(tx, {
    id,
    owner,
    error: delivery.error,
    retryAt: null,
  });
  const requestRowId = message.borrowingRequestId ?? message.lendingRequestId;
  if (marked && delivery.alert !== undefined && requestRowId !== null) {
    await addAlert(tx, {
      kind: message.borrowingRequestId !== null ? 'borrowing' : 'lending',
      requestRowId,
      code: PARTNER_REFUSED_ALERT,
      message: delivery.alert,
      at: at.toISOString(),
    });
  }
  return marked;
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? defaultSetTimer;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const maxParallel = options.maxParallel ?? 6;
  const maxPerPartner = options.maxPerPartner ?? 2;
  const idlePollMs = options.idlePollMs ?? 30_000;
  const leaseMs = options.leaseMs ?? leaseMsFor(0);
  const owner = options.owner.id;
  /** Messages in flight by id, with the partner each occupies a place of. */
  const sending = new Map<number, { partner: string; run: Promise<void> }>();
  const stopping = new AbortController();
  let stopped = false;
  let scanning = false;
  let scanAgain = false;
  let cancelTimer: (() => void) | null = null;

  const partnerOf = (message: PartnerMessageRow) => String(message.partnerId ?? 'patron');
  const inFlightTo = (partner: string) =>
    [...sending.values()].filter((s) => s.partner === partner).length;

  async function send(message: PartnerMessageRow): Promise<void> {
    let delivery: Delivery;
    const stopRenewing = renewWhileSending(
      () =>
        options.gate.transaction((tx) =>
          renewMessageLease(tx, message.id, owner, new Date(now() + leaseMs).toISOString()),
        ),
      leaseMs,
    );
    try {
      delivery = await options.deliver(message, stopping.signal);
    } catch (error) {
      delivery = { outcome: 'retry', error: `Sending failed: ${(error as Error).message}` };
    } finally {
      stopRenewing();
    }
    // Closing cut the attempt short: it was no attempt, and the message goes on the next run.
    if (stopped && delivery.outcome === 'retry') return;
    const at = new Date(now());
    const retryAt = new Date(now() + backoffMs(message.attempts + 1)).toISOString();
    const changed = await options.gate.transaction((tx) =>
      record(tx, message, owner, delivery, at, retryAt),
    );
    options.onChange(changed);
  }

  /** Claims a due message for this desk; false if another desk has it (or it moved on) now. */
  async function claim(message: PartnerMessageRow, goneOwner: string | null): Promise<boolean> {
    const at = now();
    return options.gate.transaction((tx) =>
      claimMessage(tx, {
        id: message.id,
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
    const heads = await options.gate.read((db) => headsOfOutboxQueues(db));
    let nextDue = now() + idlePollMs;
    for (const message of heads) {
      // A message in flight stays its queue's head until its attempt is recorded (this desk's own
      // lease on it is skipped here, before claimableAt).
      if (sending.has(message.id)) continue;
      const { at, goneOwner } = claimableAt(message, owner);
      if (at > now()) {
        // Waiting for its retry, or for another desk's lease to end.
        nextDue = Math.min(nextDue, at);
        continue;
      }
      const partner = partnerOf(message);
      if (sending.size >= maxParallel || inFlightTo(partner) >= maxPerPartner) continue;
      // Closing: claim nothing more (a claim made as it closed is released by stop).
      if (stopped) continue;
      if (!(await claim(message, goneOwner))) {
        // Another desk claimed it first (or it moved on): look again shortly, to see its lease.
        nextDue = Math.min(nextDue, now() + backoffMs(1));
        continue;
      }
      if (stopped) continue;
      const run = send(message)
        .catch(() => undefined) // the database is closing; the message goes next run
        .finally(() => {
          sending.delete(message.id);
          wake();
        });
      sending.set(message.id, { partner, run });
    }
    if (!stopped) cancelTimer = setTimer(wake, Math.max(0, nextDue - now()));
    options.onChange(false);
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
          // The database is busy (another process) or closing: look again a little later.
          if (!stopped) cancelTimer = setTimer(wake, backoffMs(1));
        }
      } while (scanAgain && !stopped);
      scanning = false;
    })();
  }

  return {
    wake,
    async stop() {
      stopped = true;
      cancelTimer?.();
      stopping.abort();
      await Promise.allSettled([...sending.values()].map((s) => s.run));
      // The attempts cut short left their leases: another desk (or the next run) need not wait.
      await options.gate
        .transaction((tx) => releaseMessageLeases(tx, owner))
        .catch(() => undefined);
    },
  };
}
