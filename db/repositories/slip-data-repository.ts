import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type {
  PullSlipData,
  ReceiveSlipData,
  ReturnSlipData,
  ShippingSlipData,
  SlipAddress,
} from '../../shared/printing/slip-data.ts';
import type { Orm } from '../database.ts';
import { preparedQuery } from '../prepared.ts';
import {
  borrowingRequests as br,
  items,
  lendingRequests as lr,
  partners,
  patrons,
} from '../schema.ts';

/** What a borrowing request's slips are made from, with the request's row id for the print job. */
export interface BorrowingSlipSource {
  readonly id: number;
  readonly receive: ReceiveSlipData;
  readonly return: ReturnSlipData;
}

/** What a lending request's slips are made from, with the request's row id for the print job. */
export interface LendingSlipSource {
  readonly id: number;
  readonly shipping: ShippingSlipData;
  readonly pull: PullSlipData;
}

function addressOf(p: typeof partners.$inferSelect): SlipAddress {
  return {
    line1: p.addressLine1,
    line2: p.addressLine2,
    locality: p.locality,
    region: p.region,
    postalCode: p.postalCode,
    country: p.country,
  };
}

const borrowingSource = (db: Orm) =>
  db
    .select({ r: br, patron: patrons, partner: partners })
    .from(br)
    .innerJoin(patrons, eq(patrons.id, br.patronId))
    .innerJoin(partners, eq(partners.id, br.partnerId))
    .where(eq(br.requestId, sql.placeholder('requestId')))
    .prepare();

/** A borrowing request's receive and return slip data, by request ID (case-insensitive). */
export async function borrowingSlipSource(
  db: Orm,
  requestId: string,
): Promise<BorrowingSlipSource | undefined> {
  const row = preparedQuery(db, borrowingSource).get({ requestId });
  if (!row) return undefined;
  const { r, patron, partner } = row;
  return {
    id: r.id,
    receive: {
      requestId: r.requestId,
      externalId: r.externalId,
      title: r.title,
      author: r.author,
      patronName: patron.name,
      patronBarcode: patron.barcode,
      pickupLocation: patron.pickupLocation,
      holdUntil: r.holdUntil,
      lenderName: partner.name,
      lenderCode: partner.code,
      dueDate: r.dueDate,
      tempBarcode: r.tempBarcode,
      lenderItemBarcode: r.lenderItemBarcode,
      pieces: r.pieces,
    },
    return: {
      requestId: r.requestId,
      externalId: r.externalId,
      title: r.title,
      author: r.author,
      partnerName: partner.name,
      partnerAddress: addressOf(partner),
      dueDate: r.dueDate,
      tempBarcode: r.tempBarcode,
      noteToPartner: null,
    },
  };
}

const lendingSource = (db: Orm) =>
  db
    .select({ r: lr, item: items, partner: partners })
    .from(lr)
    .innerJoin(partners, eq(partners.id, lr.partnerId))
    // The located item, or the item the request names by barcode before Locate ran.
    .leftJoin(
      items,
      or(eq(items.id, lr.itemId), and(isNull(lr.itemId), eq(items.barcode, lr.itemBarcode))),
    )
    .where(eq(lr.requestId, sql.placeholder('requestId')))
    .prepare();

/** A lending request's shipping and pull slip data, by request ID (case-insensitive). */
export async function lendingSlipSource(
  db: Orm,
  requestId: string,
): Promise<LendingSlipSource | undefined> {
  const row = preparedQuery(db, lendingSource).get({ requestId });
  if (!row) return undefined;
  const { r, item, partner } = row;
  const itemBarcode = r.itemBarcode ?? item?.barcode ?? null;
  return {
    id: r.id,
    shipping: {
      requestId: r.requestId,
      externalId: r.externalId,
      partnerSymbol: partner.symbol,
      partnerName: partner.name,
      partnerAddress: addressOf(partner),
      itemBarcode,
      title: r.title,
      author: r.author,
      callNumber: item?.callNumber ?? null,
      dueDate: r.dueDate,
      format: r.suppliedFormat ?? r.requestedFormat,
    },
    pull: {
      requestId: r.requestId,
      externalId: r.externalId,
      location: item?.location ?? null,
      callNumber: item?.callNumber ?? null,
      title: r.title,
      author: r.author,
      itemBarcode,
      partnerName: partner.name,
      partnerCode: partner.code,
      neededBy: r.neededBy,
      levelOfService: r.levelOfService,
    },
  };
}
