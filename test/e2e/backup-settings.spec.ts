import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openScreen } from './support/desk-page.ts';
import { serveImportedDesk } from './support/desk-process.ts';

/**
 * Settings → Backup in Chromium against `rs-desk serve` (setup mode: a Manager's rights): the
 * folder, the daily backup the desk made when it opened, and the count kept, checked by the desk.
 */

const desk = serveImportedDesk(test);

test('shows the daily backup and saves how many to keep, refusing a count it cannot use', async ({
  page,
}) => {
  await openScreen(page, desk().url, 'Settings');
  const section = page.getByRole('region', { name: 'Backup' });
  await expect(section.getByText(join(desk().dataDir, 'backups'), { exact: true })).toBeVisible();
  // The copy made when the desk opened; it may finish just after the page first asks.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('region', { name: 'Backup' })).toContainText(
      /rs-desk-auto-\d{4}-\d{2}-\d{2}\.sqlite \(\d+(\.\d)? KB, 3 borrowing and 2 lending requests\)/,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 15_000 });

  const axe = await new AxeBuilder({ page })
    .include('section[aria-labelledby="backup-heading"]')
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );

  const form = page.getByRole('form', { name: 'Automatic backups' });
  const keep = form.getByLabel('Automatic backups to keep');
  await expect(keep).toHaveValue('14');
  await keep.fill('400');
  await form.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Backup settings were not saved: correct the fields marked below.',
  );
  await expect(keep).toHaveAttribute('aria-invalid', 'true');
  await expect(keep).toHaveAccessibleDescription(/must be at most 365/);

  await keep.fill('3');
  await form.getByRole('button', { name: 'Save backup settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Backup settings saved.');
  await expect(page.getByRole('region', { name: 'Backup' })).toContainText(
    'The newest 3 are kept; 1 in the folder now.',
  );
  await page.reload();
  await expect(
    page.getByRole('form', { name: 'Automatic backups' }).getByLabel('Automatic backups to keep'),
  ).toHaveValue('3');
});
