import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openScreen } from './support/desk-page.ts';
import { serveImportedDesk } from './support/desk-process.ts';

/**
 * Settings → Partners, Workflow profiles and the export in Chromium against `rs-desk serve` with
 * lending-row-actions.json. The desk has no operators, so it runs in setup mode with a Manager's
 * rights. Every partner there lends under the seed's "Peer to Peer Lending" (no Will Supply step).
 */

const desk = serveImportedDesk(test, 'lending-row-actions.json');

const DIRECTORY = {
  partners: [
    {
      code: 'CORNELL',
      name: 'Cornell University Library',
      symbol: 'COO',
      protocol: 'iso18626',
      endpoint: 'https://ill.cornell.example.edu/iso18626',
      address: { line1: 'Olin Library, ILL', locality: 'Ithaca', region: 'NY', country: 'US' },
      loanPeriodDays: 42,
    },
    {
      code: 'YALE',
      name: 'Yale University Library',
      protocol: 'email',
      email: 'ill@yale.example.edu',
    },
  ],
};

function form(page: Page, name: string): Locator {
  return page.getByRole('form', { name });
}

test('adds a partner copied from a directory file, after saying what was missing', async ({
  page,
}) => {
  await openScreen(page, desk().url, 'Settings');
  // The new sections and forms keep Settings usable with a screen reader.
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const partners = page.getByRole('region', { name: 'Partners' });
  await partners.getByLabel('Partner directory file (JSON)').setInputFiles({
    name: 'directory.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(DIRECTORY)),
  });
  await partners.getByLabel('Partner to copy').selectOption('CORNELL');
  const add = form(page, 'Add a partner');
  await expect(add.getByLabel('Name', { exact: true })).toHaveValue('Cornell University Library');
  await expect(add.getByLabel('Loan period (days)')).toHaveValue('42');

  // Staff clear the endpoint by mistake: the desk says what an ISO 18626 partner needs.
  await add.getByLabel('Endpoint').fill('');
  await add.getByRole('button', { name: 'Add partner' }).click();
  await expect(add.getByRole('alert')).toContainText('An ISO 18626 partner needs its endpoint');
  await expect(add.getByLabel('Endpoint')).toHaveAttribute('aria-invalid', 'true');

  await add.getByLabel('Endpoint').fill('https://ill.cornell.example.edu/iso18626');
  await add.getByRole('button', { name: 'Add partner' }).click();
  await expect(partners.getByRole('status')).toHaveText('Cornell University Library added.');
  await expect(partners.getByRole('row', { name: /CORNELL/ })).toContainText(
    'Lending: Peer to Peer Lending',
  );
});

test('a new lending profile with Will Supply gives that partner’s requests the Will Supply action', async ({
  page,
}) => {
  await openScreen(page, desk().url, 'Lending Requests');
  await page.getByRole('button', { name: 'Actions for L-3007', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Will Supply', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Settings', exact: true })
    .click();
  const addProfile = form(page, 'Add a workflow profile');
  await addProfile.getByLabel('Name').fill('Express Lending');
  await addProfile.getByLabel('Type').selectOption('LENDING');
  await addProfile.getByLabel('Will Supply').check();
  await addProfile.getByLabel('Conditional').check();
  await addProfile.getByRole('button', { name: 'Add profile' }).click();
  const profiles = page.getByRole('region', { name: 'Workflow profiles' });
  await expect(profiles.getByRole('status')).toHaveText('Express Lending added.');
  await expect(profiles.getByRole('row', { name: /Express Lending/ })).toContainText(
    'Conditional, Will Supply',
  );

  await page.getByRole('button', { name: 'Change Virginia Tech' }).click();
  const change = form(page, 'Change Virginia Tech');
  await change.getByLabel('Lending workflow profile').selectOption('Express Lending');
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('region', { name: 'Partners' }).getByRole('status')).toHaveText(
    'Changes to Virginia Tech saved.',
  );

  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Lending Requests', exact: true })
    .click();
  await page.getByRole('button', { name: 'Actions for L-3007', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Will Supply', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Actions for L-3001', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Conditional', exact: true })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Will Supply', exact: true })).toHaveCount(0);
});

test('exports the profiles and partners as an import file without security codes', async ({
  page,
}) => {
  await openScreen(page, desk().url, 'Settings');
  const section = page.getByRole('region', { name: 'Export configuration' });
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export configuration' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^rs-desk-configuration-.*\.json$/);
  const path = await download.path();
  const file = JSON.parse(readFileSync(path, 'utf8')) as {
    workflowProfiles: { name: string }[];
    partners: { code: string; securityCode?: string }[];
  };
  expect(file.workflowProfiles.map((p) => p.name)).toEqual(
    expect.arrayContaining(['Peer to Peer Borrowing', 'Peer to Peer Lending']),
  );
  expect(file.partners.map((p) => p.code)).toEqual(expect.arrayContaining(['SUNYALB', 'VTECH']));
  expect(file.partners.some((p) => p.securityCode !== undefined)).toBe(false);
  await expect(section.getByRole('status')).toContainText('Saved as rs-desk-configuration-');
});

test('the Desk settings change the desk name and refuse a hold shelf of no days', async ({
  page,
}) => {
  await openScreen(page, desk().url, 'Settings');
  const settings = form(page, 'Desk settings');
  // One refused value saves nothing: the desk name changed alongside stays as it was.
  await settings.getByLabel('Desk name').fill('Half-saved Desk');
  await settings.getByLabel('Hold shelf (days)').fill('0');
  await settings.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(settings.getByRole('alert')).toContainText(
    'Not saved: hold-shelf days must be a whole number from 1 to 90.',
  );
  await page.reload();
  await expect(form(page, 'Desk settings').getByLabel('Desk name')).not.toHaveValue(
    'Half-saved Desk',
  );

  await settings.getByLabel('Hold shelf (days)').fill('10');
  await settings.getByLabel('Desk name').fill('ILL Front Desk');
  await settings.getByLabel('Saturday').uncheck();
  await settings.getByRole('button', { name: 'Save desk settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Desk settings saved.');
  await page.reload();
  const again = form(page, 'Desk settings');
  await expect(again.getByLabel('Desk name')).toHaveValue('ILL Front Desk');
  await expect(again.getByLabel('Hold shelf (days)')).toHaveValue('10');
  await expect(again.getByLabel('Saturday')).not.toBeChecked();
  await expect(again.getByLabel('Sunday')).toBeChecked();
});
