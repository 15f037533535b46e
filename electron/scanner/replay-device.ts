/**
 * A backend for tests that replays scripted report streams: devices are plugged and unplugged and
 * reports pushed as the script says, exercising the same paths as node-hid does on real hardware.
 */
import {
  matchesFilter,
  type HidBackend,
  type HidDevice,
  type HidDeviceInfo,
  type HidFilter,
} from './hid-device.ts';

export type ReplayStep =
  | { readonly plug: HidDeviceInfo }
  | { readonly unplug: string }
  | { readonly path: string; readonly report: Uint8Array | readonly number[] };

export interface ReplayBackend extends HidBackend {
  plug(info: HidDeviceInfo): void;
  /** Removes the device; an open handle reports itself gone, as a read error does in hidapi. */
  unplug(path: string): void;
  /** Removes the device from the list only: some platforms report no read error on unplug. */
  vanish(path: string): void;
  /** Delivers a report to the open handle of `path`; false when nobody has it open. */
  send(path: string, report: Uint8Array | readonly number[]): boolean;
  play(script: readonly ReplayStep[]): void;
  /** How many times the service listed devices — lets tests see rescans. */
  readonly listCalls: number;
  /** Paths with an open (not closed) handle. */
  openPaths(): string[];
}

interface OpenHandle {
  readonly reportListeners: ((report: Uint8Array) => void)[];
  readonly goneListeners: ((reason: string) => void)[];
}

export function createReplayBackend(initial: readonly HidDeviceInfo[] = []): ReplayBackend {
  const plugged = new Map<string, HidDeviceInfo>(initial.map((info) => [info.path, info]));
  const open = new Map<string, OpenHandle>();
  let listCalls = 0;

  function unplug(path: string): void {
    plugged.delete(path);
    const handle = open.get(path);
    if (!handle) return;
    open.delete(path);
    for (const listener of handle.goneListeners) listener('could not read from HID device');
  }

  function send(path: string, report: Uint8Array | readonly number[]): boolean {
    const handle = open.get(path);
    if (!handle) return false;
    const bytes = Uint8Array.from(report);
    for (const listener of handle.reportListeners) listener(bytes);
    return true;
  }

  return {
    name: 'replay',
    get listCalls() {
      return listCalls;
    },
    list(filter: HidFilter) {
      listCalls += 1;
      return Promise.resolve([...plugged.values()].filter((info) => matchesFilter(info, filter)));
    },
    open(info: HidDeviceInfo): Promise<HidDevice> {
      if (!plugged.has(info.path)) {
        return Promise.reject(new Error(`cannot open ${info.path}: not plugged in`));
      }
      const handle: OpenHandle = { reportListeners: [], goneListeners: [] };
      open.set(info.path, handle);
      return Promise.resolve({
        info,
        onReport: (listener) => handle.reportListeners.push(listener),
        onGone: (listener) => handle.goneListeners.push(listener),
        close: () => {
          if (open.get(info.path) === handle) open.delete(info.path);
          return Promise.resolve();
        },
      });
    },
    plug(info) {
      plugged.set(info.path, info);
    },
    unplug,
    vanish(path) {
      plugged.delete(path);
    },
    send,
    play(script) {
      for (const step of script) {
        if ('plug' in step) plugged.set(step.plug.path, step.plug);
        else if ('unplug' in step) unplug(step.unplug);
        else send(step.path, step.report);
      }
    },
    openPaths: () => [...open.keys()],
  };
}
