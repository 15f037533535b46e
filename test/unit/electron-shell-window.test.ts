import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppOrigin } from '../../electron/shell/app-origin.ts';
import {
  contentSecurityPolicy,
  headersWithCsp,
  isNavigationAllowed,
  isPermissionAllowed,
  webPreferences,
  windowOpenResponse,
  windowOptions,
} from '../../electron/shell/window-options.ts';
import { HARDENED_WEB_PREFERENCES } from '../helpers/hardened-window.ts';

const RENDERER_DIR = resolve('/opt/RS Desk/resources/app.asar/out/renderer');
const RENDERER_URL = pathToFileURL(RENDERER_DIR).href;
const packaged = createAppOrigin({
  rendererDir: RENDERER_DIR,
  rendererIndex: resolve(RENDERER_DIR, 'index.html'),
});
const dev = createAppOrigin({
  rendererDir: RENDERER_DIR,
  rendererIndex: resolve(RENDERER_DIR, 'index.html'),
  devServerUrl: 'http://localhost:5173',
});

describe('the desk window (DESIGN.md §10)', () => {
  it('runs the page isolated and sandboxed, with no Node and web security on', () => {
    const prefs = webPreferences('/app/out/preload/index.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      ...HARDENED_WEB_PREFERENCES,
      devTools: false,
    });
    // The remote module left Electron in v14; nothing may try to bring it back.
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('is titled RS Desk and stays hidden until the page has painted', () => {
    const options = windowOptions('/app/out/preload/index.cjs', { devTools: true });
    expect(options.title).toBe('RS Desk');
    expect(options.show).toBe(false);
    expect(options.webPreferences?.sandbox).toBe(true);
  });

  it("opens the built renderer's index.html, or the dev server in development", () => {
    expect(packaged.startUrl).toBe(`${RENDERER_URL}/index.html`);
    expect(dev.startUrl).toBe('http://localhost:5173/');
  });

  it('lets the window reload its own page, with any in-app route', () => {
    expect(isNavigationAllowed(packaged.startUrl, packaged)).toBe(true);
    expect(isNavigationAllowed(`${packaged.startUrl}#/receiving`, packaged)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5173/#/return', dev)).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    `${RENDERER_URL}/../../../secret.html`,
    `${RENDERER_URL}/%2e%2e/%2e%2e/secret.html`,
    `${RENDERER_URL}-evil/index.html`,
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'about:blank',
    'not a url',
  ])('refuses to navigate the packaged window to %s', (url) => {
    expect(isNavigationAllowed(url, packaged)).toBe(false);
  });

  it('refuses other origins than the dev server in development, including its file:// build', () => {
    for (const url of [
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'https://localhost:5173/',
      packaged.startUrl,
    ]) {
      expect(isNavigationAllowed(url, dev), url).toBe(false);
    }
  });

  it('only accepts an http(s) dev server', () => {
    expect(() =>
      createAppOrigin({
        rendererDir: RENDERER_DIR,
        rendererIndex: 'x',
        devServerUrl: 'file:///tmp/evil.html',
      }),
    ).toThrow(/http\(s\)/);
  });

  it('opens no new windows', () => {
    expect(windowOpenResponse()).toEqual({ action: 'deny' });
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'hid',
    'usb',
    'serial',
    'openExternal',
    'unknown',
  ])('refuses the %s permission', (permission) => {
    expect(isPermissionAllowed(permission)).toBe(false);
  });
});

describe('the Content-Security-Policy header', () => {
  it('allows only the app itself in the packaged app: no inline or remote script, no frames, no plugins', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it("adds only what the dev server's hot reload needs in development", () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('replaces whatever CSP an http(s) response carried', () => {
    const headers = headersWithCsp(
      'http://localhost:5173/',
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'none'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
  });

  it('leaves file:// responses alone (their CSP is the meta tag in index.html)', () => {
    expect(headersWithCsp(`${RENDERER_URL}/index.html`, {}, "default-src 'none'")).toBeUndefined();
  });
});
