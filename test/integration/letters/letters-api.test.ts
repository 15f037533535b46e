import { afterEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import type { Method } from '../../../shared/api/contract.ts';
import type { Session } from '../../../shared/api/dispatch.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import { DEFAULT_LETTERS } from '../../../shared/letters/default-letters.ts';
import { insertOperator } from '../../../db/repositories/operators-repository.ts';
import { call, refusal, until } from '../../helpers/borrowing-desk.ts';
import { openLettersDesk, type LettersDesk } from '../../helpers/letters-desk.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../helpers/loopback-smtp.ts';

/** Settings → Letters and email through the API: editing letters and the write-only password. */

let desk: LettersDesk | undefined;
let smtp: LoopbackSmtp | undefined;
afterEach(async () => {
  await desk?.dispose();
  await smtp?.close();
  desk = undefined;
  smtp = undefined;
});

const EDITED = {
  subject: 'On its way: {{title}}',
  text: 'Hello {{partnerName}},\n{{#dueDate}}\nDue {{dueDate}}.\n{{/dueDate}}\n',
  html: '<p>Hello {{partnerName}}</p>',
};

function windowOf(d: LettersDesk, operatorId: number): DeskClient {
  const session: Session = { id: `window-${operatorId}`, transport: 'in-process', operatorId };
  return createInProcessClient(
    d.desk.handlers,
    (event, listener) => d.desk.events.on(event, listener),
    session,
    { checkOutput: true },
  );
}

describe('letters', () => {
  it('lists the six letters with their defaults and the placeholders they may use', async () => {
    desk = await openLettersDesk();
    const list = await call(desk.client, 'letters.list', {});
    expect(list.letters.map((l) => [l.name, l.edited])).toEqual([
      ['Lender Ship', false],
      ['Lender Checked-In', false],
      ['Lender Reject', false],
      ['Borrower Overdue', false],
      ['General Message', false],
      ['On Hold Shelf Letter', false],
    ]);
    expect(list.letters[0]?.template).toEqual(DEFAULT_LETTERS['Lender Ship']);
    expect(list.letters[0]?.purpose).toBe(
      'To an email partner when we ship the item they asked us to lend.',
    );
    expect(list.placeholders.map((p) => p.name)).toContain('dueDate');
  });

  it('refuses an edit naming an unknown placeholder, says which, and keeps the letter as it was', async () => {
    desk = await openLettersDesk();
    const error = await refusal(desk.client, 'letters.save', {
      name: 'Lender Ship',
      template: { ...EDITED, subject: 'Shipped, due {{dueDay}}' },
    });
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      message:
        'The Lender Ship letter was not saved. The subject: {{dueDay}} is not a placeholder letters know: did you mean {{dueDate}}?',
      issues: [
        {
          path: 'template.subject',
          message:
            'The subject: {{dueDay}} is not a placeholder letters know: did you mean {{dueDate}}?',
        },
      ],
    });
    const list = await call(desk.client, 'letters.list', {});
    expect(list.letters[0]).toMatchObject({
      edited: false,
      template: DEFAULT_LETTERS['Lender Ship'],
    });
    expect((await call(desk.client, 'settings.get', {})).letters).toEqual({});

    // The letters setting refuses it too, so settings.update is no way round.
    const direct = await refusal(desk.client, 'settings.update', {
      key: 'letters',
      value: { 'Lender Ship': { ...EDITED, text: 'Hi {{partner}}' } },
    });
    expect(direct.code).toBe('INVALID_INPUT');
    expect(direct.message).toContain('{{partner}} is not a placeholder letters know');
  });

  it('saves an edited letter for every window, previews it, and resets it to the default', async () => {
    desk = await openLettersDesk();
    const heard: string[] = [];
    desk.client.on('settings.changed', ({ key }) => heard.push(key));
    const saved = await call(desk.client, 'letters.save', {
      name: 'Lender Ship',
      template: EDITED,
    });
    expect(saved).toMatchObject({ name: 'Lender Ship', edited: true, template: EDITED });
    expect(heard).toEqual(['letters']);
    expect((await call(desk.client, 'settings.get', {})).letters).toEqual({
      'Lender Ship': EDITED,
    });

    const preview = await call(desk.client, 'letters.preview', { name: 'Lender Ship' });
    expect(preview).toEqual({
      subject: 'On its way: Cien años de soledad',
      text: 'Hello Virginia Tech,\nDue Mon 18 Jan 2027.\n',
      html: '<p>Hello Virginia Tech</p>',
    });

    const reset = await call(desk.client, 'letters.reset', { name: 'Lender Ship' });
    expect(reset).toMatchObject({ edited: false, template: DEFAULT_LETTERS['Lender Ship'] });
    expect((await call(desk.client, 'settings.get', {})).letters).toEqual({});
  });

  it('previews unsaved edits, escaping values in the HTML, and refuses a broken one', async () => {
    desk = await openLettersDesk();
    const preview = await call(desk.client, 'letters.preview', {
      name: 'General Message',
      template: { subject: '{{title}}', text: '{{note}}', html: '<b>{{pickupLocation}}</b>' },
    });
    expect(preview).toEqual({
      subject: 'Cien años de soledad',
      text: 'Please handle with care: the spine is fragile.',
      html: '<b>Science Library Service Desk</b>',
    });
    const error = await refusal(desk.client, 'letters.preview', {
      name: 'General Message',
      template: { subject: 'x', text: '{{#note}}open', html: '' },
    });
    expect(error.message).toBe(
      'The General Message letter was not previewed. The plain text: {{#note}} is never closed: end it with {{/note}}.',
    );
  });

  it('lets only a manager change letters, the password, or send a test', async () => {
    desk = await openLettersDesk();
    const gate = desk.desk.context.gate;
    await gate.transaction((tx) =>
      insertOperator(tx, { name: 'Mona', role: 'MANAGER', active: true }),
    );
    const olle = await gate.transaction((tx) =>
      insertOperator(tx, { name: 'Olle', role: 'OPERATOR', active: true }),
    );
    const operator = windowOf(desk, olle.id);
    expect((await call(operator, 'letters.list', {})).letters).toHaveLength(6);
    const refused = await refusal(operator, 'letters.save', {
      name: 'Lender Ship',
      template: EDITED,
    });
    expect(refused).toEqual({
      code: 'FORBIDDEN',
      message:
        'Changing a letter needs a Fulfillment Services Manager; ask a manager to change it in Settings → Letters and email, or to sign in at this desk.',
    });
    expect((await refusal(operator, 'email.setPassword', { password: 'x' })).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(operator, 'email.test', { to: 'a@b.example' })).code).toBe('FORBIDDEN');
  });
});

describe('the SMTP password', () => {
  const PASSWORD = 'Sêcret-pässword-93';

  it('is kept out of every answer, the stored settings and the log, even when the login fails', async () => {
    const log: string[] = [];
    desk = await openLettersDesk({ sendMessages: true, log: (line) => log.push(line) });
    smtp = await startLoopbackSmtp({ login: { user: 'desk', password: 'the-right-one' } });
    const c = desk.client;
    await call(c, 'settings.update', {
      key: 'email',
      value: {
        fromAddress: 'ill@desk.example.edu',
        host: '127.0.0.1',
        port: smtp.port,
        security: 'NONE',
        user: 'desk',
        // Not a field of the setting: dropped, never stored.
        password: PASSWORD,
      },
    });
    expect(await call(c, 'email.status', {})).toMatchObject({
      passwordSet: false,
      sendsBy: 'smtp',
    });
    expect(await call(c, 'email.setPassword', { password: PASSWORD })).toMatchObject({
      passwordSet: true,
    });

    // A letter the server refuses the login for: its error is shown, the password is not.
    await desk.addLending({
      requestId: 'L-3001',
      externalId: 'VT-501',
      title: 'Flatland',
      itemBarcode: '39990001',
    });
    await call(c, 'shipping.ship', {
      requestId: 'L-3001',
      itemBarcode: '39990001',
      dueDate: '2027-01-18',
    });
    const failed = await until(
      () => desk?.messages()[0],
      (m) => m?.state === 'FAILED',
      'the letter to fail on the refused login',
    );
    expect(failed?.lastError).toContain('refused the login desk');

    const answers: unknown[] = [];
    const ask = async (method: Method, input: object = {}) => {
      const result = await c.call(method, input);
      answers.push(result);
    };
    for (const method of [
      'settings.get',
      'email.status',
      'letters.list',
      'desk.info',
      'messages.list',
    ] as const) {
      await ask(method);
    }
    await ask('letters.preview', { name: 'Lender Ship' });
    await ask('messages.detail', { id: failed?.id });
    await ask('email.test', { to: 'someone@example.edu' });
    const everything = JSON.stringify(answers);
    expect(everything).toContain('refused the login desk');
    expect(everything).not.toContain(PASSWORD);
    expect(log.join('\n')).not.toContain(PASSWORD);
    const stored = desk.rows<{ key: string; value: string }>('SELECT key, value FROM settings');
    expect(stored.filter((row) => row.value.includes(PASSWORD)).map((row) => row.key)).toEqual([
      'secret:smtpPassword',
    ]);

    expect(await call(c, 'email.setPassword', { password: null })).toMatchObject({
      passwordSet: false,
    });
    expect(desk.rows('SELECT key FROM settings WHERE key = ?', 'secret:smtpPassword')).toEqual([]);
  });
});

describe('email.test', () => {
  it('sends a test message through the SMTP server, or writes it as an .eml file without one', async () => {
    desk = await openLettersDesk();
    const written = await call(desk.client, 'email.test', { to: 'someone@example.edu' });
    expect(written.sendsBy).toBe('eml');
    expect(written.message).toMatch(
      /^No SMTP server is set, so the test message to someone@example\.edu was written as .*outbox-mail\/test-message-\d+\.eml\.$/,
    );

    smtp = await startLoopbackSmtp();
    await desk.setSetting('email', {
      fromAddress: 'ill@desk.example.edu',
      fromName: 'Interlibrary Loan',
      host: '127.0.0.1',
      port: smtp.port,
      security: 'NONE',
      user: '',
    });
    expect(await call(desk.client, 'email.test', { to: 'someone@example.edu' })).toEqual({
      sendsBy: 'smtp',
      message: `Sent a test message to someone@example.edu through 127.0.0.1:${smtp.port}.`,
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.parsed.subject).toBe('RS Desk test message from Resource Sharing Desk');
    expect(mail?.parsed.from?.text).toBe('"Interlibrary Loan" <ill@desk.example.edu>');

    const bad = await refusal(desk.client, 'email.test', { to: 'not an address' });
    expect(bad.message).toBe(
      '"not an address" is not an email address: write one address, like ill@library.example.edu.',
    );
  });

  it('says why the test message was not sent', async () => {
    desk = await openLettersDesk();
    await desk.setSetting('email', {
      fromAddress: '',
      fromName: '',
      host: '127.0.0.1',
      port: 25,
      security: 'NONE',
      user: '',
    });
    expect(await refusal(desk.client, 'email.test', { to: 'someone@example.edu' })).toEqual({
      code: 'UNAVAILABLE',
      message:
        'The test message to someone@example.edu was not sent. No From address is set, so the mail server cannot be given the letter: set it in Settings → Letters and email, then retry.',
    });
  });
});
