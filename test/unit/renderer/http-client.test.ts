import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, type EventSourceLike } from '../../../renderer/api/http-client.ts';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real loopback server whose answer each test sets; it records every request it gets. */
let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let reply: (seen: Seen) => { status: number; type: string; body: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(request);
      const answer = reply(request);
      res.writeHead(answer.status, { 'Content-Type': answer.type });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  reply = () => ({
    status: 200,
    type: 'application/json',
    body: JSON.stringify({ ok: true, value: [] }),
  });
});

function client(baseOverride = baseUrl) {
  return createHttpClient({
    baseUrl: baseOverride,
    token: 's3cret-token',
    sessionId: 'tab-0001-abcd',
    fetch,
  });
}

describe('browser-mode HTTP client', () => {
  it('posts the JSON input to /api/<method> and returns the value of the envelope', async () => {
    reply = () => ({
      status: 200,
      type: 'application/json',
      body: JSON.stringify({
        ok: true,
        value: { rows: [], nextAfter: null, total: 0, facets: { status: [], partner: [] } },
      }),
    });
    const result = await client().call('borrowing.list', {
      find: 'Lovelace',
      status: ['RECEIVED'],
      limit: 50,
    });

    expect(result).toEqual({
      ok: true,
      value: { rows: [], nextAfter: null, total: 0, facets: { status: [], partner: [] } },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe('/api/borrowing.list');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      find: 'Lovelace',
      status: ['RECEIVED'],
      limit: 50,
    });
  });

  it('sends the token and the tab session on every call', async () => {
    const desk = client(`${baseUrl}/`);
    await desk.call('desk.info', {});
    await desk.call('partners.list', {});

    expect(seen.map((request) => request.url)).toEqual(['/api/desk.info', '/api/partners.list']);
    for (const request of seen) {
      expect(request.headers['x-rs-desk-token']).toBe('s3cret-token');
      expect(request.headers['x-rs-desk-session']).toBe('tab-0001-abcd');
    }
  });

  it('passes an error envelope through intact, whatever the HTTP status', async () => {
    reply = () => ({
      status: 404,
      type: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'There is no borrowing request B-404.' },
      }),
    });
    const result = await client().call('requests.detail', {
      kind: 'borrowing',
      requestId: 'B-404',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no borrowing request B-404.' },
    });
  });

  it('turns a non-JSON 502 into UNAVAILABLE with a message that says how to recover', async () => {
    reply = () => ({
      status: 502,
      type: 'text/html',
      body: '<html><body>Bad Gateway</body></html>',
    });
    const result = await client().call('desk.info', {});

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UNAVAILABLE');
    expect(result.error.message).toContain("RS Desk's server is not answering");
    expect(result.error.message).toContain('HTTP 502');
    expect(result.error.message).toContain('npm start');
  });

  it('turns JSON that is not an envelope into UNAVAILABLE', async () => {
    reply = () => ({
      status: 200,
      type: 'application/json',
      body: JSON.stringify({ hello: 'world' }),
    });
    const result = await client().call('desk.info', {});
    expect(result.ok ? null : result.error.code).toBe('UNAVAILABLE');
  });

  it('says the server is not answering when nothing listens any more', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));

    const result = await client(`http://127.0.0.1:${port}`).call('desk.info', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UNAVAILABLE');
    expect(result.error.message).toMatch(
      /^RS Desk's server is not answering: .+ Start it again with npm start\.$/,
    );
  });
});

describe('browser-mode events', () => {
  /** EventSource does not exist in Node; this stand-in records the URL and replays named events. */
  class RecordingEventSource implements EventSourceLike {
    static opened: RecordingEventSource[] = [];
    readonly handlers = new Map<string, ((event: { data: string }) => void)[]>();
    readonly url: string;
    closed = false;
    constructor(url: string) {
      this.url = url;
      RecordingEventSource.opened.push(this);
    }
    addEventListener(type: string, listener: (event: { data: string }) => void): void {
      this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
    }
    close(): void {
      this.closed = true;
    }
    fire(type: string, data: string): void {
      for (const handler of this.handlers.get(type) ?? []) handler({ data });
    }
  }

  it('opens one event stream with the token and hands each named event to its listeners', () => {
    RecordingEventSource.opened = [];
    const desk = createHttpClient({
      baseUrl: 'http://127.0.0.1:4321',
      token: 'a b&c',
      sessionId: 'tab-0001-abcd',
      fetch,
      openEvents: (url) => new RecordingEventSource(url),
    });
    const scans: unknown[] = [];
    const prints: unknown[] = [];
    const stop = desk.on('scan.hid', (scan) => scans.push(scan));
    desk.on('print.status', (status) => prints.push(status));

    expect(RecordingEventSource.opened.map((source) => source.url)).toEqual([
      'http://127.0.0.1:4321/api/events?token=a%20b%26c',
    ]);
    const source = RecordingEventSource.opened[0];
    source?.fire(
      'scan.hid',
      JSON.stringify({ value: '31234000123456', symbology: ']C0', device: 'hid-1' }),
    );
    source?.fire('print.status', 'not json');
    stop();
    source?.fire(
      'scan.hid',
      JSON.stringify({ value: 'after-stop', symbology: null, device: 'hid-1' }),
    );

    expect(scans).toEqual([{ value: '31234000123456', symbology: ']C0', device: 'hid-1' }]);
    expect(prints).toEqual([]);
  });
});
