import { pathToFileURL } from 'node:url';

/**
 * What counts as the app's own page: the built renderer folder (file://) or, in development only,
 * the electron-vite dev server's origin. Navigation and IPC are allowed from nothing else.
 */
export interface AppOrigin {
  /** The URL the window loads first. */
  readonly startUrl: string;
  isAppUrl(url: string): boolean;
}

export interface AppOriginOptions {
  readonly rendererDir: string;
  readonly rendererIndex: string;
  /** ELECTRON_RENDERER_URL; the caller passes it only when the app is not packaged. */
  readonly devServerUrl?: string | undefined;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function createAppOrigin(options: AppOriginOptions): AppOrigin {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : null;
  if (dev) {
    if (dev.protocol !== 'http:' && dev.protocol !== 'https:') {
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, not ${options.devServerUrl}.`);
    }
    return {
      startUrl: dev.href,
      isAppUrl: (url) => parse(url)?.origin === dev.origin,
    };
  }
  // The folder as a URL prefix with a trailing slash, so "out/renderer-evil/" does not match.
  const folder = pathToFileURL(options.rendererDir).href.replace(/\/?$/, '/');
  return {
    startUrl: pathToFileURL(options.rendererIndex).href,
    isAppUrl: (url) => {
      const parsed = parse(url);
      // Parsing resolves "..", "%2e%2e" and friends before the prefix is compared; the host is
      // empty except for an app installed on a Windows share (file://server/share/…).
      if (parsed?.protocol !== 'file:') return false;
      return `file://${parsed.host}${parsed.pathname}`.startsWith(folder);
    },
  };
}
