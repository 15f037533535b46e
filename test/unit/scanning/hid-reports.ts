/** Builds scanned-data reports in the layout shared/scanning/hid-pos-report.ts documents. */
export interface ReportOptions {
  readonly aim?: string;
  readonly aimBytes?: readonly number[];
  readonly continued?: boolean;
  readonly reportId?: number;
  /** Overrides the length byte, to make it lie. */
  readonly length?: number;
  /** 64 bytes, as Honeywell scanners send. */
  readonly size?: number;
}

export function scannedDataReport(data: string, options: ReportOptions = {}): Uint8Array {
  const size = options.size ?? 64;
  const report = new Uint8Array(size);
  report[0] = options.reportId ?? 0x02;
  report[1] = options.length ?? data.length;
  const aim = options.aimBytes ?? [...(options.aim ?? '')].map((c) => c.charCodeAt(0));
  report.set(aim.slice(0, 3), 2);
  report.set(
    [...data].map((c) => c.charCodeAt(0)),
    5,
  );
  report[size - 1] = options.continued ? 0x01 : 0x00;
  return report;
}

/** Splits `data` into continued reports of at most `chunk` bytes each. */
export function continuedReports(data: string, chunk: number, aim?: string): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += chunk) {
    const part = data.slice(at, at + chunk);
    const continued = at + chunk < data.length;
    reports.push(scannedDataReport(part, aim === undefined ? { continued } : { aim, continued }));
  }
  return reports;
}
