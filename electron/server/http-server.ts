import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type Session } from '../../shared/api/dispatch.ts';
import type { ErrorCode, Result } from '../../shared/api/result.ts';
import { fail } from '../../shared/api/result.ts';
import type { Desk } from '../app/desk.ts';
import { SECURITY_HEADERS, hostAllowed, originAllowed, tokenMatches } from './http-security.ts';
import { NOT_BUILT_PAGE, readStatic } from './static-files.ts';

export interface ServerOptions {
  readonly desk: Desk;
  /** 0 picks a free port. */
  readonly port?: number;
  /** The built renderer (out/renderer). */
  readonly staticDir: string;
  /** Fixed token (tests); a fresh random one per launch otherwise. */
  readonly token?: string;
  readonly maxBodyBytes?: number;
  readonly onInternalError?: (method: string, error: unknown) => void;
}

export interface DeskServer {
  /** Opens the desk, token included. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  WRONG_KIND: 409,
  WRONG_STATUS: 409,
  CONFLICT: 409,
  ALREADY_DONE: 409,
  NOT_IN_PROFILE: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

function sendJson(res: ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : STATUS_OF[result.error.code];
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(result));
}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit keep reading but drop the bytes, so the caller still gets its answer.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the desk's services behind a loopback HTTP server. `POST /api/<method>` carries a
 * JSON input and answers the Result envelope; `GET /api/events` is a server-sent event stream; every
 * other GET serves the built renderer.
 */
export async function startDeskServer(options: ServerOptions): Promise<DeskServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const sessions = new Map<string, Session>();
  const streams = new Set<ServerResponse>();
  let port = 0;

  function sessionFor(req: IncomingMessage): Session {
    const header = req.headers['x-rs-desk-session'];
    const id = typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : 'default';
    let session = sessions.get(id);
    if (!session) {
      if (sessions.size > 1000) sessions.clear();
      session = { id, transport: 'http', operatorId: null };
      sessions.set(id, session);
    }
    return session;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET')
        return sendJson(res, fail('INVALID_INPUT', 'Use GET for /api/events.'));
      if (!tokenMatches(url.searchParams.get('token'), token)) {
        return sendJson(
          res,
          fail(
            'UNAUTHORIZED',
            'This desk link has no valid token; open the link RS Desk printed when it started.',
          ),
        );
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const header = req.headers['x-rs-desk-token'];
    if (!tokenMatches(typeof header === 'string' ? header : undefined, token)) {
      return sendJson(
        res,
        fail(
          'UNAUTHORIZED',
          'This call has no valid desk token; open the link RS Desk printed when it started.',
        ),
      );
    }
    if (req.method !== 'POST') {
      return sendJson(res, fail('INVALID_INPUT', `Use POST for ${url.pathname}.`));
    }
    if (!req.headers['content-type']?.startsWith('application/json')) {
      return sendJson(
        res,
        fail('INVALID_INPUT', 'Send the call as JSON (Content-Type: application/json).'),
      );
    }
    const body = await readBody(req, maxBody);
    if (body === undefined) {
      return sendJson(
        res,
        fail('INVALID_INPUT', `The call is larger than ${maxBody} bytes; send less at a time.`),
      );
    }
    let input: unknown = {};
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body);
      } catch {
        return sendJson(res, fail('INVALID_INPUT', 'The call body is not valid JSON.'));
      }
    }
    let method: string;
    try {
      method = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      // A stray % in the address: no method has such a name.
      return sendJson(
        res,
        fail(
          'UNKNOWN_METHOD',
          'The method in the address is not valid; call /api/<method>, such as /api/desk.info.',
        ),
      );
    }
    const result = await dispatch(options.desk.handlers, method, input, sessionFor(req), {
      ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
    });
    sendJson(res, result);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) {
      res.writeHead(421, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('RS Desk answers only at 127.0.0.1 or localhost.');
      return;
    }
    if (!originAllowed(req, port)) {
      return sendJson(res, fail('FORBIDDEN', 'Calls from other web sites are refused.'));
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const file = await readStatic(options.staticDir, url.pathname);
    if (!file) {
      const notBuilt = url.pathname === '/';
      res.writeHead(notBuilt ? 503 : 404, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
      });
      res.end(notBuilt ? NOT_BUILT_PAGE : 'Not found');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Cache-Control': url.pathname.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onInternalError?.('http', error);
      if (!res.headersSent)
        sendJson(res, fail('INTERNAL', 'RS Desk could not answer that request; try again.'));
      else res.end();
    });
  });

  const unsubscribe = options.desk.events.onAny((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribe();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
