import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { addLendingRequest, addMainStacksRequest } from '../../helpers/lending-desk.ts';

/**
 * The lender's replies from the Lending Requests task list — Conditional, Reject, Renew and
 * Checked In — through the API on a real database. L-2001 (SUNYBUF) and L-2003 (SUNYALB) are at
 * ISO partners on the seed's "Peer to Peer Lending" profile; VTECH is an email partner.
 */

let desk: BorrowingDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

// Noon, so the desk's calendar day is 2026-11-23 in any time zone the tests run in.
const START = new Date('2026-11-23T12:00:00Z');
const BUFFALO = 'University at Buffalo, SUNY';

interface StoredMessage {
  channel: string;
  kind: string;
  body: {
    action: string;
    note: string | null;
    toStatus: string;
    details: Record<string, unknown>;
  };
}

function messages(d: BorrowingDesk): StoredMessage[] {
  return d
    .rows<{ channel: string; kind: string; body: string }>(
      'SELECT channel, kind, body FROM partner_messages ORDER BY id',
    )
    .map((m) => ({ ...m, body: JSON.parse(m.body) as StoredMessage['body'] }));
}

function lending(d: BorrowingDesk, requestId: string): Record<string, unknown> | undefined {
  return d.rows<Record<string, unknown>>(
    `SELECT status, condition_reason AS conditionReason, reply_by AS replyBy,
            reject_reason AS rejectReason, due_date AS dueDate
       FROM lending_requests WHERE request_id = ?`,
    requestId,
  )[0];
}

async function lastEvent(d: BorrowingDesk, requestId: string) {
  const detail = await call(d.client, 'requests.detail', { kind: 'lending', requestId });
  return detail.history.at(-1);
}

/** What a refusal must leave untouched. */
function writes(d: BorrowingDesk): number[] {
  return ['request_events', 'partner_messages', 'desk_actions'].map((t) => d.count(t));
}

/** Adds `step` to the seed's lending profile. */
function addStep(d: BorrowingDesk, step: string): void {
  d.desk.context.db.sqlite
    .prepare(
      `UPDATE workflow_profiles SET steps = json_insert(steps, '$[#]', ?) WHERE name = 'Peer to Peer Lending'`,
    )
    .run(step);
}

/** Takes `step` out of the seed's lending profile. */
function dropStep(d: BorrowingDesk, step: string): void {
  d.desk.context.db.sqlite
    .prepare(
      `UPDATE workflow_profiles
          SET steps = (SELECT json_group_array(value) FROM json_each(steps) WHERE value <> ?)
        WHERE name = 'Peer to Peer Lending'`,
    )
    .run(step);
}

/** L-2001 shipped due 18 Jan 2027 and received by the borrower: a loan that can be renewed. */
async function onLoan(d: BorrowingDesk): Promise<void> {
  await call(d.client, 'shipping.ship', {
    requestId: 'L-2001',
    itemBarcode: '31234000123456',
    dueDate: '2027-01-18',
  });
  await call(d.client, 'requests.act', {
    kind: 'lending',
    requestId: 'L-2001',
    action: 'RECEIVED_BY_PARTNER',
  });
}

describe('lending.conditional', () => {
  it('puts the request on Conditional and sends ISO ExpectToSupply with the reason, date for reply and note', async () => {
    desk = await openBorrowingDesk({ start: START });
    const answer = await call(desk.client, 'lending.conditional', {
      requestId: 'L-2001',
      reason: 'Library use only',
      replyBy: '2026-11-30',
      note: 'We can lend it for use in your reading room.',
    });
    expect(answer).toMatchObject({
      requestId: 'L-2001',
      status: 'CONDITIONAL',
      statusLabel: 'Conditional',
      slip: null,
      partnerMessage: 'ISO 18626 ExpectToSupply',
    });
    expect(answer.message).toBe(
      `L-2001 (Introduction to Algorithms) is now "Conditional": ${BUFFALO} must accept the conditions by Mon 30 Nov 2026 before you supply it. ${BUFFALO} is sent the ISO 18626 ExpectToSupply.`,
    );
    expect(lending(desk, 'L-2001')).toMatchObject({
      status: 'CONDITIONAL',
      conditionReason: 'Library use only',
      replyBy: '2026-11-30',
    });
    expect(await lastEvent(desk, 'L-2001')).toMatchObject({
      action: 'CONDITIONAL',
      fromStatus: 'CREATED',
      toStatus: 'CONDITIONAL',
      note: 'Reason: Library use only; reply by Mon 30 Nov 2026 — We can lend it for use in your reading room.',
    });
    const queued = messages(desk);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      channel: 'iso18626',
      kind: 'ExpectToSupply',
      body: {
        action: 'CONDITIONAL',
        toStatus: 'CONDITIONAL',
        note: 'We can lend it for use in your reading room.',
        details: { conditionReason: 'Library use only', replyBy: '2026-11-30' },
      },
    });
  });

  it('sends an email partner the General Message letter; the date for reply may be left out', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addLendingRequest(desk, {
      requestId: 'L-2010',
      externalId: 'VT-9',
      partner: 'VTECH',
      title: 'The Structure of Scientific Revolutions',
      status: 'CREATED',
    });
    const answer = await call(desk.client, 'lending.conditional', {
      requestId: 'L-2010',
      reason: 'Shipping costs 12 USD',
    });
    expect(answer.partnerMessage).toBe('General Message letter');
    expect(lending(desk, 'L-2010')).toMatchObject({ status: 'CONDITIONAL', replyBy: null });
    expect(messages(desk)[0]?.body.details).toEqual({
      conditionReason: 'Shipping costs 12 USD',
      replyBy: null,
    });
  });

  it('refuses a date for reply in the past or one that does not exist, and writes nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    const before = writes(desk);
    const past = await refusal(desk.client, 'lending.conditional', {
      requestId: 'L-2001',
      reason: 'Library use only',
      replyBy: '2026-11-20',
    });
    expect(past).toEqual({
      code: 'INVALID_INPUT',
      message: `The date for reply, Fri 20 Nov 2026, is in the past; choose today or a later day — the last day you will wait for ${BUFFALO} to answer.`,
    });
    const nonsense = await refusal(desk.client, 'lending.conditional', {
      requestId: 'L-2001',
      reason: 'Library use only',
      replyBy: '2026-11-31',
    });
    expect(nonsense).toEqual({
      code: 'INVALID_INPUT',
      message: '2026-11-31 is not a date; enter the date for reply again.',
    });
    expect(writes(desk)).toEqual(before);
    expect(lending(desk, 'L-2001')).toMatchObject({ status: 'CREATED', conditionReason: null });
    // Today itself is a fine last day to wait.
    await call(desk.client, 'lending.conditional', {
      requestId: 'L-2001',
      reason: 'Library use only',
      replyBy: '2026-11-23',
    });
  });

  it("is refused with NOT_IN_PROFILE when the partner's workflow profile lacks Conditional", async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk);
    dropStep(desk, 'CONDITIONAL');
    const before = writes(desk);
    const refused = await refusal(desk.client, 'lending.conditional', {
      requestId: 'L-2003',
      reason: 'Library use only',
    });
    expect(refused).toEqual({
      code: 'NOT_IN_PROFILE',
      message:
        'Conditional is not a step of the partner\'s workflow profile "Peer to Peer Lending" (Conditional is not included).',
    });
    expect(writes(desk)).toEqual(before);
    expect(lending(desk, 'L-2003')).toMatchObject({ status: 'CREATED', conditionReason: null });
  });

  it('can be undone: status and condition cleared, the message withdrawn', async () => {
    desk = await openBorrowingDesk({ start: START });
    const answer = await call(desk.client, 'lending.conditional', {
      requestId: 'L-2001',
      reason: 'Library use only',
      replyBy: '2026-11-30',
    });
    const undone = await call(desk.client, 'desk.undo', { actionId: answer.actionId });
    expect(undone.message).toBe(
      'Undid "Conditional reply" on L-2001: it is Created lending request again. The partner message was withdrawn before sending.',
    );
    expect(lending(desk, 'L-2001')).toMatchObject({
      status: 'CREATED',
      conditionReason: null,
      replyBy: null,
    });
  });
});

describe('lending.reject', () => {
  it('rejects with ISO Unfilled carrying the ReasonUnfilled and the note to partner; the internal note stays in history', async () => {
    desk = await openBorrowingDesk({ start: START });
    const answer = await call(desk.client, 'lending.reject', {
      requestId: 'L-2001',
      reason: 'NotOnShelf',
      internalNote: 'Searched the shelf twice',
      noteToPartner: 'Please try another library.',
    });
    expect(answer).toMatchObject({
      status: 'REJECTED',
      statusLabel: 'Rejected the borrower request',
      partnerMessage: 'ISO 18626 Unfilled',
    });
    expect(answer.message).toBe(
      `Rejected L-2001 (Introduction to Algorithms): Not on shelf. ${BUFFALO} is sent the ISO 18626 Unfilled.`,
    );
    expect(lending(desk, 'L-2001')).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'NotOnShelf',
    });
    expect(await lastEvent(desk, 'L-2001')).toMatchObject({
      action: 'REJECT',
      toStatus: 'REJECTED',
      note: 'Reason: Not on shelf — Searched the shelf twice',
    });
    const [message] = messages(desk);
    expect(message).toMatchObject({ channel: 'iso18626', kind: 'Unfilled' });
    expect(message?.body.note).toBe('Please try another library.');
    expect(message?.body.details).toEqual({ reasonUnfilled: 'NotOnShelf', reason: 'Not on shelf' });
    // The internal note is not the partner's to read.
    expect(JSON.stringify(message?.body)).not.toContain('Searched the shelf twice');
  });

  it('sends an email partner the Lender Reject letter, even from Locate failed', async () => {
    desk = await openBorrowingDesk({ start: START });
    const answer = await call(desk.client, 'lending.reject', {
      requestId: 'L-2002',
      reason: 'NotHeld',
    });
    expect(answer.partnerMessage).toBe('Lender Reject letter');
    expect(messages(desk)[0]).toMatchObject({ channel: 'email', kind: 'Lender Reject' });
  });

  it('refuses a request that has already been shipped, and writes nothing', async () => {
    desk = await openBorrowingDesk({ start: START });
    await call(desk.client, 'shipping.ship', {
      requestId: 'L-2001',
      itemBarcode: '31234000123456',
      dueDate: '2027-01-18',
    });
    const before = writes(desk);
    const refused = await refusal(desk.client, 'lending.reject', {
      requestId: 'L-2001',
      reason: 'Other',
    });
    expect(refused.code).toBe('WRONG_STATUS');
    expect(refused.message).toMatch(
      /^L-2001 \(Introduction to Algorithms\): Reject is not possible while the request is "Shipped physically"/,
    );
    expect(writes(desk)).toEqual(before);
  });
});

describe('lending.renew', () => {
  it('moves the due date on and sends ISO RenewResponse with the new and the old due date', async () => {
    desk = await openBorrowingDesk({ start: START });
    await onLoan(desk);
    const answer = await call(desk.client, 'lending.renew', {
      requestId: 'L-2001',
      dueDate: '2027-02-15',
      internalNote: 'Second renewal refused',
      noteToPartner: 'No further renewals.',
    });
    expect(answer).toMatchObject({
      status: 'RECEIVED_BY_PARTNER',
      partnerMessage: 'ISO 18626 RenewResponse',
    });
    expect(answer.message).toBe(
      `Renewed L-2001 (Introduction to Algorithms) until Mon 15 Feb 2027. ${BUFFALO} is sent the ISO 18626 RenewResponse.`,
    );
    expect(lending(desk, 'L-2001')).toMatchObject({
      status: 'RECEIVED_BY_PARTNER',
      dueDate: '2027-02-15',
    });
    expect(await lastEvent(desk, 'L-2001')).toMatchObject({
      action: 'RENEW',
      note: 'Due date Mon 18 Jan 2027 → Mon 15 Feb 2027 — Second renewal refused',
    });
    const renewal = messages(desk).find((m) => m.kind === 'RenewResponse');
    expect(renewal?.body.note).toBe('No further renewals.');
    expect(renewal?.body.details).toEqual({ dueDate: '2027-02-15', previousDueDate: '2027-01-18' });

    const undone = await call(desk.client, 'desk.undo', { actionId: answer.actionId });
    expect(undone.message).toMatch(/^Undid "Renewed" on L-2001/);
    expect(lending(desk, 'L-2001')).toMatchObject({ dueDate: '2027-01-18' });
  });

  it('refuses a due date that is not later than the current one, in the past, or not a date', async () => {
    desk = await openBorrowingDesk({ start: START });
    await onLoan(desk);
    const { client } = desk;
    const before = writes(desk);
    const renew = (dueDate: string) =>
      refusal(client, 'lending.renew', { requestId: 'L-2001', dueDate });
    expect(await renew('2027-01-18')).toEqual({
      code: 'INVALID_INPUT',
      message:
        'L-2001 (Introduction to Algorithms) is already due Mon 18 Jan 2027; a renewal needs a later due date than that.',
    });
    expect(await renew('2026-11-22')).toEqual({
      code: 'INVALID_INPUT',
      message: 'The new due date Sun 22 Nov 2026 is in the past; choose a later date.',
    });
    expect(await renew('2027-02-30')).toEqual({
      code: 'INVALID_INPUT',
      message: '2027-02-30 is not a date; enter the new due date again.',
    });
    expect(writes(desk)).toEqual(before);
    expect(lending(desk, 'L-2001')).toMatchObject({ dueDate: '2027-01-18' });
  });

  it("is refused with NOT_IN_PROFILE when the partner's profile lacks Staff renewal", async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk, 'RECEIVED_BY_PARTNER');
    // The seed's profile has Staff renewal.
    const renewed = await call(desk.client, 'lending.renew', {
      requestId: 'L-2003',
      dueDate: '2027-01-04',
    });
    expect(renewed.status).toBe('RECEIVED_BY_PARTNER');

    dropStep(desk, 'STAFF_RENEWAL');
    const before = writes(desk);
    const refused = await refusal(desk.client, 'lending.renew', {
      requestId: 'L-2003',
      dueDate: '2027-02-01',
    });
    expect(refused).toEqual({
      code: 'NOT_IN_PROFILE',
      message:
        'Renew is not a step of the partner\'s workflow profile "Peer to Peer Lending" (Staff renewal is not included).',
    });
    expect(writes(desk)).toEqual(before);
    expect(lending(desk, 'L-2003')).toMatchObject({ dueDate: '2027-01-04' });
  });
});

describe('lending.checkIn', () => {
  it('completes the loan by request ID as Scan In Items does, with the shelving location', async () => {
    desk = await openBorrowingDesk({ start: START });
    await onLoan(desk);
    // The seed's profile lacks Checked In Message; this library's includes it.
    addStep(desk, 'CHECKED_IN_MESSAGE');
    const answer = await call(desk.client, 'lending.checkIn', { requestId: 'l-2001' });
    expect(answer).toMatchObject({
      requestId: 'L-2001',
      status: 'COMPLETED',
      statusLabel: 'Request completed',
      location: 'Science Library',
      callNumber: 'QA76.6 .C662 2022',
      partnerMessage: 'ISO 18626 LoanCompleted',
    });
    expect(answer.message).toBe(
      `Checked in L-2001 (Introduction to Algorithms) from ${BUFFALO}: request completed. ${BUFFALO} is sent the ISO 18626 LoanCompleted. Reshelve it at Science Library, QA76.6 .C662 2022.`,
    );
    expect(await lastEvent(desk, 'L-2001')).toMatchObject({
      action: 'SCAN_IN',
      fromStatus: 'RECEIVED_BY_PARTNER',
      toStatus: 'COMPLETED',
    });
    const again = await refusal(desk.client, 'lending.checkIn', { requestId: 'L-2001' });
    expect(again.code).toBe('ALREADY_DONE');
  });

  it('tells an ISO partner nothing without Checked In Message, and an email partner by letter', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk, 'RECEIVED_BY_PARTNER');
    await addLendingRequest(desk, {
      requestId: 'L-2010',
      externalId: 'VT-9',
      partner: 'VTECH',
      title: 'Flatland',
      status: 'SHIPPED_PHYSICALLY',
    });
    const quiet = await call(desk.client, 'lending.checkIn', { requestId: 'L-2003' });
    expect(quiet).toMatchObject({
      status: 'COMPLETED',
      partnerMessage: null,
      location: 'Main Stacks',
    });
    expect(desk.count('partner_messages')).toBe(0);
    const letter = await call(desk.client, 'lending.checkIn', { requestId: 'L-2010' });
    expect(letter).toMatchObject({
      partnerMessage: 'Lender Checked-In letter',
      location: null,
    });
    expect(letter.message).toMatch(/look it up in the catalogue before reshelving\.$/);
  });

  it('refuses an unknown request, one not lent out, and one whose profile lacks Lender check in', async () => {
    desk = await openBorrowingDesk({ start: START });
    await addMainStacksRequest(desk, 'RECEIVED_BY_PARTNER');
    const before = writes(desk);
    expect(await refusal(desk.client, 'lending.checkIn', { requestId: 'L-9999' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No lending request has the ID L-9999. Search for it in Lending Requests.',
    });
    const notOut = await refusal(desk.client, 'lending.checkIn', { requestId: 'L-2001' });
    expect(notOut.code).toBe('WRONG_STATUS');
    expect(notOut.message).toMatch(/^L-2001 \(Introduction to Algorithms\) has not been lent out/);
    dropStep(desk, 'LENDER_CHECK_IN');
    expect(await refusal(desk.client, 'lending.checkIn', { requestId: 'L-2003' })).toEqual({
      code: 'NOT_IN_PROFILE',
      message:
        'Checked In is not a step of University at Albany, SUNY\'s workflow profile "Peer to Peer Lending" (Lender check in is not included). When the item comes back, scan it on Scan In Items.',
    });
    expect(writes(desk)).toEqual(before);
  });
});
