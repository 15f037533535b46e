import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { ShippingRequest } from '../../shared/api/contract-lending-desk.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import { LENDING_ACTIONS, transition } from '../../shared/domain/transitions.ts';
import type { Orm } from '../../db/database.ts';
import {
  itemBarcodeOf,
  itemByBarcode,
  lendingByExternalId,
  lendingByItemBarcode,
  lendingByRequestId,
  newest,
  type DeskLendingRow,
} from '../../db/repositories/lending-desk-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { deskDate } from './desk-time.ts';

/**
 * Shipping Items' first (or only) scan (issue 6 part 5): a request ID, External Identifier or item
 * barcode names the lending request; the screen learns what is still to scan and whether it can
 * ship. Reads only: nothing changes until Save.
 */

type LookupOutput = Output<'shipping.lookup'>;
type Blocked = ShippingRequest['blocked'];

/** Statuses a lending request reaches only once its item has left the building. */
const SHIPPED_OR_LATER: readonly string[] = [
  ...LENDING_ACTIONS.SCAN_IN.from,
  'SHIPPED_DIGITALLY',
  'COMPLETED',
  'LOST',
  'DAMAGED',
];

const isShippable = (row: DeskLendingRow): boolean =>
  (LENDING_ACTIONS.SHIP.from as readonly string[]).includes(row.status);

export function shipBlock(row: DeskLendingRow): Blocked {
  if (isShippable(row)) return null;
  return SHIPPED_OR_LATER.includes(row.status) ? 'ALREADY_SHIPPED' : 'WRONG_STATUS';
}

/** "L-2001 (Introduction to Algorithms) for University at Buffalo, SUNY" */
export function describeLending(row: DeskLendingRow): string {
  return `${row.requestId} (${row.title}) for ${row.partner.name}`;
}

export function alreadyShippedMessage(row: DeskLendingRow): string {
  const scanIn = (LENDING_ACTIONS.SCAN_IN.from as readonly string[]).includes(row.status)
    ? ' If the book has come back, check it in on Scan In Items.'
    : '';
  return `${describeLending(row)} has already been shipped (it is "${statusLabel('lending', row.status)}"); it cannot be shipped again.${scanIn}`;
}

export function wrongStatusMessage(row: DeskLendingRow): string {
  const step = transition('lending', row.status, 'SHIP', row.profile);
  const why = step.ok ? '' : ` ${step.message}`;
  const locate =
    row.status === 'LOCATE_FAILED' ? ' Locate the item on Lending Requests first.' : '';
  return `${describeLending(row)} cannot be shipped now.${why}${locate}`;
}

/** The due date to offer: today (desk time) plus the partner's loan period. */
export function proposedDueDate(row: DeskLendingRow, now: Date): string | null {
  const days = row.partner.loanPeriodDays;
  return days === null ? null : addDays(deskDate(now), days);
}

function shippingRequest(row: DeskLendingRow, now: Date): ShippingRequest {
  return {
    requestId: row.requestId,
    externalId: row.externalId,
    title: row.title,
    author: row.author,
    partnerCode: row.partner.code,
    partnerName: row.partner.name,
    status: row.status,
    statusLabel: statusLabel('lending', row.status),
    itemBarcode: itemBarcodeOf(row),
    callNumber: row.item?.callNumber ?? null,
    location: row.item?.location ?? null,
    proposedDueDate: proposedDueDate(row, now),
    blocked: shipBlock(row),
  };
}

/** The request a request ID or External Identifier names: a shippable one when there are several. */
async function byRequestScan(db: Orm, value: string): Promise<DeskLendingRow | undefined> {
  const byId = await lendingByRequestId(db, value);
  if (byId) return byId;
  const byExternal = await lendingByExternalId(db, value);
  return byExternal.find(isShippable) ?? newest(byExternal);
}

/** The request an item barcode names: the shippable one, else the latest to tell staff why not. */
async function byItemScan(db: Orm, value: string): Promise<DeskLendingRow | undefined> {
  const rows = await lendingByItemBarcode(db, value);
  return rows.find(isShippable) ?? newest(rows);
}

function answer(
  row: DeskLendingRow,
  scanned: 'REQUEST' | 'ITEM',
  oneScanEnough: boolean,
  now: Date,
): LookupOutput {
  const request = shippingRequest(row, now);
  if (request.blocked) {
    const message =
      request.blocked === 'ALREADY_SHIPPED' ? alreadyShippedMessage(row) : wrongStatusMessage(row);
    return { request, scanned, readyToShip: false, message };
  }
  // Scanning the item proves the book is in hand; the request ID alone does only if the setting trusts it.
  const readyToShip = request.itemBarcode !== null && (scanned === 'ITEM' || oneScanEnough);
  const message = readyToShip
    ? `${describeLending(row)} is ready to ship: check the due date and Save.`
    : `${describeLending(row)}: scan the item barcode to ship.`;
  return { request, scanned, readyToShip, message };
}

export async function lookupShipping(
  ctx: DeskContext,
  input: ParsedInput<'shipping.lookup'>,
): Promise<LookupOutput> {
  return ctx.gate.read(async (db) => {
    const now = ctx.now();
    const oneScanEnough = await getSetting(db, 'shipOnOneScan');
    const byRequest = await byRequestScan(db, input.value);
    if (byRequest) return answer(byRequest, 'REQUEST', oneScanEnough, now);
    const byItem = await byItemScan(db, input.value);
    if (byItem) return answer(byItem, 'ITEM', oneScanEnough, now);

    const item = await itemByBarcode(db, input.value);
    const message = item
      ? `${item.barcode} is our copy of "${item.title}", but no lending request names it. Scan the request ID from the pull slip first, then this item.`
      : `No lending request or lent item has ${input.value}; scan the request ID from the pull slip or the item barcode.`;
    return { request: null, scanned: null, readyToShip: false, message };
  });
}
