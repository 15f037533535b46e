import { addDays } from './dates.ts';

/**
 * The task list's date facets (Creation Date, Update Date, Due Date) in the seed's buckets: Today;
 * Yesterday; Up to three days ago (two or three days before today); Up to a week ago (four to seven
 * days); Up to a month ago (eight days to one calendar month); Older. Due dates also fall after
 * today, or are not set: those get buckets of their own.
 */

export const DATE_BUCKETS = {
  LATER: 'After today',
  TODAY: 'Today',
  YESTERDAY: 'Yesterday',
  UP_TO_3_DAYS: 'Up to three days ago',
  UP_TO_WEEK: 'Up to a week ago',
  UP_TO_MONTH: 'Up to a month ago',
  OLDER: 'Older',
  NONE: 'No date',
} as const;
export type DateBucket = keyof typeof DATE_BUCKETS;
export const DATE_BUCKET_CODES = Object.keys(DATE_BUCKETS) as DateBucket[];

export function dateBucketLabel(bucket: string): string {
  return Object.hasOwn(DATE_BUCKETS, bucket)
    ? (DATE_BUCKETS as Record<string, string>)[bucket]!
    : bucket;
}

/** One calendar month before `date` (YYYY-MM-DD), clamped to the month's last day (31 Mar → 28/29 Feb). */
export function monthBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The first day of each bucket, newest first, for the desk's calendar day `today`: a date belongs
 * to the first bucket whose start it is on or after (LATER starts tomorrow; OLDER has no start).
 */
export function bucketStarts(
  today: string,
): readonly { readonly bucket: DateBucket; readonly from: string }[] {
  return [
    { bucket: 'LATER', from: addDays(today, 1) },
    { bucket: 'TODAY', from: today },
    { bucket: 'YESTERDAY', from: addDays(today, -1) },
    { bucket: 'UP_TO_3_DAYS', from: addDays(today, -3) },
    { bucket: 'UP_TO_WEEK', from: addDays(today, -7) },
    { bucket: 'UP_TO_MONTH', from: monthBefore(today) },
  ];
}

/** The bucket of a calendar day (YYYY-MM-DD), or NONE for no date. */
export function dateBucketOf(date: string | null, today: string): DateBucket {
  if (date === null) return 'NONE';
  const day = date.slice(0, 10);
  return bucketStarts(today).find((b) => day >= b.from)?.bucket ?? 'OLDER';
}
