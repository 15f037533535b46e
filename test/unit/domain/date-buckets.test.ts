import { describe, expect, it } from 'vitest';
import {
  bucketStarts,
  DATE_BUCKET_CODES,
  dateBucketLabel,
  dateBucketOf,
  monthBefore,
} from '../../../shared/domain/date-buckets.ts';

/** The seed's Creation Date buckets, counted in calendar days before the desk's today. */

const TODAY = '2026-11-23';

describe('dateBucketOf', () => {
  const cases = [
    ['2026-11-24', 'LATER', 'tomorrow (a due date)'],
    ['2026-11-23', 'TODAY', 'today'],
    ['2026-11-22', 'YESTERDAY', 'the day before'],
    ['2026-11-21', 'UP_TO_3_DAYS', 'two days before'],
    ['2026-11-20', 'UP_TO_3_DAYS', 'three days before'],
    ['2026-11-19', 'UP_TO_WEEK', 'four days before'],
    ['2026-11-16', 'UP_TO_WEEK', 'seven days before'],
    ['2026-11-15', 'UP_TO_MONTH', 'eight days before'],
    ['2026-10-23', 'UP_TO_MONTH', 'one calendar month before'],
    ['2026-10-22', 'OLDER', 'a month and a day before'],
    ['2019-01-01', 'OLDER', 'years before'],
  ] as const;
  for (const [date, bucket, what] of cases) {
    it(`puts ${what} (${date}) in ${bucket}`, () => {
      expect(dateBucketOf(date, TODAY)).toBe(bucket);
    });
  }

  it('puts a missing date in its own bucket', () => {
    expect(dateBucketOf(null, TODAY)).toBe('NONE');
  });

  it('counts a month back from a long month to the last day of a shorter one', () => {
    expect(dateBucketOf('2026-02-28', '2026-03-31')).toBe('UP_TO_MONTH');
    expect(dateBucketOf('2026-02-27', '2026-03-31')).toBe('OLDER');
  });
});

describe('monthBefore', () => {
  it('goes back one calendar month, across a year and to a leap day', () => {
    expect(monthBefore('2026-11-23')).toBe('2026-10-23');
    expect(monthBefore('2026-01-15')).toBe('2025-12-15');
    expect(monthBefore('2026-03-31')).toBe('2026-02-28');
    expect(monthBefore('2028-03-31')).toBe('2028-02-29');
  });
});

describe('bucketStarts', () => {
  it('lists each bucket once, newest first, every start earlier than the one before', () => {
    const starts = bucketStarts(TODAY);
    expect(starts.map((s) => s.bucket)).toEqual([
      'LATER',
      'TODAY',
      'YESTERDAY',
      'UP_TO_3_DAYS',
      'UP_TO_WEEK',
      'UP_TO_MONTH',
    ]);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i]?.from ?? '') < (starts[i - 1]?.from ?? '')).toBe(true);
    }
  });
});

describe('dateBucketLabel', () => {
  it("uses the seed's words, and leaves an unknown code as it is", () => {
    expect(DATE_BUCKET_CODES.map(dateBucketLabel)).toEqual([
      'After today',
      'Today',
      'Yesterday',
      'Up to three days ago',
      'Up to a week ago',
      'Up to a month ago',
      'Older',
      'No date',
    ]);
    expect(dateBucketLabel('SOMEDAY')).toBe('SOMEDAY');
  });
});
