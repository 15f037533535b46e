import { describe, expect, it } from 'vitest';
import {
  createWedgeDetector,
  DEFAULT_WEDGE_SETTINGS,
  isBurst,
  wedgeSettingsFrom,
  type WedgeSettings,
} from '../../../shared/scanning/keyboard-wedge.ts';

/** Feeds `text` then `end` to a detector, one key every `gap` ms from `start`; returns decisions. */
function type(
  detector: ReturnType<typeof createWedgeDetector>,
  text: string,
  gap: number,
  start = 0,
  end = 'Enter',
): { decisions: string[]; at: number } {
  let at = start;
  const decisions: string[] = [];
  for (const key of [...text, end]) {
    decisions.push(detector.key(key, at));
    at += gap;
  }
  return { decisions, at };
}

function detector(settings: Partial<WedgeSettings> = {}) {
  const scans: string[] = [];
  const d = createWedgeDetector({ ...DEFAULT_WEDGE_SETTINGS, ...settings }, (v) => scans.push(v));
  return { d, scans };
}

describe('keyboard-wedge detection', () => {
  it('reads a 5 ms/char burst ending in Enter as one scan, and swallows its keys', () => {
    const { d, scans } = detector();
    const { decisions } = type(d, '00041771', 5);
    expect(scans).toEqual(['00041771']);
    expect(decisions.every((x) => x === 'swallow')).toBe(true);
  });

  it('does not read 150 ms/char typing as a scan, and lets Enter through', () => {
    const { d, scans } = detector();
    const { decisions } = type(d, '00041771', 150);
    expect(scans).toEqual([]);
    expect(decisions.at(-1)).toBe('pass');
  });

  it('reads 50 scans back to back as 50 scans, in order, none merged or lost', () => {
    const { d, scans } = detector();
    const values = Array.from({ length: 50 }, (_, i) => `3123400012${String(i).padStart(4, '0')}`);
    let at = 0;
    for (const value of values) at = type(d, value, 4, at).at + 60;
    expect(scans).toEqual(values);
  });

  it('ends a scan with Tab too', () => {
    const { d, scans } = detector();
    type(d, 'B-1001', 5, 0, 'Tab');
    expect(scans).toEqual(['B-1001']);
  });

  it('strips a configured prefix and suffix, and ignores bursts without them', () => {
    const { d, scans } = detector({ prefix: '*', suffix: '#' });
    const first = type(d, '*00041771#', 5);
    type(d, '00041771', 5, first.at + 500);
    expect(scans).toEqual(['00041771']);
  });

  it('finds a prefixed scan even when a stray key came just before the prefix', () => {
    const { d, scans } = detector({ prefix: '*', suffix: '#' });
    d.key('x', 0);
    type(d, '*00041771#', 5, 5);
    expect(scans).toEqual(['00041771']);
  });

  it('ignores a burst shorter than the minimum', () => {
    const { d, scans } = detector();
    type(d, 'ab', 5);
    expect(scans).toEqual([]);
  });

  it('does not glue a slow key onto the burst that follows it', () => {
    const { d, scans } = detector();
    d.key('x', 0);
    type(d, '00041771', 5, 400);
    expect(scans).toEqual(['00041771']);
  });

  it('lets keys that are not characters through and out of the barcode', () => {
    const { d, scans } = detector();
    expect(d.key('Shift', 0)).toBe('pass');
    type(d, 'B-1001', 5, 1);
    expect(scans).toEqual(['B-1001']);
  });

  it('lets a Space that starts nothing through, so a focused button still works', () => {
    const { d } = detector();
    expect(d.key(' ', 0)).toBe('pass');
  });

  it('forgets a half-read burst on reset', () => {
    const { d, scans } = detector();
    d.key('0', 0);
    d.key('0', 5);
    d.reset();
    type(d, '41', 5, 10);
    expect(scans).toEqual([]);
  });

  it('isBurst tells the scan field a scanner from typing', () => {
    expect(isBurst([0, 5, 10, 15, 20], DEFAULT_WEDGE_SETTINGS)).toBe(true);
    expect(isBurst([0, 150, 300, 450], DEFAULT_WEDGE_SETTINGS)).toBe(false);
    expect(isBurst([0, 5], DEFAULT_WEDGE_SETTINGS)).toBe(false);
  });

  it('reads with the thresholds, prefix and suffix stored in Settings', () => {
    const stored = { minLength: 6, maxGapMs: 20, prefix: '$', suffix: '#' };
    const settings = wedgeSettingsFrom({ ...stored });
    expect(settings).toEqual({ ...DEFAULT_WEDGE_SETTINGS, ...stored });
    const scans: string[] = [];
    const d = createWedgeDetector(settings, (v) => scans.push(v));
    type(d, '$00041771#', 5);
    type(d, '$00041771#', 30, 1_000);
    expect(scans).toEqual(['00041771']);
  });

  it('keeps a burst under way when the stored settings arrive in the middle of it', () => {
    const { d, scans } = detector();
    for (const [i, key] of [...'0004'].entries()) d.key(key, i * 5);
    d.configure({ ...DEFAULT_WEDGE_SETTINGS, maxGapMs: 40 });
    for (const [i, key] of [...'1771', 'Enter'].entries()) d.key(key, 20 + i * 5);
    expect(scans).toEqual(['00041771']);
  });

  it('reads later bursts with the settings it was given', () => {
    const { d, scans } = detector();
    d.configure({ ...DEFAULT_WEDGE_SETTINGS, prefix: '$', suffix: '#' });
    type(d, '$00041771#', 5);
    type(d, '00041772', 5, 1_000);
    expect(scans).toEqual(['00041771']);
  });
});
