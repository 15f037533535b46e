import { describe, expect, it } from 'vitest';
import { createFieldBurst } from '../../../renderer/features/scan-desk/field-burst.ts';
import { DEFAULT_WEDGE_SETTINGS } from '../../../shared/scanning/keyboard-wedge.ts';

/** Feeds `text` into a field holding `held`, `gap` ms apart, then the terminator. */
function type(text: string, gap: number, held = '', terminator = 'Enter') {
  const burst = createFieldBurst(DEFAULT_WEDGE_SETTINGS);
  let value = held;
  let time = 1000;
  for (const key of text) {
    expect(burst.key(key, time, value)).toBeNull();
    value += key;
    time += gap;
  }
  return burst.key(terminator, time, value);
}

describe('a scan typed into a dialog field', () => {
  it('is caught at its terminator, with what the field held before it', () => {
    expect(type('31234000123453', 5, 'Torn cover. ')).toEqual({
      value: '31234000123453',
      restore: 'Torn cover. ',
    });
    expect(type('31234000123453', 5, '', 'Tab')).toEqual({ value: '31234000123453', restore: '' });
  });

  it('leaves a person typing alone', () => {
    expect(type('Torn cover', 120)).toBeNull();
    expect(type('ok', 5)).toBeNull();
  });

  it('starts again after a pause, so only the scan is taken out of the field', () => {
    const burst = createFieldBurst(DEFAULT_WEDGE_SETTINGS);
    expect(burst.key('x', 0, '')).toBeNull();
    let value = 'x';
    let time = 500;
    for (const key of '3123400012') {
      burst.key(key, time, value);
      value += key;
      time += 4;
    }
    expect(burst.key('Enter', time, value)).toEqual({ value: '3123400012', restore: 'x' });
  });

  it('forgets a burst when a person edits (Backspace) in the middle', () => {
    const burst = createFieldBurst(DEFAULT_WEDGE_SETTINGS);
    for (const [i, key] of [...'31234'].entries()) burst.key(key, i * 5, '');
    expect(burst.key('Backspace', 25, '31234')).toBeNull();
    expect(burst.key('Enter', 30, '3123')).toBeNull();
  });
});
