import { formatSlipDate } from '../../shared/printing/slips/slip-text.ts';

/**
 * Dates as the desk's staff live them: in the desk machine's own time zone. A Hold Until date
 * counts from the day the book arrived at this desk, not from the day in UTC.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** The desk's calendar day of an instant (YYYY-MM-DD). */
export function deskDate(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** "Mon 23 Nov 2026 at 09:12" in desk time; a bare date prints without a time. */
export function formatWhen(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatSlipDate(iso);
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${formatSlipDate(deskDate(instant))} at ${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/** "09:12" in desk time. */
export function formatClock(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime())
    ? iso
    : `${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}
