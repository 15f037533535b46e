/**
 * The renderer's security preferences every desk window must have (DESIGN.md §10), written out
 * here rather than read from window-options.ts so that a change there fails the tests. Both the
 * policy itself (electron-shell-window.test.ts) and the window Electron is really handed
 * (security/electron-hardening.test.ts) are checked against it, each adding its own preload and
 * devTools.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const;
