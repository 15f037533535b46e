import { describe, expect, it } from 'vitest';
import { createBridge, type IpcRendererPort } from '../../electron/shell/bridge-policy.ts';

type Listener = (event: unknown, payload: unknown) => void;

/** Stands in for ipcRenderer: records what the bridge asks of it. */
function fakeIpc(
  answer: (channel: string, input: unknown) => Promise<unknown> = () =>
    Promise.resolve({ ok: true, value: 'answer' }),
) {
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const port: IpcRendererPort = {
    invoke: (channel, input) => {
      invoked.push([channel, input]);
      return answer(channel, input);
    },
    on: (channel, listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? [])
      listener({ sender: 'ipc-renderer-internals', ports: [] }, payload);
  };
  return { port, invoked, listeners, emit };
}

describe('the preload bridge (window.rsDesk)', () => {
  it("sends a contract method on its own channel and returns the main process's envelope", async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc.port);
    expect(await bridge.invoke('desk.info', {})).toEqual({ ok: true, value: 'answer' });
    expect(ipc.invoked).toEqual([['rs-desk:desk.info', {}]]);
  });

  it.each(['desk.nuke', 'rs-desk:desk.info', '', '__proto__', 'constructor', 'toString'])(
    'refuses the unknown method %j without touching IPC',
    async (method) => {
      const ipc = fakeIpc();
      const result = await createBridge(ipc.port).invoke(method, {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('no method') as unknown },
      });
      expect(ipc.invoked).toEqual([]);
    },
  );

  it('refuses a method name that is not a string', async () => {
    const ipc = fakeIpc();
    const result = await createBridge(ipc.port).invoke(42 as unknown as string, {});
    expect(!result.ok && result.error.code).toBe('UNKNOWN_METHOD');
    expect(ipc.invoked).toEqual([]);
  });

  it('answers with an envelope when the input cannot cross IPC', async () => {
    const ipc = fakeIpc(() => Promise.reject(new Error('An object could not be cloned.')));
    const result = await createBridge(ipc.port).invoke('desk.info', { callback: () => 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('hands a listener only the payload, never the IPC event', () => {
    const ipc = fakeIpc();
    const received: unknown[][] = [];
    createBridge(ipc.port).on('scan.hid', (...args: unknown[]) => received.push(args));
    ipc.emit('rs-desk:scan.hid', { value: '31234000123456', symbology: null, device: 'scanner' });
    expect(received).toEqual([[{ value: '31234000123456', symbology: null, device: 'scanner' }]]);
  });

  it('unsubscribes exactly the listener it added, once', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc.port);
    const seen: unknown[] = [];
    const stop = bridge.on('print.status', (payload) => seen.push(payload));
    bridge.on('print.status', () => undefined);
    stop();
    stop();
    expect(ipc.listeners.get('rs-desk:print.status')?.size).toBe(1);
    ipc.emit('rs-desk:print.status', { printer: null, state: 'none', waiting: 0 });
    expect(seen).toEqual([]);
  });

  it.each(['scan.keyboard', 'rs-desk:scan.hid', 'desk.info', '__proto__'])(
    'refuses to listen to %j',
    (event) => {
      const ipc = fakeIpc();
      expect(() => createBridge(ipc.port).on(event, () => undefined)).toThrow(/no event/);
      expect(ipc.listeners.size).toBe(0);
    },
  );

  it('exposes only invoke and on, and cannot be changed by the page', () => {
    const bridge = createBridge(fakeIpc().port);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
