import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appPaths } from '../../../electron/shell/launch-options.ts';
import { channelOf, METHODS } from '../../../shared/api/contract.ts';
import {
  FakeBrowserWindow,
  FakeWebContents,
  fakeApp,
  fakeDefaultSession,
  fakeIpcMain,
  navigationEvent,
} from '../../helpers/fake-electron.ts';

/*
 * The Electron main process (electron/shell/main.ts) started for real on a fake of the `electron`
 * module: the real desk opens on a temporary data folder, and the test checks what main.ts wired
 * into Electron — the session's permission and CSP rules, the rules on every web contents the app
 * creates, the hardened window, IPC bound to every method with the sender checked — and that
 * quitting closes the desk. Only Electron and the two native parts (the OS printer, USB scanners)
 * are stand-ins, behind the interfaces the real ones implement.
 */

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronModule);
vi.mock('../../../electron/shell/pos-printer-adapter.ts', () => ({
  createSystemPrinter: () => ({ print: () => Promise.resolve() }),
}));
vi.mock('../../../electron/scanner/node-hid-adapter.ts', () => ({
  createNodeHidBackend: () => ({
    name: 'no USB here',
    list: () => Promise.resolve([]),
    open: () => Promise.reject(new Error('no USB device in this test')),
  }),
}));

const MAIN = resolve(import.meta.dirname, '../../../electron/shell/main.ts');
const paths = appPaths(pathToFileURL(MAIN).href);
const APP_PAGE = pathToFileURL(paths.rendererIndex).href;

let appData: string;

/** A call from a frame of the window, as Electron's IpcMainInvokeEvent carries it. */
function invoke(method: string, input: unknown, url = APP_PAGE, contentsId = 1) {
  const handler = fakeIpcMain.handlers.get(channelOf(method as (typeof METHODS)[number]));
  if (!handler) throw new Error(`main.ts bound no handler for ${method}`);
  return handler({ sender: { id: contentsId }, senderFrame: { url, parent: null } }, input);
}

beforeAll(async () => {
  appData = mkdtempSync(join(tmpdir(), 'rs-desk-electron-main-'));
  fakeApp.setPath('appData', appData);
  vi.stubEnv('RS_DESK_DATA_DIR', '');
  vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
  await import('../../../electron/shell/main.ts');
  fakeApp.ready();
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(appData, { recursive: true, force: true });
});

describe('the Electron main process', () => {
  it('hardens every web contents the app ever creates', () => {
    expect(fakeApp.listenerCount('web-contents-created')).toBe(1);
    const contents = new FakeWebContents();
    fakeApp.emit('web-contents-created', {}, contents);

    const away = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', away, away.url);
    const redirect = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', redirect, redirect.url);
    const webview = navigationEvent(APP_PAGE);
    contents.emit('will-attach-webview', webview, {}, {});
    expect([away.prevented, redirect.prevented, webview.prevented]).toEqual([true, true, true]);
    expect(contents.windowOpenHandler?.({ url: APP_PAGE })).toEqual({ action: 'deny' });
  });

  it('refuses every web permission and device on the default session, and sets the CSP', () => {
    const granted: boolean[] = [];
    fakeDefaultSession.permissionRequestHandler?.({}, 'media', (g) => granted.push(g), {});
    expect(granted).toEqual([false]);
    expect(fakeDefaultSession.permissionCheckHandler?.({}, 'hid', APP_PAGE, {})).toBe(false);
    expect(
      fakeDefaultSession.devicePermissionHandler?.({ deviceType: 'usb', origin: APP_PAGE }),
    ).toBe(false);
    const answers: { responseHeaders?: Record<string, string[]> }[] = [];
    fakeDefaultSession.headersListener?.(
      { url: 'https://evil.example/', responseHeaders: {} },
      (r) => answers.push(r),
    );
    // Packaged: the strict policy, whatever ELECTRON_RENDERER_URL says.
    expect(answers[0]?.responseHeaders?.['Content-Security-Policy']?.[0]).not.toContain(
      'unsafe-inline',
    );
  });

  it('opens one hardened window on the built renderer, never on ELECTRON_RENDERER_URL when packaged', () => {
    const [window] = FakeBrowserWindow.created;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: paths.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        devTools: false,
      },
    });
    expect(window?.loaded).toEqual([APP_PAGE]);
  });

  it('binds every contract method over IPC, answering only the app’s own page', async () => {
    expect([...fakeIpcMain.handlers.keys()].sort()).toEqual(METHODS.map(channelOf).sort());
    expect(await invoke('desk.info', {}, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const info = await invoke('desk.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { mode: 'electron', dataDir: join(appData, 'RS Desk') },
    });
  });

  it('validates IPC input in the main process', async () => {
    expect(await invoke('scans.recent', { limit: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it("pushes desk events to the window's page", async () => {
    const [window] = FakeBrowserWindow.created;
    const changed = await invoke('settings.update', { key: 'deskName', value: 'Front desk' });
    expect(changed).toMatchObject({ ok: true });
    expect(window?.webContents.sent).toContainEqual({
      channel: channelOf('settings.changed'),
      payload: { key: 'deskName' },
    });
  });

  it('closes the desk and unbinds IPC when the app quits', async () => {
    const quitsBefore = fakeApp.quits;
    const quitting = navigationEvent('');
    fakeApp.emit('will-quit', quitting);
    expect(quitting.prevented).toBe(true);
    await vi.waitFor(() => expect(fakeApp.quits).toBe(quitsBefore + 1), { timeout: 10_000 });
    expect(fakeIpcMain.handlers.size).toBe(0);
    // Once closed, quitting goes ahead.
    const again = navigationEvent('');
    fakeApp.emit('will-quit', again);
    expect(again.prevented).toBe(false);
  });
});
