import { chromium, type Locator } from '@playwright/test';
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

/**
 * Scan to screen is timed inside the page, so that it is what staff see and not Playwright's round
 * trips: from the dialog's Enter key as Chromium took it (the event's own time stamp) to the
 * moment the outcome naming the barcode is in the page (watched as the DOM changes, and every few
 * milliseconds besides); the frame that paints it follows within a frame. Installed before the
 * Enter is sent, so neither moment can pass unseen.
 */
const IN_PAGE_TIMING = `
  // First of all the page's listeners, so that the desk's own scanner handling cannot hide a key.
  let lastEnter = -1;
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') lastEnter = event.timeStamp;
  }, true);
  // Armed before the Enter is sent; the answer waits in __benchScanToScreen.
  window.__benchArm = (pattern) => {
    const armed = performance.now();
    const matches = new RegExp(pattern);
    window.__benchScanToScreen = new Promise((resolve) => {
      const check = () => {
        if (lastEnter < armed) return;
        if (![...document.querySelectorAll('.outcome')].some((e) => matches.test(e.textContent ?? ''))) return;
        observer.disconnect();
        clearInterval(poll);
        resolve(performance.now() - lastEnter);
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const poll = setInterval(check, 5);
    });
  };
`;

/** Typing that had to be done again, for the report: a harness artifact, not the desk's. */
let retyped = 0;

/**
 * Types `value` as a scanner's burst and checks the field holds it. Keys sent over CDP carry the
 * time the page took them, not the time they were sent, so on a busy machine the first key can
 * arrive far ahead of the rest; the desk then rightly reads it as a person's key followed by a
 * scan, and keeps only the scan. Such a burst is typed again (outside any timed span).
 */
async function typeBurst(field: Locator, value: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await field.pressSequentially(value, { delay: WEDGE_DELAY_MS });
    if ((await field.inputValue()) === value) return;
    if (attempt === 3) throw new Error(`The field would not take ${value} as a burst.`);
    retyped++;
    await field.fill('');
  }
}

async function drive(url: string, targets: BenchTargets['receive']): Promise<DriverResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(IN_PAGE_TIMING);
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
    const scanToScreen: number[] = [];
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
      await typeBurst(barcodeField, target.tempBarcode);
      await page.evaluate(
        (pattern) =>
          (globalThis as unknown as { __benchArm: (p: string) => void }).__benchArm(pattern),
        `Temporary barcode: ${target.tempBarcode}\\b`,
      );
      const toScreen = page.evaluate(
        () =>
          (globalThis as unknown as { __benchScanToScreen: Promise<number> }).__benchScanToScreen,
      );
      // The printer's side is timed in the parent process, from here.
      enters.push(clock());
      await page.keyboard.press('Enter');
      const ms = await Promise.race([
        toScreen,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 10_000)),
      ]).catch(async (error: unknown) => {
        const outcome = await page
          .locator('.outcome')
          .textContent()
          .catch(() => null);
        throw new Error(`${target.requestId} was not received on screen; it shows: ${outcome}`, {
          cause: error,
        });
      });
      scanToScreen.push(ms);
      // Staff look at the outcome before the next book; the slip prints meanwhile.
      await page.waitForTimeout(100);
    }
    if (retyped > 0)
      process.stderr.write(
        `   (${retyped} temporary barcodes typed again: keys sent over CDP arrived far apart)\n`,
      );
    return { enters, scanToScreen };
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
