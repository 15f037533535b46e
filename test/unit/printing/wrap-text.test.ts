import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../shared/printing/wrap-text.ts';

const byChars = (line: string) => line.length;

describe('wrapText', () => {
  it('breaks at spaces so no line is wider than the paper', () => {
    expect(wrapText('Sketch of the Analytical Engine', byChars, 16)).toEqual([
      'Sketch of the',
      'Analytical',
      'Engine',
    ]);
  });

  it('splits a word longer than a line between characters', () => {
    expect(wrapText('ID NAM-2026-000123456', byChars, 8)).toEqual([
      'ID',
      'NAM-2026',
      '-0001234',
      '56',
    ]);
  });

  it('keeps line breaks, turns tabs into spaces and drops other control characters', () => {
    expect(wrapText('Main\r\nLibrary\tDesk\u0007', byChars, 32)).toEqual(['Main', 'Library Desk']);
    expect(wrapText('', byChars, 32)).toEqual(['']);
  });
});
