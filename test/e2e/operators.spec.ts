import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveImportedDesk } from './support/desk-process.ts';

const desk = serveImportedDesk(test);

function statusBar(page: Page) {
  return page.getByRole('contentinfo');
}

async function goTo(page: Page, screen: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: screen, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('a manager adds an operator with a PIN, who signs in with it and has no Operators section', async ({
  page,
  context,
}) => {
  // A desk with no operators opens straight onto its screens (setup mode).
  await page.goto(desk().url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');
  await expect(statusBar(page)).toContainText('Setup mode (no operators yet)');

  await goTo(page, 'Settings');
  const operators = page.getByRole('region', { name: 'Operators' });
  await expect(operators).toContainText('the desk is in setup mode');
  const first = operators.getByRole('form', { name: 'Add an operator' });
  await first.getByLabel('Name').fill('Grace Hopper');
  await expect(first.getByLabel('Role')).toHaveValue('MANAGER');
  await first.getByRole('button', { name: 'Add operator' }).click();
  await expect(operators.getByRole('status')).toHaveText(
    'Grace Hopper added. Setup mode is over: this window is signed in as Grace Hopper.',
  );
  await expect(statusBar(page)).toContainText('Grace Hopper (Manager)');

  const next = operators.getByRole('form', { name: 'Add an operator' });
  await next.getByLabel('Name').fill('Ada Lovelace');
  await next.getByLabel('Role').selectOption({ label: 'Fulfillment Services Operator' });
  await next.getByLabel('PIN', { exact: true }).fill('2468');
  await next.getByRole('button', { name: 'Add operator' }).click();
  await expect(operators.getByRole('status')).toHaveText('Ada Lovelace added.');
  await expect(operators.getByRole('row', { name: /Ada Lovelace/ })).toContainText(
    'Fulfillment Services Operator',
  );
  await expect(
    operators
      .getByRole('row', { name: /Ada Lovelace/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('Set');

  // The sign-in screen, in place of the desk, lists both.
  await statusBar(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByRole('navigation', { name: 'Desk screens' })).toHaveCount(0);
  const roster = page.getByRole('list', { name: 'Operators' });
  await expect(roster.getByRole('button')).toHaveText([
    /Ada Lovelace\s*Fulfillment Services Operator/,
    /Grace Hopper\s*Fulfillment Services Manager/,
  ]);
  expect(await seriousViolations(page)).toEqual([]);

  // Ada has a PIN: a wrong one is refused and says so; the right one, with Enter, signs her in.
  await roster.getByRole('button', { name: /Ada Lovelace/ }).click();
  const pin = page.getByLabel('PIN for Ada Lovelace');
  await expect(pin).toBeFocused();
  await pin.fill('1111');
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'That PIN is not right for Ada Lovelace; try again.',
  );
  await expect(pin).toHaveValue('');
  await pin.fill('2468');
  await pin.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(statusBar(page)).toContainText('Ada Lovelace (Operator)');
  await expect(page.getByRole('region', { name: 'Scanners' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Operators' })).toHaveCount(0);
  await expect(page.getByText('changes here need a Fulfillment Services Manager')).toBeVisible();

  // A reload keeps this tab signed in; another tab signs in on its own.
  await page.reload();
  await expect(statusBar(page)).toContainText('Ada Lovelace (Operator)');
  const other = await context.newPage();
  await other.goto(desk().url);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await other
    .getByRole('list', { name: 'Operators' })
    .getByRole('button', { name: /Grace/ })
    .click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');
  await expect(statusBar(other)).toContainText('Grace Hopper (Manager)');
  await other.close();
});

test('a window whose operator is deactivated goes back to the sign-in screen and says why', async ({
  page,
  context,
}) => {
  // The first test left Grace (Manager) and Ada (Operator, PIN 2468).
  await page.goto(desk().url);
  await page.getByRole('list', { name: 'Operators' }).getByRole('button', { name: /Ada/ }).click();
  await page.getByLabel('PIN for Ada Lovelace').fill('2468');
  await page.getByLabel('PIN for Ada Lovelace').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receiving Items');

  const manager = await context.newPage();
  await manager.goto(desk().url);
  await manager
    .getByRole('list', { name: 'Operators' })
    .getByRole('button', { name: /Grace/ })
    .click();
  await goTo(manager, 'Settings');
  await manager.getByRole('button', { name: 'Change Ada Lovelace' }).click();
  const change = manager.getByRole('form', { name: 'Change Ada Lovelace' });
  await change.getByLabel('Active (may sign in)').uncheck();
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(manager.getByRole('region', { name: 'Operators' }).getByRole('status')).toHaveText(
    'Changes to Ada Lovelace saved.',
  );
  await manager.close();

  // Ada's window finds out at its next call: the list it opens.
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Borrowing Requests', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByRole('alert')).toHaveText(
    'Sign in first: choose who you are at the desk.',
  );
  await expect(
    page.getByRole('list', { name: 'Operators' }).getByRole('button', { name: /Ada/ }),
  ).toHaveCount(0);
});
