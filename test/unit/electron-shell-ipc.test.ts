import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDeskEvents } from '../../electron/app/desk-events.ts';
import { createAppOrigin } from '../../electron/shell/app-origin.ts';
import {
  createElectronSessions,
  createInvokeListener,
  forwardDeskEvents,
  isTrustedSender,
  type InvokeEvent,
} from '../../electron/shell/ipc-policy.ts';
import { METHODS } from '../../shared/api/contract.ts';
import type { Handlers, Session } from '../../shared/api/dispatch.ts';

const RENDERER_DIR = resolve('/opt/RS Desk/resources/app.asar/out/renderer');
const APP_PAGE = pathToFileURL(resolve(RENDERER_DIR, 'index.html')).href;
const origin = createAppOrigin({
  rendererDir: RENDERER_DIR,
  rendererIndex: resolve(RENDERER_DIR, 'index.html'),
});

function invokeEvent(url: string | null, webContentsId = 1, parent: unknown = null): InvokeEvent {
  return { sender: { id: webContentsId }, senderFrame: url === null ? null : { url, parent } };
}

/** Handlers that record who called them, standing in for the desk's services. */
function recordingHandlers() {
  const calls: { method: string; input: unknown; session: Session }[] = [];
  const handlers = Object.fromEntries(
    METHODS.map((method) => [
      method,
      (input: unknown, session: Session) => {
        calls.push({ method, input, session });
        return Promise.resolve({ answered: method });
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

describe('IPC sender checks', () => {
  it("trusts the app's own page in the window's main frame", () => {
    expect(isTrustedSender(invokeEvent(APP_PAGE), origin)).toBe(true);
    expect(isTrustedSender(invokeEvent(`${APP_PAGE}#/settings`), origin)).toBe(true);
  });

  it('refuses a foreign page, a subframe, and a frame that is gone', () => {
    expect(isTrustedSender(invokeEvent('https://evil.example/'), origin)).toBe(false);
    expect(isTrustedSender(invokeEvent('file:///home/desk/Downloads/page.html'), origin)).toBe(
      false,
    );
    expect(isTrustedSender(invokeEvent(APP_PAGE, 1, { url: APP_PAGE }), origin)).toBe(false);
    expect(isTrustedSender(invokeEvent(null), origin), 'no sender frame').toBe(false);
  });
});

describe('the ipcMain.handle listener', () => {
  it('refuses a call from a foreign URL with FORBIDDEN and never reaches the service', async () => {
    const { handlers, calls } = recordingHandlers();
    const listen = createInvokeListener(handlers, 'desk.info', {
      origin,
      sessions: createElectronSessions(),
    });
    const result = await listen(invokeEvent('https://evil.example/'), {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('refused') as unknown },
    });
    expect(calls).toEqual([]);
  });

  it('runs a call from the app through the dispatcher, in an electron session', async () => {
    const { handlers, calls } = recordingHandlers();
    const listen = createInvokeListener(handlers, 'desk.info', {
      origin,
      sessions: createElectronSessions(),
    });
    expect(await listen(invokeEvent(APP_PAGE), {})).toEqual({
      ok: true,
      value: { answered: 'desk.info' },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.session.transport).toBe('electron');
  });

  it('validates input in the main process: what the page sends is not trusted', async () => {
    const { handlers, calls } = recordingHandlers();
    const listen = createInvokeListener(handlers, 'requests.detail', {
      origin,
      sessions: createElectronSessions(),
    });
    const result = await listen(invokeEvent(APP_PAGE), {
      kind: 'borrowing',
      requestId: 'B-1',
      extra: true,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect(calls).toEqual([]);
  });

  it('keeps one session per window: the same across calls, different for another window', async () => {
    const { handlers, calls } = recordingHandlers();
    const sessions = createElectronSessions();
    const info = createInvokeListener(handlers, 'desk.info', { origin, sessions });
    const partners = createInvokeListener(handlers, 'partners.list', { origin, sessions });
    await info(invokeEvent(APP_PAGE, 7), {});
    await partners(invokeEvent(APP_PAGE, 7), {});
    await info(invokeEvent(APP_PAGE, 8), {});
    const [first, second, other] = calls.map((call) => call.session);
    expect(second).toBe(first);
    expect(other?.id).not.toBe(first?.id);
    sessions.forget(7);
    expect(sessions.of(7).id).not.toBe(first?.id);
  });
});

describe('desk events to the window', () => {
  it('forwards every desk event on its rs-desk: channel until unsubscribed', () => {
    const events = createDeskEvents();
    const sent: [string, unknown][] = [];
    const stop = forwardDeskEvents(events, (channel, payload) => sent.push([channel, payload]));
    events.emit('scan.hid', {
      scanId: 1,
      value: '31234000123456',
      symbology: ']C0',
      device: 'scanner',
    });
    events.emit('requests.changed', { kind: 'borrowing', requestId: 'B-1001' });
    stop();
    events.emit('requests.changed', { kind: 'lending', requestId: 'L-2001' });
    expect(sent).toEqual([
      [
        'rs-desk:scan.hid',
        { scanId: 1, value: '31234000123456', symbology: ']C0', device: 'scanner' },
      ],
      ['rs-desk:requests.changed', { kind: 'borrowing', requestId: 'B-1001' }],
    ]);
  });
});
