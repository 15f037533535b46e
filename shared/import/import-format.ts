/**
 * The import file (DESIGN.md §6, a contract): one JSON object with any of six arrays. Each record
 * schema is strict, so a misspelt field is refused by name instead of being silently dropped.
 * Identifiers are trimmed text; dates are real calendar dates; statuses and formats are read as a
 * code or an Alma display name and come out as the code.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { quoted } from './quoted-value.ts';
import { stepCodes, type ProfileType } from '../domain/workflow-profiles.ts';
import {
  FORMATS,
  parseStatus,
  statusCodes,
  statusLabel,
  type RequestKind,
} from '../domain/statuses.ts';

/**
 * The six arrays, in the order they are applied (partners name profiles; requests refer to the
 * others). `workflowProfiles` was added with issue 9 so a configuration export sets a second desk up.
 */
export const IMPORT_SECTIONS = [
  'workflowProfiles',
  'partners',
  'patrons',
  'items',
  'borrowingRequests',
  'lendingRequests',
] as const;
export type ImportSection = (typeof IMPORT_SECTIONS)[number];

/** An identifier staff scan or type: never empty, never padded. */
const identifier = z.string().trim().min(1).max(200);
const requiredText = z.string().trim().min(1).max(2000);
/** Optional text; an empty string or null reads as absent, as spreadsheet exports write them. */
const optionalText = z
  .string()
  .trim()
  .max(4000)
  .nullish()
  .transform((v) => v || undefined);

/** Optional identifier (patron or item barcode); empty reads as absent. */
const optionalIdentifier = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => v || undefined);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emailAddress = optionalText.refine((v) => v === undefined || EMAIL.test(v), {
  error: (issue) =>
    `"${quoted(String(issue.input))}" is not an email address — write it as name@library.edu`,
});
/** Loopback and LAN endpoints are normal in testing, so only the scheme and a host are checked. */
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const endpointUrl = optionalText.refine((v) => v === undefined || HTTP_URL.test(v), {
  error: (issue) =>
    `"${quoted(String(issue.input))}" is not a web address — write the partner's ISO 18626 endpoint as https://host/path`,
});

const isoDate = z
  .string()
  .trim()
  .refine(isIsoDate, {
    error: (issue) =>
      `"${quoted(String(issue.input))}" is not a date — write dates as YYYY-MM-DD, e.g. 2026-12-20`,
  })
  .nullish()
  .transform((v) => v || undefined);

const days = (max: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(max)
    .nullish()
    .transform((v) => v ?? undefined);

/** A status as its code or Alma name, any case; a near miss is pointed at the nearest status. */
function status(kind: RequestKind) {
  return z.string().transform((text, ctx) => {
    const code = parseStatus(kind, text);
    if (code) return code;
    const example = statusLike(kind, text);
    const advice = `(use a code such as ${example} or an Alma name such as "${statusLabel(kind, example)}")`;
    // A status of the other side usually means the record sits in the wrong array.
    const other: RequestKind = kind === 'borrowing' ? 'lending' : 'borrowing';
    ctx.addIssue({
      code: 'custom',
      message: parseStatus(other, text)
        ? `"${quoted(text)}" is a ${other} status, not a ${kind} one — is this record in the right array? ${advice}`
        : `"${quoted(text)}" is not a ${kind} status ${advice}`,
    });
    return z.NEVER;
  });
}

/** The status whose code or name starts like the text, so "Shiped" suggests SHIPPED_PHYSICALLY. */
function statusLike(kind: RequestKind, text: string): string {
  const head = text
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 4);
  const codes = statusCodes(kind);
  const squash = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');
  const hit =
    head.length >= 3
      ? codes.find(
          (c) => squash(c).startsWith(head) || squash(statusLabel(kind, c)).startsWith(head),
        )
      : undefined;
  return hit ?? (kind === 'borrowing' ? 'SHIPPED_PHYSICALLY' : 'WILL_SUPPLY');
}

export type FormatCode = keyof typeof FORMATS;

const format = z
  .string()
  .transform((text, ctx) => {
    const wanted = text.trim().toUpperCase();
    for (const [code, label] of Object.entries(FORMATS)) {
      if (code === wanted || label.toUpperCase() === wanted) return code as FormatCode;
    }
    ctx.addIssue({
      code: 'custom',
      message: `"${quoted(text)}" is not a format (use PHYSICAL, DIGITAL or PHYSICAL_NON_RETURNABLE)`,
    });
    return z.NEVER;
  })
  .nullish()
  .transform((v) => v ?? 'PHYSICAL');

const protocol = z.string().transform((text, ctx) => {
  const wanted = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (wanted === 'iso18626' || wanted === 'email') return wanted;
  ctx.addIssue({
    code: 'custom',
    message: `"${quoted(text)}" is not a protocol (use iso18626 or email)`,
  });
  return z.NEVER;
});

const address = z.strictObject({
  line1: optionalText,
  line2: optionalText,
  locality: optionalText,
  region: optionalText,
  postalCode: optionalText,
  country: optionalText,
});

const profileType = z.string().transform((text, ctx): ProfileType => {
  const wanted = text.trim().toUpperCase();
  if (wanted === 'BORROWING' || wanted === 'LENDING') return wanted;
  ctx.addIssue({
    code: 'custom',
    message: `"${quoted(text)}" is not a profile type (use LENDING or BORROWING)`,
  });
  return z.NEVER;
});

/**
 * A workflow profile: its optional steps by code. A profile the desk already has (same name, any
 * case) takes the file's steps; a new one is added.
 */
export const profileRecord = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    type: profileType,
    steps: z
      .array(z.string().trim().toUpperCase())
      .max(40)
      .nullish()
      .transform((v) => v ?? []),
  })
  .superRefine((profile, ctx) => {
    const known = stepCodes(profile.type);
    profile.steps.forEach((step, index) => {
      if (!known.includes(step)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index],
          message: `"${quoted(step)}" is not a step of a ${profile.type.toLowerCase()} profile (use ${known.join(', ')})`,
        });
      }
    });
  });

export const partnerRecord = z.strictObject({
  code: identifier,
  name: requiredText,
  symbol: optionalText,
  protocol,
  endpoint: endpointUrl,
  email: emailAddress,
  isoVersion: z
    .enum(['1.2', '2021'])
    .nullish()
    .transform((v) => v ?? undefined),
  accountId: optionalText,
  securityCode: optionalText,
  address: address.nullish().transform((v) => v ?? undefined),
  lendingWorkflow: optionalText,
  borrowingWorkflow: optionalText,
  expiryDays: days(365),
  loanPeriodDays: days(730),
  active: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
});

export const patronRecord = z.strictObject({
  id: identifier,
  name: requiredText,
  barcode: optionalIdentifier,
  email: emailAddress,
  pickupLocation: optionalText,
});

export const itemRecord = z.strictObject({
  barcode: identifier,
  title: requiredText,
  author: optionalText,
  isbn: optionalText,
  callNumber: optionalText,
  location: optionalText,
  library: optionalText,
});

export const borrowingRecord = z.strictObject({
  requestId: identifier,
  externalId: identifier,
  partner: identifier,
  patron: identifier,
  title: requiredText,
  author: optionalText,
  isbn: optionalText,
  status: status('borrowing'),
  format,
  neededBy: isoDate,
  dueDate: isoDate,
  note: optionalText,
});

export const lendingRecord = z.strictObject({
  requestId: identifier,
  externalId: identifier,
  partner: identifier,
  title: requiredText,
  author: optionalText,
  isbn: optionalText,
  status: status('lending'),
  requestedFormat: format,
  levelOfService: optionalText,
  neededBy: isoDate,
  itemBarcode: optionalIdentifier,
});

export const RECORD_SCHEMAS = {
  workflowProfiles: profileRecord,
  partners: partnerRecord,
  patrons: patronRecord,
  items: itemRecord,
  borrowingRequests: borrowingRecord,
  lendingRequests: lendingRecord,
} as const;

/** The fields a record (or a partner's address) may carry, for "unknown field" messages. */
export const ALLOWED_FIELDS: Record<ImportSection | 'address', readonly string[]> = {
  workflowProfiles: ['name', 'type', 'steps'],
  partners: Object.keys(partnerRecord.shape),
  patrons: Object.keys(patronRecord.shape),
  items: Object.keys(itemRecord.shape),
  borrowingRequests: Object.keys(borrowingRecord.shape),
  lendingRequests: Object.keys(lendingRecord.shape),
  address: Object.keys(address.shape),
};

/** What one record of each array is called in messages. */
export const RECORD_NOUN: Record<ImportSection, string> = {
  workflowProfiles: 'workflow profile',
  partners: 'partner',
  patrons: 'patron',
  items: 'item',
  borrowingRequests: 'borrowing request',
  lendingRequests: 'lending request',
};

export type ProfileRecord = z.output<typeof profileRecord>;
export type PartnerRecord = z.output<typeof partnerRecord>;
export type PatronRecord = z.output<typeof patronRecord>;
export type ItemRecord = z.output<typeof itemRecord>;
export type BorrowingRecord = z.output<typeof borrowingRecord>;
export type LendingRecord = z.output<typeof lendingRecord>;

/** A validated file: every array present (empty when the file left it out). */
export interface ImportDocument {
  readonly workflowProfiles: readonly ProfileRecord[];
  readonly partners: readonly PartnerRecord[];
  readonly patrons: readonly PatronRecord[];
  readonly items: readonly ItemRecord[];
  readonly borrowingRequests: readonly BorrowingRecord[];
  readonly lendingRequests: readonly LendingRecord[];
}

/** The file as written (what the demo generator builds and a test fixture holds). */
export interface ImportFileContent {
  workflowProfiles?: z.input<typeof profileRecord>[];
  partners?: z.input<typeof partnerRecord>[];
  patrons?: z.input<typeof patronRecord>[];
  items?: z.input<typeof itemRecord>[];
  borrowingRequests?: z.input<typeof borrowingRecord>[];
  lendingRequests?: z.input<typeof lendingRecord>[];
}

export type ImportCounts = Record<ImportSection, number>;
