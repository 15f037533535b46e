import type { DeskClient } from '../../../shared/api/client.ts';
import type { Output, ScanRecord, ScanResult } from '../../../shared/api/contract.ts';
import type { ScanScreen } from '../../../shared/scanning/scan-kinds.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

export type ScanSource = 'wedge' | 'hid' | 'manual';
export type FeedbackTone = 'success' | 'warning' | 'error';

/** How the desk makes itself heard; the real one plays generated tones (feedback-sounds.ts). */
export interface ScanFeedback {
  play(tone: FeedbackTone): void;
}

export interface ScanSlice {
  scanning: {
    /** The latest outcome, shown large in the banner. */
    readonly last: (ScanResult & { readonly screen: ScanScreen }) | null;
    /** A call that failed (server down, bad input), in plain words. */
    readonly error: string | null;
    readonly recent: readonly ScanRecord[];
    /** Scans submitted and not answered yet; a scan is never dropped while another is in flight. */
    readonly inFlight: number;
    /** What Settings shows about scanners; null until asked. */
    readonly scanners: Output<'scanners.status'> | null;
  };
  /** `scanId` is a HID scan the desk journaled on arrival, which this window takes. */
  submitScan: (
    screen: ScanScreen,
    raw: string,
    source: ScanSource,
    scanId?: number,
  ) => Promise<void>;
  loadRecentScans: () => Promise<void>;
  /** Stored as the desk's `soundsMuted` setting, so it survives a reload and holds in every window. */
  setMuted: (muted: boolean) => Promise<void>;
  /** Hands each HID POS scan pushed by the desk to `screen`; returns the unsubscribe. */
  followHidScans: (screen: ScanScreen) => () => void;
  loadScannerStatus: () => Promise<void>;
}

const RECENT = 10;

function toneOf(result: ScanResult): FeedbackTone {
  return result.outcome === 'OK' ? 'success' : result.outcome === 'WARNING' ? 'warning' : 'error';
}

/** Sounds are on until the stored setting says otherwise. */
export function soundsMuted(state: {
  settings: { values: { soundsMuted: boolean } | null };
}): boolean {
  return state.settings.values?.soundsMuted ?? false;
}

export function createScanSlice(client: DeskClient, feedback: ScanFeedback): DeskSlice<ScanSlice> {
  return (set, get) => ({
    scanning: {
      last: null,
      error: null,
      recent: [],
      inFlight: 0,
      scanners: null,
    },

    async submitScan(screen, raw, source, scanId) {
      if (raw.trim() === '') return;
      set((s) => ({ scanning: { ...s.scanning, inFlight: s.scanning.inFlight + 1 } }));
      const result = await client.call('scans.submit', {
        source,
        raw,
        screen,
        ...(scanId === undefined ? {} : { scanId }),
      });
      if (result.ok && result.value.alreadyHandled) {
        // Another window took this HID scan and has shown and sounded it; saying it twice misleads.
        set((s) => ({ scanning: { ...s.scanning, inFlight: s.scanning.inFlight - 1 } }));
        await get().loadRecentScans();
        return;
      }
      set((s) => ({
        scanning: {
          ...s.scanning,
          inFlight: s.scanning.inFlight - 1,
          last: result.ok ? { ...result.value, screen } : s.scanning.last,
          error: result.ok ? null : result.error.message,
        },
      }));
      if (!soundsMuted(get())) feedback.play(result.ok ? toneOf(result.value) : 'error');
      await get().loadRecentScans();
    },

    async loadRecentScans() {
      const result = await client.call('scans.recent', { limit: RECENT });
      if (result.ok) set((s) => ({ scanning: { ...s.scanning, recent: result.value } }));
    },

    async setMuted(muted) {
      const { values } = get().settings;
      // Answer the click at once; the stored value follows.
      if (values) {
        set((s) => ({ settings: { ...s.settings, values: { ...values, soundsMuted: muted } } }));
      }
      const result = await get().updateSetting({ key: 'soundsMuted', value: muted });
      if (!result.ok) {
        set((s) => ({
          scanning: {
            ...s.scanning,
            error: `Sounds could not be turned ${muted ? 'off' : 'on'}: ${result.error.message}`,
          },
        }));
        await get().loadSettings();
      }
    },

    async loadScannerStatus() {
      const result = await client.call('scanners.status', {});
      if (result.ok) set((s) => ({ scanning: { ...s.scanning, scanners: result.value } }));
    },

    followHidScans(screen) {
      return client.on(
        'scan.hid',
        (scan) => void get().submitScan(screen, scan.value, 'hid', scan.scanId),
      );
    },
  });
}
