import type { BarcodeSymbology } from '../slip-document.ts';
import { codabarBars } from './codabar.ts';
import { code128Bars } from './code128.ts';

/**
 * Blank modules a reader needs on each side of the bars (10 modules for both Code 128 and
 * Codabar); barcodeBars leaves them to the caller, which knows what else is on the paper.
 */
export const QUIET_ZONE_MODULES = 10;

/**
 * The bars of `value` as run widths in modules: bar, space, bar, … starting and ending with a bar,
 * without quiet zones. Throws an Error saying why when the symbology cannot encode the value; pick
 * the symbology with barcodeSymbologyFor first to fall back from Codabar to Code 128.
 */
export function barcodeBars(value: string, symbology: BarcodeSymbology): number[] {
  return symbology === 'CODABAR' ? codabarBars(value) : code128Bars(value);
}

/** Total width of the runs in modules. */
export function moduleCount(runs: readonly number[]): number {
  return runs.reduce((sum, width) => sum + width, 0);
}
