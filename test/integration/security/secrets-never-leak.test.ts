import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile, importJson } from '../../../electron/import/import-file.ts';
import { HIDDEN } from '../../../electron/messaging/secret-redaction.ts';
import { startDeskServer, type DeskServer } from '../../../electron/server/http-server.ts';
import type { DeskClient } from '../../../shared/api/client.ts';
import { METHODS, type Method } from '../../../shared/api/contract.ts';
import { call } from '../../helpers/borrowing-desk.ts';
import { deskWindows, type DeskWindows } from '../../helpers/desk-windows.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../helpers/loopback-smtp.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';
import {
  startCredentialCheckingPartner,
  type CredentialCheckingPartner,
} from './credential-checking-partner.ts';
import { startLoginEchoingSmtp, type LoginEchoingSmtp } from './login-echoing-smtp.ts';
import { NOT_READS, readInputs } from './read-sweep.ts';
import { ALBANY, BUFFALO, runSecretsSession, SECRETS, SMTP_USER } from './secrets-session.ts';
import { findLeaks, type Haystack } from './secret-search.ts';

/*
 * The desk's secrets never reach staff (DESIGN.md §10): not the SMTP password, not a partner's
 * ISO 18626 security code, not an operator's PIN or its hash, not browser mode's token. A
 * realistic session runs through the real HTTP server — ISO 18626 messages to partners that check
 * the credentials, messages in from partners that send theirs, letters through an SMTP server
 * that asks for a login, a login refused by a server that echoes it, partners that answer with an
 * ERROR or a page echoing the whole request — and then every read-type method of the contract is
 * called. Every answer, the event stream, the server's log and the files staff get (configuration
 * export, reports, .eml files) are searched for each secret in any form.
 */

const FIXTURE = join(import.meta.dirname, '../../fixtures/import/good.json');

let temp: TempDesk;
let server: DeskServer;
let windows: DeskWindows;
let partner: CredentialCheckingPartner;
let smtp: LoopbackSmtp;
let echoingSmtp: LoginEchoingSmtp;
let grace: DeskClient;
let pinHash = '';
const logs: string[] = [];
const events: string[] = [];
const haystacks: Haystack[] = [];
let closeEvents: () => void = () => undefined;

/** Everything the read sweep answered, by method, for the assertions below. */
const readAnswers = new Map<string, unknown[]>();

function sql<T>(query: string, ...params: unknown[]): T[] {
  return temp.desk.context.db.sqlite.prepare(query).all(...params) as T[];
}

/** The desk's event stream, as a browser tab holds it open, collected until the end. */
function followEvents(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          events.push(chunk);
          resolve();
        });
      },
    );
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
    closeEvents = () => req.destroy();
  });
}

/** Files under the data folder staff can open, other than the database and its copies. */
function deskFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return deskFiles(path);
    // The database and its backup copies hold the secrets at rest, as they must to be restored.
    return /\.sqlite(-wal|-shm|-journal)?$/.test(name) ? [] : [path];
  });
}

async function workbookText(base64: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(base64, 'base64')).buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
  );
  return cells.join('\n');
}

beforeAll(async () => {
  partner = await startCredentialCheckingPartner([
    { path: '/albany', ...ALBANY },
    { path: '/buffalo', ...BUFFALO },
  ]);
  smtp = await startLoopbackSmtp({ login: { user: SMTP_USER, password: SECRETS.smtpPassword } });
  echoingSmtp = await startLoginEchoingSmtp();
  temp = await openTempDesk({
    isoPort: 0,
    printer: null,
    messageBackoffMs: () => 50,
    messageTimeoutMs: 3_000,
    log: (line) => logs.push(line),
  });
  await importFile(temp.desk.context.gate, FIXTURE);
  await importJson(
    temp.desk.context.gate,
    {
      lendingRequests: [
        {
          requestId: 'L-2003',
          externalId: '000413',
          partner: 'VTECH',
          title: 'Another Book We Lack',
          status: 'Locate failed',
        },
      ],
    },
    { source: 'second-request.json' },
  );
  server = await startDeskServer({
    desk: temp.desk,
    port: 0,
    staticDir: join(tmpdir(), 'rs-desk-no-renderer'),
    onInternalError: (method, error) =>
      logs.push(
        `RS Desk: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  windows = deskWindows(server);
  for (const level of ['error', 'warn', 'info', 'log'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(' '));
    });
  }
  await followEvents();
  ({ grace, pinHash } = await runSecretsSession({
    desk: temp.desk,
    windows,
    partner,
    smtp,
    echoingSmtp,
  }));

  // The read sweep, as the Manager (who sees most).
  for (const [method, inputs] of Object.entries(readInputs(sql))) {
    const answers: unknown[] = [];
    for (const input of inputs) {
      const result = await grace.call(method as Method, input);
      expect(result.ok, `${method} ${JSON.stringify(input)}: ${JSON.stringify(result)}`).toBe(true);
      if (result.ok) answers.push(result.value);
    }
    readAnswers.set(method, answers);
  }

  // Files staff get: the configuration export, the reports, the .eml files.
  for (const format of ['xlsx', 'xml'] as const) {
    const report = await call(grace, 'lending.report', {
      selection: { requestIds: ['L-2001', 'L-2002', 'L-2003'] },
      format,
    });
    haystacks.push({
      where: `${format} report`,
      text:
        format === 'xlsx'
          ? await workbookText(report.content)
          : Buffer.from(report.content, 'base64').toString('utf8'),
    });
  }
  const exported = await call(grace, 'config.export', {});
  haystacks.push({ where: 'configuration export', text: exported.json });
  for (const file of deskFiles(temp.dataDir)) {
    haystacks.push({ where: `file ${file}`, text: readFileSync(file, 'utf8') });
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  closeEvents();
  haystacks.push(
    ...windows.bodies.map((text, i) => ({ where: `HTTP answer ${i + 1}`, text })),
    { where: 'event stream', text: events.join('') },
    ...logs.map((text, i) => ({ where: `server log line ${i + 1}`, text })),
  );
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  closeEvents();
  await server?.close();
  await temp?.dispose();
  await partner?.close();
  await smtp?.close();
  await echoingSmtp?.close();
});

describe('the session really handled the secrets', () => {
  it('sent partners their credentials and logged in to the mail server', () => {
    const checked = partner.exchanges.filter((e) => e.mode === 'check');
    expect(checked.map((e) => `${e.path} ${e.credentialsOk}`).sort()).toEqual([
      '/albany true',
      '/buffalo true',
      '/buffalo true',
    ]);
    expect(smtp.received.map((m) => m.user)).toEqual([SMTP_USER, SMTP_USER, SMTP_USER]);
  });

  it('met partners and a mail server that echo the secrets back', () => {
    const echoed = partner.exchanges
      .filter((e) => e.mode !== 'check')
      .map((e, i) => ({ where: `echo ${i + 1}`, text: e.answer }));
    expect(echoed.length).toBeGreaterThanOrEqual(3);
    const echoedSecrets = findLeaks(echoed, SECRETS).map((leak) => leak.secret);
    expect(new Set(echoedSecrets)).toEqual(new Set(['albanyCode', 'buffaloCode']));
    expect(echoingSmtp.replies.some((reply) => reply.includes(SECRETS.smtpPassword))).toBe(true);
  });

  it('journaled the partners’ messages, and refused the ones without their own credentials', () => {
    const received = sql<{ body: string }>(
      "SELECT body FROM partner_messages WHERE direction = 'IN'",
    );
    expect(received).toHaveLength(2);
    expect(logs.filter((line) => line.startsWith('ISO 18626: refused'))).toHaveLength(2);
  });

  it('found nothing it could not read: every read method answered', () => {
    expect(readAnswers.size).toBe(Object.keys(readInputs(sql)).length);
  });

  it('would see a secret if one were there: the export with security codes asked for has them', async () => {
    const withCodes = await call(grace, 'config.export', { includeSecurityCodes: true });
    const leaks = findLeaks([{ where: 'export with codes', text: withCodes.json }], SECRETS);
    expect(leaks.map((l) => l.secret).sort()).toEqual(['albanyCode', 'buffaloCode']);
  });
});

describe('no secret reaches staff', () => {
  it('calls every read-type method of the contract (or says why not)', () => {
    const reads = Object.keys(readInputs(sql));
    const unclassified = METHODS.filter((m) => !reads.includes(m) && NOT_READS[m] === undefined);
    expect(unclassified, 'new methods: add them to readInputs or NOT_READS').toEqual([]);
    expect(reads.filter((m) => NOT_READS[m as Method] !== undefined)).toEqual([]);
  });

  it('in no answer, event, log line or file, in any form', () => {
    const secrets = {
      ...SECRETS,
      pinHash,
      pinHashDigest: pinHash.split('$').at(-1) ?? '',
      token: server.token,
    };
    expect(pinHash).toMatch(/^scrypt\$/);
    expect(haystacks.length).toBeGreaterThan(100);
    expect(findLeaks(haystacks, secrets)).toEqual([]);
  });

  it('shows partners’ messages with the security code masked, in both directions and versions', () => {
    const details = (readAnswers.get('messages.detail') ?? []) as {
      message: { direction: string; channel: string; partnerCode: string | null };
      content: { type: string; xml?: string };
    }[];
    const xmlOf = (direction: string, partnerCode: string) =>
      details
        .filter(
          (d) =>
            d.message.direction === direction &&
            d.message.partnerCode === partnerCode &&
            d.content.type === 'xml',
        )
        .map((d) => d.content.xml ?? '');
    // Albany (1.2) both ways; Buffalo (2021) in, and out where the message has the header (its
    // ShippedReturn; a lender's Loaned has none in 2021 and goes with HTTP Basic only).
    const buffaloOut = xmlOf('OUT', 'SUNYBUF');
    const withHeader = buffaloOut.filter((xml) => xml.includes('<requestingAgencyAuthentication>'));
    for (const xml of [
      ...xmlOf('IN', 'SUNYALB'),
      ...xmlOf('OUT', 'SUNYALB'),
      ...xmlOf('IN', 'SUNYBUF'),
      ...withHeader,
    ]) {
      expect(xml).toContain(`<securityCode>${HIDDEN}</securityCode>`);
      expect(xml).toMatch(/<accountId>(alb|buf)-account<\/accountId>/);
    }
    expect(xmlOf('IN', 'SUNYALB')).toHaveLength(1);
    expect(xmlOf('IN', 'SUNYBUF')).toHaveLength(1);
    expect(xmlOf('OUT', 'SUNYALB').length).toBeGreaterThanOrEqual(2);
    expect(withHeader).toHaveLength(1);
    expect(buffaloOut.length).toBeGreaterThan(withHeader.length);
  });

  it('tells staff why an echoed message failed, with the secret masked', () => {
    const failed = sql<{ last_error: string }>(
      "SELECT last_error FROM partner_messages WHERE state = 'FAILED'",
    );
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const { last_error: error } of failed) expect(error).toContain(HIDDEN);
  });

  it('keeps the secrets at rest only where they belong', () => {
    const tables = sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    const rest: Haystack[] = tables.flatMap(({ name }) =>
      sql<Record<string, unknown>>(`SELECT * FROM "${name}"`).flatMap((row, i) =>
        Object.entries(row)
          .filter(([column, value]) => {
            if (typeof value !== 'string') return false;
            if (name === 'partners' && column === 'security_code') return false;
            if (name === 'operators' && column === 'pin_hash') return false;
            if (name === 'settings' && row.key === 'secret:smtpPassword') return false;
            // A partner's message is journaled as it came, its credentials with it.
            if (name === 'partner_messages' && column === 'body' && row.direction === 'IN')
              return false;
            return true;
          })
          .map(([column, value]) => ({ where: `${name}[${i}].${column}`, text: value as string })),
      ),
    );
    expect(findLeaks(rest, SECRETS)).toEqual([]);
  });
});
