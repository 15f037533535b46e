/**
 * Decodes the HID POS "Scanned Data Report" a barcode scanner sends on usage page 0x8C.
 *
 * Layout (one of several in the wild; this is the one Honeywell scanners use in "HID POS" mode,
 * documented in Honeywell's user guides and seen in captured reports such as
 * `02 38 5D 58 30 …` = ID 2, 56 data bytes, "]X0", data — see the python_hon_usbhid notes):
 *
 *   byte 0        report ID, 0x02 for scanned data
 *   byte 1        number of data bytes in this report (not counting the AIM identifier)
 *   bytes 2–4     AIM symbology identifier, three ASCII bytes such as "]C0"; all zero when absent
 *   bytes 5…      data bytes, then zero padding up to the report size
 *   last byte     bit 0 set = the scan continues in the next report
 *
 * The report size is not fixed here (64 bytes is usual) because hidapi hands over whatever the
 * device sent; the length byte must fit before the final flag byte. The generic layout of the HID
 * POS Usage Tables 1.02 (descriptor-driven fields) is not supported.
 */

export const SCANNED_DATA_REPORT_ID = 0x02;
export const REPORT_ID_OFFSET = 0;
export const LENGTH_OFFSET = 1;
export const AIM_OFFSET = 2;
export const AIM_LENGTH = 3;
export const DATA_OFFSET = AIM_OFFSET + AIM_LENGTH;
/** Bit in the last byte of the report. */
export const CONTINUATION_BIT = 0x01;
/** Smallest report that can hold the header and the flag byte. */
export const MIN_REPORT_LENGTH = DATA_OFFSET + 1;

export type DecodedReport =
  | { ok: true; data: string; symbology: string | null; continued: boolean }
  | { ok: false; reason: string };

/** Decodes one input report; never throws, garbage gives `ok: false` with a reason. */
export function decodeScanReport(report: Uint8Array): DecodedReport {
  if (report.length < MIN_REPORT_LENGTH) {
    return fail(
      `report is ${report.length} bytes; a scanned-data report needs at least ${MIN_REPORT_LENGTH}`,
    );
  }
  const reportId = report[REPORT_ID_OFFSET] ?? 0;
  if (reportId !== SCANNED_DATA_REPORT_ID) {
    return fail(
      `report ID 0x${hex(reportId)} is not a scanned-data report (0x${hex(SCANNED_DATA_REPORT_ID)})`,
    );
  }
  const length = report[LENGTH_OFFSET] ?? 0;
  const room = report.length - MIN_REPORT_LENGTH;
  if (length > room) {
    return fail(`length byte says ${length} data bytes but the report has room for ${room}`);
  }
  const aim = report.subarray(AIM_OFFSET, DATA_OFFSET);
  const symbology = decodeAim(aim);
  if (symbology === undefined)
    return fail('AIM symbology identifier is not "]" + letter + modifier');

  const bytes = report.subarray(DATA_OFFSET, DATA_OFFSET + length);
  const junk = bytes.findIndex((b) => !isScanByte(b));
  if (junk >= 0) {
    return fail(`data byte ${junk} is 0x${hex(bytes[junk] ?? 0)}, which a barcode does not carry`);
  }
  const flags = report[report.length - 1] ?? 0;
  return {
    ok: true,
    data: String.fromCharCode(...bytes),
    symbology,
    continued: (flags & CONTINUATION_BIT) !== 0,
  };
}

export type JoinEvent =
  | { kind: 'scan'; data: string; symbology: string | null }
  | { kind: 'pending' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'dropped'; reason: string };

export interface ReportJoiner {
  /** Feeds one raw report received at `at` (ms); returns what happened, in order. */
  push(report: Uint8Array, at: number): JoinEvent[];
  /** Drops a partial scan older than the timeout; call from a timer so a lost tail is noticed. */
  expire(at: number): JoinEvent[];
}

/**
 * Joins continued reports into one scan. A partial scan is dropped (with a reason) when the next
 * report comes later than `timeoutMs`, names another symbology, or is garbage — each means the tail
 * of the earlier scan was lost, and gluing two scans together would look up a value nobody scanned.
 */
export function createReportJoiner(options: { timeoutMs: number }): ReportJoiner {
  let partial: { data: string; symbology: string | null; lastAt: number; count: number } | null =
    null;

  function expire(at: number): JoinEvent[] {
    if (partial && at - partial.lastAt > options.timeoutMs) {
      const count = partial.count;
      partial = null;
      return [
        dropped(
          `the rest of a scan did not arrive within ${options.timeoutMs} ms (${count} report(s) dropped)`,
        ),
      ];
    }
    return [];
  }

  function push(report: Uint8Array, at: number): JoinEvent[] {
    const events = expire(at);
    const decoded = decodeScanReport(report);
    if (!decoded.ok) {
      if (partial) {
        partial = null;
        events.push(dropped('a garbled report broke a scan that was still arriving'));
      }
      events.push({ kind: 'rejected', reason: decoded.reason });
      return events;
    }
    if (
      partial &&
      decoded.symbology !== null &&
      partial.symbology !== null &&
      decoded.symbology !== partial.symbology
    ) {
      partial = null;
      events.push(dropped('a report of another symbology broke a scan that was still arriving'));
    }
    const data = (partial?.data ?? '') + decoded.data;
    const symbology = partial?.symbology ?? decoded.symbology;
    if (decoded.continued) {
      partial = { data, symbology, lastAt: at, count: (partial?.count ?? 0) + 1 };
      events.push({ kind: 'pending' });
      return events;
    }
    partial = null;
    if (data.length === 0) events.push({ kind: 'rejected', reason: 'the scan carried no data' });
    else events.push({ kind: 'scan', data, symbology });
    return events;
  }

  return { push, expire };
}

/** The AIM id as text, null when all zero (none sent), undefined when malformed. */
function decodeAim(aim: Uint8Array): string | null | undefined {
  if (aim.every((b) => b === 0)) return null;
  const [flag, letter, modifier] = aim;
  if (flag !== 0x5d || letter === undefined || modifier === undefined) return undefined;
  const isLetter = (letter >= 0x41 && letter <= 0x5a) || (letter >= 0x61 && letter <= 0x7a);
  if (!isLetter || modifier < 0x21 || modifier > 0x7e) return undefined;
  return String.fromCharCode(flag, letter, modifier);
}

/** Printable ASCII plus the controls scanners legitimately send (Tab, LF, CR, EOT, GS, RS). */
function isScanByte(b: number): boolean {
  return (
    (b >= 0x20 && b <= 0x7e) ||
    b === 0x09 ||
    b === 0x0a ||
    b === 0x0d ||
    b === 0x04 ||
    b === 0x1d ||
    b === 0x1e
  );
}

function dropped(reason: string): JoinEvent {
  return { kind: 'dropped', reason };
}

function fail(reason: string): DecodedReport {
  return { ok: false, reason };
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0').toUpperCase();
}
