// Regenerates docs/screenshot.png, the README's picture: the demo data set in browser mode,
// Borrowing Requests filtered to items waiting to be received. Run: npx node scripts/readme-screenshot.ts
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import {
  ROOT,
  removeDir,
  runRsDesk,
  startServe,
  tempDataDir,
} from '../test/e2e/support/desk-process.ts';

const dataDir = tempDataDir();
try {
  const demo = await runRsDesk(['demo', '--data-dir', dataDir]);
  if (demo.code !== 0) throw new Error(demo.stderr);
  const desk = await startServe(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1150 } });
    await page.goto(desk.url);
    await page
      .getByRole('navigation', { name: 'Desk screens' })
      .getByRole('link', { name: 'Borrowing Requests', exact: true })
      .click();
    await page.getByRole('table').waitFor();
    await page
      .getByRole('button', { name: /^Shipped physically/ })
      .first()
      .click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
  } finally {
    await browser.close();
    await desk.stop();
  }
} finally {
  removeDir(dataDir);
}
