/**
 * The seam between the scanner service and USB: the real node-hid backend and the replaying test
 * backend both implement it, so the service is tested without hardware (HOUSE_STYLE: mock only
 * what cannot exist here).
 */

/** USB HID usage page of bar code scanners (HID POS Usage Tables 1.02). */
export const HID_POS_USAGE_PAGE = 0x8c;

export interface HidDeviceInfo {
  /** Platform path hidapi opens the device by; also its identity while plugged in. */
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly product: string | null;
}

/** Settings may narrow scanning to one make or model. */
export interface HidFilter {
  readonly vendorId?: number;
  readonly productId?: number;
}

export interface HidDevice {
  readonly info: HidDeviceInfo;
  onReport(listener: (report: Uint8Array) => void): void;
  /** Called once when the device stops being readable (unplugged, or a read error). */
  onGone(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export interface HidBackend {
  /** How devices from this backend are read, shown in Settings (e.g. "node-hid"). */
  readonly name: string;
  list(filter: HidFilter): Promise<HidDeviceInfo[]>;
  open(info: HidDeviceInfo): Promise<HidDevice>;
}

export function matchesFilter(info: HidDeviceInfo, filter: HidFilter): boolean {
  if (filter.vendorId !== undefined && info.vendorId !== filter.vendorId) return false;
  if (filter.productId !== undefined && info.productId !== filter.productId) return false;
  return true;
}
