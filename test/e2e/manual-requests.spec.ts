import { expect, test } from '@playwright/test';
import { openScreen } from './support/desk-page.ts';
import { serveImportedDesk } from './support/desk-process.ts';

/**
 * Requests typed in at the desk, and a rota made in Settings, in Chromium against `rs-desk serve`
 * with good.json (in setup mode, so with a Manager's rights).
 */

const desk = serveImportedDesk(test);

test('a lending request added by hand is located like an imported one', async ({ page }) => {
  await openScreen(page, desk().url, 'Lending Requests');
  await page.getByText('Add a lending request manually').click();
  const form = page.getByRole('form', { name: 'Add a lending request' });
  await form.getByLabel('Partner').selectOption('SUNYALB');
  await form.getByLabel('External Identifier').fill('ALB-5501');
  await form.getByRole('button', { name: 'Add lending request' }).click();
  // No title: the desk says so beside the field.
  await expect(form.getByRole('alert')).toContainText('Not added');
  await expect(form.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Title').fill('The Structure of Scientific Revolutions');
  await form.getByLabel('Author').fill('Kuhn, Thomas S.');
  await form.getByRole('button', { name: 'Add lending request' }).click();
  await expect(form.getByRole('status')).toContainText(/Added L-\d{8}-1 from University at Albany/);
  await expect(form.getByRole('status')).toContainText('is located: ');
  await expect(form.getByRole('status')).toContainText('31234000123464');
});

test('a rota from Settings takes a new borrowing request, which is sent to its first lender', async ({
  page,
}) => {
  await openScreen(page, desk().url, 'Settings');
  const rota = page.getByRole('form', { name: 'Add a rota' });
  await rota.getByLabel('Name').fill('SUNY');
  await rota.getByLabel('Add a lender').selectOption('SUNYBUF');
  await rota.getByLabel('Add a lender').selectOption('SUNYALB');
  await rota.getByRole('button', { name: 'Move University at Albany, SUNY up' }).click();
  await rota.getByRole('button', { name: 'Add rota' }).click();
  const rotas = page.getByRole('region', { name: 'Rotas' });
  await expect(rotas.getByRole('status')).toHaveText('SUNY added.');
  await expect(rotas.getByRole('row', { name: /SUNY/ })).toContainText(
    'University at Albany, SUNY, then University at Buffalo, SUNY',
  );

  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Borrowing Requests', exact: true })
    .click();
  await page.getByText('Add a borrowing request for a patron').click();
  const form = page.getByRole('form', { name: 'Add a borrowing request' });
  await form.getByLabel('Patron ID or barcode').fill('21234000012345');
  await form.getByLabel('Rota').selectOption({ label: 'SUNY' });
  await form.getByLabel('Title', { exact: true }).fill('Flatland');
  await form.getByRole('button', { name: 'Add borrowing request' }).click();
  const said = form.getByRole('status');
  await expect(said).toContainText('for Ada Lovelace from University at Albany, SUNY');
  await expect(said).toContainText('goes to University at Buffalo, SUNY');
  await expect(said).toContainText('is now "Request sent to partner"');

  // The request's detail shows its rota and the lender that has it now.
  const requestId = /B-\d{8}-\d+/.exec((await said.textContent()) ?? '')?.[0] ?? 'not said';
  const find = page.getByLabel('Find borrowing requests');
  await find.fill(requestId);
  await find.press('Enter');
  await page.getByRole('button', { name: `Open request ${requestId}`, exact: true }).click();
  const lenders = page
    .getByRole('region', { name: 'Rota' })
    .getByRole('list', { name: 'Lenders in order' });
  await expect(lenders.getByRole('listitem')).toHaveText([
    'University at Albany, SUNY (has it now)',
    'University at Buffalo, SUNY',
  ]);
});
