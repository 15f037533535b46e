import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildConfirmation,
  confirmationFor,
  parseIsoMessage,
  type IsoAgencyMessage,
  type IsoErrorType,
  type IsoVersion,
} from '../../electron/messaging/iso18626/index.ts';

/**
 * A partner library's ISO 18626 endpoint on loopback, for the outbox's tests: it reads each POST
 * with the real parser, records it, and answers the way the test says: an OK or ERROR
 * confirmation built with the real builder, an HTTP error, garbage, or nothing at all (hanging
 * until released). It can go down (connections refused) and come back on the same port.
 */

export interface ReceivedIso {
  readonly contentType: string | undefined;
  readonly xml: string;
  /** The action or status it carried (Received, Loaned, …), or Request. */
  readonly kind: string;
  /** The header's requestingAgencyRequestId. */
  readonly requestingAgencyRequestId: string;
  /** The header's supplyingAgencyRequestId, when it has one. */
  readonly supplyingAgencyRequestId: string | undefined;
  /** The header's timestamp: when the sender made the message, the same on every repeat. */
  readonly timestamp: string;
}

/** A message that arrived more than once, byte for byte: what at-least-once delivery allows. */
export interface RepeatedIso {
  readonly message: ReceivedIso;
  /** How many times it arrived (2 or more). */
  readonly times: number;
}

export type PartnerAnswer =
  | { readonly type: 'ok' }
  | { readonly type: 'error'; readonly errorType: IsoErrorType; readonly errorValue: string }
  | { readonly type: 'http'; readonly status: number; readonly body?: string }
  /** A 200 answer with this body as it is (a reply that is no confirmation). */
  | { readonly type: 'raw'; readonly body: string }
  /** No answer until `release()`. */
  | { readonly type: 'hang' };

export interface LoopbackIsoPartner {
  /** The endpoint to set on the partner record. */
  readonly url: string;
  /** Every message POSTed so far, in the order they arrived. */
  received(): readonly ReceivedIso[];
  /** The messages that arrived more than once with the very same XML, in order of first arrival. */
  repeats(): readonly RepeatedIso[];
  /** How the partner answers from now on (OK until told otherwise). */
  answerWith(answer: (message: ReceivedIso) => PartnerAnswer): void;
  /** Waits until `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<readonly ReceivedIso[]>;
  /** Answers every hanging request with an OK confirmation. */
  release(): void;
  /** Stops listening: the desk's connections are refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

function kindOf(message: IsoAgencyMessage): string {
  switch (message.kind) {
    case 'request':
      return 'Request';
    case 'requestingAgencyMessage':
      return message.action;
    case 'supplyingAgencyMessage':
      return message.statusInfo.status;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLoopbackIsoPartner(): Promise<LoopbackIsoPartner> {
  const received: ReceivedIso[] = [];
  const hanging: (() => void)[] = [];
  let answer: (message: ReceivedIso) => PartnerAnswer = () => ({ type: 'ok' });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const xml = await readBody(request);
    const parsed = parseIsoMessage(xml);
    if (!parsed.ok) {
      response.writeHead(400, { 'Content-Type': 'text/plain' });
      response.end(`Not an ISO 18626 message: ${parsed.errorValue}`);
      return;
    }
    const message: ReceivedIso = {
      contentType: request.headers['content-type'],
      xml,
      kind: kindOf(parsed.message),
      requestingAgencyRequestId: parsed.message.header.requestingAgencyRequestId,
      supplyingAgencyRequestId:
        'supplyingAgencyRequestId' in parsed.message.header
          ? parsed.message.header.supplyingAgencyRequestId
          : undefined,
      timestamp: parsed.message.header.timestamp,
    };
    received.push(message);
    const version: IsoVersion = parsed.version === '2021' ? '2021' : '1.2';
    const confirm = (error: { errorType: IsoErrorType; errorValue: string } | null) => {
      const now = new Date();
      const confirmation = confirmationFor(parsed.message, error, {
        timestamp: now,
        timestampReceived: now,
      });
      response.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' });
      response.end(buildConfirmation(confirmation, version));
    };
    const reply = answer(message);
    switch (reply.type) {
      case 'ok':
        return confirm(null);
      case 'error':
        return confirm({ errorType: reply.errorType, errorValue: reply.errorValue });
      case 'http':
        response.writeHead(reply.status, { 'Content-Type': 'text/plain' });
        response.end(reply.body ?? '');
        return;
      case 'raw':
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end(reply.body);
        return;
      case 'hang':
        hanging.push(() => confirm(null));
        return;
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  const listen = (port: number) =>
    new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/iso18626`,
    received: () => [...received],
    repeats() {
      const byXml = new Map<string, { message: ReceivedIso; times: number }>();
      for (const message of received) {
        const seen = byXml.get(message.xml);
        if (seen) seen.times += 1;
        else byXml.set(message.xml, { message, times: 1 });
      }
      return [...byXml.values()].filter((r) => r.times > 1);
    },
    answerWith(next) {
      answer = next;
    },
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`The partner got ${received.length} messages, not ${count}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return [...received];
    },
    release() {
      for (const answerNow of hanging.splice(0)) answerNow();
    },
    down: stop,
    up: () => listen(port),
    close: stop,
  };
}
