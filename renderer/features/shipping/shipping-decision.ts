import type { ShippingRequest } from '../../../shared/api/contract-lending-desk.ts';
import type { Output, ScanResult } from '../../../shared/api/contract.ts';

/**
 * Shipping Items takes the request (its ID or External Identifier) and the item barcode in either
 * order. Between the two scans the screen holds the request and what it still needs.
 */
export interface PendingShipment {
  readonly request: ShippingRequest;
  /** The item barcode scanned, or the request's own when one scan was enough; null until known. */
  readonly itemBarcode: string | null;
  /** What the next scan should be; null when both are in and the Ship item dialog is open. */
  readonly missing: 'REQUEST' | 'ITEM' | null;
}

export type ShippingStep =
  /** Both inputs are in (or one was enough): the Ship item dialog opens. */
  | { readonly kind: 'ready'; readonly pending: PendingShipment }
  /** The first scan found a request: the screen shows it and asks for the other input. */
  | { readonly kind: 'waiting'; readonly pending: PendingShipment }
  /** An item that is not the pending request's: nothing changes, the pending request stays. */
  | { readonly kind: 'mismatch'; readonly message: string }
  | { readonly kind: 'blocked'; readonly request: ShippingRequest; readonly message: string }
  | { readonly kind: 'not-found'; readonly message: string };

/** The scan's own message stands for a scan of another kind (a borrowing identifier, a card). */
export function needsShippingLookup(scan: ScanResult): boolean {
  return scan.code !== 'WRONG_KIND';
}

export function sameBarcode(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** What the item-first or request-first scan at Shipping Items leads to. */
export function shippingStep(
  pending: PendingShipment | null,
  value: string,
  answer: Output<'shipping.lookup'>,
): ShippingStep {
  const scanned = value.trim();
  // Waiting for the item: whatever is not a request is that item (a barcode Locate never saw too).
  if (pending?.missing === 'ITEM' && answer.scanned !== 'REQUEST') {
    const expected = pending.request.itemBarcode;
    if (expected !== null && !sameBarcode(expected, scanned)) {
      return {
        kind: 'mismatch',
        message: `${scanned} is not the item of ${pending.request.requestId} (it expects ${expected}). Nothing was changed: scan the right item, or press Escape to start again.`,
      };
    }
    return { kind: 'ready', pending: { ...pending, itemBarcode: scanned, missing: null } };
  }
  // Waiting for the request of a scanned item: another request's ID does not ship this item.
  if (pending?.missing === 'REQUEST' && answer.scanned === 'REQUEST' && answer.request) {
    if (answer.request.requestId === pending.request.requestId) {
      return { kind: 'ready', pending: { ...pending, missing: null } };
    }
    return {
      kind: 'mismatch',
      message: `Item ${pending.itemBarcode ?? ''} belongs to ${pending.request.requestId}, not ${answer.request.requestId}. Nothing was changed: scan ${pending.request.requestId}, or press Escape to start again.`,
    };
  }
  const { request } = answer;
  if (!request) return { kind: 'not-found', message: answer.message };
  if (request.blocked !== null) return { kind: 'blocked', request, message: answer.message };
  const item = answer.scanned === 'ITEM' ? scanned : null;
  if (answer.readyToShip) {
    return {
      kind: 'ready',
      pending: { request, itemBarcode: item ?? request.itemBarcode, missing: null },
    };
  }
  return {
    kind: 'waiting',
    pending: {
      request,
      itemBarcode: item,
      missing: answer.scanned === 'ITEM' ? 'REQUEST' : 'ITEM',
    },
  };
}

/** "Scan the item barcode (31234000123456)" — what the screen asks for next. */
export function stillNeeded(pending: PendingShipment): string {
  if (pending.missing === 'REQUEST') {
    return `Scan the request ID or External Identifier of ${pending.request.requestId} to confirm.`;
  }
  const expected = pending.request.itemBarcode;
  return expected
    ? `Scan the item barcode (${expected}).`
    : 'Scan the item barcode of the pulled item.';
}

export interface ShipForm {
  readonly dueDate: string;
  readonly shippingCost: string;
  readonly note: string;
}

export type ShipInput =
  | {
      readonly ok: true;
      readonly value: {
        requestId: string;
        itemBarcode: string;
        dueDate: string;
        shippingCost?: number;
        note?: string;
      };
    }
  | { readonly ok: false; readonly field: 'dueDate' | 'shippingCost'; readonly message: string };

export const SHIPPING_COST_RULE = 'Shipping cost is an amount from 0 to 10000, or empty.';

/** A typed shipping cost: undefined when empty, null when it is not an amount the desk takes. */
export function shippingCostOf(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const cost = Number(trimmed);
  return Number.isFinite(cost) && cost >= 0 && cost <= 10_000 ? cost : null;
}

/** The Ship item dialog's form as `shipping.ship` takes it, or what is wrong with it. */
export function shipInput(requestId: string, itemBarcode: string, form: ShipForm): ShipInput {
  const dueDate = form.dueDate.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) {
    return { ok: false, field: 'dueDate', message: 'Enter the due date (a full date).' };
  }
  const cost = shippingCostOf(form.shippingCost);
  if (cost === null) return { ok: false, field: 'shippingCost', message: SHIPPING_COST_RULE };
  const note = form.note.trim();
  return {
    ok: true,
    value: {
      requestId,
      itemBarcode,
      dueDate,
      ...(cost === undefined ? {} : { shippingCost: cost }),
      ...(note ? { note } : {}),
    },
  };
}
