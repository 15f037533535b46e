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

/**
 * A keyboard-wedge scanner: `value`'s keys `gapMs` apart, then Enter, wherever focus is. Each key
 * carries the time the scanner typed it, as a real keyboard's events carry the system's time
 * stamps (Chromium takes them from the DevTools protocol's `timestamp`). Sent with Playwright's
 * key delay instead, the page would stamp each key when it took it, and on a loaded machine keys
 * sent 5 ms apart can arrive far apart and read as a person's typing, or the other way round.
 */
export async function wedgeScan(page: Page, value: string, gapMs = 5): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now() / 1000;
    const keys = [...value].map((key) => ({ key, text: key }));
    const enter = { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 };
    for (const [i, key] of [...keys, enter].entries()) {
      const timestamp = start + (i * gapMs) / 1000;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, timestamp });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: key.key, timestamp });
    }
  } finally {
    await cdp.detach();
  }
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
