import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  FakeSession,
  FakeWebContents,
  navigationEvent,
} from '../../helpers/fake-electron.ts';
import { HARDENED_WEB_PREFERENCES } from '../../helpers/hardened-window.ts';
import { createAppOrigin } from '../../../electron/shell/app-origin.ts';
import {
  createDeskWindow,
  hardenSession,
  hardenWebContents,
} from '../../../electron/shell/window.ts';

/*
 * window.ts wires the window policy (window-options.ts, tested on its own) into Electron. These
 * tests hand it fakes of Electron's session, web contents and BrowserWindow and fire Electron's
 * events at what it registered, to see that every rule is really in place: a policy that is right
 * but never registered protects nothing (DESIGN.md §10).
 */

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronModule);

type ElectronSession = Parameters<typeof hardenSession>[0];
type ElectronWebContents = Parameters<typeof hardenWebContents>[0];

const RENDERER_DIR = resolve('/opt/RS Desk/resources/app.asar/out/renderer');
const origin = createAppOrigin({
  rendererDir: RENDERER_DIR,
  rendererIndex: resolve(RENDERER_DIR, 'index.html'),
});
const APP_PAGE = pathToFileURL(resolve(RENDERER_DIR, 'index.html')).href;

function hardenedSession(devServerUrl?: string): FakeSession {
  const session = new FakeSession();
  hardenSession(session as unknown as ElectronSession, devServerUrl);
  return session;
}

function hardenedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as ElectronWebContents, origin);
  return contents;
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'openExternal',
  'pointerLock',
  'hid',
  'usb',
  'serial',
  'display-capture',
];

describe('hardenSession', () => {
  it('refuses every permission a page asks for', () => {
    const session = hardenedSession();
    const handler = session.permissionRequestHandler;
    expect(handler, 'a permission request handler is set').not.toBeNull();
    for (const permission of PERMISSIONS) {
      const answers: boolean[] = [];
      handler?.({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
    }
  });

  it('answers every permission check with no', () => {
    const session = hardenedSession();
    expect(session.permissionCheckHandler).not.toBeNull();
    for (const permission of PERMISSIONS) {
      expect(session.permissionCheckHandler?.({}, permission, APP_PAGE, {}), permission).toBe(
        false,
      );
    }
  });

  it('gives a page no USB, HID or serial device', () => {
    const session = hardenedSession();
    expect(session.devicePermissionHandler).not.toBeNull();
    for (const deviceType of ['hid', 'usb', 'serial']) {
      expect(session.devicePermissionHandler?.({ deviceType, origin: APP_PAGE }), deviceType).toBe(
        false,
      );
    }
  });

  it('puts the strict CSP on http(s) responses in place of the server’s own', () => {
    const session = hardenedSession();
    const answers: { responseHeaders?: Record<string, string[]> }[] = [];
    session.headersListener?.(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-security-policy': ['default-src *'] },
      },
      (response) => answers.push(response),
    );
    expect(answers).toHaveLength(1);
    const csp = answers[0]?.responseHeaders?.['Content-Security-Policy'];
    expect(csp?.[0]).toContain("default-src 'none'");
    expect(csp?.[0]).not.toContain('unsafe-inline');
    expect(answers[0]?.responseHeaders).not.toHaveProperty('content-security-policy');
  });

  it('lets only the dev server’s hot reload through its CSP in development', () => {
    const session = hardenedSession('http://localhost:5173');
    const answers: { responseHeaders?: Record<string, string[]> }[] = [];
    session.headersListener?.({ url: 'http://localhost:5173/', responseHeaders: {} }, (r) =>
      answers.push(r),
    );
    expect(answers[0]?.responseHeaders?.['Content-Security-Policy']?.[0]).toContain(
      'ws://localhost:5173',
    );
  });

  it('leaves file:// responses as they are (their CSP is index.html’s meta tag)', () => {
    const session = hardenedSession();
    const answers: unknown[] = [];
    session.headersListener?.({ url: APP_PAGE, responseHeaders: {} }, (r) => answers.push(r));
    expect(answers).toEqual([{}]);
  });
});

describe('hardenWebContents', () => {
  it.each(['https://evil.example/', 'file:///etc/passwd', `${APP_PAGE}/../../../x.html`])(
    'stops navigation and redirects to %s',
    (url) => {
      const contents = hardenedContents();
      const navigation = navigationEvent(url);
      const redirect = navigationEvent(url);
      contents.emit('will-navigate', navigation, url);
      contents.emit('will-redirect', redirect, url);
      expect(navigation.prevented).toBe(true);
      expect(redirect.prevented).toBe(true);
    },
  );

  it("lets the window reload the app's own page", () => {
    const contents = hardenedContents();
    const reload = navigationEvent(`${APP_PAGE}#/receiving`);
    contents.emit('will-navigate', reload, reload.url);
    expect(reload.prevented).toBe(false);
  });

  it('opens no window for window.open or target=_blank', () => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: APP_PAGE })).toEqual({ action: 'deny' });
  });

  it('attaches no webview, even one pointing at the app', () => {
    const contents = hardenedContents();
    const attach = navigationEvent(APP_PAGE);
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.prevented).toBe(true);
  });
});

describe('createDeskWindow', () => {
  beforeEach(() => {
    FakeBrowserWindow.created.length = 0;
    FakeBrowserWindow.loadResult = () => Promise.resolve();
  });

  it('opens the window with the hardened preferences, on the app’s page, hidden until painted', async () => {
    const onLoadFailed = vi.fn();
    createDeskWindow({
      preload: '/app/out/preload/index.cjs',
      origin,
      devTools: false,
      onLoadFailed,
    });
    const [window] = FakeBrowserWindow.created;
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        ...HARDENED_WEB_PREFERENCES,
        devTools: false,
      },
    });
    expect(window?.loaded).toEqual([APP_PAGE]);
    expect(window?.shown).toBe(0);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(1);
    await Promise.resolve();
    expect(onLoadFailed).not.toHaveBeenCalled();
  });

  it('shows the window and reports it when the page cannot load, so the desk is never invisible', async () => {
    FakeBrowserWindow.loadResult = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    const failures: string[] = [];
    createDeskWindow({
      preload: '/app/out/preload/index.cjs',
      origin,
      devTools: true,
      onLoadFailed: (url, error) => failures.push(`${url}: ${String(error)}`),
    });
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect(failures[0]).toBe(`${APP_PAGE}: Error: ERR_FILE_NOT_FOUND`);
    expect(FakeBrowserWindow.created[0]?.shown).toBe(1);
  });
});
