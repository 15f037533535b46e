/**
 * Prints slips on an OS printer through electron-pos-printer (`system://NAME`, DESIGN.md §7).
 * Only the shell may load it: it requires 'electron' and opens a BrowserWindow to lay the slip out.
 */
// A default import: the package is a webpack UMD bundle, whose named exports Node's ESM loader
// cannot see, so `import { PosPrinter }` would fail when the built main process starts.
import electronPosPrinter from 'electron-pos-printer';
import { decodePosPrinterJob } from '../../shared/printing/pos-printer-data.ts';
import type { SystemPrinter } from '../printing/transports/system-transport.ts';

/** The library's own allowance per line when it renders the slip. */
const TIME_OUT_PER_LINE_MS = 400;
/** The library sets no time limit on silent jobs, so a driver that never answers would hang. */
const JOB_MARGIN_MS = 10_000;

export function createSystemPrinter(): SystemPrinter {
  return {
    async print(printerName, bytes) {
      const { lines, pageSize } = decodePosPrinterJob(bytes);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the printer did not answer in time')),
          lines.length * TIME_OUT_PER_LINE_MS + JOB_MARGIN_MS,
        );
      });
      try {
        const job = electronPosPrinter.PosPrinter.print(lines, {
          printerName,
          silent: true,
          pageSize,
          margin: '0 0 0 0',
          copies: 1,
          timeOutPerLine: TIME_OUT_PER_LINE_MS,
        });
        await Promise.race([job, timeout]);
      } catch (error) {
        throw new Error(`Printer "${printerName}" did not print the slip: ${reason(error)}`, {
          cause: error,
        });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The library rejects with an Error, a string or its own error object, depending on the step. */
function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return 'the print driver reported a failure';
}
