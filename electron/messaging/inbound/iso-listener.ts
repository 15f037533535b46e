import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The ISO 18626 listener's HTTP side: POST /iso18626 on its own port, XML only, a size limit.
 * It knows nothing of the desk: each message body goes to `receive`, and each envelope it refuses
 * (wrong content type, too large) to `refuse`, which both answer with an ISO 18626 confirmation, so
 * a partner's system always gets one it can read where the protocol allows.
 */

export const ISO_PATH = '/iso18626';

/** Why the listener refused a message before reading it as XML. */
export type EnvelopeProblem = 'NOT_XML_CONTENT_TYPE' | 'TOO_LARGE';

/** Who sent a message, as far as HTTP tells. */
export interface SenderInfo {
  /** The remote address, for the server log. */
  readonly from: string;
  /** The Authorization header, if any: 2021 supplying agency messages carry no credentials. */
  readonly authorization: string | undefined;
}

/** What to send back: the HTTP status and the confirmation XML. */
export interface IsoAnswer {
  readonly status: number;
  readonly xml: string;
}

export interface IsoListenerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly maxBodyBytes: number;
  /** Answers one message (the body as text). Never throws: a failure is an ERROR confirmation. */
  readonly receive: (body: string, sender: SenderInfo) => Promise<IsoAnswer>;
  /** Answers a refused envelope; `head` is the start of the body, if any was read. */
  readonly refuse: (problem: EnvelopeProblem, head: string, sender: SenderInfo) => IsoAnswer;
}

export interface IsoListener {
  /** Where partners send messages, e.g. http://127.0.0.1:9018/iso18626. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A body past this many times the limit, and past DRAIN_AT_LEAST bytes, is not drained to its end:
 * the connection is cut, and the sender gets a reset instead of an answer. Below that it is read
 * and thrown away, so a partner that sent something merely too large (a 10 MB message to a 1 MB
 * limit) reads a 413 and an ERROR confirmation saying so; draining it costs next to nothing.
 */
const DRAIN_FACTOR = 4;
const DRAIN_AT_LEAST = 64 * 1024 * 1024;
/** How much of an oversized body is kept to see which message it was. */
const HEAD_BYTES = 4096;

const XML_TYPE = /^(application|text)\/([\w.+-]+\+)?xml\s*(;|$)/i;

function send(res: ServerResponse, answer: IsoAnswer): void {
  res.writeHead(answer.status, {
    'Content-Type': 'application/xml; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(answer.xml);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(`${text}\n`);
}

type Body =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly head: string };

/**
 * Reads the body up to `limit` bytes. A longer one is drained (so the sender gets to read the
 * answer rather than a reset connection) keeping only its head; one far past the limit is cut off.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Body | null> {
  const cutOff = Math.max(limit * DRAIN_FACTOR, DRAIN_AT_LEAST);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > cutOff) {
        req.destroy();
        resolve(null);
      }
    });
    req.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(
        size > limit
          ? { ok: false, head: all.subarray(0, HEAD_BYTES).toString('utf8') }
          : { ok: true, text: all.toString('utf8') },
      );
    });
    req.on('error', reject);
  });
}

function hostForUrl(host: string): string {
  // A wildcard address is not one to send to; on this machine the loopback reaches it.
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the listener; resolves once it is listening (rejects if the port is taken). */
export async function startIsoListener(options: IsoListenerOptions): Promise<IsoListener> {
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'The message could not be handled.');
      else res.destroy();
    });
  });
  // A partner that opens a connection and stalls does not hold it for ever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== ISO_PATH) {
      return sendText(res, 404, `Not found. ISO 18626 messages go to POST ${ISO_PATH}.`);
    }
    if (req.method !== 'POST') {
      return sendText(res, 405, `Send ISO 18626 messages with POST to ${ISO_PATH}.`, {
        Allow: 'POST',
      });
    }
    const sender: SenderInfo = {
      from: req.socket.remoteAddress ?? 'an unknown address',
      authorization: req.headers.authorization,
    };
    if (!XML_TYPE.test(req.headers['content-type'] ?? '')) {
      req.resume();
      return send(res, options.refuse('NOT_XML_CONTENT_TYPE', '', sender));
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body === null) return; // cut off: far too large to be a message
    if (!body.ok) return send(res, options.refuse('TOO_LARGE', body.head, sender));
    send(res, await options.receive(body.text, sender));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostForUrl(options.host)}:${port}${ISO_PATH}`,
    host: options.host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
