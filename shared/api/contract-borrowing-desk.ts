import { z } from 'zod';
import { requestKind } from './contract-shared.ts';
import { printJobSchema } from './contract-printing.ts';

/**
 * The borrowing desk's part of the API contract (issue "4 · Borrowing desk"): Receiving Items and
 * Return Items as in the WRLC seed's Parts I and II, the list's row actions, and Undo.
 * contract.ts spreads these methods into the one table.
 */

const identifier = z.string().trim().min(1).max(100);
const note = z.string().trim().max(1000);

/** A borrowing request as the Receiving Items screen shows it when choosing or refusing. */
export const receivingCandidate = z.object({
  requestId: z.string(),
  externalId: z.string(),
  partnerCode: z.string(),
  partnerName: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  patronName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** Null when it can be received now; else why not (received already, or a status Receiving Items does not take). */
  blocked: z.enum(['ALREADY_RECEIVED', 'WRONG_STATUS']).nullable(),
  receivedAt: z.string().nullable(),
  holdUntil: z.string().nullable(),
  tempBarcode: z.string().nullable(),
});
export type ReceivingCandidate = z.infer<typeof receivingCandidate>;

const addressLines = z.array(z.string());

/** What a desk action left behind: the slip it queued and the partner message or letter. */
export const actionEffects = {
  /** The slip queued by quick printing; null when quick printing is off for it or no printer is set. */
  slip: printJobSchema.nullable(),
  /** The partner message or letter queued ("ISO 18626 Received"), or null when none is due. */
  partnerMessage: z.string().nullable(),
  /** Plain words for the desk's message line: what happened and what to do next. */
  message: z.string(),
  /** The desk action, for Undo. */
  actionId: z.number().int(),
};

export const borrowingDeskMethods = {
  /**
   * Receiving Items: the borrowing requests an External Identifier (case-insensitive) belongs to,
   * at every partner that issued it; when there are none, the nearest (the same digits without
   * leading zeros, a longer identifier that starts with it) so staff can spot a misread.
   */
  'receiving.lookup': {
    input: z.strictObject({ value: identifier }),
    output: z.object({
      candidates: z.array(receivingCandidate),
      nearest: z.array(receivingCandidate),
      message: z.string(),
    }),
  },
  /**
   * Saves the Temporary barcode dialog: Physically received by library, Hold Until, history, the
   * partner message, the patron's letter and the receive slip — one transaction. A barcode another
   * active request already uses is not an error but an answer with a suffixed suggestion.
   */
  'receiving.receive': {
    input: z.strictObject({
      requestId: identifier,
      /** The item's own barcode, scanned in the dialog; Return Items finds the request by it. */
      tempBarcode: identifier,
      pieces: z.number().int().min(1).max(99).default(1),
      /** Queue the "on hold shelf" letter to the patron. */
      notifyPatron: z.boolean().default(true),
      internalNote: note.optional(),
      noteToPartner: note.optional(),
      /** The journaled scan that led to this action: its idempotency key (applied once at most). */
      scanId: z.number().int().positive().optional(),
    }),
    output: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('RECEIVED'),
        requestId: z.string(),
        statusLabel: z.string(),
        holdUntil: z.string(),
        tempBarcode: z.string(),
        ...actionEffects,
      }),
      z.object({
        outcome: z.literal('BARCODE_IN_USE'),
        message: z.string(),
        /** The active request that already has this barcode. */
        clashRequestId: z.string(),
        /** A free barcode made from the scanned one ("31234000123453-2"). */
        suggestion: z.string(),
      }),
    ]),
  },
  /** Return Items: the borrowing request an item barcode (its temporary barcode) belongs to, with where it goes. */
  'returning.lookup': {
    input: z.strictObject({ value: identifier }),
    output: z.object({
      request: z
        .object({
          requestId: z.string(),
          externalId: z.string(),
          title: z.string(),
          patronName: z.string(),
          status: z.string(),
          statusLabel: z.string(),
          /** Null when it can be returned now; else why not. */
          blocked: z.enum(['ALREADY_RETURNED', 'WRONG_STATUS']).nullable(),
          /** The Transit Destination: the lending partner and its address. */
          partnerCode: z.string(),
          partnerName: z.string(),
          partnerAddress: addressLines,
        })
        .nullable(),
      message: z.string(),
    }),
  },
  /** OK on the Transit Destination dialog: Returned item to partner, history, message, return slip. */
  'returning.return': {
    input: z.strictObject({
      requestId: identifier,
      noteToPartner: note.optional(),
      /** The journaled scan that led to this action: its idempotency key (applied once at most). */
      scanId: z.number().int().positive().optional(),
    }),
    output: z.object({
      requestId: z.string(),
      statusLabel: z.string(),
      ...actionEffects,
    }),
  },
  /** A row action on a request (Loan to patron, Returned by patron, …) that the transition table allows. */
  'requests.act': {
    input: z.strictObject({
      kind: requestKind,
      requestId: identifier,
      action: z.string().trim().min(1).max(40),
      note: note.optional(),
    }),
    output: z.object({
      requestId: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      ...actionEffects,
    }),
  },
  /** This window's last desk action, if it can still be undone (the Undo button). */
  'desk.lastAction': {
    input: z.strictObject({}),
    output: z
      .object({
        actionId: z.number().int(),
        /** "Received B-1001" */
        description: z.string(),
        /** Until when Undo works. */
        undoUntil: z.string(),
      })
      .nullable(),
  },
  /**
   * Undoes this window's last desk action within a few minutes: the status goes back, and the slip
   * or message it queued is withdrawn if not yet sent (one already sent stays sent, and it says so).
   */
  'desk.undo': {
    input: z.strictObject({ actionId: z.number().int().positive().optional() }),
    output: z.object({
      requestId: z.string(),
      statusLabel: z.string(),
      message: z.string(),
    }),
  },
} as const;
