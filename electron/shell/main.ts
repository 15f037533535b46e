import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { openDesk, type Desk } from '../app/desk.ts';
import { PRODUCT_NAME } from '../cli/data-dir.ts';
import { createNodeHidBackend } from '../scanner/node-hid-adapter.ts';
import { createAppOrigin } from './app-origin.ts';
import { bindDeskIpc } from './ipc.ts';
import { appPaths, launchOptions } from './launch-options.ts';
import { createSystemPrinter } from './pos-printer-adapter.ts';
import { createDeskWindow, hardenSession, hardenWebContents } from './window.ts';

// The same name and user data folder as the CLI's defaultDataDir, however Electron was started,
// so the Electron app and browser mode open one desk. Set before the single-instance lock, which
// lives in that folder.
app.setName(PRODUCT_NAME);
app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));

const paths = appPaths(import.meta.url);
// A packaged app never follows an environment variable to load some other page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
const origin = createAppOrigin({ ...paths, devServerUrl });

let desk: Desk | null = null;
let ipc: ReturnType<typeof bindDeskIpc> | null = null;
let window: BrowserWindow | null = null;
let closing = false;

function logError(what: string, error: unknown): void {
  console.error(
    `RS Desk: ${what}:`,
    error instanceof Error ? (error.stack ?? error.message) : error,
  );
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devServerUrl);
  const options = launchOptions(process.argv, process.env, app.getPath('userData'));
  desk = await openDesk({
    dataDir: options.dataDir,
    mode: 'electron',
    printer: options.printer,
    migrationsFolder: paths.migrationsFolder,
    hid: createNodeHidBackend(),
    systemPrinter: createSystemPrinter(),
  });
  ipc = bindDeskIpc(desk, origin, {
    onInternalError: (method, error) => logError(`${method} failed`, error),
  });
  window = createDeskWindow({
    preload: paths.preload,
    origin,
    devTools: !app.isPackaged,
    onLoadFailed: (url, error) => logError(`could not load ${url} (is the app built?)`, error),
  });
  ipc.attach(window.webContents);
  window.on('closed', () => {
    window = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A desk is already open on this computer: it comes to the front (below) and this launch ends.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));

  // One window is the whole desk, so closing it quits on every platform (macOS included) and
  // releases the database for `rs-desk import` or browser mode.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    const open = desk;
    if (!open) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    ipc?.dispose();
    open
      .close()
      .catch((error: unknown) => logError('closing the database failed', error))
      .finally(() => {
        desk = null;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logError('could not start', error);
      // In development the terminal shows the error; a modal box there would only stall scripts
      // and tests that start the app.
      if (app.isPackaged) {
        dialog.showErrorBox(
          'RS Desk could not start',
          `${error instanceof Error ? error.message : String(error)}\n\nNothing was changed. Note the time and tell your manager.`,
        );
      }
      app.exit(1);
    });
}
