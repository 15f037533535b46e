import type { Gate } from '../../db/gate.ts';
import { journalScan } from '../../db/repositories/scans-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import { NO_SCREEN } from '../../shared/scanning/scan-kinds.ts';
import type { ScannerSettings } from '../../shared/settings/desk-settings.ts';
import type { HidBackend, HidFilter } from '../scanner/hid-device.ts';
import {
  createHidScannerService,
  type ConnectedScanner,
  type HidScan,
  type HidScannerService,
  type HidScannerStatus,
  type SetTimer,
} from '../scanner/hid-scanner-service.ts';
import type { DeskEvents } from './desk-events.ts';

/** Lines kept about what the scanner service saw (open failures, dropped scans) for Settings. */
const NOTES_KEPT = 10;

export interface DeskScanners {
  /** The scanners open now and how each is read. */
  status(): ConnectedScanner[];
  /** The latest notices in plain words, newest first. */
  notes(): string[];
  /** Reads the scanner settings, starts reading scanners, and follows setting changes. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface DeskScannersOptions {
  readonly backend: HidBackend;
  readonly events: DeskEvents;
  readonly gate: Gate;
  /** Tests drive time; a desk uses the real clock. */
  readonly now?: () => number;
  readonly setTimer?: SetTimer;
}

/** The scanner settings the HID service is built from; a change to any of them restarts it. */
type HidSettings = Pick<ScannerSettings, 'hidVendorId' | 'hidProductId' | 'prefix' | 'suffix'>;

function sameHidSettings(a: HidSettings, b: HidSettings): boolean {
  return (
    a.hidVendorId === b.hidVendorId &&
    a.hidProductId === b.hidProductId &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix
  );
}

function filterOf(settings: HidSettings): HidFilter {
  return {
    ...(settings.hidVendorId === null ? {} : { vendorId: settings.hidVendorId }),
    ...(settings.hidProductId === null ? {} : { productId: settings.hidProductId }),
  };
}

const hex = (id: number | null): string => (id === null ? 'any' : id.toString(16).padStart(4, '0'));

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

function realTimer(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/**
 * Reads HID POS scanners in this process. Each scan is journaled here on arrival (screen "none")
 * and only then pushed to every window as `scan.hid` with its `scanId`, so a scan is kept with no
 * window open, and with two windows the first to submit takes it and the other is told so. The raw
 * text carries the AIM identifier, as a wedge scanner would type it.
 */
export function createDeskScanners(options: DeskScannersOptions): DeskScanners {
  const { backend, events, gate } = options;
  const notes: string[] = [];
  let current: { readonly service: HidScannerService; readonly settings: HidSettings } | null =
    null;
  let running = false;
  // Starts and restarts run one after another, never two services at once.
  let queue: Promise<void> = Promise.resolve();
  let unfollow: (() => void) | null = null;

  function note(text: string): void {
    notes.unshift(text);
    notes.length = Math.min(notes.length, NOTES_KEPT);
  }

  function journalAndPush(scan: HidScan): void {
    const raw = `${scan.aim ?? ''}${scan.raw}`;
    const device = scan.device.product ?? scan.device.path;
    // The gate runs transactions in the order asked, so scans are journaled and pushed in order.
    gate
      .transaction((tx) =>
        journalScan(tx, {
          source: 'hid',
          raw,
          normalized: scan.value,
          symbology: scan.symbology,
          screen: NO_SCREEN,
          operatorId: null,
        }),
      )
      .then(
        (scanId) =>
          events.emit('scan.hid', { scanId, value: raw, symbology: scan.symbology, device }),
        (error: unknown) =>
          note(`A scan from ${device} could not be journaled (${String(error)}); scan it again.`),
      );
  }

  async function apply(settings: ScannerSettings, changed: boolean): Promise<void> {
    if (!running || (current && sameHidSettings(current.settings, settings))) return;
    const previous = current;
    current = null;
    await previous?.service.stop();
    if (changed) {
      note(
        `Scanner settings changed: looking again for scanners (vendor ${hex(settings.hidVendorId)}, product ${hex(settings.hidProductId)}).`,
      );
    }
    const service = createHidScannerService({
      backend,
      filter: filterOf(settings),
      normalise: { prefix: settings.prefix, suffix: settings.suffix },
      now: options.now ?? Date.now,
      setTimer: options.setTimer ?? realTimer,
      onScan: journalAndPush,
      onStatus: (status) => note(describe(status)),
    });
    current = { service, settings };
    await service.start();
  }

  function reload(changed: boolean): Promise<void> {
    queue = queue
      .then(async () => apply(await gate.read((db) => getSetting(db, 'scanner')), changed))
      .catch((error: unknown) => note(`Could not apply the scanner settings: ${String(error)}`));
    return queue;
  }

  return {
    status: () => current?.service.status() ?? [],
    notes: () => [...notes],
    async start() {
      if (running) return;
      running = true;
      unfollow = events.on('settings.changed', ({ key }) => {
        if (key === 'scanner') void reload(true);
      });
      await reload(false);
    },
    async stop() {
      running = false;
      unfollow?.();
      unfollow = null;
      await queue;
      const last = current;
      current = null;
      await last?.service.stop();
    },
  };
}
