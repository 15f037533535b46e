/**
 * Reads HID POS scanners in the main process (DESIGN.md §8): opens every scanner the backend lists,
 * joins continued reports into scans, notices unplug and replug, and hands each scan on normalised.
 * Time comes in through `now`/`setTimer` so tests drive it with a fake clock.
 */
import { createReportJoiner, type ReportJoiner } from '../../shared/scanning/hid-pos-report.ts';
import { symbologyName } from '../../shared/scanning/aim-symbology.ts';
import { normaliseScan, type NormaliseOptions } from '../../shared/scanning/scan-normalise.ts';
import type { HidBackend, HidDevice, HidDeviceInfo, HidFilter } from './hid-device.ts';

/** Rescanning enumerates every USB HID device; more often than this costs CPU for nothing. */
export const MIN_RESCAN_INTERVAL_MS = 2_000;
/** A scanner sends the reports of one scan back to back; a longer gap means the tail was lost. */
export const DEFAULT_JOIN_TIMEOUT_MS = 500;

export interface HidScan {
  /** Normalised value (prefix/suffix, Codabar start/stop stripped). */
  readonly value: string;
  /** Symbology name from the report's AIM identifier; null when the scanner sent none. */
  readonly symbology: string | null;
  readonly device: HidDeviceInfo;
  /** The joined data as received, for the scan journal. */
  readonly raw: string;
  /** AIM identifier from the reports (e.g. `]F0`); `aim + raw` is what a wedge scanner would type. */
  readonly aim: string | null;
  readonly warnings: string[];
}

export type HidScannerStatus =
  | { readonly kind: 'connected'; readonly device: HidDeviceInfo }
  | { readonly kind: 'disconnected'; readonly device: HidDeviceInfo; readonly reason: string }
  | { readonly kind: 'open-failed'; readonly device: HidDeviceInfo; readonly reason: string }
  | { readonly kind: 'list-failed'; readonly reason: string }
  | { readonly kind: 'report-rejected'; readonly device: HidDeviceInfo; readonly reason: string }
  | { readonly kind: 'scan-dropped'; readonly device: HidDeviceInfo; readonly reason: string };

export interface ConnectedScanner extends HidDeviceInfo {
  /** How the scanner is read, e.g. "node-hid". */
  readonly readBy: string;
}

/** Schedules `run` after `ms`; returns a cancel function. */
export type SetTimer = (run: () => void, ms: number) => () => void;

export interface HidScannerServiceOptions {
  readonly backend: HidBackend;
  readonly filter: HidFilter;
  readonly onScan: (scan: HidScan) => void;
  readonly onStatus: (status: HidScannerStatus) => void;
  readonly now: () => number;
  readonly setTimer: SetTimer;
  /** Raised to MIN_RESCAN_INTERVAL_MS when lower. */
  readonly rescanIntervalMs?: number;
  readonly joinTimeoutMs?: number;
  readonly normalise?: Pick<NormaliseOptions, 'prefix' | 'suffix'>;
}

export interface HidScannerService {
  start(): Promise<void>;
  /** Looks for scanners now unless it looked within the last MIN_RESCAN_INTERVAL_MS. */
  rescan(): Promise<void>;
  status(): ConnectedScanner[];
  stop(): Promise<void>;
}

interface Connection {
  readonly device: HidDevice;
  readonly joiner: ReportJoiner;
}

export function createHidScannerService(options: HidScannerServiceOptions): HidScannerService {
  const { backend, filter, onScan, onStatus, now, setTimer } = options;
  const interval = Math.max(MIN_RESCAN_INTERVAL_MS, options.rescanIntervalMs ?? 0);
  const joinTimeoutMs = options.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
  const connections = new Map<string, Connection>();
  // Paths that failed to open are reported once, not every rescan, until they disappear.
  const failed = new Set<string>();
  let running = false;
  let lastRescanAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  let cancelTimer: (() => void) | null = null;

  function schedule(): void {
    cancelTimer = setTimer(() => {
      cancelTimer = null;
      if (!running) return;
      for (const connection of connections.values()) {
        report(connection.device.info, connection.joiner.expire(now()));
      }
      void rescan().finally(() => {
        if (running) schedule();
      });
    }, interval);
  }

  function rescan(): Promise<void> {
    if (!running) return Promise.resolve();
    if (inFlight) return inFlight;
    if (now() - lastRescanAt < MIN_RESCAN_INTERVAL_MS) return Promise.resolve();
    lastRescanAt = now();
    inFlight = look().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  async function look(): Promise<void> {
    let listed: HidDeviceInfo[];
    try {
      listed = await backend.list(filter);
    } catch (error) {
      onStatus({ kind: 'list-failed', reason: message(error) });
      return;
    }
    const present = new Set(listed.map((info) => info.path));
    for (const path of failed) if (!present.has(path)) failed.delete(path);
    // A device that vanished without a read error (some platforms) is noticed here.
    for (const [path, connection] of connections) {
      if (!present.has(path)) await disconnect(connection, 'no longer attached');
    }
    for (const info of listed) {
      if (!running) return;
      if (connections.has(info.path) || failed.has(info.path)) continue;
      await connect(info);
    }
  }

  async function connect(info: HidDeviceInfo): Promise<void> {
    let device: HidDevice;
    try {
      device = await backend.open(info);
    } catch (error) {
      failed.add(info.path);
      onStatus({ kind: 'open-failed', device: info, reason: message(error) });
      return;
    }
    if (!running) {
      await device.close();
      return;
    }
    const connection: Connection = {
      device,
      joiner: createReportJoiner({ timeoutMs: joinTimeoutMs }),
    };
    connections.set(info.path, connection);
    device.onReport((bytes) => {
      if (connections.get(info.path) !== connection) return;
      report(info, connection.joiner.push(bytes, now()));
    });
    device.onGone((reason) => {
      void disconnect(connection, reason);
    });
    onStatus({ kind: 'connected', device: info });
  }

  async function disconnect(connection: Connection, reason: string): Promise<void> {
    const info = connection.device.info;
    if (connections.get(info.path) !== connection) return;
    connections.delete(info.path);
    await connection.device.close();
    onStatus({ kind: 'disconnected', device: info, reason });
  }

  function report(device: HidDeviceInfo, events: ReturnType<ReportJoiner['push']>): void {
    for (const event of events) {
      if (event.kind === 'scan') {
        const normalised = normaliseScan(event.data, {
          ...options.normalise,
          ...(event.symbology === null ? {} : { aimId: event.symbology }),
        });
        if (normalised.value.length === 0) {
          onStatus({ kind: 'report-rejected', device, reason: 'the scan was empty once trimmed' });
          continue;
        }
        onScan({
          value: normalised.value,
          symbology: event.symbology === null ? null : symbologyName(event.symbology),
          device,
          raw: event.data,
          aim: event.symbology,
          warnings: normalised.warnings,
        });
      } else if (event.kind === 'rejected') {
        onStatus({ kind: 'report-rejected', device, reason: event.reason });
      } else if (event.kind === 'dropped') {
        onStatus({ kind: 'scan-dropped', device, reason: event.reason });
      }
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      await rescan();
      if (running) schedule();
    },
    rescan,
    status() {
      return [...connections.values()].map(({ device }) => ({
        ...device.info,
        readBy: backend.name,
      }));
    },
    async stop() {
      running = false;
      cancelTimer?.();
      cancelTimer = null;
      await inFlight;
      const open = [...connections.values()];
      connections.clear();
      await Promise.all(open.map(({ device }) => device.close()));
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
