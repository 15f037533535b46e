/**
 * The slip document model (DESIGN.md §7): what a slip says, independent of how it is printed.
 * Builders (shared/printing/slips/) make one from a request; renderers turn it into ESC/POS bytes,
 * a PDF, electron-pos-printer data or an HTML preview. Blocks are printed top to bottom.
 */

export const SLIP_KINDS = [
  'RECEIVE_SLIP',
  'RETURN_SLIP',
  'SHIPPING_SLIP',
  'PULL_SLIP',
  'TEST_PAGE',
] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];

/** Alma's names for the slips, as staff see them in Settings and in a request's history. */
export const SLIP_NAMES: Readonly<Record<SlipKind, string>> = {
  RECEIVE_SLIP: 'Receive slip / hold strap',
  RETURN_SLIP: 'Return slip',
  SHIPPING_SLIP: 'Shipping slip',
  PULL_SLIP: 'Pull slip',
  TEST_PAGE: 'Printer test page',
};

/**
 * Character magnification: 1 normal, 2 double width and height, 3 triple. On a 58 mm printer a
 * line holds 32 normal characters, 16 at size 2 and 10 at size 3; renderers wrap words to fit.
 */
export type TextSize = 1 | 2 | 3;
export type Align = 'left' | 'center' | 'right';

/** Code 128 prints any text; Codabar (common on library barcodes) only digits and - $ : / . + */
export type BarcodeSymbology = 'CODE128' | 'CODABAR';

export type SlipBlock =
  /** A line of text; wraps at word boundaries when it is wider than the paper. (Optional fields
   * admit undefined so a document that crossed the API as JSON still types as a SlipDocument.) */
  | {
      type: 'text';
      text: string;
      size?: TextSize | undefined;
      bold?: boolean | undefined;
      align?: Align | undefined;
    }
  /** `label: value` on one line when it fits, else the value on the lines below the label. */
  | {
      type: 'field';
      label: string;
      value: string;
      size?: TextSize | undefined;
      bold?: boolean | undefined;
    }
  /**
   * A barcode printed by the printer's own barcode command (ESC/POS) or drawn as vector bars (PDF),
   * with the human-readable value beneath. `caption` (e.g. "Request ID") is printed above it.
   */
  | { type: 'barcode'; value: string; caption?: string | undefined }
  /** A horizontal line across the paper. */
  | { type: 'rule'; style?: 'single' | 'double' | undefined }
  /** Blank lines. */
  | { type: 'space'; lines: number }
  /** Cut the paper here (a PDF starts a new page). */
  | { type: 'cut' };

export interface SlipDocument {
  kind: SlipKind;
  /** A one-line description for the print queue and history ("Receive slip B-1001"). */
  title: string;
  blocks: SlipBlock[];
}

/** Printer-side choices every renderer honours. */
export interface SlipLayout {
  /** Paper width in millimetres: 58 mm holds 32 characters a line, 80 mm holds 48. */
  paperWidth: 58 | 80;
  /** Preferred barcode symbology; a value Codabar cannot encode is printed as Code 128. */
  barcode: BarcodeSymbology;
}

export const DEFAULT_SLIP_LAYOUT: SlipLayout = { paperWidth: 80, barcode: 'CODE128' };

/** Characters per line at size 1 in the printer's standard font A (12 × 24 dots). */
export function columnsFor(paperWidth: SlipLayout['paperWidth']): number {
  return paperWidth === 58 ? 32 : 48;
}

const CODABAR_DATA = /^[0-9\-$:/.+]+$/;

/** The symbology a barcode block is actually printed in: Codabar only when it can encode the value. */
export function barcodeSymbologyFor(value: string, preferred: BarcodeSymbology): BarcodeSymbology {
  return preferred === 'CODABAR' && CODABAR_DATA.test(value) ? 'CODABAR' : 'CODE128';
}
