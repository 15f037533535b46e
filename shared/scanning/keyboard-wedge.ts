/**
 * Telling a keyboard-wedge scanner from a person (DESIGN.md §8). A scanner "types" its barcode as a
 * burst — every key a few milliseconds after the last — and ends it with Enter or Tab; people type
 * far slower (80–200 ms between keys). Pure: it takes key names and times, not DOM events.
 */
import type { ScannerSettings } from '../settings/desk-settings.ts';

export interface WedgeSettings {
  /** Fewest characters in a scan (shorter bursts are someone's fingers). */
  readonly minLength: number;
  /** Longest pause between two keys of one scan. */
  readonly maxGapMs: number;
  readonly terminators: readonly ('Enter' | 'Tab')[];
  /** Characters the scanner is set to send before/after each barcode; '' for none. */
  readonly prefix: string;
  readonly suffix: string;
}

export const DEFAULT_WEDGE_SETTINGS: WedgeSettings = {
  minLength: 4,
  maxGapMs: 50,
  terminators: ['Enter', 'Tab'],
  prefix: '',
  suffix: '',
};

/** The wedge part of the stored scanner settings (the HID filter does not concern the wedge). */
export function wedgeSettingsFrom(
  scanner: Pick<ScannerSettings, 'minLength' | 'maxGapMs' | 'prefix' | 'suffix'>,
): WedgeSettings {
  return {
    ...DEFAULT_WEDGE_SETTINGS,
    minLength: scanner.minLength,
    maxGapMs: scanner.maxGapMs,
    prefix: scanner.prefix,
    suffix: scanner.suffix,
  };
}

/**
 * True when key times `times` (ms, ascending) read as a scanner's burst: long enough, and no gap
 * longer than the setting. Used by the scan field to tell a scan from typing.
 */
export function isBurst(times: readonly number[], settings: WedgeSettings): boolean {
  if (times.length < settings.minLength) return false;
  for (let i = 1; i < times.length; i += 1) {
    if ((times[i] as number) - (times[i - 1] as number) > settings.maxGapMs) return false;
  }
  return true;
}

/** The barcode inside a scan: configured prefix and suffix removed; undefined if they are missing. */
export function unwrapScan(text: string, settings: WedgeSettings): string | undefined {
  if (settings.prefix && !text.startsWith(settings.prefix)) return undefined;
  if (settings.suffix && !text.endsWith(settings.suffix)) return undefined;
  const inner = text.slice(settings.prefix.length, text.length - settings.suffix.length);
  return inner.length > 0 ? inner : undefined;
}

export type KeyDecision = 'pass' | 'swallow';

export interface WedgeDetector {
  /**
   * One keydown while focus is not in a text field (on a button, a link, the page). Returns
   * whether the page should still act on the key. Printable keys are held back — on a button or
   * the page they do nothing useful — except a Space that starts a burst, which may be someone
   * pressing a button; Enter and Tab pass unless they end a scan, so keyboard users keep them.
   */
  key(key: string, time: number): KeyDecision;
  /** Forget a half-read burst (the window lost focus). */
  reset(): void;
  /**
   * New thresholds, prefix or suffix (saved in Settings, or arrived after the window opened). A
   * burst being read goes on under them: a scan that began as the settings arrived is not lost.
   */
  configure(settings: WedgeSettings): void;
}

export function createWedgeDetector(
  initial: WedgeSettings,
  emit: (value: string) => void,
): WedgeDetector {
  let settings = initial;
  let chars = '';
  let times: number[] = [];

  function reset(): void {
    chars = '';
    times = [];
  }

  // With a prefix configured a scan starts only at the prefix: a stray key pressed just before it
  // must not make the whole scan fail the prefix check.
  function dropUntilPrefix(): void {
    const { prefix } = settings;
    while (chars !== '' && !chars.startsWith(prefix) && !prefix.startsWith(chars)) {
      chars = chars.slice(1);
      times.shift();
    }
  }

  return {
    reset,
    configure(next) {
      settings = next;
    },
    key(key, time) {
      const last = times.at(-1);
      if (last !== undefined && time - last > settings.maxGapMs) reset();
      if ((settings.terminators as readonly string[]).includes(key)) {
        const value = isBurst(times, settings) ? unwrapScan(chars, settings) : undefined;
        reset();
        if (value === undefined) return 'pass';
        emit(value);
        return 'swallow';
      }
      if (key.length !== 1) return 'pass'; // Shift, arrows, F-keys: not part of a barcode.
      const starting = chars === '';
      chars += key;
      times.push(time);
      dropUntilPrefix();
      return starting && key === ' ' ? 'pass' : 'swallow';
    },
  };
}
