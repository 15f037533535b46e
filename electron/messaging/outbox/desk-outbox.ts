import type { MessagesStatus } from '../../../shared/api/contract-messages.ts';
import type { Gate } from '../../../db/gate.ts';
import { countOutbox } from '../../../db/repositories/outbox-repository.ts';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import type { DeskEvents } from '../../app/desk-events.ts';
import type { LeaseOwner } from '../../app/lease-owner.ts';
import type { Delivery } from './delivery.ts';
import { createEmailTransport } from './email-transport.ts';
import { createIsoTransport } from './iso-transport.ts';
import { createOutboxSender, leaseMsFor, type OutboxSender } from './outbox-sender.ts';

/**
 * The desk's outbox at run time: the sender, the transports it delivers through, and the
 * `messages.status` event the status bar and the Partner Messages screen follow. A desk step wakes
 * it through `requests.changed`, which every step emits after its transaction commits.
 */

/** How long one ISO 18626 exchange or SMTP step may take before it counts as no answer. */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

export interface DeskOutbox {
  /** Look for due messages now (a message was stored, retried or withdrawn). */
  wake(): void;
  /** How many messages wait and how many failed. */
  status(): Promise<MessagesStatus>;
  /**
   * Push a fresh `messages.status` to every window (coalesced): always when `changed` (a message's
   * state moved, so open lists are stale), otherwise only when the counts differ from the last.
   */
  publish(changed?: boolean): void;
  stop(): Promise<void>;
}

/** Where messages go: one delivery function per channel (the tests' and the desk's are real). */
export interface MessageTransports {
  readonly iso: (message: PartnerMessageRow, signal: AbortSignal) => Promise<Delivery>;
  readonly email: (message: PartnerMessageRow, signal: AbortSignal) => Promise<Delivery>;
}

export interface DeskOutboxOptions {
  readonly gate: Gate;
  readonly events: DeskEvents;
  /** This desk, as named in the leases its sender takes on messages. */
  readonly owner: LeaseOwner;
  readonly dataDir: string;
  /** False leaves every message where the desk step put it (tests that inspect the outbox). */
  readonly send?: boolean;
  /** Milliseconds before retry number `attempt` (tests shorten it). */
  readonly backoffMs?: (attempt: number) => number;
  /** The time limit of one exchange with a partner or mail server (tests shorten it). */
  readonly timeoutMs?: number;
  readonly transports?: MessageTransports;
}

export function startDeskOutbox(options: DeskOutboxOptions): DeskOutbox {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const transports = options.transports ?? {
    iso: createIsoTransport({ gate: options.gate, timeoutMs }),
    email: createEmailTransport({
      gate: options.gate,
      dataDir: options.dataDir,
      smtpTimeoutMs: timeoutMs,
    }),
  };
  let stopped = false;
  let publishing = false;
  let changedSince = false;
  let last: MessagesStatus | null = null;

  async function status(): Promise<MessagesStatus> {
    return options.gate.read((db) => countOutbox(db));
  }

  function publish(changed = false): void {
    changedSince ||= changed;
    if (publishing || stopped) return;
    publishing = true;
    setImmediate(() => {
      publishing = false;
      const force = changedSince;
      changedSince = false;
      status().then(
        (now) => {
          const same = last !== null && last.pending === now.pending && last.failed === now.failed;
          last = now;
          if (!stopped && (force || !same)) options.events.emit('messages.status', now);
        },
        () => undefined, // closing: nobody is listening any more
      );
    });
  }

  const sender: OutboxSender | null =
    options.send === false
      ? null
      : createOutboxSender({
          gate: options.gate,
          owner: options.owner,
          leaseMs: leaseMsFor(timeoutMs),
          deliver: (message, signal) =>
            message.channel === 'iso18626'
              ? transports.iso(message, signal)
              : transports.email(message, signal),
          onChange: publish,
          ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
        });
  const unfollow = options.events.on('requests.changed', () => {
    sender?.wake();
    publish();
  });

  return {
    wake: () => sender?.wake(),
    status,
    publish,
    async stop() {
      unfollow();
      await sender?.stop();
      stopped = true;
    },
  };
}
