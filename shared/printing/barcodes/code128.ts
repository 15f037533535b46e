/**
 * Code 128 (ISO/IEC 15417) as bar and space widths in modules. Only code sets B and C are used:
 * slip barcodes carry request IDs, External Identifiers and item barcodes, all printable ASCII.
 */

/**
 * Symbol patterns by symbol value, from the symbol table of ISO/IEC 15417: six run widths (bar,
 * space, bar, space, bar, space) of 11 modules in all. The stop pattern (106) has a seventh run,
 * its closing 2-module bar. Laid out ten a row, numbered as in the standard, to check by eye.
 */
// prettier-ignore
const PATTERNS: readonly string[] = [
  /*   0 */ '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  /*  10 */ '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  /*  20 */ '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  /*  30 */ '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  /*  40 */ '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  /*  50 */ '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  /*  60 */ '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  /*  70 */ '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  /*  80 */ '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  /*  90 */ '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  /* 100 */ '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

/** Symbol values with a fixed meaning in code sets B and C. */
export const CODE128 = {
  /** In code set B: switch to code set C. */
  CODE_C: 99,
  /** In code set C: switch to code set B. */
  CODE_B: 100,
  START_B: 104,
  START_C: 105,
  STOP: 106,
} as const;

/** Code set B holds the printable ASCII characters, space (value 0) to tilde (value 94). */
const FIRST_PRINTABLE = 0x20;
const LAST_PRINTABLE = 0x7e;

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function digitRunAt(value: string, from: number): number {
  let end = from;
  while (isDigit(value[end])) end += 1;
  return end - from;
}

/**
 * Refuses what code set B cannot hold. Control characters and Latin-1 letters would need code set
 * A or FNC4, which many desk scanners ignore or misread: a barcode that scans wrong is worse than
 * an error the print service can show.
 */
function assertEncodable(value: string): void {
  if (value.length === 0) throw new Error('Code 128: there is no value to encode.');
  let position = 0;
  for (const char of value) {
    position += 1;
    const code = char.codePointAt(0) ?? 0;
    if (code < FIRST_PRINTABLE || code > LAST_PRINTABLE) {
      throw new Error(
        `Code 128 cannot encode ${describe(char, code)} at position ${position} of "${value}": ` +
          'a slip barcode holds only unaccented letters, digits, spaces and ASCII punctuation.',
      );
    }
  }
}

/** Control characters are named by code point: printed raw they would be invisible. */
function describe(char: string, code: number): string {
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const invisible = code < FIRST_PRINTABLE || (code >= 0x7f && code < 0xa0);
  return invisible ? codePoint : `"${char}" (${codePoint})`;
}

/**
 * Whether a digit run is worth code set C, where a pair of digits is one symbol. Switching costs a
 * symbol each way, so a run pays off at 4 digits when it opens or closes the value (one switch) and
 * at 6 in the middle (two switches). A whole value of two digits starts in C outright.
 */
function worthCodeC(run: number, atStart: boolean, atEnd: boolean): boolean {
  if (atStart && atEnd) return (run >= 2 && run % 2 === 0) || run >= 4;
  return atStart || atEnd ? run >= 4 : run >= 6;
}

/**
 * The symbol values of `value`: start, data (with code set switches), and the check symbol; the
 * stop symbol is not included. Digit runs go in code set C (ISO/IEC 15417 Annex E rules); an odd
 * run leaves one digit in code set B: the last when the value starts in C, else the first.
 */
export function code128Symbols(value: string): number[] {
  assertEncodable(value);
  const symbols: number[] = [];
  let index = 0;
  let inC = worthCodeC(digitRunAt(value, 0), true, digitRunAt(value, 0) === value.length);
  symbols.push(inC ? CODE128.START_C : CODE128.START_B);

  while (index < value.length) {
    const run = digitRunAt(value, index);
    if (inC) {
      if (run >= 2) {
        symbols.push(Number(value.slice(index, index + 2)));
        index += 2;
        continue;
      }
      symbols.push(CODE128.CODE_B);
      inC = false;
    }
    const atEnd = index + run === value.length;
    if (run > 0 && worthCodeC(run, index === 0, atEnd)) {
      // An odd run keeps its first digit in B, so what follows in C is whole pairs.
      if (run % 2 === 1) {
        symbols.push(value.charCodeAt(index) - FIRST_PRINTABLE);
        index += 1;
      }
      symbols.push(CODE128.CODE_C);
      inC = true;
      continue;
    }
    symbols.push(value.charCodeAt(index) - FIRST_PRINTABLE);
    index += 1;
  }

  symbols.push(checkSymbol(symbols));
  return symbols;
}

/** The mod 103 check: the start value plus each data symbol times its position (1, 2, …). */
function checkSymbol(symbols: readonly number[]): number {
  let sum = 0;
  symbols.forEach((symbol, position) => {
    sum += symbol * Math.max(position, 1);
  });
  return sum % 103;
}

/** Run widths in modules, bar first, from start to the stop's final bar; no quiet zones. */
export function code128Bars(value: string): number[] {
  const runs: number[] = [];
  for (const symbol of [...code128Symbols(value), CODE128.STOP]) {
    const pattern = PATTERNS[symbol];
    if (pattern === undefined) throw new Error(`Code 128: no pattern for symbol ${symbol}.`);
    for (const width of pattern) runs.push(Number(width));
  }
  return runs;
}
