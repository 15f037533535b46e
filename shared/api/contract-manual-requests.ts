import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';

/**
 * Requests typed in at the desk (issue "9 · Configuration", part 5): a lending request a partner
 * sent outside the messaging (the seed's "Adding a Resource Sharing Lending Task Manually"), then
 * located as an imported one is; and a borrowing request for a patron, found by patron ID or
 * barcode, which Send to partner then sends. Desk work, not configuration: staff may do both.
 * contract.ts spreads these methods into the one table.
 */

/** The formats of shared/domain/statuses.ts FORMATS. */
const format = z.enum(['PHYSICAL', 'DIGITAL', 'PHYSICAL_NON_RETURNABLE']).default('PHYSICAL');
const identifier = z.string().trim().min(1).max(200);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);
const neededBy = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), 'a date written as YYYY-MM-DD, such as 2026-12-20');

const created = z.object({
  requestId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** What happened, in a sentence for the desk's message line. */
  message: z.string(),
});
export type ManualRequestCreated = z.infer<typeof created>;

export const manualRequestMethods = {
  /**
   * A lending request typed in: status Created lending request, then Locate (the item barcode
   * given, or a search by ISBN, then title and author). Without a request ID the desk makes one.
   */
  'lending.create': {
    input: z.strictObject({
      requestId: identifier.optional(),
      /** The borrower's reference for the request (External Identifier). */
      externalId: identifier,
      partner: identifier,
      title: z.string().trim().min(1, 'a title').max(2000),
      author: optionalText(500),
      isbn: optionalText(40),
      requestedFormat: format,
      levelOfService: optionalText(100),
      neededBy,
      itemBarcode: identifier.optional(),
      note: optionalText(2000),
    }),
    output: created,
  },
  /**
   * A borrowing request for a patron (by patron ID or barcode) to a partner: status Created
   * borrowing request, ready for Send to partner. Without a request ID the desk makes one; the
   * External Identifier is the request ID until the lender gives its own.
   */
  'borrowing.create': {
    input: z.strictObject({
      requestId: identifier.optional(),
      partner: identifier,
      /** The patron's ID or barcode. */
      patron: identifier,
      title: z.string().trim().min(1, 'a title').max(2000),
      author: optionalText(500),
      isbn: optionalText(40),
      format: format,
      neededBy,
      note: optionalText(2000),
    }),
    output: created,
  },
} as const;
