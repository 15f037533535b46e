import { expect, test, type Page } from '@playwright/test';
import { serveImportedDesk } from './support/desk-process.ts';

/** Settings → Letters and email in browser mode (a new desk is in setup mode: manager rights). */

const desk = serveImportedDesk(test);

async function openLetters(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await page.goto(desk().url);
  await page
    .getByRole('navigation', { name: 'Desk screens' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const section = page.getByRole('region', { name: 'Letters and email' });
  await expect(section.getByRole('heading', { name: 'Letters and email' })).toBeVisible();
  return section;
}

async function apiCall(method: string, input: object = {}): Promise<string> {
  const token = new URL(desk().url).searchParams.get('token') ?? '';
  const reply = await fetch(`${desk().origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RS-Desk-Token': token },
    body: JSON.stringify(input),
  });
  return reply.text();
}

test('a letter edit naming an unknown placeholder is refused beside its field; a good one previews, saves and resets', async ({
  page,
}) => {
  const section = await openLetters(page);
  await expect(section.getByLabel('Letter', { exact: true })).toHaveValue('Lender Ship');
  const editor = section.getByRole('form', { name: 'Lender Ship letter' });
  const subject = editor.getByLabel('Subject');
  await expect(subject).toHaveValue('Shipped: {{title}} (your request {{externalId}})');

  await subject.fill('Shipped, due {{dueDay}}');
  await editor.getByRole('button', { name: 'Save letter' }).click();
  await expect(editor.getByRole('alert')).toContainText('The Lender Ship letter was not saved.');
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  await expect(subject).toHaveAccessibleDescription(
    'The subject: {{dueDay}} is not a placeholder letters know: did you mean {{dueDate}}?',
  );

  await subject.fill('On its way: {{title}}, due {{dueDate}}');
  await editor.getByRole('button', { name: 'Preview' }).click();
  const preview = editor.getByRole('region', { name: 'Preview with sample values' });
  await expect(preview.locator('.preview-subject')).toHaveText(
    'On its way: Cien años de soledad, due Mon 18 Jan 2027',
  );
  await expect(preview.locator('.preview-text')).toContainText('Dear colleagues at Virginia Tech,');
  await expect(preview.getByTitle('HTML preview')).toBeVisible();
  await expect(subject).not.toHaveAttribute('aria-invalid', 'true');

  await editor.getByRole('button', { name: 'Save letter' }).click();
  await expect(editor.getByRole('status')).toHaveText(
    'The Lender Ship letter is saved: letters go out like this now.',
  );
  await page.reload();
  const again = page.getByRole('region', { name: 'Letters and email' });
  await expect(again.getByRole('option', { name: 'Lender Ship (edited)' })).toBeAttached();
  const editorAgain = again.getByRole('form', { name: 'Lender Ship letter' });
  await expect(editorAgain.getByLabel('Subject')).toHaveValue(
    'On its way: {{title}}, due {{dueDate}}',
  );

  await editorAgain.getByRole('button', { name: 'Reset to default' }).click();
  await expect(editorAgain.getByRole('status')).toHaveText(
    "The Lender Ship letter is back to the desk's default.",
  );
  await expect(editorAgain.getByLabel('Subject')).toHaveValue(
    'Shipped: {{title}} (your request {{externalId}})',
  );
});

test('the SMTP password is write-only, and a test message without a server becomes an .eml file', async ({
  page,
}) => {
  const section = await openLetters(page);
  const password = section.getByLabel('New password');
  await expect(section.getByText('No password is set.')).toBeVisible();
  await password.fill('Sêcret-e2e-93');
  await section.getByRole('button', { name: 'Set password' }).click();
  await expect(section.getByText('The password is set.')).toBeVisible();
  await expect(section.getByText(/^A password is set\./)).toBeVisible();
  await expect(password).toHaveValue('');

  await page.reload();
  const again = page.getByRole('region', { name: 'Letters and email' });
  await expect(again.getByText(/^A password is set\./)).toBeVisible();
  await expect(again.getByLabel('New password')).toHaveValue('');
  for (const method of ['settings.get', 'email.status', 'letters.list']) {
    expect(await apiCall(method)).not.toContain('Sêcret-e2e-93');
  }

  await again.getByLabel('Send it to').fill('someone@example.edu');
  await again.getByRole('button', { name: 'Send test' }).click();
  await expect(again.getByText(/^No SMTP server is set, so the test message/)).toContainText(
    'outbox-mail/test-message-',
  );
});
