import { describe, expect, it } from 'vitest';
import {
  agencyIdOfSymbol,
  deskDateOf,
  endOfDay,
  isAgencyOfSymbol,
  isoStatusOfLending,
  isXsDateTime,
  xsDateTime,
} from '../../../electron/messaging/iso18626/index.ts';
import { LENDING_STATUS_CODES } from '../../../shared/domain/statuses.ts';

/** The small rules the ISO 18626 codec and the listener share. */

describe('partner symbols and agency ids', () => {
  it('reads a schemed symbol as its own type and a bare one as ours', () => {
    expect(agencyIdOfSymbol('OCLC:NAM', 'ISIL')).toEqual({
      agencyIdType: 'OCLC',
      agencyIdValue: 'NAM',
    });
    expect(agencyIdOfSymbol(' US-NBUU ', 'ISIL')).toEqual({
      agencyIdType: 'ISIL',
      agencyIdValue: 'US-NBUU',
    });
  });

  it('knows an incoming agency by its symbol, ignoring case, and the type only when the symbol names one', () => {
    const buffalo = { agencyIdType: 'ISIL', agencyIdValue: 'us-nbuu' };
    expect(isAgencyOfSymbol(buffalo, 'US-NBUU')).toBe(true);
    expect(isAgencyOfSymbol(buffalo, 'isil:US-NBUU')).toBe(true);
    expect(isAgencyOfSymbol(buffalo, 'OCLC:US-NBUU')).toBe(false);
    expect(isAgencyOfSymbol(buffalo, 'US-NALBU')).toBe(false);
  });
});

describe('dates on the wire', () => {
  it('writes instants to the second in UTC and desk dates as the end of that day', () => {
    expect(xsDateTime('2026-11-23T12:00:00.123Z')).toBe('2026-11-23T12:00:00Z');
    expect(xsDateTime(new Date('2026-11-23T07:00:00-05:00'))).toBe('2026-11-23T12:00:00Z');
    expect(endOfDay('2027-01-18')).toBe('2027-01-18T23:59:59Z');
    expect(() => endOfDay('18/01/2027')).toThrow('"18/01/2027" is not a date (YYYY-MM-DD).');
  });

  it('accepts what xs:dateTime accepts and nothing else', () => {
    expect(isXsDateTime('2026-11-23T12:00:00Z')).toBe(true);
    expect(isXsDateTime('2026-11-23T12:00:00.5+01:00')).toBe(true);
    expect(isXsDateTime('2026-11-23T12:00:00')).toBe(true);
    expect(isXsDateTime('2026-11-23T12:00:00+0000')).toBe(false);
    expect(isXsDateTime('2026-11-23')).toBe(false);
  });

  it('reads the date a partner wrote, without moving it to another zone', () => {
    expect(deskDateOf('2027-01-18T23:59:59Z')).toBe('2027-01-18');
    expect(deskDateOf('2027-01-18T00:30:00+0900')).toBe('2027-01-18');
    expect(deskDateOf('2027-02-30T00:00:00Z')).toBeNull();
    expect(deskDateOf('soon')).toBeNull();
  });
});

describe('lending statuses as ISO 18626 statuses (StatusRequest answers)', () => {
  it('has one for every lending status, Loaned until the item is checked in', () => {
    expect(LENDING_STATUS_CODES.map(isoStatusOfLending)).not.toContain(undefined);
    expect(isoStatusOfLending('CREATED')).toBe('RequestReceived');
    expect(isoStatusOfLending('CONDITIONAL')).toBe('ExpectToSupply');
    expect(isoStatusOfLending('RETURNED_BY_PARTNER')).toBe('Loaned');
    expect(isoStatusOfLending('COMPLETED')).toBe('LoanCompleted');
    expect(isoStatusOfLending('REJECTED')).toBe('Unfilled');
  });
});
