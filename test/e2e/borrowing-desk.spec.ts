import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatSlipDate } from '../../shared/printing/slips/slip-text.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../helpers/loopback-printer.ts';
import { serveImportedDesk } from './support/desk-process.ts';
import {
  openScreen,
  wedgeScan,
  typeScan,
  outcomeBanner as banner,
  slipText as text,
} from './support/desk-page.ts';

/**
 * The borrowing desk (WRLC seed, "How to Process Borrowed P2P Items", Parts I and II) in Chromium
 * against `rs-desk serve --printer tcp://…` and a loopback printer. Each test works on its own
 * requests of borrowing-desk.json, so the tests do not depend on each other's order.
 */

let thermal: LoopbackPrinter;
test.beforeAll(async () => {
  thermal = await startLoopbackPrinter();
});
const desk = serveImportedDesk(test, 'borrowing-desk.json', () => ['--printer', thermal.uri]);
test.afterAll(async () => {
  await thermal.close();
});

const RECEIVE_FIELD = 'Scan the External Identifier from the paperwork';
const RETURN_FIELD = 'Scan the item barcode, not the External Identifier';

const open = (page: Page, screen: string) => openScreen(page, desk().url, screen);

/** Receives a request through its Temporary barcode dialog, typing both values. */
async function receive(page: Page, externalId: string, barcode: string): Promise<void> {
  await open(page, 'Receiving Items');
  await typeScan(page, RECEIVE_FIELD, externalId);
  const dialog = page.getByRole('dialog', { name: 'Temporary barcode' });
  await dialog.getByLabel('Item barcode').fill(barcode);
  await dialog.getByLabel('Item barcode').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toContainText('Received');
}

test('receives B-1001 by wedge scans alone; a scan during the dialog goes to the dialog', async ({
  page,
}) => {
  // Stored scanner settings arriving rebuild the wedge listener: let that happen before scanning.
  const settings = page.waitForResponse((response) => response.url().endsWith('/settings.get'));
  await open(page, 'Receiving Items');
  await settings;
  await page.getByRole('heading', { level: 1 }).focus();
  await wedgeScan(page, '78239000001');

  // B-1002 has the same identifier at another partner and is received already: the desk still
  // asks, showing B-1002 as not choosable and offering B-1001 first.
  const choice = page.getByRole('dialog', { name: 'Which request?' });
  await expect(choice.getByRole('button', { name: /B-1002/ })).toBeDisabled();
  await expect(choice.getByRole('button', { name: /B-1002/ })).toContainText('Received already');
  await expect(choice.getByRole('button', { name: /B-1001/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Temporary barcode' });
  await expect(dialog).toContainText('Notes on the Analytical Engine');
  await expect(dialog).toContainText('Ada Lovelace');
  await expect(dialog).toContainText('University at Albany, SUNY');
  const barcode = dialog.getByLabel('Item barcode');
  await expect(barcode).toBeFocused();

  // Focus wanders to the checkbox; the scanner's burst still lands in the barcode and saves.
  const notify = dialog.getByLabel('Automatically notify the patron');
  await notify.focus();
  await expect(notify).toBeChecked();
  const before = thermal.jobs().length;
  await wedgeScan(page, '39000000100102');

  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toContainText('Received');
  await expect(banner(page)).toContainText('B-1001');
  await expect(banner(page)).toContainText('Hold until');
  await expect(banner(page)).toContainText('Temporary barcode: 39000000100102');
  await expect(page.getByLabel(RECEIVE_FIELD)).toBeFocused();

  const holdUntil = await banner(page).locator('.outcome-date time').getAttribute('datetime');
  const jobs = await thermal.waitForJobs(before + 1);
  const slip = text(jobs[before]);
  expect(slip).toContain('Ada Lovelace');
  expect(slip).toContain('Hold until');
  expect(slip).toContain(formatSlipDate(holdUntil ?? 'no Hold Until date on show'));
});

test('asks which request when an identifier can be received at two partners', async ({ page }) => {
  await open(page, 'Receiving Items');
  await typeScan(page, RECEIVE_FIELD, '55500012');
  const choice = page.getByRole('dialog', { name: 'Which request?' });
  const options = choice.getByRole('listitem');
  await expect(options).toHaveCount(2);
  await expect(choice).toContainText('University at Albany, SUNY');
  await expect(choice).toContainText('University at Buffalo, SUNY');
  await expect(choice).toContainText('José Núñez');

  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);

  // Arrow keys and Enter choose; Escape in the barcode dialog cancels and writes nothing.
  await expect(options.first().getByRole('button')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Temporary barcode' });
  await expect(dialog).toContainText('La casa de los espíritus');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel(RECEIVE_FIELD)).toBeFocused();

  // Nothing was received: the same scan asks again, and a number key chooses.
  await typeScan(page, RECEIVE_FIELD, '55500012');
  await expect(choice).toBeVisible();
  await page.waitForTimeout(200);
  await page.keyboard.press('1');
  await expect(dialog).toContainText('The Difference Engine');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a value that matches nothing says so and shows the nearest identifiers', async ({ page }) => {
  await open(page, 'Receiving Items');
  await typeScan(page, RECEIVE_FIELD, '41771');
  await expect(page.getByRole('alert')).toContainText('Not found');
  await expect(banner(page)).toContainText('Nearest External Identifiers');
  await expect(banner(page)).toContainText('00041771 · B-1003 · Flatland');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a scan of the wrong kind, or of a request not sent yet, opens no dialog and says why', async ({
  page,
}) => {
  await open(page, 'Receiving Items');
  await typeScan(page, RECEIVE_FIELD, 'B-1003');
  await expect(page.getByRole('alert')).toContainText(
    'You scanned the request ID of borrowing request B-1003; Receiving Items needs the External Identifier from the paperwork.',
  );
  await typeScan(page, RECEIVE_FIELD, '11100001');
  await expect(page.getByRole('alert')).toContainText('Cannot be received');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a barcode another request uses is explained, and the suggested one is taken', async ({
  page,
}) => {
  await receive(page, '33300001', '39000000500103');
  await typeScan(page, RECEIVE_FIELD, '33300002');
  const dialog = page.getByRole('dialog', { name: 'Temporary barcode' });
  await dialog.getByLabel('Item barcode').fill('39000000500103');
  await dialog.getByLabel('Item barcode').press('Enter');

  const use = dialog.getByRole('button', { name: /^Use 39000000500103/ });
  await expect(use).toBeFocused();
  await expect(dialog.getByRole('alert')).toContainText('B-5001');
  const suggestion = ((await use.textContent()) ?? '').replace(/^Use /, '');
  expect(suggestion).not.toBe('39000000500103');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toContainText(`Temporary barcode: ${suggestion}`);
});

test('a second scan of a received item says so and offers the slip again', async ({ page }) => {
  await receive(page, '66600001', '39000000300108');
  await typeScan(page, RECEIVE_FIELD, '66600001');
  await expect(banner(page)).toContainText('Already received');
  await expect(banner(page)).toContainText('Received');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const before = thermal.jobs().length;
  await banner(page).getByRole('button', { name: 'Reprint receive slip' }).click();
  const jobs = await thermal.waitForJobs(before + 1);
  expect(text(jobs[before])).toContain('A Double Scan');
});

test('returns an item through the Transit Destination; Cancel leaves it as it was', async ({
  page,
}) => {
  await receive(page, '44400001', '39000000400106');
  await open(page, 'Return Items');
  await typeScan(page, RETURN_FIELD, '39000000400106');
  const transit = page.getByRole('dialog', { name: 'Transit Destination' });
  await expect(transit).toContainText('University at Buffalo, SUNY');
  await expect(transit).toContainText('Lockwood Memorial Library');
  await expect(transit).toContainText('Pedro Páramo');
  await page.keyboard.press('Escape');
  await expect(transit).toHaveCount(0);
  await expect(page.getByLabel(RETURN_FIELD)).toBeFocused();

  await typeScan(page, RETURN_FIELD, '39000000400106');
  await expect(transit.getByRole('button', { name: 'OK' })).toBeFocused();
  const before = thermal.jobs().length;
  await page.keyboard.press('Enter');
  await expect(transit).toHaveCount(0);
  await expect(banner(page)).toContainText('Returned');
  const jobs = await thermal.waitForJobs(before + 1);
  // The address prints large, so its lines wrap on the slip.
  const slip = text(jobs.slice(before).find((job) => text(job).includes('RETURN SLIP')));
  expect(slip).toContain('Lockwood Memorial');
  expect(slip).toContain('Buffalo, NY 14260');
});

test("Return Items refuses an External Identifier with the seed's advice", async ({ page }) => {
  await open(page, 'Return Items');
  await typeScan(page, RETURN_FIELD, '44400001');
  await expect(page.getByRole('alert')).toContainText(
    'Return Items needs the item barcode, not the External Identifier',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Undo takes a receive back, so the same scan receives it again', async ({ page }) => {
  await receive(page, '22200001', '39000000600101');
  const undo = page.getByRole('button', { name: /^Undo last action/ });
  await expect(undo).toContainText('B-6001');
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('Control+z');
  await expect(banner(page)).toContainText('Undone');
  await expect(undo).toHaveCount(0);

  await typeScan(page, RECEIVE_FIELD, '22200001');
  await expect(page.getByRole('dialog', { name: 'Temporary barcode' })).toContainText(
    'Received by Mistake',
  );
});

test('the Borrowing Requests list loans a received request and takes it back', async ({ page }) => {
  await open(page, 'Borrowing Requests');
  const find = page.getByRole('searchbox').first();
  await find.fill('B-1002');
  await find.press('Enter');
  const row = page.getByRole('row', { name: /B-1002/ });
  const status = row.getByRole('cell').nth(5);
  await expect(status).toHaveText('Physically received by library');
  await row.getByRole('button', { name: 'Loan to patron' }).click();
  await expect(status).toHaveText('Loaned item to patron');
  await expect(row.getByRole('button', { name: 'Open request B-1002' })).toBeFocused();
  await expect(page.locator('.desk-message')).not.toBeEmpty();
  await row.getByRole('button', { name: 'Returned by patron' }).click();
  await expect(status).toHaveText('Returned by patron');
  await expect(row.getByRole('button', { name: /patron/ })).toHaveCount(0);
});
