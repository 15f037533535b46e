import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskServer, type DeskServer } from '../../../electron/server/http-server.ts';
import { exchange } from '../../helpers/raw-http.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/*
 * Browser mode's gatekeeping beyond the API calls (test/integration/http-server.test.ts covers
 * those): the server is reachable on loopback only, and the event stream and the pages follow the
 * same Host and Origin rules as the calls, the stream the same token rule.
 */

let temp: TempDesk;
let server: DeskServer;
let staticDir: string;

const PAGE = '<!doctype html><html><head><title>RS Desk</title></head><body>desk</body></html>';

beforeAll(async () => {
  temp = await openTempDesk();
  staticDir = mkdtempSync(join(tmpdir(), 'rs-desk-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), PAGE);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("desk");');
  server = await startDeskServer({ desk: temp.desk, port: 0, staticDir });
});
afterAll(async () => {
  await server.close();
  await temp.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This machine's addresses other than loopback (IPv4 first), from its network interfaces. */
function externalAddresses(): string[] {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const outside = all.filter((a) => !a.internal && !a.address.startsWith('fe80'));
  return [
    ...outside.filter((a) => a.family === 'IPv4'),
    ...outside.filter((a) => a.family === 'IPv6'),
  ].map((a) => a.address);
}

describe('browser mode listens on 127.0.0.1 only', () => {
  it('refuses a connection to another address of this machine', async () => {
    // Without a network address, 127.0.0.2 is still this machine (all of 127/8 is loopback) and
    // not the 127.0.0.1 the desk listens on.
    const [address = '127.0.0.2'] = externalAddresses();
    // The same address does take connections for a server that listens on every interface, so a
    // refusal below is the desk's choice of address, not a firewall.
    const everywhere = createServer();
    await new Promise<void>((resolve) => everywhere.listen(0, '0.0.0.0', resolve));
    const open = (everywhere.address() as AddressInfo).port;
    try {
      expect(await connects(address, open), `a server on 0.0.0.0 answers at ${address}`).toBe(true);
    } finally {
      await new Promise((resolve) => everywhere.close(resolve));
    }

    expect(await connects(address, server.port), `the desk at ${address}`).toBe(false);
    expect(await connects('127.0.0.1', server.port)).toBe(true);
  });

  it('is not reachable on the IPv6 loopback either', async () => {
    expect(await connects('::1', server.port)).toBe(false);
  });

  it('prints a URL for 127.0.0.1', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });
});

describe('the event stream follows the same rules as the calls', () => {
  const events = () => `/api/events?token=${encodeURIComponent(server.token)}`;

  it('opens with the token', async () => {
    const reply = await exchange(server, events());
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['no token', '/api/events'],
    ['an empty token', '/api/events?token='],
    ['a wrong token', '/api/events?token=not-the-desk-token'],
    ['the token with one character more', 'EXTRA'],
    ['the token cut short', 'SHORT'],
  ])('refuses %s', async (_what, path) => {
    const target =
      path === 'EXTRA'
        ? `${events()}x`
        : path === 'SHORT'
          ? `/api/events?token=${server.token.slice(0, -1)}`
          : path;
    const reply = await exchange(server, target);
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
  });

  it('refuses the token in a header instead of the link: it answers only its own URL', async () => {
    const reply = await exchange(server, '/api/events', {
      headers: { 'X-RS-Desk-Token': server.token },
    });
    expect(reply.status).toBe(401);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      `127.0.0.1.evil.example:${server.port}`,
      '127.0.0.1',
    ]) {
      const reply = await exchange(server, events(), { headers: { Host: host } });
      expect(reply.status, host).toBe(421);
    }
  });

  it('refuses a cross-origin page even with the token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      'null',
    ]) {
      const reply = await exchange(server, events(), { headers: { Origin: origin } });
      expect(reply.status, origin).toBe(403);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('takes the desk’s own page as the caller, by either of its names', async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      const reply = await exchange(server, events(), { headers: { Origin: origin } });
      expect(reply.status, origin).toBe(200);
    }
  });
});

describe('the pages follow the same Host and Origin rules', () => {
  it('serves the page to its own origin, with the security headers', async () => {
    const reply = await exchange(server, '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(PAGE);
    expect(reply.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('carries no token in the pages: the page reads it from the link RS Desk printed', async () => {
    for (const path of ['/', '/assets/app.js', `/?token=${server.token}`]) {
      const reply = await exchange(server, path);
      expect(reply.status, path).toBe(200);
      expect(reply.body, path).not.toContain(server.token);
      expect(JSON.stringify(reply.headers), path).not.toContain(server.token);
    }
  });

  it.each(['/', '/assets/app.js', '/no-such-page'])(
    'refuses %s under a foreign Host header',
    async (path) => {
      const reply = await exchange(server, path, {
        headers: { Host: `evil.example:${server.port}` },
      });
      expect(reply.status).toBe(421);
      expect(reply.body).not.toContain('desk');
    },
  );

  it.each(['/', '/assets/app.js'])('refuses %s to a cross-origin caller', async (path) => {
    const reply = await exchange(server, path, { headers: { Origin: 'http://evil.example' } });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('console.log');
  });

  it('serves nothing outside the built renderer', async () => {
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
    ]) {
      const reply = await exchange(server, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('root:');
    }
  });

  it('takes no writes at page paths', async () => {
    const reply = await exchange(server, '/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(405);
  });
});
