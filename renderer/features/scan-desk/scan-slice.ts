import type { DeskClient } from '../../../shared/api/client.ts';
import type { EventPayload, Output, ScanRecord, ScanResult } from '../../../shared/api/contract.ts';
import type { ScanScreen } from '../../../shared/scanning/scan-kinds.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { toneOf, type DeskOutcome, type FeedbackTone } from './desk-outcome.ts';
import { currentScanTarget, deliverScan } from './scan-targets.ts';

export type { FeedbackTone } from './desk-outcome.ts';
export type ScanSource = 'wedge' | 'hid' | 'manual';

/** How the desk makes itself heard; the real one plays generated tones (feedback-sounds.ts). */
export interface ScanFeedback {
  play(tone: FeedbackTone): void;
}

export interface ScanSlice {
  scanning: {
    /** The latest outcome, shown large in the banner. */
    readonly last: (ScanResult & { readonly screen: ScanScreen }) | null;
    /** What the desk action after the latest scan (or an undo) said; shown over `last`. */
    readonly outcome: DeskOutcome | null;
    /** A call that failed (server down, bad input), in plain words. */
    readonly error: string | null;
    readonly recent: readonly ScanRecord[];
    /** Scans submitted and not answered yet; a scan is never dropped while another is in flight. */
    readonly inFlight: number;
    /** Counts scans, so a slow answer to an older scan never shows over a newer one. */
    readonly seq: number;
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
  /**
   * A HID scan that arrived while a dialog is the scan target (the Temporary barcode dialog waits
   * for the item's barcode): the window still takes it from the journal for `screen`, so it is not
   * left "untaken", but the value goes to the dialog instead of being handled by the screen.
   */
  takeHidScanForDialog: (screen: ScanScreen, scan: EventPayload<'scan.hid'>) => Promise<void>;
  /** Shows a desk action's outcome large on its screen and sounds it. */
  showOutcome: (outcome: DeskOutcome) => void;
  /** Plays a tone unless sounds are muted. */
  sound: (tone: FeedbackTone) => void;
  loadRecentScans: () => Promise<void>;
  /** Stored as the desk's `soundsMuted` setting, so it survives a reload and holds in every window. */
  setMuted: (muted: boolean) => Promise<void>;
  /** Hands each HID POS scan pushed by the desk to `screen` (or its open dialog); returns the unsubscribe. */
  followHidScans: (screen: ScanScreen) => () => void;
  loadScannerStatus: () => Promise<void>;
}

const RECENT = 10;

/** Sounds are on until the stored setting says otherwise. */
export function soundsMuted(state: {
  settings: { values: { soundsMuted: boolean } | null };
}): boolean {
  return state.settings.values?.soundsMuted ?? false;
}

export function createScanSlice(client: DeskClient, feedback: ScanFeedback): DeskSlice<ScanSlice> {
  return (set, get) => {
    const patch = (part: Partial<ScanSlice['scanning']>) =>
      set((s) => ({ scanning: { ...s.scanning, ...part } }));

    /** A taken scan on `screen`: shown, then the screen's desk action if it has one. */
    async function handle(screen: ScanScreen, result: ScanResult): Promise<void> {
      const seq = get().scanning.seq + 1;
      patch({ last: { ...result, screen }, outcome: null, error: null, seq });
      const spoken = await get().followUpScan(screen, result, seq);
      if (!spoken) get().sound(toneOf(result.outcome));
    }

    function failed(message: string): void {
      patch({ error: message, outcome: null });
      get().sound('error');
    }

    function take(
      screen: ScanScreen,
      raw: string,
      source: ScanSource,
      scanId?: number,
      dialog?: string,
    ) {
      return client.call('scans.submit', {
        source,
        raw,
        screen,
        ...(scanId === undefined ? {} : { scanId }),
        ...(dialog === undefined ? {} : { dialog }),
      });
    }

    return {
      scanning: {
        last: null,
        outcome: null,
        error: null,
        recent: [],
        inFlight: 0,
        seq: 0,
        scanners: null,
      },

      async submitScan(screen, raw, source, scanId) {
        if (raw.trim() === '') return;
        patch({ inFlight: get().scanning.inFlight + 1 });
        const result = await take(screen, raw, source, scanId);
        patch({ inFlight: get().scanning.inFlight - 1 });
        // Another window took this HID scan and has shown and sounded it; saying it twice misleads.
        if (result.ok && !result.value.alreadyHandled) await handle(screen, result.value);
        else if (!result.ok) failed(result.error.message);
        await get().loadRecentScans();
      },

      async takeHidScanForDialog(screen, scan) {
        // The journal says the dialog took it, not what the value would have been at the screen.
        const dialog = currentScanTarget() ?? undefined;
        const result = await take(screen, scan.value, 'hid', scan.scanId, dialog);
        if (!result.ok) failed(result.error.message);
        else if (!result.value.alreadyHandled) {
          const target = currentScanTarget();
          // The dialog may have closed while the scan was being taken: then the screen has it.
          if (target !== null && target !== screen) deliverScan(result.value.value);
          else await handle(screen, result.value);
        }
        await get().loadRecentScans();
      },

      showOutcome(outcome) {
        patch({ outcome, error: null });
        get().sound(toneOf(outcome.outcome));
      },

      sound(tone) {
        if (!soundsMuted(get())) feedback.play(tone);
      },

      async loadRecentScans() {
        const result = await client.call('scans.recent', { limit: RECENT });
        if (result.ok) patch({ recent: result.value });
      },

      async setMuted(muted) {
        const { values } = get().settings;
        // Answer the click at once; the stored value follows.
        if (values) {
          set((s) => ({ settings: { ...s.settings, values: { ...values, soundsMuted: muted } } }));
        }
        const result = await get().updateSetting({ key: 'soundsMuted', value: muted });
        if (!result.ok) {
          patch({
            error: `Sounds could not be turned ${muted ? 'off' : 'on'}: ${result.error.message}`,
          });
          await get().loadSettings();
        }
      },

      async loadScannerStatus() {
        const result = await client.call('scanners.status', {});
        if (result.ok) patch({ scanners: result.value });
      },

      followHidScans(screen) {
        return client.on('scan.hid', (scan) => {
          const target = currentScanTarget();
          if (target !== null && target !== screen) void get().takeHidScanForDialog(screen, scan);
          else void get().submitScan(screen, scan.value, 'hid', scan.scanId);
        });
      },
    };
  };
}
