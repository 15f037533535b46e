/**
 * The real backend over node-hid. node-hid is a native module, so it is imported lazily: nothing
 * that tests import loads it, and a machine without a working build still starts (the service then
 * reports the load failure as a status instead of crashing the main process).
 */
import type { Device, HIDAsync } from 'node-hid';
import {
  HID_POS_USAGE_PAGE,
  matchesFilter,
  type HidBackend,
  type HidDevice,
  type HidDeviceInfo,
  type HidFilter,
} from './hid-device.ts';

type NodeHid = typeof import('node-hid');

export function createNodeHidBackend(): HidBackend {
  let loaded: Promise<NodeHid> | null = null;
  const load = (): Promise<NodeHid> => (loaded ??= import('node-hid'));

  return {
    name: 'node-hid',
    async list(filter: HidFilter): Promise<HidDeviceInfo[]> {
      const hid = await load();
      const devices = await hid.devicesAsync();
      const byPath = new Map<string, HidDeviceInfo>();
      for (const device of devices) {
        const info = toInfo(device);
        // Keyboard-mode scanners show up on the keyboard page (0x01) and cannot be read here.
        if (info && device.usagePage === HID_POS_USAGE_PAGE && matchesFilter(info, filter)) {
          byPath.set(info.path, info);
        }
      }
      return [...byPath.values()];
    },
    async open(info: HidDeviceInfo): Promise<HidDevice> {
      const hid = await load();
      const handle = await hid.HIDAsync.open(info.path);
      return wrap(info, handle);
    },
  };
}

function toInfo(device: Device): HidDeviceInfo | null {
  if (!device.path) return null;
  return {
    path: device.path,
    vendorId: device.vendorId,
    productId: device.productId,
    product: device.product ?? null,
  };
}

function wrap(info: HidDeviceInfo, handle: HIDAsync): HidDevice {
  const reportListeners: ((report: Uint8Array) => void)[] = [];
  const goneListeners: ((reason: string) => void)[] = [];
  let gone = false;
  let closing: Promise<void> | null = null;

  handle.on('data', (data: Uint8Array) => {
    // Copy: node-hid may reuse the Buffer's memory for the next report.
    const report = Uint8Array.from(data);
    for (const listener of reportListeners) listener(report);
  });
  // hidapi reports an unplug as a read error; there is no separate event.
  handle.on('error', (error: unknown) => {
    if (gone) return;
    gone = true;
    const reason = error instanceof Error ? error.message : String(error);
    for (const listener of goneListeners) listener(reason);
  });

  return {
    info,
    onReport(listener) {
      reportListeners.push(listener);
    },
    onGone(listener) {
      goneListeners.push(listener);
    },
    close() {
      gone = true;
      // Closing an already-unplugged device can reject; the handle is unusable either way.
      closing ??= handle.close().catch(() => undefined);
      return closing;
    },
  };
}
