import { chromium } from '@playwright/test';
import type { BenchTargets } from './bench-data.ts';
import type { DriverResult } from './browser-scans.ts';

/**
 * The Chromium side of part g, run as a child process by browser-scans.ts: given the desk's URL
 * and the requests to receive, scans each at Receiving Items as a keyboard-wedge scanner does and
 * sends back when each Enter was pressed and when its outcome was on screen.
 */

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** A scanner's burst: keys 5 ms apart, then Enter. */
const WEDGE_DELAY_MS = 5;

const clock = () => performance.timeOrigin + performance.now();

async function drive(url: string, targets: BenchTargets['receive']): Promise<DriverResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The stored scanner settings rebuild the wedge listener when they arrive: scan after that.
    const settings = page.waitForResponse((r) => r.url().endsWith('/settings.get'));
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Receiving Items' }).waitFor();
    await settings;
    const scanField = page.getByLabel('Scan the External Identifier from the paperwork');
    const barcodeField = page
      .getByRole('dialog', { name: 'Temporary barcode' })
      .getByLabel('Item barcode');
    const enters: number[] = [];
    const onScreen: number[] = [];
    for (const target of targets) {
      // Into the field itself, so a busy machine's late focus cannot drop a key: the timing that
      // counts starts at the dialog's Enter.
      await scanField.pressSequentially(target.externalId, { delay: WEDGE_DELAY_MS });
      await page.keyboard.press('Enter');
      // A scanner's keys carry the times they were typed; keys sent over CDP carry the times the
      // page took them, so keys sent while the dialog is still mounting arrive far apart and read
      // as a person typing. Let it settle first (two frames): the timing starts at its Enter.
      await barcodeField.waitFor();
      await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      );
      await barcodeField.pressSequentially(target.tempBarcode, { delay: WEDGE_DELAY_MS });
      enters.push(clock());
      await page.keyboard.press('Enter');
      const outcome = page.locator('.outcome');
      await outcome
        .filter({ hasText: new RegExp(`Temporary barcode: ${target.tempBarcode}\\b`) })
        .waitFor({ timeout: 10_000 })
        .catch(async (error: unknown) => {
          const shown = await outcome.textContent().catch(() => null);
          throw new Error(`${target.requestId} was not received on screen; it shows: ${shown}`, {
            cause: error,
          });
        });
      onScreen.push(clock());
      // Staff look at the outcome before the next book; the slip prints meanwhile.
      await page.waitForTimeout(100);
    }
    return { enters, onScreen };
  } finally {
    await browser.close();
  }
}

process.once('message', (message) => {
  const { url, targets } = message as { url: string; targets: BenchTargets['receive'] };
  drive(url, targets).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`The Chromium driver failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
