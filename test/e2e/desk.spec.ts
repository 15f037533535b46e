import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import {
  ROOT,
  removeDir,
  runRsDesk,
  startServe,
  tempDataDir,
  type DeskProcess,
} from './support/desk-process.ts';

const SCREENS = [
  'Receiving Items',
  'Return Items',
  'Shipping Items',
  'Scan In Items',
  'Lending Requests',
  'Borrowing Requests',
  'Partner Messages',
  'Settings',
];
const FIXTURE = join(ROOT, 'test/fixtures/import/good.json');
const SHOTS = join(ROOT, 'test-results/e2e/screens');

let desk: DeskProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = tempDataDir();
  const imported = await runRsDesk(['import', FIXTURE, '--data-dir', dataDir]);
  expect(imported.stderr).toBe('');
  expect(imported.stdout).toMatch(
    /Imported 3 partners, 2 patrons, 2 items, 3 borrowing requests and 2 lending requests/,
  );
  desk = await startServe(dataDir);
});

test.afterAll(async () => {
  await desk.stop();
  removeDir(dataDir);
});

async function expectNoSeriousAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Desk screens' });
}

test('every screen opens from the navigation and has no serious accessibility violations', async ({
  page,
}) => {
  await page.goto(desk.url);
  for (const name of SCREENS) {
    await nav(page).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(nav(page).getByRole('link', { name, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectNoSeriousAxeViolations(page, name);
    await page.screenshot({
      path: join(SHOTS, `${name.toLowerCase().replaceAll(' ', '-')}.png`),
      fullPage: true,
    });
  }
});

test('the page drops the token from the address bar and keeps working after a reload', async ({
  page,
}) => {
  await page.goto(desk.url);
  await expect(page).not.toHaveURL(/token=/);
  await page.reload();
  await nav(page).getByRole('link', { name: 'Borrowing Requests', exact: true }).click();
  await expect(page.getByRole('table')).toContainText('B-1001');
});

test('the status bar names the desk, the printer and the mode', async ({ page }) => {
  await page.goto(desk.url);
  const bar = page.getByRole('contentinfo');
  await expect(bar).toContainText('Resource Sharing Desk');
  await expect(bar).toContainText(/no printer/i);
  await expect(bar).toContainText(/browser mode/i);
});

test('Borrowing Requests finds a request by External Identifier and opens its detail with history', async ({
  page,
}) => {
  await page.goto(desk.url);
  await nav(page).getByRole('link', { name: 'Borrowing Requests', exact: true }).click();
  const find = page.getByRole('searchbox').or(page.getByRole('textbox')).first();
  await find.fill('00041771');
  await find.press('Enter');
  const table = page.getByRole('table');
  await expect(table).toContainText('B-1003');
  await expect(table).not.toContainText('B-1001');
  await table
    .getByRole('button', { name: 'B-1003' })
    .or(table.getByRole('link', { name: 'B-1003' }))
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flatland');
  const main = page.getByRole('main');
  await expect(main).toContainText('Request sent to partner');
  await expect(main).toContainText('Imported');
  await expectNoSeriousAxeViolations(page, 'request detail');
  await page.screenshot({ path: join(SHOTS, 'request-detail.png'), fullPage: true });
});

test('the same External Identifier at two partners lists both requests', async ({ page }) => {
  await page.goto(desk.url);
  await nav(page).getByRole('link', { name: 'Borrowing Requests', exact: true }).click();
  const find = page.getByRole('searchbox').or(page.getByRole('textbox')).first();
  await find.fill('78239000001');
  await find.press('Enter');
  await expect(page.getByRole('table')).toContainText('B-1001');
  await expect(page.getByRole('table')).toContainText('B-1002');
});

test('Lending Requests lists imported lending requests with their status names', async ({
  page,
}) => {
  await page.goto(desk.url);
  await nav(page).getByRole('link', { name: 'Lending Requests', exact: true }).click();
  const table = page.getByRole('table');
  await expect(table).toContainText('L-2001');
  await expect(table).toContainText('Locate failed');
});
