import { expect } from 'vitest';
import type { Desk } from '../../../electron/app/desk.ts';
import {
  buildIsoMessage,
  parseConfirmation,
  type AgencyId,
} from '../../../electron/messaging/iso18626/index.ts';
import type { DeskClient } from '../../../shared/api/client.ts';
import type { PartnerConfig } from '../../../shared/api/contract-config.ts';
import type { Input } from '../../../shared/api/contract.ts';
import { call, refusal, until } from '../../helpers/borrowing-desk.ts';
import type { DeskWindows } from '../../helpers/desk-windows.ts';
import { basic, requesterMessage, supplierMessage } from '../../helpers/iso-inbound.ts';
import type { CredentialCheckingPartner } from './credential-checking-partner.ts';

/**
 * The session secrets-never-leak.test.ts runs before it searches what the desk showed: set up
 * through the API with distinctive secrets, then the desk's work, partners' messages in, and the
 * partners and a mail server that echo credentials back. Each step checks it did what it should,
 * so the search runs on a session that really handled the secrets.
 */

export const SECRETS = {
  smtpPassword: 'smtp-Pw-Q7xZr42k',
  albanyCode: 'alb-Code-8Kd3VwMp',
  buffaloCode: 'buf-Code-5Hn9TqLs',
  pin: '86420975',
} as const;
export const SMTP_USER = 'desk-mailer';
export const ALBANY = { accountId: 'alb-account', securityCode: SECRETS.albanyCode } as const;
export const BUFFALO = { accountId: 'buf-account', securityCode: SECRETS.buffaloCode } as const;
const US: AgencyId = { agencyIdType: 'ISIL', agencyIdValue: 'US-XRSD' };
const NAM: AgencyId = { agencyIdType: 'ISIL', agencyIdValue: 'NAM' };
const BUF: AgencyId = { agencyIdType: 'ISIL', agencyIdValue: 'BUF' };

/** What the session runs against: the desk (good.json and L-2003 imported), over HTTP. */
export interface SessionWorld {
  readonly desk: Desk;
  readonly windows: DeskWindows;
  readonly partner: CredentialCheckingPartner;
  /** Asks for the login SMTP_USER / SECRETS.smtpPassword. */
  readonly smtp: { readonly port: number };
  /** Refuses every login, echoing it. */
  readonly echoingSmtp: { readonly port: number };
}

export interface SessionPeople {
  readonly grace: DeskClient;
  readonly ada: DeskClient;
  readonly pinHash: string;
}

/** Posts a message to the desk's ISO 18626 listener as a partner would. */
async function postToDesk(
  world: SessionWorld,
  xml: string,
  authorization?: string,
): Promise<string> {
  const url = world.desk.isoListener.url();
  if (url === null) throw new Error('The ISO 18626 listener is not running.');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/xml',
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: xml,
  });
  const parsed = parseConfirmation(await response.text());
  if (!parsed.ok) return `no confirmation (HTTP ${response.status})`;
  const { confirmationHeader, errorData } = parsed.message;
  return confirmationHeader.messageStatus === 'OK' ? 'OK' : `ERROR ${errorData?.errorValue ?? ''}`;
}

/** The partner record as Settings → Partners saves it, with its endpoint and credentials. */
function partnerInput(
  config: PartnerConfig,
  change: { endpoint: string; accountId: string; securityCode: string },
): Input<'partners.save'> {
  return {
    editing: config.code,
    code: config.code,
    name: config.name,
    symbol: config.symbol,
    protocol: config.protocol,
    email: config.email,
    isoVersion: config.isoVersion,
    address: config.address,
    lendingWorkflow: config.lendingWorkflow,
    borrowingWorkflow: config.borrowingWorkflow,
    expiryDays: config.expiryDays,
    loanPeriodDays: config.loanPeriodDays,
    active: config.active,
    ...change,
  };
}

async function useSmtp(grace: DeskClient, port: number, host = '127.0.0.1'): Promise<void> {
  await call(grace, 'settings.update', {
    key: 'email',
    value: {
      fromAddress: 'ill@desk.example.edu',
      fromName: '',
      host,
      port,
      security: 'NONE',
      user: SMTP_USER,
    },
  });
}

async function messageRows(client: DeskClient) {
  return (await call(client, 'messages.list', { limit: 200 })).rows;
}

/**
 * The desk's session, step by step as staff and partners would go through it; answers the
 * Manager's and the Operator's windows and the hash the Manager's PIN was stored as.
 */
export async function runSecretsSession(world: SessionWorld): Promise<SessionPeople> {
  const { windows, partner, smtp, echoingSmtp } = world;
  const sql = <T>(query: string): T[] => world.desk.context.db.sqlite.prepare(query).all() as T[];
  // Setup, in the first window: the Manager (with a PIN), an Operator, partners' credentials.
  const grace = windows.window('grace-window');
  await call(grace, 'operators.save', { name: 'Grace Hopper', role: 'MANAGER', pin: SECRETS.pin });
  const pinHash =
    sql<{ pin_hash: string }>("SELECT pin_hash FROM operators WHERE name = 'Grace Hopper'")[0]
      ?.pin_hash ?? '';
  const adaId = (await call(grace, 'operators.save', { name: 'Ada Lovelace', role: 'OPERATOR' }))
    .operator.id;
  const ada = windows.window('ada-window');
  await call(ada, 'session.signIn', { operatorId: adaId });
  const stranger = windows.window('stranger-window');
  const graceId = (await call(stranger, 'operators.roster', {})).operators.find(
    (o) => o.name === 'Grace Hopper',
  )?.id;
  expect(
    (await refusal(stranger, 'session.signIn', { operatorId: graceId ?? 0, pin: '1234' })).code,
  ).toBe('UNAUTHORIZED');

  const iso = (await call(grace, 'settings.get', {})).iso18626;
  await call(grace, 'settings.update', {
    key: 'iso18626',
    value: { ...iso, agencyIdValue: 'US-XRSD' },
  });
  const configs = await call(grace, 'partners.config', {});
  const config = (code: string) => {
    const found = configs.find((p) => p.code === code);
    if (!found) throw new Error(`No partner ${code}`);
    return found;
  };
  await call(
    grace,
    'partners.save',
    partnerInput(config('SUNYALB'), { endpoint: partner.url('/albany'), ...ALBANY }),
  );
  await call(
    grace,
    'partners.save',
    partnerInput(config('SUNYBUF'), { endpoint: partner.url('/buffalo'), ...BUFFALO }),
  );
  // Inputs refused with a secret in them: the refusal says what is wrong without repeating it.
  const refusedInputs = [
    await refusal(grace, 'email.setPassword', {
      password: `${SECRETS.smtpPassword}${'x'.repeat(500)}`,
    }),
    await refusal(grace, 'operators.save', {
      name: 'Grace Hopper',
      role: 'MANAGER',
      pin: `${SECRETS.pin}0`,
    }),
    await refusal(
      grace,
      'partners.save',
      partnerInput(config('SUNYBUF'), {
        endpoint: partner.url('/buffalo'),
        accountId: BUFFALO.accountId,
        securityCode: `${SECRETS.buffaloCode}${'y'.repeat(200)}`,
      }),
    ),
  ];
  expect(refusedInputs.map((r) => r.code)).toEqual([
    'INVALID_INPUT',
    'INVALID_INPUT',
    'INVALID_INPUT',
  ]);
  await useSmtp(grace, smtp.port);
  await call(grace, 'email.setPassword', { password: SECRETS.smtpPassword });
  await call(grace, 'email.test', { to: 'ill@desk.example.edu' });

  // The desk's work: an ISO 1.2 Received to Albany, a 2021 Loaned to Buffalo, letters by SMTP.
  await call(ada, 'receiving.receive', {
    requestId: 'B-1001',
    tempBarcode: 'T-0001',
    notifyPatron: true,
  });
  await call(ada, 'shipping.ship', {
    requestId: 'L-2001',
    itemBarcode: '31234000123456',
    dueDate: '2027-01-18',
  });
  await call(ada, 'lending.reject', { requestId: 'L-2002', reason: 'NotHeld' });
  // A 2021 ShippedReturn to Buffalo: a borrower's message, so its header carries the code too.
  await call(ada, 'returning.return', { requestId: 'B-1002' });
  await partner.waitFor(3);
  await until(
    () => messageRows(ada),
    (rows) => rows.every((m) => m.state === 'SENT'),
    'every message sent',
  );

  // Partners write to the desk with their credentials: Albany (1.2) in the header, Buffalo (2021)
  // in the header and as HTTP Basic; then one with another partner's code, one with none.
  expect(
    await postToDesk(
      world,
      buildIsoMessage(
        supplierMessage('ExpectToSupply', { from: NAM, to: US, ours: 'B-1003', auth: ALBANY }),
        '1.2',
      ),
    ),
  ).toBe('OK');
  expect(
    await postToDesk(
      world,
      buildIsoMessage(
        requesterMessage('Received', {
          from: BUF,
          to: US,
          theirs: '33100042',
          ours: 'L-2001',
          auth: BUFFALO,
        }),
        '2021',
      ),
      basic(BUFFALO.accountId, BUFFALO.securityCode),
    ),
  ).toBe('OK');
  expect(
    await postToDesk(
      world,
      buildIsoMessage(
        requesterMessage('Received', { from: BUF, to: US, theirs: '33100042', auth: ALBANY }),
        '2021',
      ),
    ),
  ).toMatch(/^ERROR /);
  expect(
    await postToDesk(
      world,
      buildIsoMessage(
        supplierMessage('Loaned', { from: NAM, to: US, ours: 'B-1003', auth: null }),
        '1.2',
      ),
    ),
  ).toMatch(/^ERROR /);

  // Careless partners: Albany answers a page echoing the request, then an ERROR echoing it;
  // Buffalo an ERROR echoing it at once.
  partner.answerWith((n) => (n === 4 ? 'echo-page' : 'echo-error'));
  await call(ada, 'returning.return', { requestId: 'B-1001' });
  await call(ada, 'lending.renew', { requestId: 'L-2001', dueDate: '2027-02-18' });
  await until(
    () => messageRows(ada),
    (rows) => rows.filter((m) => m.channel === 'iso18626' && m.state === 'FAILED').length >= 2,
    'both echoed messages to fail',
  );

  // A mail server that echoes the login it refuses: a test message and a letter.
  await useSmtp(grace, echoingSmtp.port);
  expect((await refusal(grace, 'email.test', { to: 'ill@desk.example.edu' })).code).toBe(
    'UNAVAILABLE',
  );
  await call(ada, 'lending.reject', { requestId: 'L-2003', reason: 'NotHeld' });
  await until(
    () => messageRows(ada),
    (rows) => rows.some((m) => m.channel === 'email' && m.state === 'FAILED'),
    'the letter to fail',
  );

  // No mail server: letters and the test message become .eml files in the data folder.
  await useSmtp(grace, 587, '');
  await call(grace, 'email.test', { to: 'ill@desk.example.edu' });
  const failedLetter = (await messageRows(ada)).find(
    (m) => m.channel === 'email' && m.state === 'FAILED',
  );
  await call(ada, 'messages.retry', { id: failedLetter?.id ?? 0 });
  await until(
    () => messageRows(ada),
    (rows) => !rows.some((m) => m.channel === 'email' && m.state !== 'SENT'),
    'the letter as a file',
  );
  return { grace, ada, pinHash };
}
