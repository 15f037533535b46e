import { expect, test, type Page } from '@playwright/test';
import { wedgeScan } from './support/desk-page.ts';
import { serveImportedDesk } from './support/desk-process.ts';

const desk = serveImportedDesk(test);

/** The journal, straight from the API, newest first. */
async function journal(
  limit: number,
): Promise<{ value: string; source: string; screen: string }[]> {
  const token = new URL(desk().url).searchParams.get('token') ?? '';
  const reply = await fetch(`${desk().origin}/api/scans.recent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
    body: JSON.stringify({ limit }),
  });
  const body = (await reply.json()) as {
    value: { value: string; source: string; screen: string }[];
  };
  return body.value;
}

/** Receiving Items with focus on its heading: off every field, as when a mouse click wandered. */
async function receivingWithFocusAway(page: Page): Promise<void> {
  await page.goto(desk().url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');
  await page.getByRole('heading', { level: 1 }).focus();
}

test('a 5 ms/char burst is a scan even with focus off the scan field', async ({ page }) => {
  await receivingWithFocusAway(page);
  await wedgeScan(page, '00041771', 5);
  await expect(page.locator('.outcome')).toContainText(
    'Found the External Identifier of request B-1003',
  );
  expect((await journal(1))[0]).toMatchObject({
    value: '00041771',
    source: 'wedge',
    screen: 'Receiving Items',
  });
});

test('150 ms/char typing is not a scan', async ({ page }) => {
  await receivingWithFocusAway(page);
  const before = (await journal(200)).length;
  await wedgeScan(page, '78239000001', 150);
  await page.waitForTimeout(300);
  await expect(page.locator('.outcome')).toContainText('Ready for a scan');
  expect((await journal(200)).length).toBe(before);
});

test('the scan field takes a burst and hand typing alike; typing is journaled as manual', async ({
  page,
}) => {
  // Whether a burst into the field is journaled as "wedge" is isBurst's job (unit-tested): here
  // Playwright waits for the page between keys, so its key timing is the harness's, not a scanner's.
  await page.goto(desk().url);
  const field = page.getByLabel('Scan the External Identifier from the paperwork');
  await field.pressSequentially('78239000001');
  await field.press('Enter');
  await expect(page.locator('.outcome')).toContainText('Found the External Identifier');
  expect((await journal(1))[0]).toMatchObject({ value: '78239000001', screen: 'Receiving Items' });
  // The scan asked which request (B-1001 and B-1002 share it); Escape hands the field back.
  await expect(page.getByRole('dialog', { name: 'Which request?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
  await field.pressSequentially('b-1001', { delay: 120 });
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    'You scanned the request ID of borrowing request B-1001',
  );
  expect((await journal(1))[0]).toMatchObject({ value: 'b-1001', source: 'manual' });
});

test('50 scans back to back are each handled once: none lost, none merged', async ({ page }) => {
  await receivingWithFocusAway(page);
  const values = Array.from({ length: 50 }, (_, i) => `7700${String(i).padStart(4, '0')}`);
  for (const value of values) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(60);
  }
  await expect
    .poll(async () => (await journal(200)).filter((s) => s.value.startsWith('7700')).length)
    .toBe(50);
  const seen = (await journal(200)).filter((s) => s.value.startsWith('7700')).map((s) => s.value);
  expect([...seen].sort()).toEqual(values);
});
