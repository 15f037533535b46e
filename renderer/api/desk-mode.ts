/** How this window reaches the desk: Electron's IPC bridge, or browser mode's HTTP server. */
export type DeskMode = 'electron' | 'browser';
