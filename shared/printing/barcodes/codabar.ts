/**
 * Codabar (the "NW-7" symbology of many library item and patron barcodes) as bar and space widths
 * in modules. Each character is 4 bars and 3 spaces, each narrow or wide; characters are separated
 * by a narrow space. Data is digits and - $ : / . +, framed by a start and a stop letter A–D.
 */

export type CodabarGuard = 'A' | 'B' | 'C' | 'D';

/** Wide elements are 3 narrow modules: the top of the 2.25–3 range, the easiest to tell apart. */
const WIDE = 3;
const NARROW = 1;

/**
 * Character patterns from the Codabar specification (ANSI/AIM BC3, USS-Codabar): the seven elements bar,
 * space, bar, space, bar, space, bar, with 1 marking a wide element. Digits, - and $ have one wide
 * bar and one wide space; : / . + three wide bars; the start/stop letters one wide bar and two wide
 * spaces.
 */
const PATTERNS: Readonly<Record<string, string>> = {
  '0': '0000011',
  '1': '0000110',
  '2': '0001001',
  '3': '1100000',
  '4': '0010010',
  '5': '1000010',
  '6': '0100001',
  '7': '0100100',
  '8': '0110000',
  '9': '1001000',
  '-': '0001100',
  $: '0011000',
  ':': '1000101',
  '/': '1010001',
  '.': '1010100',
  '+': '0010101',
  A: '0011010',
  B: '0101001',
  C: '0001011',
  D: '0001110',
};

const DATA = /^[0-9\-$:/.+]+$/;

/**
 * Run widths in modules, bar first, from the start character to the stop character's last bar;
 * no quiet zones. `value` is the data only: the start/stop letters come from `guard` (A…A unless
 * told otherwise, as most library systems print).
 */
export function codabarBars(value: string, guard: CodabarGuard = 'A'): number[] {
  if (!DATA.test(value)) {
    throw new Error(
      `Codabar cannot encode "${value}": it holds only digits and - $ : / . + (use Code 128).`,
    );
  }
  const runs: number[] = [];
  for (const char of `${guard}${value}${guard}`) {
    const pattern = PATTERNS[char];
    if (pattern === undefined) throw new Error(`Codabar: no pattern for "${char}".`);
    if (runs.length > 0) runs.push(NARROW);
    for (const element of pattern) runs.push(element === '1' ? WIDE : NARROW);
  }
  return runs;
}
