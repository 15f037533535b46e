import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createWedgeDetector,
  DEFAULT_WEDGE_SETTINGS,
  type KeyDecision,
  type WedgeSettings,
} from '../../shared/scanning/keyboard-wedge.ts';
import { recordFaultCounts } from './fault-counts.ts';

/**
 * Key streams a keyboard-wedge detector may meet, fuzzed: people typing, scanner bursts, modifier
 * and navigation keys, Tab and Enter, pauses, at arbitrary timings. The detector is compared with
 * a model that reads the stream as a whole: a terminator ends a scan when the character keys just
 * before it form an unbroken burst (no gap over maxGapMs, the terminator included) of at least
 * minLength characters since the last terminator.
 */

const tally = { inputs: 0, keys: 0, scans: 0, randomStreamScans: 0, humanStreams: 0, bursts: 0 };
afterAll(() => {
  recordFaultCounts('Fuzzing: keyboard-wedge key streams', tally);
});

interface KeyEvent {
  readonly key: string;
  readonly at: number;
}

const TERMINATORS = ['Enter', 'Tab'];
const NAMED_KEYS = ['Shift', 'Control', 'Alt', 'Meta', 'ArrowLeft', 'Backspace', 'F5', 'Escape'];

/** What a wedge detector with these settings should emit for the stream: the model. */
function modelScans(events: readonly KeyEvent[], settings: WedgeSettings): string[] {
  const scans: string[] = [];
  events.forEach((event, index) => {
    if (!TERMINATORS.includes(event.key)) return;
    // Walk back over the characters before this terminator while the burst is unbroken.
    let burst = '';
    let later = event.at;
    for (let i = index - 1; i >= 0; i -= 1) {
      const earlier = events[i] as KeyEvent;
      if (TERMINATORS.includes(earlier.key)) break;
      if (earlier.key.length !== 1) continue; // named keys are not part of a barcode
      if (later - earlier.at > settings.maxGapMs) break;
      burst = earlier.key + burst;
      later = earlier.at;
    }
    if (burst.length >= settings.minLength) scans.push(burst);
  });
  return scans;
}

function run(
  events: readonly KeyEvent[],
  settings: WedgeSettings,
): { scans: string[]; decisions: KeyDecision[] } {
  const scans: string[] = [];
  const detector = createWedgeDetector(settings, (value) => scans.push(value));
  const decisions = events.map(({ key, at }) => detector.key(key, at));
  tally.inputs += 1;
  tally.keys += events.length;
  tally.scans += scans.length;
  return { scans, decisions };
}

const settingsArb: fc.Arbitrary<WedgeSettings> = fc.record({
  minLength: fc.integer({ min: 2, max: 40 }),
  maxGapMs: fc.integer({ min: 5, max: 200 }),
  terminators: fc.constant(['Enter', 'Tab'] as const),
  prefix: fc.constant(''),
  suffix: fc.constant(''),
});

const character = fc.oneof(
  { weight: 10, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '0', '9', 'A', 'z', '-', '$', 'é') },
);
const anyKey = fc.oneof(
  { weight: 12, arbitrary: character },
  { weight: 2, arbitrary: fc.constantFrom(...TERMINATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMED_KEYS) },
  // Anything a browser might report as a key name, even nonsense or an empty string.
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A stream at machine speed, human speed, or both mixed, with pauses. */
const gap = fc.oneof(
  fc.integer({ min: 0, max: 8 }),
  fc.integer({ min: 0, max: 60 }),
  fc.integer({ min: 80, max: 400 }),
  fc.integer({ min: 1_000, max: 60_000 }),
);
/** Bursts of characters a few ms apart (sometimes with a modifier key, a slow key or a terminator). */
const burst = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.oneof({ weight: 8, arbitrary: character }, { weight: 1, arbitrary: anyKey }),
        fc.integer({ min: 0, max: 60 }),
      ),
      {
        minLength: 1,
        maxLength: 50,
      },
    ),
    fc.option(fc.tuple(fc.constantFrom(...TERMINATORS), fc.integer({ min: 0, max: 60 })), {
      nil: undefined,
    }),
  )
  .map(([keys, end]) => (end === undefined ? keys : [...keys, end]));
const stream = fc
  .array(
    fc.oneof(
      fc.tuple(anyKey, gap).map((one) => [one]),
      burst,
    ),
    { maxLength: 12 },
  )
  .map((chunks) => {
    let at = 1_000;
    return chunks.flat().map(([key, pause]) => ({ key, at: (at += pause) }));
  });

// Generous: on a loaded machine a few thousand generated inputs take longer than the default.
describe('fuzzed keyboard-wedge key streams', { timeout: 120_000 }, () => {
  it('emits exactly the scans the model finds in any stream, and never throws', () => {
    fc.assert(
      fc.property(settingsArb, stream, (settings, events) => {
        const { scans, decisions } = run(events, settings);
        expect(scans).toEqual(modelScans(events, settings));
        tally.randomStreamScans += scans.length;
        // A terminator is swallowed exactly when it ended a scan; otherwise the page keeps it.
        let emitted = 0;
        const expected = modelScans(events, settings);
        events.forEach((event, i) => {
          if (!TERMINATORS.includes(event.key)) return;
          const before = modelScans(events.slice(0, i + 1), settings).length;
          expect(decisions[i]).toBe(before > emitted ? 'swallow' : 'pass');
          emitted = before;
        });
        expect(emitted).toBe(expected.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('never reads human-speed typing as a scan', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(fc.tuple(anyKey, fc.integer({ min: 0, max: 2_000 })), { maxLength: 80 }),
        (settings, keys) => {
          tally.humanStreams += 1;
          // Every key comes more than maxGapMs after the one before: the slowest scanner is faster.
          let at = 0;
          const events = keys.map(([key, extra]) => ({
            key,
            at: (at += settings.maxGapMs + 1 + extra),
          }));
          expect(run(events, settings).scans).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads each machine-speed burst ending in Enter or Tab as exactly that scan, prefix and suffix removed', () => {
    const code = fc.stringMatching(/^[0-9A-Za-z.\-/]{1,40}$/);
    fc.assert(
      fc.property(
        fc.record({
          minLength: fc.integer({ min: 2, max: 12 }),
          maxGapMs: fc.integer({ min: 5, max: 200 }),
          prefix: fc.constantFrom('', '*', '$%', '~'),
          suffix: fc.constantFrom('', '#', '!!'),
        }),
        fc.array(
          fc.record({
            // Human typing before the burst, then a pause, then the scanner.
            typed: fc.string({ maxLength: 6 }),
            stray: fc.option(fc.constantFrom('x', ' ', 'Shift'), { nil: undefined }),
            code,
            end: fc.constantFrom('Enter', 'Tab'),
            speed: fc.integer({ min: 0, max: 100 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (partial, segments) => {
          const settings: WedgeSettings = { ...DEFAULT_WEDGE_SETTINGS, ...partial };
          const events: KeyEvent[] = [];
          const expected: string[] = [];
          let at = 0;
          const add = (key: string, pause: number) => events.push({ key, at: (at += pause) });
          const slow = settings.maxGapMs + 1;
          for (const segment of segments) {
            for (const key of segment.typed) add(key, slow + 100);
            at += slow + 1_000;
            const burst = `${settings.prefix}${segment.code}${settings.suffix}`;
            // A scanner's keys come at most maxGapMs apart.
            const step = Math.min(settings.maxGapMs, (segment.speed % settings.maxGapMs) + 1);
            // A stray character just before the burst is dropped only up to a prefix; without one
            // it would be part of the burst, so then only a named key may stray.
            const stray = settings.prefix === '' ? 'Shift' : segment.stray;
            if (segment.stray !== undefined && stray !== undefined) add(stray, 0);
            for (const key of burst) add(key, step);
            add(segment.end, step);
            tally.bursts += 1;
            if (burst.length >= settings.minLength) expected.push(segment.code);
            at += slow + 1_000;
          }
          expect(run(events, settings).scans).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
