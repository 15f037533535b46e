import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverMail } from '../../../electron/messaging/email/mail-transport.ts';
import { createIsoTransport } from '../../../electron/messaging/outbox/iso-transport.ts';
import { HIDDEN } from '../../../electron/messaging/secret-redaction.ts';
import { importFile } from '../../../electron/import/import-file.ts';
import { getMessages } from '../../../db/repositories/partner-messages-repository.ts';
import { setSetting } from '../../../db/repositories/settings-repository.ts';
import { partners } from '../../../db/schema.ts';
import { emailSettings } from '../../../shared/settings/email-settings.ts';
import { iso18626Settings } from '../../../shared/settings/iso18626-settings.ts';
import { call } from '../../helpers/borrowing-desk.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';
import {
  startCredentialCheckingPartner,
  type CredentialCheckingPartner,
} from './credential-checking-partner.ts';
import { startLoginEchoingSmtp, type LoginEchoingSmtp } from './login-echoing-smtp.ts';
import { findLeaks } from './secret-search.ts';

/*
 * A partner or mail server that answers a refusal by echoing what the desk sent — the message
 * with its security code, the Authorization header, the SMTP login — does not get the desk's
 * secrets shown to staff: the failure reason the outbox stores (and Partner Messages shows) and the
 * alert on the request keep saying what went wrong, with the secret masked.
 */

const CODE = 'alb-Code-8Kd3VwMp';
const PASSWORD = 'smtp-Pw-Q7xZr42k';

let temp: TempDesk | undefined;
let partner: CredentialCheckingPartner | undefined;
let smtp: LoginEchoingSmtp | undefined;
afterEach(async () => {
  await temp?.dispose();
  await partner?.close();
  await smtp?.close();
  temp = partner = smtp = undefined;
});

describe('an ISO 18626 partner that echoes the refused request', () => {
  it.each([
    ['an ERROR confirmation quoting it', 'echo-error'],
    ['a web page quoting it (which the desk never repeats)', 'echo-page'],
  ] as const)('keeps the security code out of the failure reason for %s', async (_what, mode) => {
    partner = await startCredentialCheckingPartner([
      { path: '/albany', accountId: 'alb-account', securityCode: CODE },
    ]);
    partner.answerWith(() => mode);
    temp = await openTempDesk({ sendMessages: false, printer: null });
    const desk = temp.desk;
    await importFile(
      desk.context.gate,
      join(import.meta.dirname, '../../fixtures/import/good.json'),
    );
    await desk.context.gate.transaction(async (tx) => {
      tx.update(partners)
        .set({
          endpoint: partner?.url('/albany') ?? null,
          accountId: 'alb-account',
          securityCode: CODE,
        })
        .where(eq(partners.code, 'SUNYALB'))
        .run();
      await setSetting(tx, 'iso18626', iso18626Settings.parse({ agencyIdValue: 'US-XRSD' }));
    });
    const client = createInProcessClient(desk.handlers, () => () => undefined, {
      id: 'test-window',
      transport: 'in-process',
      operatorId: null,
    });
    await call(client, 'receiving.receive', {
      requestId: 'B-1001',
      tempBarcode: 'T-1',
      notifyPatron: false,
    });
    const [message] = await desk.context.gate.read((db) => getMessages(db, [1]));
    if (!message) throw new Error('No message was queued.');

    const delivery = await createIsoTransport({ gate: desk.context.gate, timeoutMs: 3_000 })(
      message,
      new AbortController().signal,
    );

    const [exchange] = partner.exchanges;
    expect(findLeaks([{ where: 'the echo', text: exchange?.answer ?? '' }], { CODE })).not.toEqual(
      [],
    );
    expect(delivery.outcome).toBe(mode === 'echo-error' ? 'failed' : 'retry');
    if (delivery.outcome === 'sent') return;
    const shown = [delivery.error, delivery.outcome === 'failed' ? (delivery.alert ?? '') : ''];
    expect(
      findLeaks(
        shown.map((text, i) => ({ where: `text ${i}`, text })),
        { CODE },
      ),
    ).toEqual([]);
    if (mode === 'echo-error') {
      expect(delivery.error).toMatch(/^UnrecognisedDataValue: We could not take this: /);
      expect(delivery.error).toContain(`<securityCode>${HIDDEN}</securityCode>`);
      expect(delivery.error).toContain(`Authorization: Basic ${HIDDEN}`);
    }
  });
});

describe('a mail server that echoes the login it refuses', () => {
  it('says the login was refused and to check it, without the password', async () => {
    smtp = await startLoginEchoingSmtp();
    const outcome = await deliverMail(
      {
        message: { from: 'ill@desk.example.edu', to: 'ada@example.edu', subject: 'Hi', text: 'Hi' },
        fileName: 'unused.eml',
      },
      {
        email: emailSettings.parse({
          fromAddress: 'ill@desk.example.edu',
          host: '127.0.0.1',
          port: smtp.port,
          security: 'NONE',
          user: 'desk-mailer',
        }),
        password: PASSWORD,
        dataDir: '/nonexistent',
        timeoutMs: 3_000,
      },
    );
    expect(smtp.replies.some((reply) => reply.includes(PASSWORD))).toBe(true);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.retry).toBe(false);
    expect(outcome.error).toMatch(
      /^The mail server 127\.0\.0\.1:\d+ refused the login desk-mailer: check the user and password in Settings → Letters and email, then retry\./,
    );
    expect(outcome.error).toContain(`with password ${HIDDEN} (AUTH PLAIN ${HIDDEN})`);
    expect(findLeaks([{ where: 'the reason', text: outcome.error }], { PASSWORD })).toEqual([]);
  });
});
