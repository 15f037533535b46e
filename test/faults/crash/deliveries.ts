import { createHash } from 'node:crypto';
import type { LoopbackIsoPartner, ReceivedIso } from '../../helpers/loopback-iso-partner.ts';
import type { LoopbackPrinter } from '../../helpers/loopback-printer.ts';
import type { StoredJob, StoredMessage } from './desk-file.ts';

/**
 * What reached the loopback printer and the loopback partner, held against what the desk stored.
 * Delivery is at least once: every slip and message arrives, and one arrives twice only when it
 * was in flight at a kill — it had arrived, but the desk died before marking it done or sent.
 * A slip is matched by its bytes (rendered once and stored, so a repeat is byte for byte the
 * same); a message by its kind and request, and its repeats must be the very same XML.
 */

const hash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A message's key as the partner sees it: the kind and our request (B-… or L-…). */
function receivedKey(m: ReceivedIso): string {
  const ours = m.requestingAgencyRequestId.startsWith('B-')
    ? m.requestingAgencyRequestId
    : (m.supplyingAgencyRequestId ?? '');
  return `${m.kind}|${ours}`;
}

const storedKey = (m: StoredMessage): string => `${m.kind}|${m.requestId}`;

export interface DeliveryTallies {
  slips: number;
  slipsPrintedTwice: number;
  slipsCutShort: number;
  partnerMessages: number;
  messagesDeliveredTwice: number;
}

export class DeliveryWatch {
  /** Print jobs and messages that had arrived but were not marked done/sent at some kill. */
  private readonly jobsInFlight = new Set<number>();
  private readonly messagesInFlight = new Set<number>();
  private readonly printer: LoopbackPrinter;
  private readonly partner: LoopbackIsoPartner;

  constructor(printer: LoopbackPrinter, partner: LoopbackIsoPartner) {
    this.printer = printer;
    this.partner = partner;
  }

  private printedCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const job of this.printer.jobs()) {
      const key = hash(job);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  private receivedByKey(): Map<string, ReceivedIso[]> {
    const byKey = new Map<string, ReceivedIso[]>();
    for (const m of this.partner.received()) {
      const key = receivedKey(m);
      byKey.set(key, [...(byKey.get(key) ?? []), m]);
    }
    return byKey;
  }

  /** At a kill (the desk dead): what had arrived although the desk had not marked it done. */
  atKill(unfinishedJobs: readonly StoredJob[], unsentMessages: readonly StoredMessage[]): void {
    const printed = this.printedCounts();
    for (const job of unfinishedJobs) {
      if ((printed.get(hash(job.payload)) ?? 0) > 0) this.jobsInFlight.add(job.id);
    }
    const received = this.receivedByKey();
    for (const m of unsentMessages) {
      if ((received.get(storedKey(m))?.length ?? 0) > 0) this.messagesInFlight.add(m.id);
    }
  }

  /** After the last run drained its queues: every slip and message arrived, repeats explained. */
  finalCheck(
    jobs: readonly StoredJob[],
    messages: readonly StoredMessage[],
  ): { problems: string[]; tallies: DeliveryTallies } {
    const problems: string[] = [];
    const tallies: DeliveryTallies = {
      slips: jobs.length,
      slipsPrintedTwice: 0,
      slipsCutShort: 0,
      partnerMessages: messages.length,
      messagesDeliveredTwice: 0,
    };

    const printed = this.printedCounts();
    const stored = new Set<string>();
    for (const job of jobs) {
      const key = hash(job.payload);
      stored.add(key);
      const times = printed.get(key) ?? 0;
      if (job.state !== 'DONE') problems.push(`Print job ${job.id} is ${job.state}, not DONE`);
      if (times === 0) problems.push(`Print job ${job.id} never reached the printer`);
      if (times > 1) {
        tallies.slipsPrintedTwice += 1;
        if (!this.jobsInFlight.has(job.id)) {
          problems.push(`Print job ${job.id} printed ${times} times without a kill in between`);
        }
      }
    }
    // Bytes that match no stored slip can only be a slip cut short by a kill mid-send.
    const payloads = jobs.map((j) => j.payload);
    for (const bytes of this.printer.jobs()) {
      if (stored.has(hash(bytes))) continue;
      const prefix = payloads.some(
        (p) => bytes.length < p.length && Buffer.from(p.subarray(0, bytes.length)).equals(bytes),
      );
      if (prefix) tallies.slipsCutShort += 1;
      else problems.push(`The printer got ${bytes.length} bytes that are no stored slip`);
    }

    const received = this.receivedByKey();
    const known = new Set<string>();
    for (const m of messages) {
      const key = storedKey(m);
      known.add(key);
      const arrivals = received.get(key) ?? [];
      if (m.state !== 'SENT') problems.push(`Message ${m.id} (${key}) is ${m.state}, not SENT`);
      const [first] = arrivals;
      if (!first) {
        problems.push(`Message ${m.id} (${key}) never reached the partner`);
        continue;
      }
      // The header was made when the desk step queued the message (to the second, as
      // xs:dateTime is written), not when it was sent: so a repeat carries the same header.
      const queuedAt = (JSON.parse(m.body) as { at: string }).at;
      if (Date.parse(first.timestamp) !== Math.floor(Date.parse(queuedAt) / 1000) * 1000) {
        problems.push(`Message ${m.id} (${key}) is stamped ${first.timestamp}, queued ${queuedAt}`);
      }
      if (arrivals.length > 1) {
        tallies.messagesDeliveredTwice += 1;
        if (arrivals.some((a) => a.xml !== first.xml)) {
          problems.push(`Message ${m.id} (${key}) arrived twice with different XML`);
        }
        if (!this.messagesInFlight.has(m.id)) {
          problems.push(`Message ${m.id} (${key}) arrived ${arrivals.length} times without a kill`);
        }
      }
    }
    for (const key of received.keys()) {
      if (!known.has(key)) problems.push(`The partner got ${key}, which the desk never queued`);
    }
    // The partner's own count of byte-identical repeats agrees with the repeats found by key.
    if (this.partner.repeats().length !== tallies.messagesDeliveredTwice) {
      problems.push(
        `The partner saw ${this.partner.repeats().length} repeated messages, the desk's messages ${tallies.messagesDeliveredTwice}`,
      );
    }
    return { problems, tallies };
  }
}
