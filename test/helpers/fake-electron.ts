/**
 * A stand-in for the parts of the `electron` module the shell uses (electron/shell/main.ts,
 * window.ts, ipc.ts), for tests that check the shell wires its security policy into Electron: the
 * Electron runtime cannot run here. Each fake keeps what it was handed (options, handlers,
 * listeners) so a test can fire Electron's events at them and see what the shell decided.
 *
 * A test file loads it in place of the real module with
 *   vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronModule)
 * and then imports the shell; the test and the shell then share these same objects.
 */

type Listener = (...args: never[]) => unknown;

/** Listeners by event name, as Node's EventEmitter keeps them (`on`, `once`). */
export class FakeEmitter {
  readonly #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  /** How many listeners `event` has. */
  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  /** Calls every listener of `event` with `args`, as Electron would; answers what they returned. */
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.#listeners.get(event) ?? []).map((listener) =>
      (listener as (...a: unknown[]) => unknown)(...args),
    );
  }
}

/** What Electron passes to 'will-navigate', 'will-redirect' and 'will-attach-webview'. */
export interface FakeNavigationEvent {
  readonly url: string;
  /** Whether a listener called preventDefault(): the navigation did not happen. */
  readonly prevented: boolean;
  preventDefault(): void;
}

export function navigationEvent(url: string): FakeNavigationEvent {
  let prevented = false;
  return {
    url,
    get prevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  };
}

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  destroyed = false;
  readonly sent: { channel: string; payload: unknown }[] = [];

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;
type DevicePermissionHandler = (details: { deviceType: string; origin: string }) => boolean;

export class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;

  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    this.devicePermissionHandler = handler;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  /** Every window the code under test created, oldest first. */
  static readonly created: FakeBrowserWindow[] = [];
  /** What loadURL answers next: resolves, or rejects as a page that cannot load does. */
  static loadResult: () => Promise<void> = () => Promise.resolve();

  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = 0;
  destroyed = false;

  readonly options: Record<string, unknown>;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return FakeBrowserWindow.loadResult();
  }

  show(): void {
    this.shown += 1;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  focus(): void {}
}

/** Electron's `app`: paths in a folder the test chooses, and its events kept for the test to fire. */
export class FakeApp extends FakeEmitter {
  isPackaged = true;
  readonly paths = new Map<string, string>();
  quits = 0;
  exitCode: number | null = null;
  #ready: () => void = () => undefined;
  readonly #whenReady = new Promise<void>((resolve) => {
    this.#ready = resolve;
  });

  setName(_name: string): void {}

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`The fake app has no path "${name}".`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  requestSingleInstanceLock(): boolean {
    return true;
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  /** Electron is ready: main.ts starts the desk. */
  ready(): void {
    this.#ready();
  }

  quit(): void {
    this.quits += 1;
  }

  exit(code: number): void {
    this.exitCode = code;
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();

  handle(channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`A handler for ${channel} is already bound.`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export const fakeApp = new FakeApp();
export const fakeDefaultSession = new FakeSession();
export const fakeIpcMain = new FakeIpcMain();
export const errorBoxes: { title: string; content: string }[] = [];

/** The module `vi.mock('electron', …)` hands the shell. */
export const electronModule = {
  app: fakeApp,
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession: fakeDefaultSession },
  ipcMain: fakeIpcMain,
  dialog: {
    showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
  },
};
