import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startLoopbackPrinter, type LoopbackPrinter } from '../helpers/loopback-printer.ts';
import { serveImportedDesk } from './support/desk-process.ts';
import {
  openScreen,
  wedgeScan,
  outcomeBanner as banner,
  slipText as text,
} from './support/desk-page.ts';

/**
 * The lending desk (WRLC seed, "How to Process Loaned P2P Items") in Chromium against
 * `rs-desk serve --printer tcp://…` and a loopback printer: the pull slip printed from the list,
 * Shipping Items by two scans and by one, the wrong item refused, and Scan In Items. L-2001 of
 * lending-desk.json (good.json plus L-2003) goes through the whole loan in order, so it is one test.
 */

let thermal: LoopbackPrinter;
test.beforeAll(async () => {
  thermal = await startLoopbackPrinter();
});
const desk = serveImportedDesk(test, 'lending-desk.json', () => ['--printer', thermal.uri]);
test.afterAll(async () => {
  await thermal.close();
});

const SHIP_FIELD = 'Scan the request ID (or External Identifier) and the item barcode';
const SCAN_IN_FIELD = 'Scan the barcode of the item that came home';

const open = (page: Page, screen: string) => openScreen(page, desk().url, screen);

/** Stores a desk setting straight through the API, as Settings would. */
async function setSetting(key: string, value: unknown): Promise<void> {
  const token = new URL(desk().url).searchParams.get('token') ?? '';
  const reply = await fetch(`${desk().origin}/api/settings.update`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
    body: JSON.stringify({ key, value }),
  });
  expect(reply.ok).toBe(true);
}

test('L-2001: pull slip from the list, shipped by two scans, scanned in when it comes home', async ({
  page,
}) => {
  // Pull slip: choose the row, print; the slip names the title and call number to pull it by.
  await open(page, 'Lending Requests');
  const row = page.getByRole('row', { name: /L-2001/ });
  await row.getByRole('checkbox', { name: 'Choose L-2001' }).check();
  let before = thermal.jobs().length;
  await page.getByRole('button', { name: 'Print pull slips (1)' }).click();
  let jobs = await thermal.waitForJobs(before + 1);
  const pullSlip = text(jobs[before]);
  expect(pullSlip).toContain('QA76.6 .C662 2022');
  expect(pullSlip).toContain('Introduction to Algorithms');
  await expect(page.locator('.desk-message')).not.toBeEmpty();
  await expect(row).toContainText('Printed');

  // Shipping Items with both scans asked for: the request first, then the wrong item (refused),
  // then the right one.
  await setSetting('shipOnOneScan', false);
  const settings = page.waitForResponse((response) => response.url().endsWith('/settings.get'));
  await open(page, 'Shipping Items');
  await settings;
  await expect(page.getByLabel(SHIP_FIELD)).toBeFocused();
  await wedgeScan(page, 'L-2001');
  const pending = page.getByRole('region', { name: /Shipping L-2001/ });
  await expect(pending).toContainText('University at Buffalo, SUNY');
  await expect(pending).toContainText('Scan the item barcode (31234000123456)');

  await wedgeScan(page, '31234000123464');
  await expect(page.getByRole('alert')).toContainText('not the item of L-2001');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(pending).toBeVisible();

  // Escape drops the pending request; scanning it again brings it back.
  await page.keyboard.press('Escape');
  await expect(pending).toHaveCount(0);
  await expect(page.locator('.desk-message')).toContainText('Shipping cleared');
  await wedgeScan(page, '33100042');
  await expect(pending).toContainText('Scan the item barcode (31234000123456)');

  await wedgeScan(page, '31234000123456');
  const dialog = page.getByRole('dialog', { name: 'Ship item' });
  await expect(dialog).toContainText('Introduction to Algorithms');
  await expect(dialog.getByLabel('Due date')).not.toHaveValue('');

  // Save has focus; a scanner burst of another value is not used, and the dialog says so.
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeFocused();
  await wedgeScan(page, 'L-2002');
  await expect(dialog.getByRole('alert')).toContainText('was not used');
  await expect(dialog).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);

  await dialog.getByLabel('Shipping cost').fill('4.50');
  before = thermal.jobs().length;
  await dialog.getByLabel('Shipping cost').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toContainText('Shipped');
  await expect(banner(page)).toContainText('L-2001');
  await expect(page.getByLabel(SHIP_FIELD)).toBeFocused();
  jobs = await thermal.waitForJobs(before + 1);
  // The slip prints the partner's name large, wrapped over two lines, and its address.
  const shippingSlip = text(jobs[before]);
  expect(shippingSlip).toContain('SHIPPING SLIP');
  expect(shippingSlip).toContain('University at Buffalo,');
  expect(shippingSlip).toContain('Lockwood Memorial');
  expect(shippingSlip).toContain('31234000123456');
  await expect(page.getByRole('button', { name: /Undo last action/ })).toBeVisible();

  // Shipped once: a second scan of the request says so and opens nothing.
  await wedgeScan(page, 'L-2001');
  await expect(banner(page)).toContainText('Already shipped');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Scan In Items: the loan comes home; the banner says where it goes back on the shelf.
  await open(page, 'Scan In Items');
  await expect(page.getByLabel(SCAN_IN_FIELD)).toBeFocused();
  await wedgeScan(page, '31234000123456');
  await expect(banner(page)).toContainText('Request completed');
  await expect(banner(page).locator('.outcome-shelving')).toContainText('Science Library');
  await expect(banner(page).locator('.outcome-shelving')).toContainText('QA76.6 .C662 2022');
});

test('L-2003 ships on one scan of its item; a missing due date is asked for', async ({ page }) => {
  await setSetting('shipOnOneScan', true);
  await open(page, 'Shipping Items');
  await wedgeScan(page, '31234000123464');
  const dialog = page.getByRole('dialog', { name: 'Ship item' });
  await expect(dialog).toContainText('University at Albany, SUNY');
  // Albany has no loan period: no due date is offered, so the date field has focus.
  const due = dialog.getByLabel('Due date');
  await expect(due).toBeFocused();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Enter the due date');
  await due.fill('2027-02-01');
  const before = thermal.jobs().length;
  await due.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toContainText('Shipped');
  await expect(banner(page)).toContainText('L-2003');
  const jobs = await thermal.waitForJobs(before + 1);
  expect(text(jobs[before])).toContain('SHIPPING SLIP');
});

test('Scan In Items says so for an item that is not on a lending request', async ({ page }) => {
  await open(page, 'Scan In Items');
  await wedgeScan(page, '31234000999999');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(banner(page)).not.toContainText('Request completed');
});
