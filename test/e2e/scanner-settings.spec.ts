import { expect, test, type Page } from '@playwright/test';
import { wedgeScan } from './support/desk-page.ts';
import { serveImportedDesk } from './support/desk-process.ts';

const desk = serveImportedDesk(test);

/** The journal's newest scan, straight from the API. */
async function lastScan(): Promise<{ raw: string; value: string; source: string } | undefined> {
  const token = new URL(desk().url).searchParams.get('token') ?? '';
  const reply = await fetch(`${desk().origin}/api/scans.recent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
    body: JSON.stringify({ limit: 1 }),
  });
  const body = (await reply.json()) as { value: { raw: string; value: string; source: string }[] };
  return body.value[0];
}

async function openSettings(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await page.goto(desk().url);
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const form = page.getByRole('form', { name: 'How scans are read' });
  await expect(form).toBeVisible();
  return form;
}

test('turning sounds off on a scan screen holds after a reload', async ({ page }) => {
  await page.goto(desk().url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');
  const stored = page.waitForResponse((r) => r.url().endsWith('/api/settings.update'));
  await page.getByRole('button', { name: 'Turn sounds off' }).click();
  await expect(page.getByRole('button', { name: 'Turn sounds on' })).toBeVisible();
  await stored;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');
  await expect(page.getByRole('button', { name: 'Turn sounds on' })).toBeVisible();
  const storedAgain = page.waitForResponse((r) => r.url().endsWith('/api/settings.update'));
  await page.getByRole('button', { name: 'Turn sounds on' }).click();
  await storedAgain;
  await page.reload();
  await expect(page.getByRole('button', { name: 'Turn sounds off' })).toBeVisible();
});

test("Settings shows the desk's refusal beside the field and saves nothing", async ({ page }) => {
  const form = await openSettings(page);
  const minimum = form.getByLabel('Minimum scan length (characters)');
  await minimum.fill('1');
  await form.getByRole('button', { name: 'Save scanner settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Scanner settings were not saved');
  await expect(minimum).toHaveAttribute('aria-invalid', 'true');
  await expect(minimum).toHaveAccessibleDescription(/must be at least 2/);
  await page.reload();
  await expect(
    page.getByRole('form', { name: 'How scans are read' }).getByLabel('Minimum scan length'),
  ).toHaveValue('4');
});

test('a prefix set in Settings is stripped from a wedge burst at Receiving Items', async ({
  page,
}) => {
  const form = await openSettings(page);
  await form.getByLabel('Prefix').fill('$');
  await form.getByRole('button', { name: 'Save scanner settings' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Scanner settings saved/);

  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Receiving Items' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');
  // Focus off the scan field: the window-wide wedge listener reads the burst.
  await page.getByRole('heading', { level: 1 }).focus();
  await wedgeScan(page, '$00041771');
  await expect(page.locator('.outcome')).toContainText(
    'Found the External Identifier of request B-1003',
  );
  expect(await lastScan()).toMatchObject({ value: '00041771', source: 'wedge' });
  // B-1003 can be received, so its Temporary barcode dialog opened; Escape gives the field back.
  await expect(page.getByRole('dialog', { name: 'Temporary barcode' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Into the scan field the prefix arrives with the barcode; the desk strips it.
  const field = page.getByLabel('Scan the External Identifier from the paperwork');
  await field.fill('$78239000001');
  await field.press('Enter');
  await expect(page.locator('.outcome')).toContainText('Found the External Identifier');
  expect(await lastScan()).toMatchObject({ raw: '$78239000001', value: '78239000001' });
});
