import { describe, expect, it } from 'vitest';
import { createReportJoiner, decodeScanReport } from '../../../shared/scanning/hid-pos-report.ts';
import { scannedDataReport } from './hid-reports.ts';

describe('decodeScanReport', () => {
  it('reads the data, AIM identifier and no continuation from a single report', () => {
    expect(decodeScanReport(scannedDataReport('RS-000123', { aim: ']C0' }))).toEqual({
      ok: true,
      data: 'RS-000123',
      symbology: ']C0',
      continued: false,
    });
  });

  it('reads the continuation flag from the last byte and a missing AIM identifier as null', () => {
    expect(decodeScanReport(scannedDataReport('ABC', { continued: true }))).toEqual({
      ok: true,
      data: 'ABC',
      symbology: null,
      continued: true,
    });
  });

  it.each([
    ['too short', Uint8Array.of(0x02, 0x01, 0x5d), /at least 6/],
    ['another report ID', scannedDataReport('X', { reportId: 0x04 }), /report ID 0x04/],
    [
      'a length byte beyond the report',
      scannedDataReport('ABC', { length: 200 }),
      /200 data bytes/,
    ],
    ['non-printable junk', scannedDataReport('A\u0001B'), /data byte 1 is 0x01/],
    ['a malformed AIM identifier', scannedDataReport('A', { aimBytes: [0x41, 0x42, 0x43] }), /AIM/],
  ])('rejects %s with a reason', (_name, report, reason) => {
    const decoded = decodeScanReport(report);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });

  it('reads only as many bytes as the length byte says, ignoring padding', () => {
    const decoded = decodeScanReport(scannedDataReport('ABCDEF', { length: 3 }));
    expect(decoded).toMatchObject({ ok: true, data: 'ABC' });
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    for (let n = 0; n < 500; n += 1) {
      const bytes = Uint8Array.from(
        { length: n % 70 },
        () => (seed = (seed * 48271) % 2147483647) & 0xff,
      );
      expect(() => decodeScanReport(bytes)).not.toThrow();
    }
  });
});

describe('createReportJoiner', () => {
  it('joins a scan sent over three continued reports, in order', () => {
    const joiner = createReportJoiner({ timeoutMs: 500 });
    expect(joiner.push(scannedDataReport('AAA', { aim: ']Q1', continued: true }), 0)).toEqual([
      { kind: 'pending' },
    ]);
    expect(joiner.push(scannedDataReport('BBB', { aim: ']Q1', continued: true }), 5)).toEqual([
      { kind: 'pending' },
    ]);
    expect(joiner.push(scannedDataReport('CC', { aim: ']Q1' }), 10)).toEqual([
      { kind: 'scan', data: 'AAABBBCC', symbology: ']Q1' },
    ]);
  });

  it('drops a partial scan whose tail arrives after the timeout, then reads the new report', () => {
    const joiner = createReportJoiner({ timeoutMs: 500 });
    joiner.push(scannedDataReport('AAA', { continued: true }), 0);
    const events = joiner.push(scannedDataReport('NEW'), 2_000);
    expect(events.map((e) => e.kind)).toEqual(['dropped', 'scan']);
    expect(events[1]).toEqual({ kind: 'scan', data: 'NEW', symbology: null });
  });

  it('drops a stale partial scan when expired by a timer', () => {
    const joiner = createReportJoiner({ timeoutMs: 500 });
    joiner.push(scannedDataReport('AAA', { continued: true }), 0);
    expect(joiner.expire(100)).toEqual([]);
    expect(joiner.expire(600)).toMatchObject([{ kind: 'dropped', reason: /within 500 ms/ }]);
  });

  it('drops a partial scan broken by a report of another symbology', () => {
    const joiner = createReportJoiner({ timeoutMs: 500 });
    joiner.push(scannedDataReport('AAA', { aim: ']C0', continued: true }), 0);
    const events = joiner.push(scannedDataReport('XYZ', { aim: ']A0' }), 1);
    expect(events).toMatchObject([
      { kind: 'dropped', reason: /another symbology/ },
      { kind: 'scan', data: 'XYZ', symbology: ']A0' },
    ]);
  });

  it('drops a partial scan broken by garbage and rejects the garbage', () => {
    const joiner = createReportJoiner({ timeoutMs: 500 });
    joiner.push(scannedDataReport('AAA', { continued: true }), 0);
    expect(joiner.push(Uint8Array.of(1, 2, 3), 1).map((e) => e.kind)).toEqual([
      'dropped',
      'rejected',
    ]);
    expect(joiner.push(scannedDataReport('OK'), 2)).toEqual([
      { kind: 'scan', data: 'OK', symbology: null },
    ]);
  });

  it('rejects a report that ends a scan with no data at all', () => {
    const joiner = createReportJoiner({ timeoutMs: 500 });
    expect(joiner.push(scannedDataReport(''), 0)).toMatchObject([{ kind: 'rejected' }]);
  });
});
