import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveImportedDesk } from './support/desk-process.ts';
import { openScreen } from './support/desk-page.ts';

const desk = serveImportedDesk(test);

const open = (page: Page, screen: string) => openScreen(page, desk().url, screen);

test('a typed External Identifier at Receiving Items is found and shown large', async ({
  page,
}) => {
  await open(page, 'Receiving Items');
  const field = page.getByLabel('Scan the External Identifier from the paperwork');
  await expect(field).toBeFocused();
  await field.fill('00041771');
  await field.press('Enter');
  const banner = page.locator('.outcome');
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toContainText('Found the External Identifier of request B-1003');
  // B-1003 can be received: its Temporary barcode dialog opens; Escape gives the field back.
  const dialog = page.getByRole('dialog', { name: 'Temporary barcode' });
  await expect(dialog).toContainText('Flatland');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(field).toHaveValue('');
  await expect(field).toBeFocused();
});

test('a scan of the wrong kind says what was scanned and what the screen needs', async ({
  page,
}) => {
  await open(page, 'Receiving Items');
  const field = page.getByLabel('Scan the External Identifier from the paperwork');
  await field.fill('B-1001');
  await field.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'You scanned the request ID of borrowing request B-1001; Receiving Items needs the External Identifier from the paperwork.',
  );
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);
});

test("Return Items refuses an External Identifier with the seed's advice", async ({ page }) => {
  await open(page, 'Return Items');
  const field = page.getByLabel('Scan the item barcode, not the External Identifier');
  await field.fill('78239000001');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    'Return Items needs the item barcode, not the External Identifier',
  );
});

test('Recent scans lists each scan with its outcome', async ({ page }) => {
  await open(page, 'Scan In Items');
  const field = page.getByLabel('Scan the barcode of the item that came home');
  await field.fill('39999999999999');
  await field.press('Enter');
  const recent = page.getByRole('region', { name: 'Recent scans' });
  await expect(recent.getByRole('row').nth(1)).toContainText('39999999999999');
  await expect(recent.getByRole('row').nth(1)).toContainText('Error');
  await expect(recent.getByRole('row').nth(1)).toContainText(
    'Nothing in this desk matches 39999999999999',
  );
});
