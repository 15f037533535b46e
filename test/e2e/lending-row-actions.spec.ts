import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import { openDatabase } from '../../db/database.ts';
import { partners, workflowProfiles } from '../../db/schema.ts';
import { DEFAULT_LENDING_PROFILE } from '../../shared/domain/workflow-profiles.ts';
import {
  ROOT,
  removeDir,
  runRsDesk,
  startServe,
  tempDataDir,
  type DeskProcess,
} from './support/desk-process.ts';
import { openScreen } from './support/desk-page.ts';

/**
 * The Lending Requests row actions in Chromium against `rs-desk serve` with
 * lending-row-actions.json. The desk has no operators, so it runs in setup mode: every action a
 * Manager has is offered, and the assignment actions (which need someone signed in) are not.
 * SUNYALB and VTECH lend under the seed's "Peer to Peer Lending", which has no Will Supply step;
 * SUNYBUF under a profile that adds it. Each test works on its own request.
 */

const WITH_WILL_SUPPLY = 'Peer to Peer Lending with Will Supply';

/**
 * The profile is written into the data directory before the desk starts, so this spec is about the
 * row actions alone; Settings → Workflow profiles and the import's `workflowProfiles` make the same
 * row through the app (configuration.spec.ts).
 */
function lendWithWillSupply(dataDir: string, partnerCode: string): void {
  const db = openDatabase(join(dataDir, 'rs-desk.sqlite'));
  try {
    const profile = db.orm
      .insert(workflowProfiles)
      .values({
        name: WITH_WILL_SUPPLY,
        type: 'LENDING',
        steps: JSON.stringify([...DEFAULT_LENDING_PROFILE.steps, 'WILL_SUPPLY']),
        builtin: false,
      })
      .returning({ id: workflowProfiles.id })
      .get();
    db.orm
      .update(partners)
      .set({ lendingWorkflowId: profile.id })
      .where(eq(partners.code, partnerCode))
      .run();
  } finally {
    db.close();
  }
}

let running: DeskProcess | undefined;
let dataDir = '';
test.beforeAll(async () => {
  dataDir = tempDataDir();
  const fixture = join(ROOT, 'test/fixtures/import/lending-row-actions.json');
  const imported = await runRsDesk(['import', fixture, '--data-dir', dataDir]);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  lendWithWillSupply(dataDir, 'SUNYBUF');
  running = await startServe(dataDir);
});
test.afterAll(async () => {
  await running?.stop();
  removeDir(dataDir);
});
const desk = (): DeskProcess => {
  if (!running) throw new Error('The desk is not running yet.');
  return running;
};

async function openList(page: Page): Promise<void> {
  await openScreen(page, desk().url, 'Lending Requests');
  await expect(requestRow(page, 'L-3001')).toBeVisible();
}

/** The row of `requestId` (its Request ID button names it; L-3005 is not L-3005-2). */
function requestRow(page: Page, requestId: string): Locator {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Open request ${requestId}`, exact: true }) });
}

function actionsButton(page: Page, requestId: string): Locator {
  return page.getByRole('button', { name: `Actions for ${requestId}`, exact: true });
}

async function menuItems(page: Page, requestId: string): Promise<string[]> {
  await actionsButton(page, requestId).click();
  const menu = page.getByRole('menu', { name: `Actions for ${requestId}` });
  await expect(menu).toBeVisible();
  const labels = await menu.getByRole('menuitem').allInnerTexts();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  return labels.map((label) => label.trim());
}

async function choose(page: Page, requestId: string, action: string): Promise<void> {
  await actionsButton(page, requestId).click();
  await page
    .getByRole('menu', { name: `Actions for ${requestId}` })
    .getByRole('menuitem', { name: action, exact: true })
    .click();
}

/** Lists closed requests too (Activity All needs a Find term) and finds this one. */
async function findAnyActivity(page: Page, requestId: string): Promise<void> {
  await page.getByLabel('Activity Status').selectOption('ALL');
  const find = page.getByLabel('Find lending requests');
  await find.fill(requestId);
  await find.press('Enter');
  await expect(requestRow(page, requestId)).toBeVisible();
}

const message = (page: Page) => page.locator('.desk-message');

test('Will Supply is offered only where the partner’s workflow profile has the step', async ({
  page,
}) => {
  await openList(page);
  // SUNYALB, Peer to Peer Lending: no Will Supply; its own steps (Conditional) are there.
  const p2p = await menuItems(page, 'L-3001');
  expect(p2p).not.toContain('Will Supply');
  expect(p2p).toEqual(expect.arrayContaining(['Edit', 'Conditional', 'Reject', 'Ship item']));
  // SUNYBUF's profile has the step: Will Supply is offered and moves the request.
  expect(await menuItems(page, 'L-3002')).toContain('Will Supply');

  await choose(page, 'L-3002', 'Will Supply');
  await expect(requestRow(page, 'L-3002')).toContainText('Will supply');
  await expect(message(page)).toContainText('L-3002');
  await expect(actionsButton(page, 'L-3002')).toBeFocused();
  expect(await menuItems(page, 'L-3002')).not.toContain('Will Supply');
});

test('Conditional asks for its reason beside the field, then the row shows Conditional', async ({
  page,
}) => {
  await openList(page);
  await choose(page, 'L-3001', 'Conditional');
  const dialog = page.getByRole('dialog', { name: 'Conditional: L-3001' });
  const reason = dialog.getByLabel('Reason');
  await expect(reason).toBeFocused();

  // Enter with no reason: nothing is sent, and the field says what it needs.
  await reason.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('correct the fields marked below');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription(/Enter the condition/);
  await expect(reason).toBeFocused();

  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations).toEqual([]);

  await reason.fill('For use in your library only');
  await dialog.getByLabel('Date for reply (optional)').fill('2030-01-15');
  await dialog.getByLabel('Note (optional)').fill('The binding is fragile.');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(requestRow(page, 'L-3001')).toContainText('Conditional');
  await expect(message(page)).toContainText('L-3001');
  await expect(actionsButton(page, 'L-3001')).toBeFocused();
});

test('Reject with a reason: the request is Rejected the borrower request', async ({ page }) => {
  await openList(page);
  await choose(page, 'L-3003', 'Reject');
  const dialog = page.getByRole('dialog', { name: 'Reject request L-3003' });
  await dialog.getByLabel('Reject reason').selectOption({ label: 'Not on shelf' });
  await dialog.getByLabel('Internal note (optional)').fill('Searched twice, not found.');
  await dialog.getByLabel('Note to partner (optional)').fill('Sorry, it is missing.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(message(page)).toContainText('L-3003');
  // Rejected is closed: it leaves the Active list and is found under All.
  await expect(requestRow(page, 'L-3003')).toHaveCount(0);
  await findAnyActivity(page, 'L-3003');
  await expect(requestRow(page, 'L-3003')).toContainText('Rejected the borrower request');

  // A Manager (anyone, in setup mode) may take it back: Reactivate asks first.
  await choose(page, 'L-3003', 'Reactivate Request');
  const confirm = page.getByRole('dialog', { name: 'Reactivate L-3003?' });
  await expect(confirm.getByRole('button', { name: 'Confirm' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(requestRow(page, 'L-3003')).toContainText('Created lending request');
});

test('Edit corrects the title', async ({ page }) => {
  await openList(page);
  await choose(page, 'L-3004', 'Edit');
  const dialog = page.getByRole('dialog', { name: 'Edit L-3004' });
  const title = dialog.getByLabel('Title');
  await expect(title).toHaveValue('Silent Sprng');
  await expect(title).toBeFocused();
  await expect(dialog.getByLabel('ISBN')).toHaveValue('9780618249060');
  await title.fill('Silent Spring');
  await title.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(requestRow(page, 'L-3004')).toContainText('Silent Spring');
});

test('Duplicate creates L-3005-2 beside L-3005', async ({ page }) => {
  await openList(page);
  await choose(page, 'L-3005', 'Duplicate');
  await expect(requestRow(page, 'L-3005-2')).toBeVisible();
  await expect(requestRow(page, 'L-3005-2')).toContainText('A Brief History of Time');
  await expect(requestRow(page, 'L-3005')).toBeVisible();
  await expect(message(page)).toContainText('L-3005-2');
});

test('More details shows the Locate alert; Locate takes the candidate chosen', async ({ page }) => {
  await openList(page);
  // Two copies share the ISBN, so the import's Locate could not choose.
  await expect(requestRow(page, 'L-3006')).toContainText('Locate failed');

  await choose(page, 'L-3006', 'More details');
  const details = page.getByRole('dialog', { name: 'More details: L-3006' });
  await expect(details.getByRole('list', { name: 'Alerts' })).toContainText('Locate found 2 items');
  await expect(details).toContainText('2 items to choose from');
  await expect(details.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(actionsButton(page, 'L-3006')).toBeFocused();

  await choose(page, 'L-3006', 'Locate');
  const locate = page.getByRole('dialog', { name: 'Locate L-3006' });
  const choices = locate.getByRole('list', { name: 'Items Locate found' }).getByRole('button');
  await expect(choices).toHaveCount(2);
  await locate.getByRole('button', { name: /Choose 31234000300062/ }).click();
  await expect(locate).toHaveCount(0);
  const row = requestRow(page, 'L-3006');
  await expect(row).toContainText('Created lending request');
  await expect(row).toContainText('QA699 .A13 1992 c.2');
  expect(await menuItems(page, 'L-3006')).toContain('Ship item');
});

test('Ship non-returnable ships the copy with no due date', async ({ page }) => {
  await openList(page);
  const items = await menuItems(page, 'L-3007');
  expect(items).toContain('Ship non-returnable');
  expect(items).not.toContain('Ship item');

  await choose(page, 'L-3007', 'Ship non-returnable');
  const dialog = page.getByRole('dialog', { name: 'Ship non-returnable: L-3007' });
  await expect(dialog.getByLabel('Item barcode')).toHaveValue('31234000300007');
  await expect(dialog.getByRole('button', { name: 'Ship' })).toBeFocused();
  await dialog.getByLabel('Shipping cost (optional)').fill('3.25');
  await dialog.getByLabel('Shipping cost (optional)').press('Enter');
  await expect(dialog).toHaveCount(0);
  const row = requestRow(page, 'L-3007');
  await expect(row).toContainText('Shipped physically');
  await expect(message(page)).toContainText('non-returnable');
});

test('Checked In completes a shipped loan', async ({ page }) => {
  await openList(page);
  await expect(requestRow(page, 'L-3008')).toContainText('Shipped physically');
  await choose(page, 'L-3008', 'Checked In');
  await expect(message(page)).toContainText('L-3008');
  await expect(requestRow(page, 'L-3008')).toHaveCount(0);
  await findAnyActivity(page, 'L-3008');
  await expect(requestRow(page, 'L-3008')).toContainText('Request completed');

  // Completed, it may be removed from the task list, after a confirmation.
  await choose(page, 'L-3008', 'Remove');
  const confirm = page.getByRole('dialog', { name: 'Remove L-3008?' });
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(requestRow(page, 'L-3008')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('Renew sets the new due date', async ({ page }) => {
  await openList(page);
  await choose(page, 'L-3009', 'Renew');
  const dialog = page.getByRole('dialog', { name: 'Renew L-3009' });
  const due = dialog.getByLabel('New due date');
  await expect(due).toBeFocused();
  await due.fill('2027-03-01');
  await dialog.getByLabel('Note to partner (optional)').fill('Renewed for four weeks.');
  await dialog.getByRole('button', { name: 'Renew' }).click();
  await expect(dialog).toHaveCount(0);
  const row = requestRow(page, 'L-3009');
  await expect(row.locator('time[datetime="2027-03-01"]')).toBeVisible();
  await expect(row).toContainText('Received by partner');
});

test('Ship item opens Shipping Items with the request already looked up', async ({ page }) => {
  await openList(page);
  await choose(page, 'L-3002', 'Ship item');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shipping Items');
  // One scan is enough by default: the request names its item, so Ship item asks for the date.
  const dialog = page.getByRole('dialog', { name: 'Ship item' });
  await expect(dialog).toContainText('The Structure of Scientific Revolutions');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the menu works from the keyboard alone', async ({ page }) => {
  await openList(page);
  const button = actionsButton(page, 'L-3004');
  await button.focus();
  const menu = page.getByRole('menu', { name: 'Actions for L-3004' });

  // Enter opens on the first action; the arrows wrap; Escape goes back to the button.
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Edit', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'More details' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Edit', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lending Requests');

  // ArrowDown opens too; End jumps to the last action; Space chooses it.
  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'More details' })).toBeFocused();
  await page.keyboard.press(' ');
  const details = page.getByRole('dialog', { name: 'More details: L-3004' });
  await expect(details.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(menu).toHaveCount(0);

  // Enter is the dialog's default button; focus comes back to the row's Actions button.
  await page.keyboard.press('Enter');
  await expect(details).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(menu).toHaveCount(0);

  // Tab leaves the open menu and closes it.
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(menu).toHaveCount(0);
});

test('More details leads to the request and its history, which offers the same menu', async ({
  page,
}) => {
  await openList(page);
  await choose(page, 'L-3009', 'More details');
  const details = page.getByRole('dialog', { name: 'More details: L-3009' });
  await details.getByRole('button', { name: 'Open the request and its history' }).click();
  await expect(details).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('On the Origin of Species');
  await expect(page.getByRole('region', { name: 'Lending actions' })).toBeVisible();

  // The same menu; its More details has no way to the view already open, and Escape closes only
  // the dialog, not the detail view.
  await choose(page, 'L-3009', 'More details');
  const again = page.getByRole('dialog', { name: 'More details: L-3009' });
  await expect(again.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(again.getByRole('button', { name: /Open the request/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(again).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('On the Origin of Species');
  await expect(actionsButton(page, 'L-3009')).toBeFocused();
});

// Last: adding operators ends setup mode for the rest of the file.
test('Assign to me, Reassign with a note, and Release', async ({ page }) => {
  await openScreen(page, desk().url, 'Settings');
  const operators = page.getByRole('region', { name: 'Operators' });
  const addOperator = async (name: string, role?: string) => {
    const form = operators.getByRole('form', { name: 'Add an operator' });
    await form.getByLabel('Name').fill(name);
    if (role) await form.getByLabel('Role').selectOption({ label: role });
    await form.getByRole('button', { name: 'Add operator' }).click();
    await expect(operators.getByRole('status')).toContainText(`${name} added`);
  };
  // The first is a Manager, and this window is signed in as her.
  await addOperator('Grace Hopper');
  await addOperator('Ada Lovelace', 'Fulfillment Services Operator');

  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Lending Requests', exact: true })
    .click();
  const row = requestRow(page, 'L-3005');
  await expect(row).toBeVisible();
  expect(await menuItems(page, 'L-3005')).not.toContain('Release assign');

  await choose(page, 'L-3005', 'Assign to me');
  await expect(row).toContainText('Grace Hopper');
  await expect(actionsButton(page, 'L-3005')).toBeFocused();

  await choose(page, 'L-3005', 'Reassign');
  const dialog = page.getByRole('dialog', { name: 'Reassign L-3005' });
  const assignTo = dialog.getByLabel('Assign to');
  await expect(assignTo).toBeFocused();
  await assignTo.press('Enter');
  await expect(assignTo).toHaveAccessibleDescription(/Choose the operator/);
  await assignTo.selectOption({ label: 'Ada Lovelace (Fulfillment Services Operator)' });
  await dialog.getByLabel('Note (optional)').fill('Ada is at the science desk today.');
  await dialog.getByRole('button', { name: 'Assign To' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('Ada Lovelace');

  await choose(page, 'L-3005', 'Release assign');
  await expect(row).not.toContainText('Ada Lovelace');
  expect(await menuItems(page, 'L-3005')).toContain('Assign to me');
});
