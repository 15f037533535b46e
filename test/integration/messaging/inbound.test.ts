import { afterEach, describe, expect, it } from 'vitest';
import { buildIsoMessage } from '../../../electron/messaging/iso18626/index.ts';
import {
  basic,
  openInboundDesk,
  outcomeOf,
  requesterMessage,
  requestMessage,
  supplierMessage,
  type InboundDesk,
} from '../../helpers/iso-inbound.ts';

/**
 * The ISO 18626 listener (issue 7 part 3) over real HTTP: each partner message applied to its
 * request, journalled and confirmed OK. What it refuses is in inbound-refusals.test.ts.
 */

let desk: InboundDesk | undefined;
afterEach(async () => {
  await desk?.dispose();
  desk = undefined;
});

async function open(): Promise<InboundDesk> {
  desk = await openInboundDesk();
  return desk;
}

interface EventRow {
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  operator_id: number | null;
}

const eventsOf = (d: InboundDesk, kind: 'borrowing' | 'lending', requestId: string) =>
  d.rows<EventRow>(
    `SELECT e.action, e.from_status, e.to_status, e.note, e.operator_id FROM request_events e
     JOIN ${kind}_requests r ON r.id = e.${kind}_request_id WHERE r.request_id = ? ORDER BY e.id`,
    requestId,
  );

const journalOf = (d: InboundDesk, kind: 'borrowing' | 'lending', requestId: string) =>
  d.rows<{ direction: string; state: string; kind: string; body: string; channel: string }>(
    `SELECT m.direction, m.state, m.kind, m.body, m.channel FROM partner_messages m
     JOIN ${kind}_requests r ON r.id = m.${kind}_request_id
     WHERE r.request_id = ? AND m.direction = 'IN' ORDER BY m.id`,
    requestId,
  );

const outboxOf = (d: InboundDesk, requestId: string) =>
  d.rows<{ kind: string; state: string; body: string }>(
    `SELECT m.kind, m.state, m.body FROM partner_messages m
     JOIN lending_requests r ON r.id = m.lending_request_id
     WHERE r.request_id = ? AND m.direction = 'OUT' ORDER BY m.id`,
    requestId,
  );

const alertsOf = (d: InboundDesk, kind: 'borrowing' | 'lending', requestId: string) =>
  d.rows<{ code: string; message: string }>(
    `SELECT a.code, a.message FROM request_alerts a
     JOIN ${kind}_requests r ON r.id = a.${kind}_request_id
     WHERE r.request_id = ? AND a.removed_at IS NULL ORDER BY a.id`,
    requestId,
  );

describe('a partner Request', () => {
  it('becomes a new lending request, located, with the partner request ID as External Identifier', async () => {
    const d = await open();
    const xmlRequest = requestMessage({
      id: 'PB-20',
      title: 'The Left Hand of Darkness',
      author: 'Le Guin, Ursula K.',
      isbn: '9780441478125',
      needBeforeDate: '2026-12-20T23:59:59Z',
    });
    const posted = await d.send(xmlRequest);
    expect(posted.status).toBe(200);
    expect(outcomeOf(posted)).toBe('OK');
    expect(posted.confirmation?.kind).toBe('requestConfirmation');
    expect(posted.confirmation?.confirmationHeader.requestingAgencyRequestId).toBe('PB-20');

    const [created] = d.rows<Record<string, unknown>>(
      `SELECT request_id, external_id, title, author, isbn, status, item_barcode, requested_format, needed_by
       FROM lending_requests WHERE external_id = 'PB-20'`,
    );
    // Numbered after the highest L- number in use (L-12).
    expect(created).toEqual({
      request_id: 'L-13',
      external_id: 'PB-20',
      title: 'The Left Hand of Darkness',
      author: 'Le Guin, Ursula K.',
      isbn: '9780441478125',
      status: 'CREATED',
      item_barcode: '39000000000011',
      requested_format: 'PHYSICAL',
      needed_by: '2026-12-20',
    });
    expect(eventsOf(d, 'lending', 'L-13').map((e) => e.action)).toEqual([
      'PARTNER_REQUEST',
      'LOCATED',
    ]);
    const [journal] = journalOf(d, 'lending', 'L-13');
    expect(journal).toMatchObject({ direction: 'IN', state: 'RECEIVED', kind: 'Request' });
    // The XML as the partner sent it.
    expect(journal?.body).toBe(buildIsoMessage(xmlRequest, '1.2'));
  });

  it('a copy of an item we do not hold is a Locate failed request for a digital copy', async () => {
    const d = await open();
    const posted = await d.send(
      requestMessage({ id: 'PB-21', title: 'A Book Nobody Holds', serviceType: 'Copy' }),
    );
    expect(outcomeOf(posted)).toBe('OK');
    const [created] = d.rows<{ status: string; requested_format: string }>(
      `SELECT status, requested_format FROM lending_requests WHERE external_id = 'PB-21'`,
    );
    expect(created).toEqual({ status: 'LOCATE_FAILED', requested_format: 'DIGITAL' });
  });

  it('refuses the same requestingAgencyRequestId twice from one partner', async () => {
    const d = await open();
    await d.send(requestMessage({ id: 'PB-22', title: 'Dune' }));
    const before = d.footprint();
    const again = await d.send(requestMessage({ id: 'PB-22', title: 'Dune' }));
    expect(outcomeOf(again)).toBe(
      'ERROR UnrecognisedDataValue: You already sent a request with requestingAgencyRequestId PB-22; give each new request its own ID.',
    );
    expect(d.footprint()).toEqual(before);
  });
});

describe("a borrower's actions on our lending requests", () => {
  it('Received and ShippedReturn move the loan, found by our ID or by theirs', async () => {
    const d = await open();
    const received = await d.send(requesterMessage('Received', { theirs: 'PB-10', ours: 'L-10' }));
    expect(outcomeOf(received)).toBe('OK');
    expect(received.confirmation).toMatchObject({ action: 'Received' });
    expect(d.status('lending', 'L-10')).toBe('RECEIVED_BY_PARTNER');

    const returned = await d.send(requesterMessage('ShippedReturn', { theirs: 'PB-10' }));
    expect(outcomeOf(returned)).toBe('OK');
    expect(d.status('lending', 'L-10')).toBe('RETURNED_BY_PARTNER');

    expect(eventsOf(d, 'lending', 'L-10').slice(-2)).toEqual([
      {
        action: 'RECEIVED_BY_PARTNER',
        from_status: 'SHIPPED_PHYSICALLY',
        to_status: 'RECEIVED_BY_PARTNER',
        note: 'ISO 18626 Received from Peer University',
        operator_id: null,
      },
      {
        action: 'RETURNED_BY_PARTNER',
        from_status: 'RECEIVED_BY_PARTNER',
        to_status: 'RETURNED_BY_PARTNER',
        note: 'ISO 18626 ShippedReturn from Peer University',
        operator_id: null,
      },
    ]);
    expect(journalOf(d, 'lending', 'L-10').map((m) => m.kind)).toEqual([
      'Received',
      'ShippedReturn',
    ]);
  });

  it('Renew asks for a renewal', async () => {
    const d = await open();
    const renew = await d.send(requesterMessage('Renew', { theirs: 'PB-12', ours: 'L-12' }));
    expect(outcomeOf(renew)).toBe('OK');
    expect(d.status('lending', 'L-12')).toBe('RENEW_REQUESTED');
  });

  it('Cancel cancels and answers CancelResponse, as the Cancel reply step says', async () => {
    const d = await open();
    const cancel = await d.send(
      requesterMessage('Cancel', { theirs: 'PB-11', ours: 'L-11', note: 'Patron found a copy' }),
    );
    expect(outcomeOf(cancel)).toBe('OK');
    expect(d.status('lending', 'L-11')).toBe('CANCELLED');
    expect(eventsOf(d, 'lending', 'L-11').at(-1)?.note).toBe(
      'ISO 18626 Cancel from Peer University: "Patron found a copy"',
    );
    expect(outboxOf(d, 'L-11')).toEqual([
      expect.objectContaining({ kind: 'CancelResponse', state: 'PENDING' }),
    ]);
  });

  it('StatusRequest is answered with the current status through the outbox', async () => {
    const d = await open();
    const before = d.status('lending', 'L-10');
    const asked = await d.send(requesterMessage('StatusRequest', { theirs: 'PB-10' }));
    expect(outcomeOf(asked)).toBe('OK');
    expect(d.status('lending', 'L-10')).toBe(before);
    const [reply] = outboxOf(d, 'L-10');
    expect(reply).toMatchObject({ kind: 'StatusRequestResponse', state: 'PENDING' });
    expect(JSON.parse(reply?.body ?? '{}')).toMatchObject({
      requestId: 'L-10',
      externalId: 'PB-10',
      toStatus: 'SHIPPED_PHYSICALLY',
      messageKind: 'StatusRequestResponse',
    });
    expect(eventsOf(d, 'lending', 'L-10').at(-1)?.note).toBe(
      'ISO 18626 StatusRequest from Peer University; answered that L-10 is "Shipped physically"',
    );
  });

  it('a Notification is a note and an alert for staff', async () => {
    const d = await open();
    const told = await d.send(
      requesterMessage('Notification', { theirs: 'PB-12', note: 'The jacket was torn on arrival' }),
    );
    expect(outcomeOf(told)).toBe('OK');
    expect(alertsOf(d, 'lending', 'L-12')).toEqual([
      { code: 'PARTNER_NOTE', message: 'Peer University wrote: The jacket was torn on arrival' },
    ]);
  });
});

describe("a lender's statuses on our borrowing requests", () => {
  it('Loaned: Shipped physically, keeping the item barcode, due date and the lender request ID', async () => {
    const d = await open();
    const loaned = await d.send(
      supplierMessage('Loaned', {
        ours: 'B-1',
        theirs: 'L-7001',
        itemId: '30000111',
        dueDate: '2027-01-18T23:59:59Z',
      }),
    );
    expect(outcomeOf(loaned)).toBe('OK');
    expect(loaned.confirmation).toMatchObject({ reasonForMessage: 'StatusChange' });
    expect(
      d.rows(
        `SELECT status, lender_item_barcode, due_date, external_id FROM borrowing_requests WHERE request_id = 'B-1'`,
      ),
    ).toEqual([
      {
        status: 'SHIPPED_PHYSICALLY',
        lender_item_barcode: '30000111',
        due_date: '2027-01-18',
        external_id: 'L-7001',
      },
    ]);
    expect(eventsOf(d, 'borrowing', 'B-1').at(-1)?.note).toBe(
      'ISO 18626 Loaned from Peer University. item 30000111, due 2027-01-18, their request L-7001',
    );
  });

  it('WillSupply, then ExpectToSupply: Will supply, then Conditional', async () => {
    const d = await open();
    expect(outcomeOf(await d.send(supplierMessage('WillSupply', { ours: 'B-2' })))).toBe('OK');
    expect(d.status('borrowing', 'B-2')).toBe('WILL_SUPPLY');
    const conditional = await d.send(
      supplierMessage('ExpectToSupply', { ours: 'B-2', note: 'Library use only' }),
    );
    expect(outcomeOf(conditional)).toBe('OK');
    expect(d.status('borrowing', 'B-2')).toBe('CONDITIONAL');
  });

  it('Unfilled: Rejected, with no next partner in the rota, said in the history and an alert', async () => {
    const d = await open();
    const unfilled = await d.send(
      supplierMessage('Unfilled', {
        ours: 'B-2',
        reason: 'RequestResponse',
        reasonUnfilled: 'NotOnShelf',
      }),
    );
    expect(outcomeOf(unfilled)).toBe('OK');
    expect(d.status('borrowing', 'B-2')).toBe('REJECTED');
    expect(eventsOf(d, 'borrowing', 'B-2').at(-1)?.note).toBe(
      'ISO 18626 Unfilled from Peer University: "reason: NotOnShelf". No next partner in the rota',
    );
    expect(alertsOf(d, 'borrowing', 'B-2')).toEqual([
      {
        code: 'REJECTED_BY_PARTNER',
        message:
          'Peer University cannot supply B-2 (reason: NotOnShelf). No next partner in the rota: send it to another partner, or cancel it.',
      },
    ]);
  });

  it('LoanCompleted completes a request returned to the lender', async () => {
    const d = await open();
    expect(outcomeOf(await d.send(supplierMessage('LoanCompleted', { ours: 'B-3' })))).toBe('OK');
    expect(d.status('borrowing', 'B-3')).toBe('COMPLETED');
  });

  it('Overdue, Recalled, and a yes to our Renew with its new due date', async () => {
    const d = await open();
    expect(outcomeOf(await d.send(supplierMessage('Overdue', { ours: 'B-4' })))).toBe('OK');
    expect(d.status('borrowing', 'B-4')).toBe('OVERDUE');
    expect(outcomeOf(await d.send(supplierMessage('Recalled', { ours: 'B-4' })))).toBe('OK');
    expect(d.status('borrowing', 'B-4')).toBe('RECALLED');

    desk = undefined;
    await d.dispose();
    const e = await open();
    const renewed = await e.send(
      supplierMessage('Loaned', {
        ours: 'B-4',
        reason: 'RenewResponse',
        answer: 'Y',
        dueDate: '2027-02-07T23:59:59Z',
      }),
    );
    expect(outcomeOf(renewed)).toBe('OK');
    expect(
      e.rows(`SELECT status, due_date FROM borrowing_requests WHERE request_id = 'B-4'`),
    ).toEqual([{ status: 'RENEWED', due_date: '2027-02-07' }]);
  });

  it('a no to our Renew leaves the request and tells staff', async () => {
    const d = await open();
    const refused = await d.send(
      supplierMessage('Loaned', { ours: 'B-4', reason: 'RenewResponse', answer: 'N' }),
    );
    expect(outcomeOf(refused)).toBe('OK');
    expect(d.status('borrowing', 'B-4')).toBe('RECEIVED');
    expect(alertsOf(d, 'borrowing', 'B-4')).toEqual([
      { code: 'PARTNER_SAID_NO', message: 'Peer University refused the renewal of B-4.' },
    ]);
  });

  it('the answer to our StatusRequest is noted, and moves the request only when it is news', async () => {
    const d = await open();
    const reported = await d.send(
      supplierMessage('Loaned', { ours: 'B-4', reason: 'StatusRequestResponse' }),
    );
    expect(outcomeOf(reported)).toBe('OK');
    expect(d.status('borrowing', 'B-4')).toBe('RECEIVED');
    expect(eventsOf(d, 'borrowing', 'B-4').at(-1)?.note).toBe(
      'ISO 18626 StatusRequestResponse from Peer University: Loaned; B-4 is "Physically received by library"',
    );
    const news = await d.send(
      supplierMessage('WillSupply', { ours: 'B-2', reason: 'StatusRequestResponse' }),
    );
    expect(outcomeOf(news)).toBe('OK');
    expect(d.status('borrowing', 'B-2')).toBe('WILL_SUPPLY');
  });

  it('Cancelled cancels', async () => {
    const d = await open();
    expect(outcomeOf(await d.send(supplierMessage('Cancelled', { ours: 'B-5' })))).toBe('OK');
    expect(d.status('borrowing', 'B-5')).toBe('CANCELLED');
  });

  it('a 2021 lender, whose messages carry no credentials, may send them as HTTP Basic', async () => {
    const d = await open();
    const withoutAny = await d.send(supplierMessage('WillSupply', { ours: 'B-2' }), {
      version: '2021',
    });
    expect(outcomeOf(withoutAny)).toMatch(
      /^ERROR UnrecognisedDataValue: The message carries no credentials/,
    );
    const loaned = await d.send(supplierMessage('WillSupply', { ours: 'B-2' }), {
      version: '2021',
      authorization: basic('peer-account', 'peer-secret'),
    });
    expect(outcomeOf(loaned)).toBe('OK');
    expect(d.status('borrowing', 'B-2')).toBe('WILL_SUPPLY');
  });
});

describe('a message sent twice (partners send at least once)', () => {
  it('is confirmed again and changes nothing more', async () => {
    const d = await open();
    const received = requesterMessage('Received', { theirs: 'PB-10', ours: 'L-10' });
    expect(outcomeOf(await d.send(received))).toBe('OK');
    const loaned = supplierMessage('Loaned', { ours: 'B-1', theirs: 'L-7001', itemId: '30000111' });
    expect(outcomeOf(await d.send(loaned))).toBe('OK');

    expect(outcomeOf(await d.send(received))).toBe('OK');
    expect(outcomeOf(await d.send(loaned))).toBe('OK');
    expect(d.status('lending', 'L-10')).toBe('RECEIVED_BY_PARTNER');
    expect(d.status('borrowing', 'B-1')).toBe('SHIPPED_PHYSICALLY');
    expect(eventsOf(d, 'lending', 'L-10').at(-1)).toMatchObject({
      action: 'PARTNER_REPEATED',
      from_status: null,
      to_status: null,
      note: 'ISO 18626 Received from Peer University; L-10 is "Received by partner" already',
    });
    expect(eventsOf(d, 'borrowing', 'B-1').at(-1)).toMatchObject({
      action: 'PARTNER_REPEATED',
      note: 'ISO 18626 Loaned from Peer University; B-1 is "Shipped physically" already',
    });
  });
});
