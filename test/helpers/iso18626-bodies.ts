import type { IsoPartner, OurAgency } from '../../electron/messaging/iso18626/index.ts';
import type { OutgoingMessageBody } from '../../electron/services/desk-messages.ts';

/**
 * Outbox bodies as the desk steps store them (electron/services/*-service.ts → desk-messages.ts),
 * with the `details` each step writes, for building every ISO 18626 message RS Desk sends.
 * Our desk is the University at Albany; the partner the University at Buffalo.
 */

export const OUR_AGENCY: OurAgency = {
  agencyIdType: 'ISIL',
  agencyIdValue: 'US-NALBU',
  name: 'University at Albany, SUNY',
};

export const BUFFALO: IsoPartner = {
  name: 'University at Buffalo, SUNY',
  symbol: 'ISIL:US-NBUU',
  isoVersion: '2021',
  accountId: 'albany-desk',
  securityCode: 'k7&Q<9',
};

/** When the step happened: noon UTC, so the desk date is the same in every zone. */
export const AT = '2026-11-23T12:00:00.000Z';

type Step = Pick<OutgoingMessageBody, 'messageKind' | 'action' | 'fromStatus' | 'toStatus'> &
  Partial<Pick<OutgoingMessageBody, 'note' | 'details' | 'externalId' | 'title'>>;

const TO = {
  partnerCode: 'SUNYBUF',
  partnerSymbol: 'ISIL:US-NBUU',
  name: BUFFALO.name,
  email: null,
};

/** Our borrowing request B-1001; Buffalo's lending request for it is L-7731. */
export function borrowingBody(step: Step): OutgoingMessageBody {
  return {
    requestKind: 'borrowing',
    requestId: 'B-1001',
    externalId: 'L-7731',
    title: 'The Structure of Scientific Revolutions',
    at: AT,
    to: TO,
    note: null,
    details: {},
    ...step,
  };
}

/** Our lending request L-2001 for Buffalo's borrowing request B-5512. */
export function lendingBody(step: Step): OutgoingMessageBody {
  return {
    requestKind: 'lending',
    requestId: 'L-2001',
    externalId: 'B-5512',
    title: 'Introduction to Algorithms',
    at: AT,
    to: TO,
    note: null,
    details: {},
    ...step,
  };
}

/** One body per message kind RS Desk sends, as its desk step stores it. */
export const OUTGOING_CASES: readonly {
  readonly name: string;
  readonly body: OutgoingMessageBody;
}[] = [
  {
    name: 'Request (Send to partner)',
    body: borrowingBody({
      messageKind: 'Request',
      action: 'SEND',
      fromStatus: 'READY_TO_SEND',
      toStatus: 'SENT',
      externalId: '',
      note: 'Patron needs it for a thesis defence.',
      details: {
        dueDate: null,
        author: 'Thomas S. Kuhn',
        isbn: '9780226458120',
        format: 'PHYSICAL',
        neededBy: '2026-12-18',
      },
    }),
  },
  {
    name: 'Received (Receiving Items)',
    body: borrowingBody({
      messageKind: 'Received',
      action: 'RECEIVE',
      fromStatus: 'SHIPPED_PHYSICALLY',
      toStatus: 'RECEIVED',
      note: 'Arrived with a torn dust jacket.',
      details: { pieces: 1, receivedAt: AT, dueDate: '2027-01-18' },
    }),
  },
  {
    name: 'ShippedReturn (Return Items)',
    body: borrowingBody({
      messageKind: 'ShippedReturn',
      action: 'RETURN_TO_PARTNER',
      fromStatus: 'RETURNED_BY_PATRON',
      toStatus: 'RETURNED_TO_PARTNER',
      details: { pieces: 1, dueDate: '2027-01-18', itemBarcode: 'ILL000123' },
    }),
  },
  {
    name: 'Cancel (Cancel)',
    body: borrowingBody({
      messageKind: 'Cancel',
      action: 'CANCEL_BY_STAFF',
      fromStatus: 'SENT',
      toStatus: 'CANCELLED',
      note: 'The patron found a copy.',
      details: { dueDate: null },
    }),
  },
  {
    name: 'Renew',
    body: borrowingBody({
      messageKind: 'Renew',
      action: 'RENEW_REQUEST',
      fromStatus: 'LOANED',
      toStatus: 'LOANED',
      note: 'Two more weeks, please.',
      details: { dueDate: '2027-01-18' },
    }),
  },
  {
    name: 'StatusRequest',
    body: borrowingBody({
      messageKind: 'StatusRequest',
      action: 'STATUS_REQUEST',
      fromStatus: 'SENT',
      toStatus: 'SENT',
    }),
  },
  {
    name: 'Notification (Lost)',
    body: borrowingBody({
      messageKind: 'Notification',
      action: 'MARK_LOST',
      fromStatus: 'LOANED',
      toStatus: 'LOST',
      note: 'The patron reports it stolen.',
      details: { dueDate: '2027-01-18' },
    }),
  },
  {
    name: 'WillSupply (Will Supply)',
    body: lendingBody({
      messageKind: 'WillSupply',
      action: 'WILL_SUPPLY',
      fromStatus: 'CREATED',
      toStatus: 'WILL_SUPPLY',
      details: { dueDate: null },
    }),
  },
  {
    name: 'ExpectToSupply (Conditional)',
    body: lendingBody({
      messageKind: 'ExpectToSupply',
      action: 'CONDITIONAL',
      fromStatus: 'CREATED',
      toStatus: 'CONDITIONAL',
      note: 'We can lend it for two weeks only.',
      details: { conditionReason: 'Library use only', replyBy: '2026-11-30' },
    }),
  },
  {
    name: 'Loaned (Ship item)',
    body: lendingBody({
      messageKind: 'Loaned',
      action: 'SHIP',
      fromStatus: 'WILL_SUPPLY',
      toStatus: 'SHIPPED_PHYSICALLY',
      note: 'Please keep it in its box.',
      details: {
        itemBarcode: '31234000123456',
        dueDate: '2027-01-18',
        format: 'PHYSICAL',
        shippingCost: null,
      },
    }),
  },
  {
    name: 'Unfilled (Reject)',
    body: lendingBody({
      messageKind: 'Unfilled',
      action: 'REJECT',
      fromStatus: 'CREATED',
      toStatus: 'REJECTED',
      note: 'Try the Science Library copy at Binghamton.',
      details: { reasonUnfilled: 'NotOnShelf', reason: 'Not on shelf' },
    }),
  },
  {
    name: 'LoanCompleted (Scan In Items)',
    body: lendingBody({
      messageKind: 'LoanCompleted',
      action: 'SCAN_IN',
      fromStatus: 'RETURNED_BY_PARTNER',
      toStatus: 'COMPLETED',
      details: { itemBarcode: '31234000123456', checkedInAt: AT, dueDate: '2027-01-18' },
    }),
  },
  {
    name: 'StatusRequestResponse (the borrower asked where the loan stands)',
    body: lendingBody({
      messageKind: 'StatusRequestResponse',
      action: 'STATUS_REQUEST',
      fromStatus: 'RECEIVED_BY_PARTNER',
      toStatus: 'RECEIVED_BY_PARTNER',
      details: { itemBarcode: '31234000123456', dueDate: '2027-01-18' },
    }),
  },
  {
    name: 'Recalled (Recall)',
    body: lendingBody({
      messageKind: 'Recalled',
      action: 'RECALL',
      fromStatus: 'RECEIVED_BY_PARTNER',
      toStatus: 'RECALLED',
      note: 'Needed for course reserves.',
      details: { dueDate: '2026-12-01' },
    }),
  },
  {
    name: 'Overdue (Overdue)',
    body: lendingBody({
      messageKind: 'Overdue',
      action: 'MARK_OVERDUE',
      fromStatus: 'RECEIVED_BY_PARTNER',
      toStatus: 'OVERDUE',
      details: { dueDate: '2026-11-20' },
    }),
  },
  {
    name: 'RenewResponse (Renew)',
    body: lendingBody({
      messageKind: 'RenewResponse',
      action: 'RENEW',
      fromStatus: 'RENEW_REQUESTED',
      toStatus: 'RECEIVED_BY_PARTNER',
      note: 'Renewed once; no further renewals.',
      details: { dueDate: '2027-02-15', previousDueDate: '2027-01-18' },
    }),
  },
  {
    name: 'CancelResponse (Cancel)',
    body: lendingBody({
      messageKind: 'CancelResponse',
      action: 'CANCEL',
      fromStatus: 'WILL_SUPPLY',
      toStatus: 'CANCELLED',
      details: { dueDate: null },
    }),
  },
  {
    name: 'CopyCompleted (Ship digitally)',
    body: lendingBody({
      messageKind: 'CopyCompleted',
      action: 'SHIP_DIGITALLY',
      fromStatus: 'WILL_SUPPLY',
      toStatus: 'SHIPPED_DIGITALLY',
      details: { url: 'https://files.example.edu/ill/L-2001.pdf' },
    }),
  },
];

/** The body of the case for one message kind ("Loaned", "Request", …). */
export function outgoingCase(messageKind: string): OutgoingMessageBody {
  const found = OUTGOING_CASES.find((c) => c.body.messageKind === messageKind);
  if (!found) throw new Error(`No outgoing case for ${messageKind}`);
  return found.body;
}
