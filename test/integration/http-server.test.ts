import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskServer } from '../../electron/server/http-server.ts';
import { exchange, type ExchangeInit, type Reply } from '../helpers/raw-http.ts';
import { openTempDesk, serveTempDesk, type TempDesk } from '../helpers/temp-desk.ts';

let temp: TempDesk;
let server: DeskServer;

beforeAll(async () => {
  temp = await openTempDesk();
  server = await serveTempDesk(temp.desk);
});
afterAll(async () => {
  await server.close();
  await temp.dispose();
});

interface Envelope {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

function envelope(reply: Reply): Envelope {
  return JSON.parse(reply.body) as Envelope;
}

/** The API's calls are POSTs; the few GETs say so. */
function call(path: string, init: ExchangeInit = {}): Promise<Reply> {
  return exchange(server, path, { method: 'POST', ...init });
}

const json = { 'Content-Type': 'application/json' };

describe('browser-mode server security', () => {
  it('prints a desk URL on 127.0.0.1 that carries the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers a call with the right token', async () => {
    const reply = await call('/api/desk.info', {
      headers: { ...json, 'X-RS-Desk-Token': server.token },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(envelope(reply)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('refuses a call with no token and says how to get one', async () => {
    const reply = await call('/api/desk.info', { headers: json, body: '{}' });
    expect(reply.status).toBe(401);
    const { ok, error } = envelope(reply);
    expect(ok).toBe(false);
    expect(error?.code).toBe('UNAUTHORIZED');
    expect(error?.message).toContain('link RS Desk printed');
  });

  it('refuses a wrong token', async () => {
    const reply = await call('/api/desk.info', {
      headers: { ...json, 'X-RS-Desk-Token': `${server.token}x` },
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await call('/api/desk.info', {
      headers: { ...json, 'X-RS-Desk-Token': server.token, Host: `evil.example:${server.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(421);
    expect(reply.body).toContain('127.0.0.1');
  });

  it('refuses a cross-origin call even with the token, and sends no CORS headers', async () => {
    const reply = await call('/api/desk.info', {
      headers: { ...json, 'X-RS-Desk-Token': server.token, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not answer a CORS preflight', async () => {
    const reply = await call('/api/desk.info', {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a body that is not JSON with a clear message', async () => {
    const reply = await call('/api/desk.info', {
      headers: { ...json, 'X-RS-Desk-Token': server.token },
      body: '{nope',
    });
    expect(reply.status).toBe(400);
    expect(envelope(reply).error?.message).toMatch(/not valid JSON/);
  });

  it('refuses a form post (no JSON content type), which a hostile page could send', async () => {
    const reply = await call('/api/desk.info', {
      headers: { 'Content-Type': 'text/plain', 'X-RS-Desk-Token': server.token },
      body: '{}',
    });
    expect(reply.status).toBe(400);
  });

  it('names an unknown method', async () => {
    const reply = await call('/api/desk.launchRockets', {
      headers: { ...json, 'X-RS-Desk-Token': server.token },
      body: '{}',
    });
    expect(reply.status).toBe(404);
    expect(envelope(reply).error?.code).toBe('UNKNOWN_METHOD');
    expect(envelope(reply).error?.message).toContain('desk.launchRockets');
  });

  it('refuses an oversized call', async () => {
    const big = JSON.stringify({ find: 'x'.repeat(1_100_000) });
    const reply = await call('/api/borrowing.list', {
      headers: { ...json, 'X-RS-Desk-Token': server.token },
      body: big,
    });
    expect(reply.status).toBe(400);
    expect(envelope(reply).error?.message).toMatch(/larger than 1000000 bytes/);
  });

  it('sends a strict Content-Security-Policy with every page', async () => {
    const reply = await call('/', { method: 'GET' });
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });

  it('streams events only with the token', async () => {
    const refused = await call('/api/events', { method: 'GET' });
    expect(refused.status).toBe(401);
  });

  it('pushes desk events to the event stream', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${server.token}`,
          method: 'GET',
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected')) {
              temp.desk.events.emit('scan.hid', {
                scanId: 1,
                value: '31234000123456',
                symbology: ']C0',
                device: 'test',
              });
            }
            if (text.includes('event: scan.hid')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
      req.end();
    });
    expect(received).toContain('data: {"scanId":1,"value":"31234000123456"');
  });
});
