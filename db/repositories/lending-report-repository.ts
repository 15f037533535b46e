import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { statusLabel } from '../../shared/domain/statuses.ts';
import type { LendingReportRow } from '../../shared/reports/lending-report.ts';
import type { Orm } from '../database.ts';
import { items, lendingRequests as lr, partners } from '../schema.ts';

/** The Print Slip Report's rows and its Request Reported flag. */

/** The report rows of these lending requests (by row id), in no particular order. */
export async function lendingReportRows(
  db: Orm,
  ids: readonly number[],
): Promise<LendingReportRow[]> {
  if (ids.length === 0) return [];
  return (
    db
      .select({ r: lr, p: partners, i: items })
      .from(lr)
      .innerJoin(partners, eq(partners.id, lr.partnerId))
      // As the slips do: the located item, or the item the request names before Locate ran.
      .leftJoin(
        items,
        or(eq(items.id, lr.itemId), and(isNull(lr.itemId), eq(items.barcode, lr.itemBarcode))),
      )
      .where(inArray(lr.id, [...ids]))
      .all()
      .map(({ r, p, i }) => ({
        requestId: r.requestId,
        externalId: r.externalId,
        partnerCode: p.code,
        partnerName: p.name,
        title: r.title,
        author: r.author,
        isbn: r.isbn,
        location: i?.location ?? null,
        callNumber: i?.callNumber ?? null,
        itemBarcode: r.itemBarcode ?? i?.barcode ?? null,
        status: r.status,
        statusLabel: statusLabel('lending', r.status),
        neededBy: r.neededBy,
        dueDate: r.dueDate,
        levelOfService: r.levelOfService,
      }))
  );
}

/** Sets Request Reported on these lending requests (by row id). */
export async function markReported(db: Orm, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  db.update(lr)
    .set({ reported: true })
    .where(inArray(lr.id, [...ids]))
    .run();
}
