import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LENDING_CLOSED, formatLabel } from '../../shared/domain/lending-tasks.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import type { ImportFileContent } from '../../shared/import/import-format.ts';
import { startLoopbackPrinter, type LoopbackPrinter } from '../helpers/loopback-printer.ts';
import {
  ROOT,
  removeDir,
  runRsDesk,
  serveImportedDesk,
  startServe,
  tempDataDir,
  type DeskProcess,
} from './support/desk-process.ts';
import { openScreen, slipText } from './support/desk-page.ts';

/**
 * The Lending Requests task list in Chromium against `rs-desk serve` (issue "5 · Lending desk",
 * parts 2 and 4): facet counts checked against counts made here from the fixture, tabs, Activity
 * Status, pull slips for all matching at a loopback printer, the Print Slip Report downloaded and
 * read back (Excel with exceljs, XML with the browser's parser), Change Status and Remove. The
 * tests share one desk and run in order: each leaves the data as the next expects it.
 */

const FIXTURE = 'lending-tasks.json';
const data = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/import', FIXTURE), 'utf8'),
) as ImportFileContent;
const requests = data.lendingRequests ?? [];
const partnerName = new Map((data.partners ?? []).map((p) => [p.code, p.name]));
const itemOf = new Map((data.items ?? []).map((i) => [i.barcode, i]));
const isClosed = (status: string) => (LENDING_CLOSED as readonly string[]).includes(status);
const active = requests.filter((r) => !isClosed(r.status));

type Lending = (typeof requests)[number];

/** How many of `rows` fall under each label: what a facet should say. */
function countsBy(rows: readonly Lending[], label: (r: Lending) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[label(row)] = (counts[label(row)] ?? 0) + 1;
  return counts;
}

const statusOf = (r: Lending) => statusLabel('lending', r.status);
const partnerOf = (r: Lending) => partnerName.get(r.partner) ?? r.partner;
const FACET_LABELS: Record<string, (r: Lending) => string> = {
  Status: statusOf,
  Partner: partnerOf,
  'Requested Format': (r) => formatLabel(r.requestedFormat ?? 'PHYSICAL'),
  'Level of Service': (r) => r.levelOfService ?? 'Not set',
  // The import leaves these as a new request has them: not supplied, created today, no due date.
  'Supplied Format': () => 'Undefined',
  'Creation Date': () => 'Today',
  'Update Date': () => 'Today',
  'Due Date': () => 'No date',
  'Request Printed': () => 'No',
  'Request Reported': () => 'No',
  Alerts: () => 'No alerts',
};

let thermal: LoopbackPrinter;
test.beforeAll(async () => {
  thermal = await startLoopbackPrinter();
});
const desk = serveImportedDesk(test, FIXTURE, () => ['--printer', thermal.uri]);
test.afterAll(async () => {
  await thermal.close();
});

const rowsTable = (page: Page) => page.getByRole('table', { name: 'Lending requests' });
const filters = (page: Page) => page.getByRole('complementary', { name: 'Filters' });
const bulkBar = (page: Page) => page.getByRole('group', { name: 'Actions on chosen requests' });
const message = (page: Page) => page.locator('.desk-message');

/** The request rows on show (not the header), each named by its cells. */
function requestRows(page: Page): Locator {
  return rowsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: /^Choose L-/ }) });
}

async function shownIds(page: Page): Promise<string[]> {
  const names = await rowsTable(page)
    .getByRole('button', { name: /^Open request / })
    .allTextContents();
  return names.map((name) => name.replace('Open request ', '')).sort();
}

/** A facet's values and counts as the screen shows them, its group opened if folded. */
async function facetOnScreen(page: Page, title: string): Promise<Record<string, number>> {
  const group = filters(page).getByRole('group', { name: title, exact: true });
  const toggle = group.getByRole('button', { name: title, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  const shown: Record<string, number> = {};
  for (const item of await group.getByRole('listitem').all()) {
    const label = (await item.locator('.facet-label').textContent()) ?? '';
    const count = (await item.locator('.facet-count').textContent()) ?? '';
    shown[label] = Number(count.replace(/[()]/g, ''));
  }
  return shown;
}

function facetButton(page: Page, title: string, label: string): Locator {
  return filters(page)
    .getByRole('group', { name: title, exact: true })
    .getByRole('button', { name: new RegExp(`^${label}`) });
}

async function open(page: Page): Promise<void> {
  await openScreen(page, desk().url, 'Lending Requests');
  await expect(page.locator('.list-total')).toHaveText(`${active.length} lending requests`);
}

test('facet counts and tabs match the fixture; a facet filters the rows and the counts follow', async ({
  page,
}) => {
  await open(page);
  expect(await shownIds(page)).toEqual(active.map((r) => r.requestId).sort());
  for (const [title, label] of Object.entries(FACET_LABELS)) {
    await expect
      .poll(() => facetOnScreen(page, title), { message: title })
      .toEqual(countsBy(active, label));
  }

  // Setup mode: everyone is a manager, nobody is signed in, nothing is assigned yet.
  await expect(page.getByRole('tab')).toHaveText([
    `All tasks (${active.length})`,
    `Unassigned (${active.length})`,
    'Assigned to Others (0)',
  ]);
  await expect(page.getByRole('tab', { name: /All tasks/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // Albany only: the rows and the Status counts follow; Partner keeps counting the other partners.
  const albany = active.filter((r) => r.partner === 'SUNYALB');
  await facetButton(page, 'Partner', 'University at Albany, SUNY').click();
  await expect(page.locator('.list-total')).toHaveText(`${albany.length} lending requests`);
  expect(await shownIds(page)).toEqual(albany.map((r) => r.requestId).sort());
  await expect.poll(() => facetOnScreen(page, 'Status')).toEqual(countsBy(albany, statusOf));
  await expect.poll(() => facetOnScreen(page, 'Partner')).toEqual(countsBy(active, partnerOf));
  await expect(page.getByRole('tab', { name: /Unassigned/ })).toHaveText(
    `Unassigned (${albany.length})`,
  );

  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);

  await page
    .getByRole('button', { name: 'Remove filter Partner: University at Albany, SUNY' })
    .click();
  await expect(page.locator('.list-total')).toHaveText(`${active.length} lending requests`);
});

test('Completed lists nothing until the Find box has text', async ({ page }) => {
  await open(page);
  await page.getByLabel('Activity Status').selectOption('Completed');
  await expect(page.locator('.empty-state')).toContainText('Type in the Find box to list requests');
  await expect(requestRows(page)).toHaveCount(0);

  const done = requests.find((r) => r.status === 'COMPLETED');
  if (!done) throw new Error('The fixture needs a completed request.');
  await page.getByLabel('Find lending requests').fill(done.requestId);
  await page.getByLabel('Find lending requests').press('Enter');
  await expect(requestRows(page)).toHaveCount(1);
  await expect(requestRows(page)).toContainText('Request completed');
});

test('all matching Created requests get their pull slips in shelf order', async ({ page }) => {
  const created = active.filter((r) => r.status === 'CREATED');
  await open(page);
  await facetButton(page, 'Status', 'Created lending request').click();
  await expect(page.locator('.list-total')).toHaveText(`${created.length} lending requests`);

  await bulkBar(page)
    .getByRole('button', { name: `Choose all ${created.length} matching` })
    .click();
  await expect(bulkBar(page)).toContainText(`All ${created.length} matching requests chosen`);
  await expect(requestRows(page).getByRole('checkbox', { checked: true })).toHaveCount(
    created.length,
  );
  const before = thermal.jobs().length;
  await bulkBar(page)
    .getByRole('button', { name: `Print pull slips (${created.length})` })
    .click();
  const jobs = await thermal.waitForJobs(before + 1);
  const slips = slipText(jobs[before]);

  // One job, in location then call number order.
  const shelved = created
    .map((r) => itemOf.get(r.itemBarcode ?? ''))
    .filter((item) => item !== undefined)
    .sort((a, b) => `${a.location} ${a.callNumber}`.localeCompare(`${b.location} ${b.callNumber}`));
  const positions = shelved.map((item) => slips.indexOf(item.callNumber ?? ''));
  expect(positions.every((at) => at >= 0)).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  await expect(message(page)).toContainText(String(created.length));

  // They moved on to Being processed, so the Created filter now matches none of them.
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  const first = requestRows(page).filter({ hasText: created[0]?.requestId ?? '' });
  await expect(first).toContainText('Printed');
  await expect(first).toContainText('Being processed');
});

test('Print Slip Report downloads an Excel workbook and an XML file of the chosen rows', async ({
  page,
}) => {
  const chosen = active.filter((r) => r.status === 'OVERDUE' || r.status === 'SHIPPED_PHYSICALLY');
  const ids = chosen.map((r) => r.requestId).sort();
  await open(page);

  async function download(format: 'Excel workbook (.xlsx)' | 'XML (.xml)') {
    for (const id of ids) await page.getByRole('checkbox', { name: `Choose ${id}` }).check();
    await bulkBar(page).getByRole('button', { name: 'Print Slip Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Print Slip Report' });
    await dialog.getByRole('radio', { name: format }).check();
    const saved = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const file = await saved;
    await expect(dialog).toHaveCount(0);
    return { name: file.suggestedFilename(), path: await file.path() };
  }

  const excel = await download('Excel workbook (.xlsx)');
  expect(excel.name).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(excel.path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The workbook has no sheet.');
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const column = (header: string) => headers.indexOf(header) + 1;
  const sheetRows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
  expect(sheetRows.map((row) => row.getCell(column('Request ID')).value).sort()).toEqual(ids);
  for (const row of sheetRows) {
    const request = chosen.find((r) => r.requestId === row.getCell(column('Request ID')).value);
    expect(row.getCell(column('Title')).value).toBe(request?.title);
    expect(row.getCell(column('Partner')).value).toBe(partnerName.get(request?.partner ?? ''));
  }
  await expect(message(page)).toContainText(excel.name);

  const xml = await download('XML (.xml)');
  expect(xml.name).toMatch(/\.xml$/);
  // Read back with the browser's own XML parser (the test process has no DOM of its own).
  interface ParsedReport {
    error: string | null;
    ids: string[];
    partners: string[];
  }
  const parsed = await page.evaluate<ParsedReport>(`(() => {
    const doc = new DOMParser().parseFromString(${JSON.stringify(readFileSync(xml.path, 'utf8'))}, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      ids: [...doc.querySelectorAll('request > requestId')].map((e) => e.textContent),
      partners: [...doc.querySelectorAll('request > partner')].map((e) => e.getAttribute('code')),
    };
  })()`);
  expect(parsed.error).toBeNull();
  expect([...parsed.ids].sort()).toEqual(ids);
  expect([...parsed.partners].sort()).toEqual(chosen.map((r) => r.partner).sort());

  for (const id of ids) {
    await expect(requestRows(page).filter({ hasText: id })).toContainText('Reported');
  }
});

test('Change Status sets two chosen requests to the status asked for, after confirming', async ({
  page,
}) => {
  const two = active.filter(
    (r) => r.status === 'RECEIVED_BY_PARTNER' || r.status === 'CONDITIONAL',
  );
  await open(page);
  for (const r of two) await page.getByRole('checkbox', { name: `Choose ${r.requestId}` }).check();
  await expect(bulkBar(page)).toContainText('2 requests chosen');

  await bulkBar(page).getByLabel('New status').selectOption('Damaged');
  await bulkBar(page).getByRole('button', { name: 'Change Status' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change Status' });
  await expect(dialog).toContainText('Set 2 requests to Damaged?');
  await expect(dialog.getByRole('button', { name: 'Change Status' })).toBeFocused();
  await dialog.getByLabel('Note for the history (optional)').fill('Water damage found on return');
  await dialog.getByLabel('Note for the history (optional)').press('Enter');
  await expect(dialog).toHaveCount(0);

  for (const r of two) {
    await expect(requestRows(page).filter({ hasText: r.requestId })).toContainText('Damaged');
  }
  await expect(message(page)).not.toBeEmpty();
  await expect(bulkBar(page)).toContainText('No requests chosen');
});

test('Remove takes a completed request off the list once confirmed', async ({ page }) => {
  const done = requests.filter((r) => r.status === 'COMPLETED').at(-1);
  if (!done) throw new Error('The fixture needs a completed request.');
  await open(page);
  await page.getByLabel('Activity Status').selectOption('Completed');
  await page.getByLabel('Find lending requests').fill(done.requestId);
  await page.getByLabel('Find lending requests').press('Enter');
  await expect(requestRows(page)).toHaveCount(1);
  await page.getByRole('checkbox', { name: `Choose ${done.requestId}` }).check();

  // Escape first: nothing is removed.
  const remove = bulkBar(page).getByRole('button', { name: 'Remove Requests' });
  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Remove Requests' });
  await expect(dialog).toContainText('history stays');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(requestRows(page)).toHaveCount(1);

  await remove.click();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(requestRows(page)).toHaveCount(0);
  await expect(page.getByText('Nothing matches these filters')).toBeVisible();
  await expect(message(page)).not.toBeEmpty();
});

test.describe('a long list', () => {
  let big: DeskProcess | undefined;
  let dataDir = '';
  test.beforeAll(async () => {
    dataDir = tempDataDir();
    const loaded = await runRsDesk(['demo', '--data-dir', dataDir]);
    if (loaded.code !== 0) throw new Error(`rs-desk demo failed: ${loaded.stderr}`);
    big = await startServe(dataDir);
  });
  test.afterAll(async () => {
    await big?.stop();
    removeDir(dataDir);
  });

  test('keeps only the rows in view in the page and loads the next pages as the end scrolls into view', async ({
    page,
  }) => {
    if (!big) throw new Error('The demo desk did not start.');
    await openScreen(page, big.url, 'Lending Requests');
    const totalText = (await page.locator('.list-total').textContent()) ?? '';
    const total = Number(/^(\d+)/.exec(totalText)?.[1]);
    expect(total).toBeGreaterThan(100);

    const seen = new Set<string>();
    for (let step = 0; step < 200 && seen.size < total; step += 1) {
      const ids = await shownIdsUnsorted(page);
      for (const id of ids) seen.add(id);
      // Only a screenful (and a few either side) is ever in the page.
      expect(ids.length).toBeLessThan(60);
      if (seen.size >= total) break;
      await page.locator('.task-scroll').hover();
      await page.mouse.wheel(0, 400);
      // Rows further down come into the page once the scroll has been taken in.
      await expect.poll(async () => (await shownIdsUnsorted(page)).at(-1)).not.toBe(ids.at(-1));
    }
    expect(seen.size).toBe(total);
    await expect(page.locator('.load-more')).toContainText(`Showing ${total} of ${total}`);

    // A request far down the list, opened and closed: the list is back where it was, focus on it.
    const last = (await shownIdsUnsorted(page)).at(-1) ?? '';
    await page.getByRole('button', { name: `Open request ${last}`, exact: true }).click();
    await page.getByRole('button', { name: 'Back to list' }).click();
    await expect(
      page.getByRole('button', { name: `Open request ${last}`, exact: true }),
    ).toBeFocused();
  });
});

async function shownIdsUnsorted(page: Page): Promise<string[]> {
  const names = await rowsTable(page)
    .getByRole('button', { name: /^Open request / })
    .allTextContents();
  return names.map((name) => name.replace('Open request ', ''));
}
