/** Calendar arithmetic on ISO dates (YYYY-MM-DD), independent of the machine's time zone. */

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday, as Date.getUTCDay()

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekday(date: string): Weekday {
  return new Date(`${date}T00:00:00Z`).getUTCDay() as Weekday;
}

/**
 * `days` open days after `start`, skipping the desk's closed weekdays (Alma's "Resource Sharing
 * Working Days" lists the days staff do not process ILL). A result never lands on a closed day.
 */
export function addOpenDays(start: string, days: number, closed: readonly Weekday[]): string {
  if (closed.length >= 7) throw new Error('At least one weekday must be open.');
  let date = start;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (!closed.includes(weekday(date))) left -= 1;
  }
  while (closed.includes(weekday(date))) date = addDays(date, 1);
  return date;
}
