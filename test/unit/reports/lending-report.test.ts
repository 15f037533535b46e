import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  inShelfOrder,
  lendingReportXml,
  type LendingReportRow,
} from '../../../shared/reports/lending-report.ts';

function row(over: Partial<LendingReportRow>): LendingReportRow {
  return {
    requestId: 'L-1',
    externalId: 'E-1',
    partnerCode: 'P',
    partnerName: 'Partner',
    title: 'Title',
    author: null,
    isbn: null,
    location: null,
    callNumber: null,
    itemBarcode: null,
    status: 'CREATED',
    statusLabel: 'Created lending request',
    neededBy: null,
    dueDate: null,
    levelOfService: null,
    ...over,
  };
}

describe('lending report', () => {
  it('escapes markup and drops the control characters XML 1.0 forbids, keeping accents', () => {
    expect(escapeXml('Tom & "Jerry" <b>\u0007 \u00e9\t')).toBe(
      'Tom &amp; &quot;Jerry&quot; &lt;b&gt; \u00e9\t',
    );
  });

  it('writes empty elements for absent values and the codes as attributes', () => {
    const xml = lendingReportXml([row({ author: 'Núñez, José' })], '2026-11-23T12:00:00.000Z');
    expect(xml).toContain(
      '<lendingRequestsReport generatedAt="2026-11-23T12:00:00.000Z" count="1">',
    );
    expect(xml).toContain('    <author>Núñez, José</author>');
    expect(xml).toContain('    <isbn/>');
    expect(xml).toContain('    <status code="CREATED">Created lending request</status>');
  });

  it('sorts by location, then call number (numbers in order), then request ID; unshelved last', () => {
    const rows = [
      row({ requestId: 'L-4' }),
      row({ requestId: 'L-3', location: 'Science Library', callNumber: 'QA10' }),
      row({ requestId: 'L-2', location: 'Science Library', callNumber: 'QA9' }),
      row({ requestId: 'L-1', location: 'Main Stacks', callNumber: 'Z1' }),
    ];
    expect(inShelfOrder(rows).map((r) => r.requestId)).toEqual(['L-1', 'L-2', 'L-3', 'L-4']);
  });
});
