import {
  isBurst,
  unwrapScan,
  type WedgeSettings,
} from '../../../shared/scanning/keyboard-wedge.ts';

export interface FieldScan {
  /** The barcode the scanner sent (prefix and suffix removed). */
  readonly value: string;
  /** What the field held before the scan's keys arrived, to put back. */
  readonly restore: string;
}

/**
 * A scanner's burst typed into a text field that is not where the barcode belongs (a note, the
 * number of pieces) — or into the barcode field on top of an earlier one. The field takes the keys
 * as typing (a person's keys must appear as they type); the terminator shows it was a scan, and
 * the caller puts the field back as it was and the barcode where it belongs. Pure: key names and
 * times, not DOM events.
 */
export interface FieldBurst {
  /** One keydown; `before` is the field's value before this key. A FieldScan when it ends a scan. */
  key(key: string, time: number, before: string): FieldScan | null;
  reset(): void;
}

export function createFieldBurst(settings: WedgeSettings): FieldBurst {
  let chars = '';
  let times: number[] = [];
  let start = '';

  function reset(): void {
    chars = '';
    times = [];
  }

  return {
    reset,
    key(key, time, before) {
      const last = times.at(-1);
      if (last !== undefined && time - last > settings.maxGapMs) reset();
      if ((settings.terminators as readonly string[]).includes(key)) {
        const value = isBurst(times, settings) ? unwrapScan(chars, settings) : undefined;
        reset();
        return value === undefined ? null : { value, restore: start };
      }
      if (key.length !== 1) {
        reset(); // Backspace, arrows: a person editing
        return null;
      }
      if (chars === '') start = before;
      chars += key;
      times.push(time);
      return null;
    },
  };
}
