import { describe, expect, it } from 'vitest';
import {
  BORROWING_STATUSES,
  isActiveStatus,
  LENDING_STATUSES,
  parseStatus,
  statusLabel,
} from '../../../shared/domain/statuses.ts';
import { addOpenDays, isIsoDate } from '../../../shared/domain/dates.ts';

describe('statuses', () => {
  it('shows Alma display names', () => {
    expect(statusLabel('borrowing', 'RECEIVED')).toBe('Physically received by library');
    expect(statusLabel('lending', 'COMPLETED')).toBe('Request completed');
  });

  it('reads a code or a display name in any case', () => {
    expect(parseStatus('borrowing', 'shipped physically')).toBe('SHIPPED_PHYSICALLY');
    expect(parseStatus('borrowing', 'Shipped_Physically')).toBe('SHIPPED_PHYSICALLY');
    expect(parseStatus('lending', 'Rejected the borrower request')).toBe('REJECTED');
    expect(parseStatus('lending', 'Physically received by library')).toBeUndefined();
    expect(parseStatus('borrowing', 'Shiped')).toBeUndefined();
  });

  it('has 18 statuses on each side, as DESIGN.md §4 lists', () => {
    expect(Object.keys(LENDING_STATUSES)).toHaveLength(18);
    expect(Object.keys(BORROWING_STATUSES)).toHaveLength(18);
  });

  it('knows which statuses are final', () => {
    expect(isActiveStatus('borrowing', 'RECEIVED')).toBe(true);
    expect(isActiveStatus('borrowing', 'RETURNED_TO_PARTNER')).toBe(false);
    expect(isActiveStatus('lending', 'COMPLETED')).toBe(false);
  });
});

describe('dates', () => {
  it('checks real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-2-3')).toBe(false);
  });

  it('skips closed weekdays when counting hold-shelf days', () => {
    // Friday 2026-11-20 + 2 open days, weekends closed → Tuesday 2026-11-24.
    expect(addOpenDays('2026-11-20', 2, [0, 6])).toBe('2026-11-24');
    // With every day open it is plain addition.
    expect(addOpenDays('2026-11-20', 2, [])).toBe('2026-11-22');
    // Never lands on a closed day, even with zero days.
    expect(addOpenDays('2026-11-21', 0, [0, 6])).toBe('2026-11-23');
  });

  it('refuses a week with no open day', () => {
    expect(() => addOpenDays('2026-11-20', 1, [0, 1, 2, 3, 4, 5, 6])).toThrow(/open/);
  });
});
