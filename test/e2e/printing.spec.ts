import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startLoopbackPrinter, type LoopbackPrinter } from '../helpers/loopback-printer.ts';
import { serveImportedDesk } from './support/desk-process.ts';

/**
 * Printing from the desk in Chromium, against `rs-desk serve --printer tcp://…` and a loopback
 * TCP printer that keeps every byte it is sent.
 */

let thermal: LoopbackPrinter;
let pdfDir: string;
test.beforeAll(async () => {
  thermal = await startLoopbackPrinter();
  pdfDir = mkdtempSync(join(tmpdir(), 'rs-desk-e2e-pdf-'));
});
const desk = serveImportedDesk(test, 'good.json', () => ['--printer', thermal.uri]);
test.afterAll(async () => {
  await thermal.close();
  rmSync(pdfDir, { recursive: true, force: true });
});

/** "José Núñez" in PC858, the default code page (é 82, ú A3, ñ A4). */
const JOSE_CP858 = Buffer.from([0x4a, 0x6f, 0x73, 0x82, 0x20, 0x4e, 0xa3, 0xa4, 0x65, 0x7a]);

async function openBorrowingRequest(page: Page, requestId: string): Promise<void> {
  await page.goto(desk().url);
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Borrowing Requests', exact: true })
    .click();
  const find = page.getByRole('searchbox').first();
  await find.fill(requestId);
  await find.press('Enter');
  await page.getByRole('table').getByRole('button', { name: requestId }).click();
  await expect(page.getByRole('heading', { name: 'Slips' })).toBeVisible();
}

test('a receive slip printed from its request reaches the thermal printer and its history', async ({
  page,
}) => {
  await openBorrowingRequest(page, 'B-1002');
  const before = thermal.jobs().length;
  await page.getByRole('button', { name: 'Print receive slip / hold strap' }).click();
  await expect(page.locator('.desk-message')).toContainText('Receive slip B-1002: sent to');

  const jobs = await thermal.waitForJobs(before + 1);
  expect(Buffer.from(jobs[before] ?? []).includes(JOSE_CP858)).toBe(true);
  const slips = page.getByRole('table', { name: 'Slips printed for this request' });
  await expect(slips.getByRole('row', { name: /Receive slip B-1002/ })).toContainText('Printed');
  await expect(page.locator('.status-bar')).toContainText(`${thermal.uri} (ready)`);
});

test('the preview shows the hold strap with the patron and the barcodes', async ({ page }) => {
  await openBorrowingRequest(page, 'B-1002');
  await page.getByRole('button', { name: 'Preview receive slip / hold strap' }).click();
  const preview = page.getByRole('figure', { name: 'Receive slip B-1002' });
  await expect(preview).toContainText('José Núñez');
  await expect(preview.getByRole('img', { name: 'Barcode B-1002' })).toBeVisible();
  await page.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toHaveCount(0);
});

test('F9 reprints the last slip from any screen', async ({ page }) => {
  await openBorrowingRequest(page, 'B-1001');
  const before = thermal.jobs().length;
  await page.getByRole('button', { name: 'Print return slip' }).click();
  await thermal.waitForJobs(before + 1);
  const count = before + 1;
  await expect(page.locator('.desk-message')).toContainText('Return slip B-1001');

  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Receiving Items', exact: true })
    .click();
  await page.keyboard.press('F9');
  await expect(page.locator('.desk-message')).toContainText('Reprint: Return slip B-1001');
  const after = await thermal.waitForJobs(count + 1);
  expect(Buffer.from(after[count] ?? []).toString('latin1')).toContain('B-1001');
});

test('Settings adds a printer, refuses a bad URI with an example, and test-prints', async ({
  page,
}) => {
  await page.goto(desk().url);
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Settings', exact: true })
    .click();
  const printers = page.getByRole('region', { name: 'Printers' });
  await printers.getByRole('button', { name: 'Add a printer' }).click();
  await printers.getByLabel('Name', { exact: true }).fill('Back office PDFs');
  await printers.getByLabel('Printer URI').fill('pdf:relative/folder');
  await printers.getByRole('button', { name: 'Save printer' }).click();
  await expect(printers.getByRole('alert')).toContainText('pdf:///');

  await printers.getByLabel('Printer URI').fill(`pdf://${pdfDir}`);
  await printers.getByLabel('Paper width').selectOption('58');
  await printers.getByRole('button', { name: 'Save printer' }).click();
  const row = printers.getByRole('row', { name: /Back office PDFs/ });
  await expect(row).toContainText('58 mm');

  await row.getByRole('button', { name: 'Test print on Back office PDFs' }).click();
  await expect(page.locator('.desk-message')).toContainText('Test page sent to Back office PDFs');
  await expect
    .poll(() => (existsSync(pdfDir) ? readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')) : []))
    .toHaveLength(1);

  // Return slips now go to the PDF folder; the run's --printer stays the default.
  await printers.getByLabel('Printer for Return slip').selectOption('Back office PDFs');
  await printers.getByRole('button', { name: 'Save slip settings' }).click();
  await expect(printers.getByRole('status')).toContainText('Slip settings saved.');
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Printers' }).getByLabel('Printer for Return slip'),
  ).toHaveValue('Back office PDFs');
});
