import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { openDesk, type Desk } from '../../electron/app/desk.ts';
import { RENDERER_DIR } from '../../electron/cli/cli.ts';
import { importFile } from '../../electron/import/import-file.ts';
import { createReplayBackend, type ReplayBackend } from '../../electron/scanner/replay-device.ts';
import { startDeskServer, type DeskServer } from '../../electron/server/http-server.ts';
import { continuedReports } from '../unit/scanning/hid-reports.ts';
import { ROOT, removeDir, tempDataDir } from './support/desk-process.ts';

/**
 * A HID POS scanner cannot exist here, so the desk reads a replay device behind the same
 * interface as node-hid; everything after the report bytes is the real path: decoder, joiner,
 * event stream, the screen, the journal.
 */
const SCANNER = {
  path: '/dev/hidraw-test',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  product: 'Test HID POS scanner',
};

let dataDir: string;
let desk: Desk;
let server: DeskServer;
let hid: ReplayBackend;

test.beforeAll(async () => {
  dataDir = tempDataDir();
  hid = createReplayBackend([SCANNER]);
  desk = await openDesk({ dataDir, mode: 'browser', hid });
  await importFile(desk.context.gate, join(ROOT, 'test/fixtures/import/good.json'));
  server = await startDeskServer({ desk, port: 0, staticDir: RENDERER_DIR });
});

test.afterAll(async () => {
  await server.close();
  await desk.close();
  removeDir(dataDir);
});

test('a HID POS scan reaches Receiving Items through the event stream, joined from three reports', async ({
  page,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');
  // Move focus away from the scan field: a HID scan does not need it.
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Return Items' })
    .focus();
  await expect(page.getByRole('status').filter({ hasText: 'Ready for a scan' })).toBeVisible();
  for (const report of continuedReports('00041771', 3, ']C0')) {
    expect(hid.send(SCANNER.path, report)).toBe(true);
  }
  await expect(page.locator('.outcome')).toContainText(
    'Found the External Identifier of request B-1003',
  );
  const recent = page.getByRole('region', { name: 'Recent scans' });
  await expect(recent.getByRole('row').nth(1)).toContainText('00041771');
});

test('with two desk windows open, a HID scan is handled once, in one of them', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  const windows = [first, second];
  for (const page of windows) {
    await page.goto(server.url);
    await expect(page.getByRole('status').filter({ hasText: 'Ready for a scan' })).toBeVisible();
  }
  // Give both windows' event streams a moment to connect.
  await second.waitForTimeout(300);
  for (const report of continuedReports('78239000001', 8, ']C0')) {
    expect(hid.send(SCANNER.path, report)).toBe(true);
  }
  const banners = () => Promise.all(windows.map((page) => page.locator('.outcome').innerText()));
  await expect
    .poll(async () => (await banners()).filter((b) => b.includes('Found')).length)
    .toBe(1);
  // The other window took the same scan, was told it was already handled, and says nothing.
  await first.waitForTimeout(500);
  const shown = await banners();
  expect(shown.find((b) => b.includes('Found'))).toContain('Found the External Identifier');
  expect(shown.find((b) => !b.includes('Found'))).toContain('Ready for a scan');

  await first.reload();
  const recent = first.getByRole('region', { name: 'Recent scans' });
  const rows = recent.getByRole('row').filter({ hasText: '78239000001' });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Receiving Items');
  await expect(rows).toContainText('OK');
});

test('Settings names the connected HID POS scanner and how it is read', async ({ page }) => {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const section = page.getByRole('region', { name: 'Scanners' });
  await expect(section).toContainText('Test HID POS scanner');
  await expect(section).toContainText('cannot be read through node-hid');
});

test('a HID scan while the Temporary barcode dialog waits goes to the dialog and receives', async ({
  page,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('status').filter({ hasText: 'Ready for a scan' })).toBeVisible();
  await page.waitForTimeout(300);
  for (const report of continuedReports('78239000001', 8, ']C0')) {
    expect(hid.send(SCANNER.path, report)).toBe(true);
  }
  // B-1002 at another partner shares the identifier: choose B-1001, then the dialog waits.
  const choice = page.getByRole('dialog', { name: 'Which request?' });
  await expect(choice.getByRole('button', { name: /B-1001/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Temporary barcode' });
  await expect(dialog).toContainText('Notes on the Analytical Engine');
  for (const report of continuedReports('39000000100102', 8, ']C0')) {
    expect(hid.send(SCANNER.path, report)).toBe(true);
  }
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.outcome')).toContainText('Received');
  await expect(page.locator('.outcome')).toContainText('Temporary barcode: 39000000100102');
  // The window took the scan from the journal, so it is not left waiting for a window.
  const recent = page.getByRole('region', { name: 'Recent scans' });
  const taken = recent.getByRole('row').filter({ hasText: '39000000100102' });
  await expect(taken).toContainText('Receiving Items');
  await expect(taken).toContainText('Given to the Temporary barcode dialog.');
});
