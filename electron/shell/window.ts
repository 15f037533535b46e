import { BrowserWindow, type Session, type WebContents } from 'electron';
import type { AppOrigin } from './app-origin.ts';
import {
  contentSecurityPolicy,
  headersWithCsp,
  isNavigationAllowed,
  isPermissionAllowed,
  windowOpenResponse,
  windowOptions,
} from './window-options.ts';

/** Session-wide rules: the CSP header on http(s) responses and no web permissions at all. */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  const csp = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = headersWithCsp(details.url, details.responseHeaders, csp);
    callback(responseHeaders ? { responseHeaders } : {});
  });
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  session.setDevicePermissionHandler((details) => isPermissionAllowed(details.deviceType));
}

/**
 * Rules for every web contents the app ever creates (main.ts applies them on
 * 'web-contents-created'): stay on the app's pages, open no windows, attach no webviews.
 */
export function hardenWebContents(contents: WebContents, origin: AppOrigin): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenResponse());
}

/** The desk's one window, showing the app's page once it has painted. */
export function createDeskWindow(options: {
  readonly preload: string;
  readonly origin: AppOrigin;
  readonly devTools: boolean;
  readonly onLoadFailed: (url: string, error: unknown) => void;
}): BrowserWindow {
  const window = new BrowserWindow(windowOptions(options.preload, { devTools: options.devTools }));
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.origin.startUrl).catch((error: unknown) => {
    options.onLoadFailed(options.origin.startUrl, error);
    // Never leave a desk running with no window to see or close.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
