import { describe, expect, it } from 'vitest';
import { normaliseScan, sameIdentifier } from '../../../shared/scanning/scan-normalise.ts';
import {
  hasValidLibraryCheckDigit,
  luhnCheckDigit,
} from '../../../shared/scanning/library-barcode.ts';

describe('normaliseScan', () => {
  it('trims whitespace and the CR, LF, Tab and NUL that scanners append', () => {
    expect(normaliseScan('  RS-000123\r\n', {}).value).toBe('RS-000123');
    expect(normaliseScan('\tRS-000123\t\u0000', {}).value).toBe('RS-000123');
  });

  it('strips a configured prefix and suffix when present and leaves values without them alone', () => {
    expect(normaliseScan('#RS-7*', { prefix: '#', suffix: '*' }).value).toBe('RS-7');
    expect(normaliseScan('RS-7', { prefix: '#', suffix: '*' }).value).toBe('RS-7');
  });

  it.each([
    [']C0RS-000123', 'Code 128', 'RS-000123'],
    [']A0ILL4711', 'Code 39', 'ILL4711'],
    [']F031234000123453', 'Codabar', '31234000123453'],
    [']E09780306406157', 'EAN/UPC', '9780306406157'],
    [']Q1https://example.org/r/1', 'QR Code', 'https://example.org/r/1'],
    [']d2EXT-99', 'Data Matrix', 'EXT-99'],
    [']X0ABC', 'unknown', 'ABC'],
  ])('strips the AIM identifier of %s and names the symbology %s', (raw, symbology, value) => {
    expect(normaliseScan(raw, {})).toEqual({ value, symbology, warnings: [] });
  });

  it('reports no symbology when the scanner sent no AIM identifier', () => {
    expect(normaliseScan('RS-000123', {}).symbology).toBeNull();
  });

  it('strips a prefix whether the scanner puts it before or after the AIM identifier', () => {
    expect(normaliseScan('>>]C0RS-1', { prefix: '>>' }).value).toBe('RS-1');
    expect(normaliseScan(']C0>>RS-1', { prefix: '>>' }).value).toBe('RS-1');
  });

  it('strips Codabar start/stop characters in any case when the symbology is Codabar', () => {
    expect(normaliseScan(']F0a31234000123453d', {}).value).toBe('31234000123453');
    expect(normaliseScan('31234000123453', { aimId: ']F0' }).value).toBe('31234000123453');
  });

  it('strips start/stop characters from A…B-framed digits even without an AIM identifier', () => {
    expect(normaliseScan('A31234000123453B', {}).value).toBe('31234000123453');
    expect(normaliseScan('c31234000123453c', {}).value).toBe('31234000123453');
  });

  it('leaves letters alone on values that are not Codabar-framed', () => {
    expect(normaliseScan('ABC123D', {}).value).toBe('ABC123D');
    expect(normaliseScan(']C0A123B', {}).value).toBe('A123B');
  });

  it('accepts a 14-digit barcode with a good check digit without a warning', () => {
    expect(normaliseScan('31234000123453', {}).warnings).toEqual([]);
  });

  it('warns about a bad check digit but keeps the value', () => {
    const scan = normaliseScan('A31234000123457B', {});
    expect(scan.value).toBe('31234000123457');
    expect(scan.warnings).toEqual([
      'Check digit of 31234000123457 does not match; the barcode may be misread — scan it again or check it by eye.',
    ]);
  });

  it('does not run the check digit on values that are not 14 digits', () => {
    expect(normaliseScan('3123400012345', {}).warnings).toEqual([]);
    expect(normaliseScan('RS-31234000123457', {}).warnings).toEqual([]);
  });
});

describe('library barcode check digit (Luhn mod 10)', () => {
  // Worked by hand: 3123400012345 → doubled from the right 5,3,1,0,4,2,3 → 10→1,6,2,0,8,4,6 = 27;
  // the others 4,2,0,0,3,1 = 10; 37 → check digit 3.
  it.each([
    ['3123400012345', 3],
    // Both non-zero digits sit in doubled places: 2→4, 1→2; 6 → check digit 4.
    ['2000100000000', 4],
    // 1→2; 3→6; the 9s give 9 each, doubled or not (18−9); 44 → check digit 6.
    ['3999900000001', 6],
  ])('computes the check digit of %s', (body, digit) => {
    expect(luhnCheckDigit(body)).toBe(digit);
  });

  it('accepts good and rejects bad 14-digit barcodes', () => {
    expect(hasValidLibraryCheckDigit('31234000123453')).toBe(true);
    expect(hasValidLibraryCheckDigit('31234000123456')).toBe(false);
    expect(hasValidLibraryCheckDigit('00000000000000')).toBe(true);
  });
});

describe('sameIdentifier', () => {
  it('matches request IDs and External Identifiers regardless of case and surrounding space', () => {
    expect(sameIdentifier(' rs-000123 ', 'RS-000123')).toBe(true);
    expect(sameIdentifier('Ext-9a\r\n', 'EXT-9A')).toBe(true);
  });

  it('does not match different identifiers or two empty ones', () => {
    expect(sameIdentifier('RS-000123', 'RS-000124')).toBe(false);
    expect(sameIdentifier('  ', '')).toBe(false);
  });
});
