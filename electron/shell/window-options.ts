import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { PRODUCT_NAME } from '../cli/data-dir.ts';
import type { AppOrigin } from './app-origin.ts';

/*
 * The window's security policy as plain data and functions, so it is tested without the Electron
 * runtime (DESIGN.md §10). window.ts only wires these into Electron. The `electron` imports above
 * are types only and vanish at build time.
 */

/** Hardened renderer: no Node, isolated and sandboxed preload, web security on, no webviews. */
export function webPreferences(preload: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Barcodes and request IDs are not words; red underlines in the scan field only distract.
    spellcheck: false,
    devTools: options.devTools,
  };
}

export function windowOptions(
  preload: string,
  options: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so staff never see a blank white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: webPreferences(preload, options),
  };
}

const STRICT_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/**
 * The Content-Security-Policy for http(s) responses. The packaged app loads file:// pages (their
 * CSP is the meta tag in renderer/index.html); http(s) means the electron-vite dev server, whose
 * injected React Refresh preamble and styles are inline and whose hot reload uses a WebSocket —
 * so only in development are inline scripts/styles and that one socket allowed.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  if (!devServerUrl) return STRICT_DIRECTIVES.join('; ');
  const dev = new URL(devServerUrl);
  const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return STRICT_DIRECTIVES.map((directive) => {
    if (directive.startsWith('script-src ') || directive.startsWith('style-src ')) {
      return `${directive} 'unsafe-inline'`;
    }
    if (directive.startsWith('connect-src ')) return `${directive} ${socket}`;
    return directive;
  }).join('; ');
}

/**
 * The response headers with our CSP in place of any the server sent, for http(s) responses;
 * `undefined` (leave the response alone) for anything else.
 */
export function headersWithCsp(
  url: string,
  headers: Readonly<Record<string, string[]>> | undefined,
  csp: string,
): Record<string, string[]> | undefined {
  if (!/^https?:/i.test(url)) return undefined;
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [csp] };
}

/** In-window navigation is allowed only to the app's own pages (a reload, the dev server). */
export function isNavigationAllowed(url: string, origin: AppOrigin): boolean {
  return origin.isAppUrl(url);
}

/** window.open and target="_blank" never create a window: the desk is one window. */
export function windowOpenResponse(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Every web permission is refused (camera, microphone, notifications, clipboard-read, WebHID,
 * WebUSB, …): scanners are read by node-hid in the main process and printing happens there too,
 * so the page needs none, and a compromised page gets none.
 */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
