import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/api/dispatch.ts';
import { createInProcessClient } from '../../../shared/api/in-process-client.ts';
import { defaultSetting } from '../../../shared/settings/desk-settings.ts';
import { BIN, ROOT, removeDir, tempDataDir } from '../../e2e/support/desk-process.ts';
import { openTempDesk, type TempDesk } from '../../helpers/temp-desk.ts';

/**
 * When the ISO 18626 listener runs: off by default, on from Settings (and moved or stopped when
 * they change), on for one run with `rs-desk serve --iso-port`, and closed with the desk.
 */

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function tempDesk(options: Parameters<typeof openTempDesk>[0] = {}): Promise<TempDesk> {
  const temp = await openTempDesk({ sendMessages: false, log: () => undefined, ...options });
  cleanup.push(() => temp.dispose());
  return temp;
}

/** POSTs a line that is not XML: a running listener answers 400 with an ERROR confirmation. */
async function knock(url: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/xml' },
    body: 'hello',
  });
  await response.text();
  return response.status;
}

async function refused(url: string): Promise<boolean> {
  try {
    await knock(url);
    return false;
  } catch {
    return true;
  }
}

describe('the listener follows its settings', () => {
  it('is off on a new desk, on once Settings enable it, and gone when they disable it', async () => {
    const temp = await tempDesk();
    expect(temp.desk.isoListener.url()).toBeNull();

    const session: Session = { id: 'settings-window', transport: 'in-process', operatorId: null };
    const client = createInProcessClient(
      temp.desk.handlers,
      (event, listener) => temp.desk.events.on(event, listener),
      session,
    );
    const enabled = await client.call('settings.update', {
      key: 'iso18626',
      value: { ...defaultSetting('iso18626'), listenerEnabled: true },
    });
    expect(enabled.ok).toBe(true);
    await temp.desk.isoListener.settled();
    const url = temp.desk.isoListener.url();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/iso18626$/);
    expect(await knock(url ?? '')).toBe(400);

    await client.call('settings.update', {
      key: 'iso18626',
      value: { ...defaultSetting('iso18626'), listenerEnabled: false },
    });
    await temp.desk.isoListener.settled();
    expect(temp.desk.isoListener.url()).toBeNull();
    expect(await refused(url ?? '')).toBe(true);
  });

  it('closes with the desk', async () => {
    const temp = await tempDesk({ isoPort: 0 });
    const url = temp.desk.isoListener.url() ?? '';
    expect(await knock(url)).toBe(400);
    await temp.reopen();
    // The reopened desk has its own listener on a new free port; the old one is gone.
    expect(await refused(url)).toBe(true);
  });

  it('refuses to open the desk when --iso-port names a port already in use, and says so', async () => {
    const first = await tempDesk({ isoPort: 0 });
    const { port } = new URL(first.desk.isoListener.url() ?? '');
    await expect(tempDesk({ isoPort: Number(port) })).rejects.toThrow(
      new RegExp(
        `^The ISO 18626 listener could not listen on 127\\.0\\.0\\.1:${port} .*; choose another port\\.$`,
      ),
    );
  });
});

describe('rs-desk serve --iso-port', () => {
  it('prints the listener after the ready line, and the listener answers there', async () => {
    const dir = tempDataDir();
    cleanup.push(() => removeDir(dir));
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--no-open', '--data-dir', dir, '--iso-port', '0'],
      { cwd: ROOT, env: process.env },
    );
    cleanup.push(
      () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    );
    let stdout = '';
    const lines = await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listener line in: ${stdout}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/^ISO 18626 listener: \S+$/m.test(stdout)) {
          clearTimeout(timer);
          resolve(stdout.trim().split('\n'));
        }
      });
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^RS Desk ready: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const listener = /^ISO 18626 listener: (http:\/\/127\.0\.0\.1:\d+\/iso18626)$/.exec(
      lines[1] ?? '',
    );
    expect(listener).not.toBeNull();
    expect(await knock(listener?.[1] ?? '')).toBe(400);
  });
});
