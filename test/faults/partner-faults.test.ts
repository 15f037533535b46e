import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../shared/api/client.ts';
import type { MessagesStatus, PartnerMessageRow } from '../../shared/api/contract-messages.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import { DEFAULT_LENDING_PROFILE } from '../../shared/domain/workflow-profiles.ts';
import { iso18626Settings } from '../../shared/settings/iso18626-settings.ts';
import { setSetting } from '../../db/repositories/settings-repository.ts';
import { partners } from '../../db/schema.ts';
import { importFile, importJson } from '../../electron/import/import-file.ts';
import {
  messagesStatusText,
  messageStateText,
} from '../../renderer/features/messages/messages-selectors.ts';
import { call } from '../helpers/borrowing-desk.ts';
import {
  startLoopbackIsoPartner,
  type LoopbackIsoPartner,
  type PartnerAnswer,
} from '../helpers/loopback-iso-partner.ts';
import { openTempDesk, type TempDesk } from '../helpers/temp-desk.ts';
import {
  batchImport,
  median,
  runStream,
  streamBatch,
  type StepAnswer,
  type StreamBatch,
} from './desk-scan-stream.ts';
import { recordFaultCounts } from './fault-counts.ts';

/**
 * Partner faults through whole desk steps (tracker 8, item 3): both ISO 18626 partners of the
 * fixture point at a loopback partner that is down, too slow, answers HTTP 500, answers garbage,
 * or refuses with an ERROR confirmation, while staff keep receiving, shipping, returning and
 * scanning in. Every step answers at once; the messages wait and are retried (or, refused, stop
 * with an alert on the request and the partner's reason in Partner Messages); once the partner
 * is well again every message arrives, in order per request.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/import/good.json');
/** Requests of each kind per run: two borrowing and two lending messages each. */
const SIZE = 3;
/** Between message retries (the desk's own backoff starts at 2 s). */
const RETRY_MS = 60;
/**
 * How long a partner may take to answer in these tests (the desk's own limit is 30 s): short, yet
 * long enough that a well partner on a busy test machine is not taken for a slow one.
 */
const ANSWER_WITHIN_MS = 800;
/** How much slower the median scan may be while a partner misbehaves than while it is well. */
const SLOWER_AT_MOST = 4;
const PARTNER = '(University at Albany, SUNY|SUNY Geneseo)';
const AGAIN = 'the desk will try again\\.$';

interface Fault {
  readonly name: string;
  readonly apply: (partner: LoopbackIsoPartner) => Promise<void> | void;
  readonly recover: (partner: LoopbackIsoPartner) => Promise<void> | void;
  /** The reason each waiting (or failed) message gives, as Partner Messages shows it. */
  readonly why: RegExp;
  /** Refused for good: the message stops until staff press Retry now. */
  readonly refused: boolean;
}

const answerAll = (answer: PartnerAnswer) => (partner: LoopbackIsoPartner) =>
  partner.answerWith(() => answer);
const wellAgain = (partner: LoopbackIsoPartner) => {
  partner.answerWith(() => ({ type: 'ok' }));
  partner.release();
};

const FAULTS: readonly Fault[] = [
  {
    name: 'is down',
    apply: (p) => p.down(),
    recover: (p) => p.up(),
    why: new RegExp(
      `^Could not reach ${PARTNER} at http://127\\.0\\.0\\.1:\\d+/iso18626: the connection was refused \\(their server is not running or not listening there\\); ${AGAIN}`,
    ),
    refused: false,
  },
  {
    name: 'answers too slowly',
    apply: answerAll({ type: 'hang' }),
    recover: wellAgain,
    why: new RegExp(`^${PARTNER} did not answer within 0\\.8 seconds; ${AGAIN}`),
    refused: false,
  },
  {
    name: 'answers HTTP 500',
    apply: answerAll({ type: 'http', status: 500, body: 'Database down' }),
    recover: wellAgain,
    why: new RegExp(
      `^${PARTNER} answered HTTP 500 Internal Server Error \\(a fault at their end\\); ${AGAIN}`,
    ),
    refused: false,
  },
  {
    name: 'answers something that is no confirmation',
    apply: answerAll({ type: 'raw', body: '<html><body>Service maintenance</body></html>' }),
    recover: wellAgain,
    why: new RegExp(`^${PARTNER}'s answer was not an ISO 18626 confirmation \\(.+\\); ${AGAIN}`),
    refused: false,
  },
  {
    name: 'refuses with an ERROR confirmation',
    apply: answerAll({
      type: 'error',
      errorType: 'UnrecognisedDataValue',
      errorValue: 'No such request at this library',
    }),
    recover: wellAgain,
    why: /^UnrecognisedDataValue: No such request at this library$/,
    refused: true,
  },
];

const batches: Record<string, StreamBatch> = {
  healthy: streamBatch('MH', SIZE),
  ...Object.fromEntries(FAULTS.map((f, i) => [f.name, streamBatch(`M${i}`, SIZE)])),
};

let partner: LoopbackIsoPartner;
let temp: TempDesk;
let client: DeskClient;
/** Every `messages.status` the desk pushed, as the status bar receives them. */
const pushed: MessagesStatus[] = [];
let baselineMedianMs = NaN;
const tally = {
  faults: 0,
  stepsWhileMisbehaving: 0,
  messagesQueued: 0,
  failedAttemptsRetried: 0,
  refusedThenRetriedByStaff: 0,
  partnerSawTwice: 0,
  messagesDelivered: 0,
  baselineSteps: 0,
};

beforeAll(async () => {
  partner = await startLoopbackIsoPartner();
  temp = await openTempDesk({
    printer: null,
    sendMessages: true,
    messageBackoffMs: () => RETRY_MS,
    messageTimeoutMs: ANSWER_WITHIN_MS,
  });
  const gate = temp.desk.context.gate;
  await importFile(gate, FIXTURE);
  // A lending partner whose profile has the Checked In Message step, so Scan In Items tells it
  // LoanCompleted after Loaned: two messages in order for lending requests too.
  await importJson(
    gate,
    {
      workflowProfiles: [
        {
          name: 'Lending with Checked In Message',
          type: 'LENDING',
          steps: [...DEFAULT_LENDING_PROFILE.steps, 'CHECKED_IN_MESSAGE'],
        },
      ],
      partners: [
        {
          code: 'SUNYGEN',
          name: 'SUNY Geneseo',
          symbol: 'GEN',
          protocol: 'iso18626',
          endpoint: partner.url,
          lendingWorkflow: 'Lending with Checked In Message',
        },
      ],
    },
    { source: 'partner-faults-partners.json' },
  );
  await importJson(
    gate,
    batchImport(Object.values(batches), { borrowing: 'SUNYALB', lending: 'SUNYGEN' }),
    { source: 'partner-faults.json' },
  );
  await gate.transaction(async (tx) => {
    await setSetting(tx, 'iso18626', iso18626Settings.parse({ agencyIdValue: 'US-XRSD' }));
    tx.update(partners).set({ endpoint: partner.url }).where(eq(partners.code, 'SUNYALB')).run();
  });
  client = createInProcessClient(
    temp.desk.handlers,
    (event, listener) => temp.desk.events.on(event, listener),
    { id: 'front-desk-window', transport: 'in-process', operatorId: null },
    { checkOutput: true },
  );
  temp.desk.events.on('messages.status', (status) => pushed.push(status));
});

afterAll(async () => {
  recordFaultCounts('Partner faults', {
    'partner faults': tally.faults,
    'desk steps while the partner misbehaved': tally.stepsWhileMisbehaving,
    'messages queued meanwhile': tally.messagesQueued,
    'failed attempts retried': tally.failedAttemptsRetried,
    'refusals retried by staff (Retry now)': tally.refusedThenRetriedByStaff,
    'repeat arrivals at the partner (attempts it received but the desk retried)':
      tally.partnerSawTwice,
    'messages delivered in order': tally.messagesDelivered,
    'healthy baseline steps': tally.baselineSteps,
  });
  partner.release();
  await temp.dispose();
  await partner.close();
});

/** The ISO 18626 request id a partner sees for each of a batch's requests, and its desk id. */
function partnerIds(batch: StreamBatch): Map<string, string> {
  const ids = new Map<string, string>();
  for (const b of batch.borrowing) ids.set(b.requestId, b.requestId);
  // We supply the lending requests: the header carries the borrower's id, the External Identifier.
  for (const l of batch.lending) ids.set(`X${l.itemBarcode}`, l.requestId);
  return ids;
}

const requestIds = (batch: StreamBatch) => [
  ...batch.borrowing.map((b) => b.requestId),
  ...batch.lending.map((l) => l.requestId),
];

/** Each request's outgoing messages, oldest first, as its Messages section lists them. */
async function messagesByRequest(batch: StreamBatch): Promise<Map<string, PartnerMessageRow[]>> {
  const byRequest = new Map<string, PartnerMessageRow[]>();
  for (const requestId of requestIds(batch)) {
    const list = await call(client, 'messages.list', { requestId, limit: 50 });
    const rows = list.rows.filter((r) => r.direction === 'OUT' && r.channel === 'iso18626');
    byRequest.set(
      requestId,
      [...rows].sort((a, b) => a.id - b.id),
    );
  }
  return byRequest;
}

const allRows = (byRequest: Map<string, PartnerMessageRow[]>) => [...byRequest.values()].flat();

async function waitFor<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The ISO 18626 messages each step queued, in the order staff made them, per request. */
function expectedKinds(answers: readonly StepAnswer[]): Map<string, string[]> {
  const kinds = new Map<string, string[]>();
  for (const a of answers) {
    const kind = /^ISO 18626 (\w+)$/.exec(a.partnerMessage ?? '')?.[1];
    if (kind) kinds.set(a.requestId, [...(kinds.get(a.requestId) ?? []), kind]);
  }
  return kinds;
}

/**
 * What the partner saw of a batch, per desk request id, in arrival order. A message may arrive
 * more than once (a slow answer the desk gave up on), but never after a later one.
 */
function seenByPartner(batch: StreamBatch): Map<string, string[]> {
  const ids = partnerIds(batch);
  const seen = new Map<string, string[]>();
  for (const m of partner.received()) {
    const requestId = ids.get(m.requestingAgencyRequestId);
    if (requestId) seen.set(requestId, [...(seen.get(requestId) ?? []), m.kind]);
  }
  return seen;
}

function expectInOrder(seen: readonly string[], expected: readonly string[]): void {
  const collapsed = seen.filter((kind, i) => i === 0 || seen[i - 1] !== kind);
  expect(collapsed).toEqual(expected);
}

function openAlerts(requestId: string): string[] {
  const rows = temp.desk.context.db.sqlite
    .prepare(
      `SELECT a.message FROM request_alerts a
       LEFT JOIN borrowing_requests b ON b.id = a.borrowing_request_id
       LEFT JOIN lending_requests l ON l.id = a.lending_request_id
       WHERE a.removed_at IS NULL AND a.code = 'PARTNER_MESSAGE_REFUSED'
         AND coalesce(b.request_id, l.request_id) = ?`,
    )
    .all(requestId) as { message: string }[];
  return rows.map((r) => r.message);
}

describe('partner faults while staff keep scanning', () => {
  it('answers a stream of scans while the partner is well and delivers every message (the baseline)', async () => {
    const batch = batches.healthy as StreamBatch;
    const answers = await runStream(client, batch);
    baselineMedianMs = median(answers.map((a) => a.ms));
    const expected = expectedKinds(answers);
    expect([...expected.values()].flat()).toHaveLength(4 * SIZE);
    await waitFor(
      () => messagesByRequest(batch),
      (rows) => allRows(rows).every((r) => r.state === 'SENT'),
      'every message to be sent',
    );
    const seen = seenByPartner(batch);
    for (const [requestId, kinds] of expected) expectInOrder(seen.get(requestId) ?? [], kinds);
    tally.baselineSteps += answers.length;
  });

  it.each(FAULTS)(
    'a partner that $name: every scan answers at once, and every message arrives in order once it is well',
    async (fault) => {
      expect(baselineMedianMs).toBeGreaterThan(0);
      await fault.apply(partner);
      let recovered = false;
      const recover = async () => {
        if (recovered) return;
        recovered = true;
        await fault.recover(partner);
      };
      try {
        await streamThroughFault(fault, batches[fault.name] as StreamBatch, recover);
      } finally {
        // A failed check must not leave the partner misbehaving for the next fault.
        await recover();
      }
    },
  );
});

async function streamThroughFault(
  fault: Fault,
  batch: StreamBatch,
  recover: () => Promise<void>,
): Promise<void> {
  const pushedBefore = pushed.length;
  const receivedBefore = partner.received().length;

  // Staff scan on while the partner misbehaves: no answer waits for it, and nothing goes.
  const sentAtAnswer: number[] = [];
  const answers = await runStream(client, batch, () => {
    const sent = temp.desk.context.db.sqlite
      .prepare(`SELECT count(*) AS n FROM partner_messages WHERE state = 'SENT'`)
      .get() as { n: number };
    sentAtAnswer.push(sent.n);
  });
  expect(new Set(sentAtAnswer).size).toBe(1);
  expect(median(answers.map((a) => a.ms))).toBeLessThanOrEqual(SLOWER_AT_MOST * baselineMedianMs);
  const expected = expectedKinds(answers);
  const queued = [...expected.values()].flat().length;
  expect(queued).toBe(4 * SIZE);

  // Each request's first message is tried (again), and its second waits behind it.
  const heads = (rows: Map<string, PartnerMessageRow[]>) =>
    [...rows.values()].map((list) => list[0] as PartnerMessageRow);
  const stuck = await waitFor(
    () => messagesByRequest(batch),
    (rows) =>
      heads(rows).every((head) =>
        fault.refused ? head.state === 'FAILED' : head.state === 'PENDING' && head.attempts >= 2,
      ),
    fault.refused ? 'every first message to be refused' : 'every first message to be retried',
  );
  for (const [requestId, [head, next]] of stuck) {
    expect(head?.lastError, requestId).toMatch(fault.why);
    expect(next).toMatchObject({ state: 'PENDING', attempts: 0, waitsFor: head?.id });
    // What Partner Messages shows for it: the reason in the partner's words.
    expect(messageStateText(head as PartnerMessageRow)).toMatch(
      fault.refused
        ? /^Failed: UnrecognisedDataValue: /
        : /^Waiting to retry \(try \d+ did not go: /,
    );
    if (fault.refused) {
      expect(openAlerts(requestId)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${PARTNER} refused the ISO 18626 ${head?.kind} message \\(UnrecognisedDataValue: No such request at this library\\)\\. Put right what they name, then use Retry now on Partner Messages`,
          ),
        ),
      ]);
    }
  }
  if (fault.refused) {
    // The Partner Messages list's Failed tab holds exactly the refused ones.
    const failedTab = await call(client, 'messages.list', { state: 'FAILED', limit: 200 });
    expect(failedTab.rows.map((r) => r.id).sort()).toEqual(
      heads(stuck)
        .map((h) => h.id)
        .sort(),
    );
  }

  // The status bar counts what waits and what failed.
  const status = await waitFor(
    async () => pushed.at(-1) as MessagesStatus,
    (s) => s !== undefined && s.pending + s.failed === queued,
    'the status bar to count every message',
  );
  expect(pushed.length).toBeGreaterThan(pushedBefore);
  expect(messagesStatusText(status)).toBe(
    fault.refused
      ? `${queued - SIZE * 2} partner messages waiting, ${SIZE * 2} failed`
      : `${queued} partner messages waiting`,
  );

  // Well again: retried messages go by themselves; refused ones when staff press Retry now.
  if (fault.refused) {
    // Refused for good: it is not tried again on its own, however long the desk waits.
    const attempts = heads(stuck).map((h) => h.attempts);
    await new Promise((resolve) => setTimeout(resolve, 5 * RETRY_MS));
    expect(heads(await messagesByRequest(batch)).map((h) => h.attempts)).toEqual(attempts);
  }
  await recover();
  if (fault.refused) {
    for (const head of heads(stuck)) {
      const again = await call(client, 'messages.retry', { id: head.id });
      expect(again.state).toBe('PENDING');
    }
  }
  const delivered = await waitFor(
    () => messagesByRequest(batch),
    (rows) => allRows(rows).every((r) => r.state === 'SENT'),
    'every message to be sent',
  );
  const seen = seenByPartner(batch);
  for (const [requestId, kinds] of expected) expectInOrder(seen.get(requestId) ?? [], kinds);
  for (const requestId of requestIds(batch)) expect(openAlerts(requestId)).toEqual([]);
  await waitFor(
    async () => pushed.at(-1) as MessagesStatus,
    (s) => s.pending === 0 && s.failed === 0,
    'the status bar to clear',
  );
  expect(messagesStatusText(pushed.at(-1) as MessagesStatus)).toBe('All partner messages sent');

  const deliveredRows = allRows(delivered);
  const arrivals = partner.received().length - receivedBefore;
  tally.faults++;
  tally.stepsWhileMisbehaving += answers.length;
  tally.messagesQueued += queued;
  tally.failedAttemptsRetried += deliveredRows.reduce((sum, r) => sum + r.attempts - 1, 0);
  tally.refusedThenRetriedByStaff += fault.refused ? heads(stuck).length : 0;
  tally.partnerSawTwice += [...seen.values()].reduce(
    (sum, kinds) => sum + kinds.length - new Set(kinds).size,
    0,
  );
  tally.messagesDelivered += deliveredRows.length;
  expect(arrivals).toBeGreaterThanOrEqual(deliveredRows.length);
}
