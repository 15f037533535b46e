/**
 * Physical measures of a slip shared by the drawn renderers (PDF, on-screen preview), so that a
 * preview shows the barcode the PDF will print, at the same size, or the same note instead.
 */
import { barcodeBars, moduleCount, QUIET_ZONE_MODULES } from './barcodes/barcode-bars.ts';
import { barcodeSymbologyFor, type BarcodeSymbology, type SlipLayout } from './slip-document.ts';

/** The print area of 58 and 80 mm thermal heads (384 and 576 dots at 203 dpi). */
export const PRINT_WIDTH_MM: Readonly<Record<SlipLayout['paperWidth'], number>> = {
  58: 48,
  80: 72,
};

/**
 * Narrow bar width: 0.35 mm (1 pt, a common retail X-dimension) when the value fits, narrower for
 * long values down to 0.21 mm (0.6 pt, what a 203 dpi head prints in 2 dots), below which
 * handheld scanners start to miss.
 */
export const MODULE_PREFERRED_MM = 0.35;
export const MODULE_MIN_MM = 0.21;
/** About 40 pt: tall enough to scan with a sloppy swipe, short enough for a receipt. */
export const BAR_HEIGHT_MM = 14;

export type BarcodeFit =
  | {
      ok: true;
      symbology: BarcodeSymbology;
      /** Run widths in modules, bar first, without quiet zones. */
      runs: number[];
      modules: number;
      moduleMm: number;
    }
  /** Why no bars can be printed, in words for the slip itself ("too long …"). */
  | { ok: false; reason: string };

/**
 * How `value` prints as a barcode on this paper: the symbology the layout allows for it, and the
 * widest module (up to the preferred one) that keeps the bars inside the print area and the quiet
 * zones on the paper. A value its symbology refuses, or one that would need bars thinner than the
 * minimum, gets a reason instead, and renderers print the value as text.
 */
export function fitBarcode(value: string, layout: SlipLayout): BarcodeFit {
  const symbology = barcodeSymbologyFor(value, layout.barcode);
  let runs: number[];
  try {
    runs = barcodeBars(value, symbology);
  } catch {
    return { ok: false, reason: 'cannot be printed as a barcode' };
  }
  const modules = moduleCount(runs);
  const moduleMm = Math.min(
    MODULE_PREFERRED_MM,
    PRINT_WIDTH_MM[layout.paperWidth] / modules,
    // Quiet zones may reach into the paper's unprinted edge: blank paper either way.
    layout.paperWidth / (modules + 2 * QUIET_ZONE_MODULES),
  );
  if (moduleMm < MODULE_MIN_MM) {
    return { ok: false, reason: 'too long to print as a barcode on this paper' };
  }
  return { ok: true, symbology, runs, modules, moduleMm };
}
