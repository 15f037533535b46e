import { expect, type Locator, type Page } from '@playwright/test';

/** What the desk's end-to-end tests do on a page, the way staff do it. */

/** Opens the desk at `url` and goes to `screen` through the navigation, as staff would. */
export async function openScreen(page: Page, url: string, screen: string): Promise<void> {
  await page.goto(url);
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: screen, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen);
}

/** A keyboard-wedge scanner: a burst of keys a few ms apart, then Enter, wherever focus is. */
export async function wedgeScan(page: Page, value: string): Promise<void> {
  await page.keyboard.type(value, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** Types a value into a scan screen's field and presses Enter, as a person does. */
export async function typeScan(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label);
  await field.fill(value);
  await field.press('Enter');
}

/** The large outcome banner of a scan screen. */
export function outcomeBanner(page: Page): Locator {
  return page.locator('.outcome');
}

/** A slip's ESC/POS bytes read as text (code page bytes above 0x7f become Latin-1 characters). */
export function slipText(bytes: Uint8Array | undefined): string {
  return Buffer.from(bytes ?? []).toString('latin1');
}
