import { isIsoDate } from '../../../shared/domain/dates.ts';

/**
 * Dates on the wire. ISO 18626 dates are xs:dateTime; the desk keeps instants as JS ISO strings
 * ("2026-02-10T14:03:22.123Z") and days as desk dates ("2026-03-01"). A due date or a date for
 * reply means "by the end of that day", so a desk date goes out as 23:59:59 UTC of the same date,
 * and a desk reading one back takes the date as written (`deskDateOf`) rather than converting it
 * to its own zone, which could move it a day.
 */

/** xs:dateTime: a date, a time with optional fraction, an optional zone (Z or ±hh:mm). */
const XS_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Whether `value` is a valid xs:dateTime as the XSD checks it. */
export function isXsDateTime(value: string): boolean {
  return XS_DATE_TIME.test(value);
}

/** An instant as xs:dateTime in UTC to the second: "2026-02-10T14:03:22Z". */
export function xsDateTime(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`"${String(instant)}" is not a date and time.`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A desk date as the end of that day: "2026-03-01" → "2026-03-01T23:59:59Z". */
export function endOfDay(deskDate: string): string {
  if (!isIsoDate(deskDate)) throw new RangeError(`"${deskDate}" is not a date (YYYY-MM-DD).`);
  return `${deskDate}T23:59:59Z`;
}

/**
 * The date a partner's xs:dateTime names, as written: "2026-03-01T23:59:59+0100" → "2026-03-01".
 * Null when it does not start with a date. Tolerates the "+0000" zones real messages carry.
 */
export function deskDateOf(dateTime: string): string | null {
  const date = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(dateTime.trim())?.[1];
  return date !== undefined && isIsoDate(date) ? date : null;
}
