import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  startLoopbackIsoPartner,
  type LoopbackIsoPartner,
} from '../helpers/loopback-iso-partner.ts';
import { openScreen } from './support/desk-page.ts';
import {
  ROOT,
  removeDir,
  runRsDesk,
  startServe,
  tempDataDir,
  type DeskProcess,
} from './support/desk-process.ts';

/**
 * Partner Messages in Chromium against `rs-desk serve`, with University at Albany's ISO 18626
 * endpoint on loopback: the partner refuses B-1001's Received with an ERROR confirmation, staff
 * see the failed message with the partner's error, read its XML, and Retry now delivers it.
 */

let partner: LoopbackIsoPartner;
let desk: DeskProcess;
let dataDir: string;

test.beforeAll(async () => {
  partner = await startLoopbackIsoPartner();
  dataDir = tempDataDir();
  // good.json with SUNYALB's endpoint on the loopback partner.
  const fixture = JSON.parse(
    readFileSync(join(ROOT, 'test/fixtures/import/good.json'), 'utf8'),
  ) as { partners: { code: string; endpoint?: string }[] };
  for (const p of fixture.partners) if (p.code === 'SUNYALB') p.endpoint = partner.url;
  const file = join(dataDir, 'partners-on-loopback.json');
  writeFileSync(file, JSON.stringify(fixture));
  const imported = await runRsDesk(['import', file, '--data-dir', dataDir]);
  expect(imported.code).toBe(0);
  desk = await startServe(dataDir);
});

test.afterAll(async () => {
  await desk.stop();
  await partner.close();
  removeDir(dataDir);
});

/** Calls the desk's API as a window of it would. */
async function api(method: string, input: unknown): Promise<unknown> {
  const token = new URL(desk.url).searchParams.get('token') ?? '';
  const reply = await fetch(`${desk.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
    body: JSON.stringify(input),
  });
  const body = (await reply.json()) as { ok: boolean; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body;
}

const TITLE = 'ISO 18626 Received to University at Albany, SUNY';
const ERROR = 'UnrecognisedDataValue: No request B-1001 from US-XRSD';

function statusBar(page: Page) {
  return page.locator('.status-bar');
}

/** Serious or critical accessibility violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('a refused message is shown with its error, its XML opens, and Retry now delivers it', async ({
  page,
}) => {
  await api('settings.update', { key: 'iso18626', value: { agencyIdValue: 'US-XRSD' } });
  partner.answerWith(() => ({
    type: 'error',
    errorType: 'UnrecognisedDataValue',
    errorValue: 'No request B-1001 from US-XRSD',
  }));
  await api('receiving.receive', {
    requestId: 'B-1001',
    tempBarcode: '39000000012345',
    notifyPatron: false,
  });
  await partner.waitFor(1);

  await openScreen(page, desk.url, 'Partner Messages');
  await page.getByRole('tab', { name: /^Failed/ }).click();
  const row = page.getByRole('row', { name: /Received/ });
  await expect(row).toContainText('University at Albany, SUNY');
  await expect(row).toContainText('B-1001');
  await expect(row).toContainText(`Failed: ${ERROR}`);
  await expect(statusBar(page)).toContainText('1 partner message failed');
  expect(await seriousViolations(page)).toEqual([]);

  // The XML dialog shows the message as it went; Escape closes it and focus comes back.
  await row.getByRole('button', { name: `Show ${TITLE}` }).click();
  const dialog = page.getByRole('dialog', { name: TITLE });
  await expect(dialog).toContainText(`Failed: ${ERROR}`);
  const xml = dialog.getByLabel("The message's XML");
  await expect(xml).toContainText('<action>Received</action>');
  await expect(xml).toContainText('<requestingAgencyRequestId>B-1001</requestingAgencyRequestId>');
  expect((await xml.textContent())?.trim()).toBe(partner.received()[0]?.xml.trim());
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row.getByRole('button', { name: `Show ${TITLE}` })).toBeFocused();

  // The partner has put it right: Retry now sends it again, and the list follows by itself.
  partner.answerWith(() => ({ type: 'ok' }));
  await row.getByRole('button', { name: `Retry now: ${TITLE}` }).click();
  await partner.waitFor(2);
  expect(partner.received()[1]?.kind).toBe('Received');
  await expect(page.getByText('No messages here.')).toBeVisible();
  await page.getByRole('tab', { name: /^Sent/ }).click();
  await expect(page.getByRole('row', { name: /Received/ })).toContainText('Sent');
  await expect(statusBar(page)).toContainText('All partner messages sent');

  // The request's own page lists its messages too.
  await page.getByRole('button', { name: 'Open request B-1001' }).click();
  const section = page.getByRole('region', { name: 'Partner messages' });
  await expect(section.getByRole('row', { name: /Received/ })).toContainText('Sent');
});
