const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date (due date, needed by, hold until) as staff read it: "Jan 10, 2027". Read in
 * UTC so the day never shifts with the machine's time zone; a full timestamp falls back to
 * formatInstant.
 */
export function formatDay(text: string, locale?: string): string {
  if (!DAY_ONLY.test(text)) return formatInstant(text, locale);
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (history events) in the desk's local time zone: "Jan 10, 2027, 2:05 PM". */
export function formatInstant(text: string, locale?: string, timeZone?: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
