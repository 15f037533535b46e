import { z } from 'zod';
import { actionEffects } from './contract-borrowing-desk.ts';

/**
 * The lending desk's scan screens and pull slips (issue "5 · Lending desk", parts 4–6): Shipping
 * Items, Scan In Items, and pull slips for a selection. contract.ts spreads these methods into the
 * one table.
 */

const identifier = z.string().trim().min(1).max(100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A lending request as Shipping Items shows it while it waits for the second scan or Save. */
const shippingRequest = z.object({
  requestId: z.string(),
  externalId: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  partnerCode: z.string(),
  partnerName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** The item the request names or Locate found; null when none is known yet. */
  itemBarcode: z.string().nullable(),
  callNumber: z.string().nullable(),
  location: z.string().nullable(),
  /** The due date to offer: today plus the partner's loan period, or null when it has none. */
  proposedDueDate: z.string().nullable(),
  /** Null when it can be shipped now; else why not. */
  blocked: z.enum(['ALREADY_SHIPPED', 'WRONG_STATUS']).nullable(),
});
export type ShippingRequest = z.infer<typeof shippingRequest>;

export const lendingDeskMethods = {
  /**
   * Shipping Items, either scan first: a request ID or External Identifier finds the request; an
   * item barcode finds the shippable lending request for that item. `scanned` says which it was,
   * so the screen knows which input is still to come.
   */
  'shipping.lookup': {
    input: z.strictObject({ value: identifier }),
    output: z.object({
      request: shippingRequest.nullable(),
      scanned: z.enum(['REQUEST', 'ITEM']).nullable(),
      /** True when that one scan is enough to ship (the request's own item, and the setting allows it). */
      readyToShip: z.boolean(),
      message: z.string(),
    }),
  },
  /**
   * Save on Shipping Items: Shipped physically, history, the partner message (ISO `Loaned` with
   * the item barcode and due date, or the Lender Ship letter), the shipping slip — one
   * transaction. An item that is not the request's is refused and nothing changes.
   */
  'shipping.ship': {
    input: z.strictObject({
      requestId: identifier,
      itemBarcode: identifier,
      /** Required unless non-returnable: a non-returnable copy has no due date. */
      dueDate: isoDate.optional(),
      /** Ship non-returnable (the request's format is Physical non-returnable). */
      nonReturnable: z.boolean().default(false),
      shippingCost: z.number().min(0).max(10_000).optional(),
      note: z.string().trim().max(1000).optional(),
      /** The journaled scan that led to this action: its idempotency key (applied once at most). */
      scanId: z.number().int().positive().optional(),
    }),
    output: z.object({
      requestId: z.string(),
      statusLabel: z.string(),
      /** Null for a non-returnable copy. */
      dueDate: z.string().nullable(),
      ...actionEffects,
    }),
  },
  /**
   * Scan In Items: a lent item that came home → Request completed; the partner is told when the
   * profile says so; the answer says where the item goes back on the shelf.
   */
  'scanIn.checkIn': {
    input: z.strictObject({
      value: identifier,
      /** The journaled scan that led to this action: its idempotency key (applied once at most). */
      scanId: z.number().int().positive().optional(),
    }),
    output: z.object({
      requestId: z.string(),
      statusLabel: z.string(),
      title: z.string(),
      partnerName: z.string(),
      location: z.string().nullable(),
      callNumber: z.string().nullable(),
      ...actionEffects,
    }),
  },
} as const;
