import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildConfirmation,
  confirmationFor,
  parseIsoMessage,
  type IsoVersion,
} from '../../../electron/messaging/iso18626/index.ts';

/**
 * Partner libraries' ISO 18626 endpoints on loopback that check the desk's credentials the way a
 * careful partner does: HTTP Basic `accountId:securityCode` on every message and, where the
 * message has one, the requestingAgencyAuthentication header, both against the account it gave the
 * desk. It answers OK or ERROR with real confirmations — or, told to, as a careless partner does:
 * an ERROR or a page that echoes back the whole request, credentials and all.
 */

export interface PartnerAccount {
  /** The endpoint's path, e.g. /albany. */
  readonly path: string;
  readonly accountId: string;
  readonly securityCode: string;
}

/** How the partner answers: check the credentials, or echo the request in an ERROR or a page. */
export type AnswerMode = 'check' | 'echo-error' | 'echo-page';

export interface PartnerExchange {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly xml: string;
  /** Basic and (where present) the XML header both carried this account's credentials. */
  readonly credentialsOk: boolean;
  readonly mode: AnswerMode;
  /** What the partner sent back. */
  readonly answer: string;
}

export interface CredentialCheckingPartner {
  url(path: string): string;
  readonly exchanges: PartnerExchange[];
  /** How the next messages are answered. */
  answerWith(mode: (exchangeNumber: number) => AnswerMode): void;
  waitFor(count: number, timeoutMs?: number): Promise<PartnerExchange[]>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startCredentialCheckingPartner(
  accounts: readonly PartnerAccount[],
): Promise<CredentialCheckingPartner> {
  const exchanges: PartnerExchange[] = [];
  let modeOf: (exchangeNumber: number) => AnswerMode = () => 'check';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '';
    const xml = await readBody(request);
    const account = accounts.find((a) => a.path === path);
    const parsed = parseIsoMessage(xml);
    if (!account || !parsed.ok) {
      response.writeHead(account ? 400 : 404, { 'Content-Type': 'text/plain' });
      response.end(account ? 'Not an ISO 18626 message.' : 'No such endpoint.');
      return;
    }
    const authorization = request.headers.authorization;
    const basic = `Basic ${Buffer.from(`${account.accountId}:${account.securityCode}`).toString('base64')}`;
    const inXml = parsed.message.header.requestingAgencyAuthentication;
    const credentialsOk =
      authorization === basic &&
      (inXml === undefined ||
        (inXml.accountId === account.accountId && inXml.securityCode === account.securityCode));
    const mode = modeOf(exchanges.length + 1);
    const version: IsoVersion = parsed.version === '2021' ? '2021' : '1.2';
    const confirm = (error: { errorValue: string } | null) => {
      const now = new Date();
      return buildConfirmation(
        confirmationFor(
          parsed.message,
          error && { errorType: 'UnrecognisedDataValue', errorValue: error.errorValue },
          { timestamp: now, timestampReceived: now },
        ),
        version,
      );
    };
    const echo = `${xml}\nAuthorization: ${authorization ?? '(none)'}`;
    let answer: string;
    let type = 'application/xml; charset=utf-8';
    if (mode === 'echo-error') answer = confirm({ errorValue: `We could not take this: ${echo}` });
    else if (mode === 'echo-page') {
      answer = `<html><body><h1>Bad request</h1><pre>${echo}</pre></body></html>`;
      type = 'text/html';
    } else {
      answer = confirm(
        credentialsOk ? null : { errorValue: 'The accountId or securityCode is wrong.' },
      );
    }
    exchanges.push({ path, authorization, xml, credentialsOk, mode, answer });
    response.writeHead(200, { 'Content-Type': type });
    response.end(answer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    exchanges,
    answerWith(mode) {
      modeOf = mode;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (exchanges.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`The partners got ${exchanges.length} messages, not ${count}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return exchanges;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
