import { describe, expect, it } from 'vitest';
import { barcodeBars, moduleCount } from '../../../shared/printing/barcodes/barcode-bars.ts';
import { codabarBars } from '../../../shared/printing/barcodes/codabar.ts';
import { CODE128, code128Symbols } from '../../../shared/printing/barcodes/code128.ts';

/** Groups a Code 128 run list into its 6-run symbols (the stop's 7th run left on the last). */
function symbolsOf(runs: readonly number[]): number[][] {
  const groups: number[][] = [];
  for (let at = 0; at < runs.length - 7; at += 6) groups.push(runs.slice(at, at + 6));
  return groups;
}

describe('Code 128', () => {
  it('is 11 modules a symbol (start, data, check) plus 13 for the stop', () => {
    for (const value of ['B-1001', '78239000001', '31234000123453', 'ABC-xyz-42', 'x', '42']) {
      const symbols = code128Symbols(value);
      expect(moduleCount(barcodeBars(value, 'CODE128'))).toBe(11 * symbols.length + 13);
    }
  });

  it('starts with a bar and ends with the stop pattern’s final bar', () => {
    const runs = barcodeBars('B-1001', 'CODE128');
    expect(runs.length % 2).toBe(1);
    expect(runs.slice(-7)).toEqual([2, 3, 3, 1, 1, 1, 2]);
  });

  it('computes the mod 103 check symbol', () => {
    // Each sum is start + Σ position × value; code set B values are ASCII − 32.
    // B-1001: Start B 104, B 34, - 13, Code C 99, 10, 01
    //   104 + 34 + 2·13 + 3·99 + 4·10 + 5·1 = 506 = 4·103 + 94 → 94
    expect(code128Symbols('B-1001')).toEqual([104, 34, 13, 99, 10, 1, 94]);
    // 31234000123453: Start C 105, 31 23 40 00 12 34 53
    //   105 + 31 + 2·23 + 3·40 + 4·0 + 5·12 + 6·34 + 7·53 = 937 = 9·103 + 10 → 10
    expect(code128Symbols('31234000123453')).toEqual([105, 31, 23, 40, 0, 12, 34, 53, 10]);
    // 78239000001: Start C 105, 78 23 90 00 00, Code B 100, 1 = 17
    //   105 + 78 + 2·23 + 3·90 + 0 + 0 + 6·100 + 7·17 = 1218 = 11·103 + 85 → 85
    expect(code128Symbols('78239000001')).toEqual([105, 78, 23, 90, 0, 0, 100, 17, 85]);
    // ABC-xyz-42: Start B 104, A 33, B 34, C 35, - 13, x 88, y 89, z 90, - 13, 4 20, 2 18
    //   104 + 33 + 68 + 105 + 52 + 440 + 534 + 630 + 104 + 180 + 180 = 2430 = 23·103 + 61 → 61
    expect(code128Symbols('ABC-xyz-42')).toEqual([104, 33, 34, 35, 13, 88, 89, 90, 13, 20, 18, 61]);
  });

  it('puts a value of digits in code set C, two digits a symbol', () => {
    const symbols = code128Symbols('21234000012345');
    expect(symbols[0]).toBe(CODE128.START_C);
    expect(symbols.slice(1, -1)).toEqual([21, 23, 40, 0, 1, 23, 45]);
    expect(code128Symbols('42')[0]).toBe(CODE128.START_C);
  });

  it('switches to code set C for 4 digits at the end and 6 in the middle, not for fewer', () => {
    expect(code128Symbols('L-2001')).toContain(CODE128.CODE_C);
    expect(code128Symbols('AB123456CD')).toContain(CODE128.CODE_C);
    expect(code128Symbols('AB1234CD')).not.toContain(CODE128.CODE_C);
    expect(code128Symbols('L-201')).not.toContain(CODE128.CODE_C);
    // An odd run keeps its first digit in B so that C holds whole pairs.
    expect(code128Symbols('X12345').slice(1, -1)).toEqual([56, 17, CODE128.CODE_C, 23, 45]);
  });

  it('gives every character of code sets B and C an 11-module pattern with even bar modules', () => {
    let printable = '';
    for (let code = 0x20; code <= 0x7e; code += 1) printable += String.fromCharCode(code);
    const pairs = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')).join('');
    for (const value of [printable, pairs]) {
      for (const symbol of symbolsOf(barcodeBars(value, 'CODE128'))) {
        expect(symbol.reduce((a, b) => a + b)).toBe(11);
        expect(((symbol[0] ?? 0) + (symbol[2] ?? 0) + (symbol[4] ?? 0)) % 2).toBe(0);
      }
    }
    // Code set C values 00–99 after Start C: the 100 data patterns, no two alike.
    const data = symbolsOf(barcodeBars(pairs, 'CODE128')).slice(1, 101);
    expect(new Set(data.map((symbol) => symbol.join(''))).size).toBe(100);
  });

  it('refuses characters it cannot encode and says which', () => {
    expect(() => barcodeBars('José', 'CODE128')).toThrow(/"é" \(U\+00E9\) at position 4/);
    expect(() => barcodeBars('B-1001\t', 'CODE128')).toThrow(/U\+0009 at position 7/);
    expect(() => barcodeBars('Ω-1', 'CODE128')).toThrow(/cannot encode "Ω"/);
    expect(() => barcodeBars('', 'CODE128')).toThrow(/no value/);
  });
});

describe('Codabar', () => {
  it('frames the data with A…A, a narrow gap between characters, wide elements 3 modules', () => {
    const runs = codabarBars('12345');
    // 7 characters (A, 5 digits, A) of 7 runs each, 6 gaps.
    expect(runs).toHaveLength(7 * 7 + 6);
    // A: 4 narrow + 3 wide = 13 modules; a digit: 5 narrow + 2 wide = 11; gaps 1 each.
    expect(moduleCount(runs)).toBe(13 + 5 * 11 + 13 + 6);
    expect(runs.slice(0, 7)).toEqual([1, 1, 3, 3, 1, 3, 1]);
    expect(new Set(runs)).toEqual(new Set([1, 3]));
  });

  it('takes another start/stop letter when asked', () => {
    expect(codabarBars('1', 'B').slice(0, 7)).toEqual([1, 3, 1, 3, 1, 1, 3]);
  });

  it('refuses letters and other characters outside its set', () => {
    expect(() => barcodeBars('A1234A', 'CODABAR')).toThrow(/Codabar cannot encode "A1234A"/);
    expect(() => barcodeBars('B-1001', 'CODABAR')).toThrow(/use Code 128/);
    expect(() => barcodeBars('', 'CODABAR')).toThrow(/Codabar cannot encode/);
  });
});
