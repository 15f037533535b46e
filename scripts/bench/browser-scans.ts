import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoopbackPrinter } from '../../test/helpers/loopback-printer.ts';
import type { BenchTargets } from './bench-data.ts';
import { figureOf, type Figure } from './figures.ts';

/**
 * Part g: the whole desk in Chromium, as staff work Receiving Items with a keyboard-wedge scanner:
 * the External Identifier, then the item's barcode into the Temporary barcode dialog. Timed from
 * the dialog's Enter to the outcome on screen, and to the last byte of the receive slip at the
 * loopback thermal printer the desk was started with.
 *
 * Chromium is driven from a child process (browser-driver.ts), so that Playwright's memory is not
 * counted as the desk's (part h). Scan to screen is timed inside the page; scan to slip from when
 * the driver sent the Enter to the slip's last byte, both read on the epoch clock of Node
 * (performance.timeOrigin plus performance.now()), which the two processes share.
 */

export interface DriverResult {
  /** When each dialog's Enter was sent, on this process's clock (the printer's times are too). */
  readonly enters: number[];
  /** From each Enter to its outcome on screen, in milliseconds, timed inside the page. */
  readonly scanToScreen: number[];
}

const DRIVER = fileURLToPath(new URL('./browser-driver.ts', import.meta.url));

const clock = () => performance.timeOrigin + performance.now();

export async function measureBrowserScans(
  url: string,
  printer: LoopbackPrinter,
  targets: BenchTargets['receive'],
): Promise<Figure[]> {
  // When each slip's last byte arrived, in the order the scans were made.
  const slipTimes: number[] = [];
  const first = printer.jobs().length;
  const watch = (async () => {
    while (slipTimes.length < targets.length) {
      await printer.waitForJobs(first + slipTimes.length + 1, 60_000);
      slipTimes.push(clock());
    }
  })();
  // Handled here so a missing slip fails the run where it is awaited, not the process meanwhile.
  watch.catch(() => undefined);
  const child = fork(DRIVER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const result = await new Promise<DriverResult>((resolve, reject) => {
    child.once('message', (message) => resolve(message as DriverResult));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The Chromium driver stopped (exit ${code}).`)));
    child.send({ url, targets });
  });
  await watch;
  const toSlip = slipTimes.map((at, i) => at - (result.enters[i] ?? at));
  return [
    figureOf('browser.receive_scan_to_screen', result.scanToScreen),
    figureOf('browser.receive_scan_to_slip', toSlip),
  ];
}
