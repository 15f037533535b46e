import type { HidBackend } from '../scanner/hid-device.ts';
import {
  createHidScannerService,
  type HidScannerService,
  type HidScannerStatus,
} from '../scanner/hid-scanner-service.ts';
import type { DeskEvents } from './desk-events.ts';

/** Lines kept about what the scanner service saw (open failures, dropped scans) for Settings. */
const NOTES_KEPT = 10;

export interface DeskScanners {
  readonly service: HidScannerService;
  /** The latest notices in plain words, newest first. */
  notes(): string[];
}

function describe(status: HidScannerStatus): string {
  switch (status.kind) {
    case 'connected':
      return `Connected: ${status.device.product ?? status.device.path}.`;
    case 'list-failed':
      return `Could not look for HID scanners: ${status.reason}`;
    default:
      return `${status.device.product ?? status.device.path}: ${status.reason}`;
  }
}

/**
 * Reads HID POS scanners in this process and pushes each scan to every window as `scan.hid`. The
 * window hands it to the screen in front, which journals and handles it like a wedge scan: the
 * raw text carries the AIM identifier, as a wedge scanner would type it.
 */
export function startDeskScanners(backend: HidBackend, events: DeskEvents): DeskScanners {
  const notes: string[] = [];
  const service = createHidScannerService({
    backend,
    filter: {},
    now: Date.now,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
    onScan: (scan) =>
      events.emit('scan.hid', {
        value: `${scan.aim ?? ''}${scan.raw}`,
        symbology: scan.symbology,
        device: scan.device.product ?? scan.device.path,
      }),
    onStatus: (status) => {
      notes.unshift(describe(status));
      notes.length = Math.min(notes.length, NOTES_KEPT);
    },
  });
  return { service, notes: () => [...notes] };
}
