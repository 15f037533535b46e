import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { PartnerMessageRow } from '../../../db/repositories/partner-messages-repository.ts';
import { sendLetter } from '../../../electron/messaging/email/index.ts';
import { call, until } from '../../helpers/borrowing-desk.ts';
import { openLettersDesk, type LettersDesk } from '../../helpers/letters-desk.ts';
import { closedPort, startLoopbackSmtp, type LoopbackSmtp } from '../../helpers/loopback-smtp.ts';

/** The mailer: each letter through a real SMTP server, or as an .eml file without one. */

let desk: LettersDesk | undefined;
let smtp: LoopbackSmtp | undefined;
afterEach(async () => {
  await desk?.dispose();
  await smtp?.close();
  desk = undefined;
  smtp = undefined;
});

const FROM = 'ill@desk.example.edu';

async function useSmtp(d: LettersDesk, server: { port: number }, user = ''): Promise<void> {
  await d.setSetting('email', {
    fromAddress: FROM,
    fromName: '',
    host: '127.0.0.1',
    port: server.port,
    security: 'NONE',
    user,
  });
}

const mailer = (d: LettersDesk) => ({
  gate: d.desk.context.gate,
  dataDir: d.desk.dataDir,
  smtpTimeoutMs: 2_000,
});

function letterRow(d: LettersDesk, kind: string): PartnerMessageRow {
  const row = d.messages().find((m) => m.kind === kind);
  if (!row) throw new Error(`No ${kind} letter was queued`);
  return row;
}

/** Lender Ship for L-3001 (Cien años de soledad) to Virginia Tech, the email partner. */
async function shipToVirginiaTech(d: LettersDesk): Promise<PartnerMessageRow> {
  await d.addLending({
    requestId: 'L-3001',
    externalId: 'VT-501',
    title: 'Cien años de soledad',
    itemBarcode: '39990001',
  });
  await call(d.client, 'shipping.ship', {
    requestId: 'L-3001',
    itemBarcode: '39990001',
    dueDate: '2027-01-18',
  });
  return letterRow(d, 'Lender Ship');
}

describe('letters through SMTP', () => {
  it('sends every letter to its partner or patron, subject, text and HTML intact', async () => {
    desk = await openLettersDesk({ start: '2026-11-23T12:00:00Z' });
    smtp = await startLoopbackSmtp();
    await useSmtp(desk, smtp);
    await desk.setSetting('institution', 'Universidad de Córdoba');
    await desk.addLending(
      { requestId: 'L-3002', externalId: 'VT-502', title: 'Flatland', itemBarcode: '39990002' },
      {
        requestId: 'L-3003',
        externalId: 'VT-503',
        title: 'Gödel, Escher, Bach',
        itemBarcode: '39990003',
      },
      { requestId: 'L-3004', externalId: 'VT-504', title: 'Flatterland', itemBarcode: '39990004' },
    );
    await desk.addBorrowing({
      requestId: 'B-3001',
      externalId: 'VT-900',
      title: 'Cien años de soledad',
      status: 'SHIPPED_PHYSICALLY',
      dueDate: '2027-01-10',
    });
    const c = desk.client;
    await shipToVirginiaTech(desk);
    await call(c, 'lending.checkIn', { requestId: 'L-3001' });
    await call(c, 'lending.reject', { requestId: 'L-3002', reason: 'NotOnShelf' });
    await call(c, 'lending.conditional', {
      requestId: 'L-3003',
      reason: 'Use in the library only',
      replyBy: '2026-11-30',
    });
    await call(c, 'shipping.ship', {
      requestId: 'L-3004',
      itemBarcode: '39990004',
      dueDate: '2026-11-25',
    });
    await call(c, 'receiving.receive', { requestId: 'B-3001', tempBarcode: 'TMP-3001' });
    desk.setClock('2026-11-26T12:00:00Z');
    await desk.desk.jobs.runDue();

    const letters = desk.messages().filter((m) => m.channel === 'email');
    expect(letters.map((m) => m.kind)).toEqual([
      'Lender Ship',
      'Lender Checked-In',
      'Lender Reject',
      'General Message',
      'Lender Ship',
      'On Hold Shelf Letter',
      'Borrower Overdue',
    ]);
    for (const row of letters) {
      expect(await sendLetter(row, mailer(desk))).toEqual({
        ok: true,
        via: 'smtp',
        where: `127.0.0.1:${smtp.port}`,
      });
    }
    const mail = await smtp.waitFor(letters.length);
    const bySubject = (start: string) => {
      const found = mail.find((m) => m.parsed.subject?.startsWith(start));
      if (!found) throw new Error(`No message with a subject starting "${start}"`);
      return found;
    };

    for (const m of mail) expect(m.parsed.from?.value[0]?.address).toBe(FROM);
    const partnerMail = mail.filter((m) => m.rcptTo[0] === 'ill@vt.example.edu');
    expect(partnerMail).toHaveLength(6);

    const ship = bySubject('Shipped: Cien años de soledad');
    expect(ship.parsed.subject).toBe('Shipped: Cien años de soledad (your request VT-501)');
    expect(ship.parsed.from?.text).toBe(
      `"Resource Sharing Desk, Universidad de Córdoba" <${FROM}>`,
    );
    expect(ship.parsed.to).toMatchObject({
      value: [{ address: 'ill@vt.example.edu', name: 'Virginia Tech' }],
    });
    expect(ship.parsed.text).toContain('Dear colleagues at Virginia Tech,');
    expect(ship.parsed.text).toContain('Due back: Mon 18 Jan 2027');
    expect(ship.parsed.html).toContain('<td>Cien años de soledad</td>');
    expect(ship.parsed.headers.get('x-rs-desk-letter')).toBe('Lender Ship');

    expect(bySubject('Returned and checked in').parsed.text).toContain('The loan is complete.');
    expect(bySubject('We cannot supply Flatland').parsed.text).toContain('Reason: Not on shelf');
    const general = bySubject('About Gödel, Escher, Bach');
    expect(general.parsed.text).toContain(
      'We can supply this item on a condition: Use in the library only. Please tell us by Mon 30 Nov 2026 whether you accept it.',
    );
    const overdue = bySubject('Overdue: Flatterland');
    expect(overdue.parsed.text).toContain('The item we lent you was due back on Wed 25 Nov 2026.');

    const hold = bySubject('Ready for you: Cien años de soledad');
    expect(hold.rcptTo).toEqual(['jose.nunez@example.edu']);
    expect(hold.parsed.to).toMatchObject({ value: [{ name: 'José Núñez' }] });
    expect(hold.parsed.text).toContain('Dear José Núñez,');
    expect(hold.parsed.text).toContain('Pick it up at: Science Library Service Desk');
    expect(hold.parsed.html).toContain('Dear José Núñez,');
  });

  it('sends a letter as staff edited it', async () => {
    desk = await openLettersDesk();
    smtp = await startLoopbackSmtp();
    await useSmtp(desk, smtp);
    await call(desk.client, 'letters.save', {
      name: 'Lender Ship',
      template: {
        subject: 'On its way: {{title}}',
        text: 'Hello {{partnerName}}, {{requestId}} is due {{dueDate}}.',
        html: '',
      },
    });
    const row = await shipToVirginiaTech(desk);
    expect((await sendLetter(row, mailer(desk))).ok).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.parsed.subject).toBe('On its way: Cien años de soledad');
    expect(mail?.parsed.text?.trim()).toBe('Hello Virginia Tech, L-3001 is due Mon 18 Jan 2027.');
    expect(mail?.parsed.html).toBe(false);
  });

  it('logs in with the user and the password set through email.setPassword', async () => {
    desk = await openLettersDesk();
    smtp = await startLoopbackSmtp({ login: { user: 'desk', password: 'pässwörd-1' } });
    await useSmtp(desk, smtp, 'desk');
    const row = await shipToVirginiaTech(desk);
    const noPassword = await sendLetter(row, mailer(desk));
    expect(noPassword).toEqual({
      ok: false,
      retry: false,
      error:
        'The SMTP login desk has no password: set it in Settings → Letters and email, then retry.',
    });
    await call(desk.client, 'email.setPassword', { password: 'wrong' });
    const refused = await sendLetter(row, mailer(desk));
    expect(refused).toMatchObject({ ok: false, retry: false });
    expect(refused.ok ? '' : refused.error).toMatch(
      /^The mail server 127\.0\.0\.1:\d+ refused the login desk: check the user and password in Settings → Letters and email, then retry\./,
    );
    expect(JSON.stringify(refused)).not.toContain('wrong');

    await call(desk.client, 'email.setPassword', { password: 'pässwörd-1' });
    expect(await sendLetter(row, mailer(desk))).toMatchObject({ ok: true });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.user).toBe('desk');
  });
});

describe('through the outbox', () => {
  it('sends the letters a desk step queues, in order, and marks them sent', async () => {
    desk = await openLettersDesk({ sendMessages: true });
    smtp = await startLoopbackSmtp();
    await useSmtp(desk, smtp);
    await shipToVirginiaTech(desk);
    await call(desk.client, 'lending.checkIn', { requestId: 'L-3001' });
    const mail = await smtp.waitFor(2);
    expect(mail.map((m) => m.parsed.headers.get('x-rs-desk-letter'))).toEqual([
      'Lender Ship',
      'Lender Checked-In',
    ]);
    await until(
      () => desk?.messages().map((m) => m.state),
      (states) => states?.every((s) => s === 'SENT') ?? false,
      'the letters to be marked sent',
    );
  });
});

describe('when sending fails', () => {
  it('retries while the mail server is down, and says so', async () => {
    desk = await openLettersDesk();
    await useSmtp(desk, { port: await closedPort() });
    const row = await shipToVirginiaTech(desk);
    const outcome = await sendLetter(row, mailer(desk));
    expect(outcome).toMatchObject({ ok: false, retry: true });
    expect(outcome.ok ? '' : outcome.error).toMatch(
      /^The mail server 127\.0\.0\.1:\d+ could not be reached \(.*ECONNREFUSED.*\); the letter will be tried again\.$/,
    );
  });

  it('retries a 4xx reply and gives up on a 5xx one', async () => {
    desk = await openLettersDesk();
    smtp = await startLoopbackSmtp();
    await useSmtp(desk, smtp);
    const row = await shipToVirginiaTech(desk);
    smtp.refuseRecipients({ code: 451, text: 'Mailbox busy, try later' });
    const later = await sendLetter(row, mailer(desk));
    expect(later).toMatchObject({ ok: false, retry: true });
    expect(later.ok ? '' : later.error).toContain('asked RS Desk to try again later');
    expect(later.ok ? '' : later.error).toContain('Mailbox busy, try later');

    smtp.refuseRecipients({ code: 550, text: 'No such mailbox here' });
    const never = await sendLetter(row, mailer(desk));
    expect(never).toMatchObject({ ok: false, retry: false });
    expect(never.ok ? '' : never.error).toContain('No such mailbox here');
    expect(smtp.received).toHaveLength(0);
  });

  it('does not retry a letter to a partner without an email address, and sends it once one is set', async () => {
    desk = await openLettersDesk();
    smtp = await startLoopbackSmtp();
    await useSmtp(desk, smtp);
    desk.run("UPDATE partners SET email = NULL WHERE code = 'VTECH'");
    const row = await shipToVirginiaTech(desk);
    expect(await sendLetter(row, mailer(desk))).toEqual({
      ok: false,
      retry: false,
      error:
        "Virginia Tech has no email address, so the Lender Ship letter for L-3001 cannot be sent: set the partner's email address, then retry the message.",
    });
    desk.run("UPDATE partners SET email = 'borrowing@vt.example.edu' WHERE code = 'VTECH'");
    expect((await sendLetter(row, mailer(desk))).ok).toBe(true);
    expect((await smtp.waitFor(1))[0]?.rcptTo).toEqual(['borrowing@vt.example.edu']);
  });
});

describe('letters as .eml files', () => {
  it('writes each letter into outbox-mail when no SMTP server is set, named by message and letter', async () => {
    desk = await openLettersDesk();
    const row = await shipToVirginiaTech(desk);
    const outcome = await sendLetter(row, mailer(desk));
    const folder = join(desk.desk.dataDir, 'outbox-mail');
    const file = join(folder, `message-${row.id}-lender-ship.eml`);
    expect(outcome).toEqual({ ok: true, via: 'eml', where: file });
    // Sent again (a crash before it was marked sent): the same file, not a second letter.
    expect(await sendLetter(row, mailer(desk))).toEqual(outcome);
    expect(readdirSync(folder)).toEqual([`message-${row.id}-lender-ship.eml`]);

    const bytes = readFileSync(file);
    expect(bytes.toString('latin1')).toContain('\r\n');
    const parsed = await simpleParser(bytes);
    expect(parsed.subject).toBe('Shipped: Cien años de soledad (your request VT-501)');
    expect(parsed.to).toMatchObject({ value: [{ address: 'ill@vt.example.edu' }] });
    expect(parsed.text).toContain('Title: Cien años de soledad');
    expect(parsed.html).toContain('Cien años de soledad');
    expect(parsed.messageId).toMatch(
      new RegExp(`^<rs-desk\\.message-${row.id}\\.\\d+@localhost>$`),
    );
  });
});
