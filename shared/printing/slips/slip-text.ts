/**
 * Formatters and block helpers every slip builder shares. Pure and locale-free: a slip printed on
 * any desk machine, in any time zone, says the same thing.
 */
import type { SlipAddress, SlipOrigin } from '../slip-data.ts';
import type { SlipBlock } from '../slip-document.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day in UTC, or null when `text` is neither an ISO date nor a parseable timestamp. */
function utcDay(text: string): Date | null {
  const trimmed = text.trim();
  const dateOnly = ISO_DATE_ONLY.exec(trimmed);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    // Date.UTC rolls 2026-02-30 over into March; a slip must not print a date nobody entered.
    return day.toISOString().slice(0, 10) === trimmed ? day : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return null;
  // Without a zone, Date would read the machine's local time; such a timestamp is taken as UTC.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) ? trimmed : `${trimmed}Z`;
  const instant = new Date(zoned);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * `2026-12-04` → `Fri 4 Dec 2026`: day-first with a month name, so no reader mistakes 4/12 for
 * 12 April. A timestamp prints its UTC date. Text that is not a date is printed as given rather
 * than blocking the slip.
 */
export function formatSlipDate(iso: string): string {
  const day = utcDay(iso);
  if (!day) return iso.trim();
  const weekday = WEEKDAYS[day.getUTCDay()] ?? '';
  const month = MONTHS[day.getUTCMonth()] ?? '';
  return `${weekday} ${day.getUTCDate()} ${month} ${day.getUTCFullYear()}`;
}

/** A timestamp as `Fri 4 Dec 2026 14:05 UTC`; the zone is named because staff read local time. */
export function formatSlipTimestamp(iso: string): string {
  const trimmed = iso.trim();
  if (ISO_DATE_ONLY.test(trimmed)) return formatSlipDate(trimmed);
  const instant = utcDay(trimmed);
  if (!instant) return trimmed;
  const hh = String(instant.getUTCHours()).padStart(2, '0');
  const mm = String(instant.getUTCMinutes()).padStart(2, '0');
  return `${formatSlipDate(trimmed)} ${hh}:${mm} UTC`;
}

/** The text of an optional value, or null when it is missing or blank. */
export function present(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** An address as printed lines: street lines, "Locality, Region PostalCode", country. */
export function addressLines(address: SlipAddress): string[] {
  const locality = present(address.locality);
  const regionAndCode = [present(address.region), present(address.postalCode)]
    .filter((part): part is string => part !== null)
    .join(' ');
  const cityLine = [locality, regionAndCode === '' ? null : regionAndCode]
    .filter((part): part is string => part !== null)
    .join(', ');
  return [
    present(address.line1),
    present(address.line2),
    present(cityLine),
    present(address.country),
  ].filter((line): line is string => line !== null);
}

const FORMAT_LABELS: Readonly<Record<string, string>> = {
  PHYSICAL: 'Physical',
  PHYSICAL_NON_RETURNABLE: 'Physical (non-returnable)',
  DIGITAL: 'Digital',
};

/** A request format code as staff read it; an unknown code is shown in sentence case. */
export function formatLabel(format: string): string {
  const code = format.trim().toUpperCase();
  const known = FORMAT_LABELS[code];
  if (known) return known;
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label/value line, or nothing when the value is missing: slips never print "null". */
export function optionalField(
  label: string,
  value: string | null | undefined,
  style: { size?: 2 | 3; bold?: boolean } = {},
): SlipBlock[] {
  const text = present(value);
  return text === null ? [] : [{ type: 'field', label, value: text, ...style }];
}

/** A date line in slip form, or nothing when there is no date. */
export function optionalDate(
  label: string,
  iso: string | null | undefined,
  style: { size?: 2 | 3; bold?: boolean } = {},
): SlipBlock[] {
  const text = present(iso);
  return optionalField(label, text === null ? null : formatSlipDate(text), style);
}

/** A barcode with its caption, or nothing when there is no value to encode. */
export function optionalBarcode(caption: string, value: string | null | undefined): SlipBlock[] {
  const text = present(value);
  return text === null ? [] : [{ type: 'barcode', value: text, caption }];
}

/** Title in bold, author beneath: how every slip identifies the book. */
export function titleBlocks(title: string, author: string | null): SlipBlock[] {
  const blocks: SlipBlock[] = [{ type: 'text', text: present(title) ?? 'Untitled', bold: true }];
  const by = present(author);
  if (by !== null) blocks.push({ type: 'text', text: by });
  return blocks;
}

/** The desk that printed the slip and what the slip is, so a stray slip can be traced. */
export function slipHeader(origin: SlipOrigin, heading: string): SlipBlock[] {
  return [
    ...[present(origin.institution), present(origin.deskName)]
      .filter((line): line is string => line !== null)
      .map((text): SlipBlock => ({ type: 'text', text, align: 'center' })),
    { type: 'text', text: heading, size: 2, bold: true, align: 'center' },
    { type: 'rule', style: 'double' },
  ];
}

/** When the slip was printed, then the cut that ends every slip. */
export function slipFooter(origin: SlipOrigin): SlipBlock[] {
  const printedAt = present(origin.printedAt);
  return [
    { type: 'rule' },
    ...(printedAt === null
      ? []
      : [
          {
            type: 'text',
            text: `Printed ${formatSlipTimestamp(printedAt)}`,
            align: 'center',
          } satisfies SlipBlock,
        ]),
    { type: 'cut' },
  ];
}
