/**
 * What a scanned value turned out to be, and what each scan screen needs, so a scan of the wrong
 * kind is answered with what was scanned and what to scan instead (DESIGN.md §8).
 */

export const SCAN_KINDS = [
  'BORROWING_EXTERNAL_ID',
  'BORROWING_REQUEST_ID',
  'TEMP_BARCODE',
  'LENDER_ITEM_BARCODE',
  'LENDING_EXTERNAL_ID',
  'LENDING_REQUEST_ID',
  'LENDING_ITEM_BARCODE',
  'ITEM_BARCODE',
  'PATRON_BARCODE',
] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

export interface ScanMatch {
  readonly kind: ScanKind;
  /** The request the value belongs to, when it belongs to one. */
  readonly requestId: string | null;
  readonly partnerCode: string | null;
  /** A title or name, for a choice between several matches. */
  readonly label: string;
}

export const SCAN_SCREENS = [
  'Receiving Items',
  'Return Items',
  'Shipping Items',
  'Scan In Items',
] as const;
export type ScanScreen = (typeof SCAN_SCREENS)[number];

/** The journal's screen for a HID scan no window has taken yet. */
export const NO_SCREEN = 'none';

/** What each scan screen accepts, and how to ask for it. */
export const SCREEN_NEEDS: Readonly<
  Record<ScanScreen, { kinds: readonly ScanKind[]; ask: string }>
> = {
  'Receiving Items': {
    kinds: ['BORROWING_EXTERNAL_ID'],
    ask: 'the External Identifier from the paperwork',
  },
  'Return Items': {
    kinds: ['TEMP_BARCODE'],
    ask: 'the item barcode, not the External Identifier',
  },
  'Shipping Items': {
    kinds: ['LENDING_REQUEST_ID', 'LENDING_EXTERNAL_ID', 'LENDING_ITEM_BARCODE', 'ITEM_BARCODE'],
    ask: 'the request ID (or External Identifier) and the item barcode',
  },
  'Scan In Items': {
    kinds: ['LENDING_ITEM_BARCODE', 'ITEM_BARCODE'],
    ask: 'the barcode of the item that came home',
  },
};

function what(match: ScanMatch): string {
  const of = match.requestId ? ` of request ${match.requestId}` : '';
  switch (match.kind) {
    case 'BORROWING_EXTERNAL_ID':
      return `the External Identifier${of} (a borrowing request)`;
    case 'BORROWING_REQUEST_ID':
      return `the request ID of borrowing request ${match.requestId ?? ''}`.trim();
    case 'TEMP_BARCODE':
      return `the item barcode${of} (a borrowed item)`;
    case 'LENDER_ITEM_BARCODE':
      return `the lender's item barcode${of}`;
    case 'LENDING_EXTERNAL_ID':
      return `the External Identifier${of} (a lending request)`;
    case 'LENDING_REQUEST_ID':
      return `the request ID of lending request ${match.requestId ?? ''}`.trim();
    case 'LENDING_ITEM_BARCODE':
      return `the item barcode${of} (an item we lend)`;
    case 'ITEM_BARCODE':
      return `the barcode of our item "${match.label}"`;
    case 'PATRON_BARCODE':
      return `the library card of ${match.label}`;
  }
}

export type ScanVerdict =
  | { readonly outcome: 'OK'; readonly matches: readonly ScanMatch[]; readonly message: string }
  | {
      readonly outcome: 'ERROR';
      readonly code: 'NOT_FOUND' | 'WRONG_KIND';
      readonly message: string;
    };

/**
 * Keeps the matches this screen can use; otherwise says what was scanned and what is needed
 * ("You scanned the item barcode of request B-1001 (a borrowed item); Receiving Items needs the
 * External Identifier from the paperwork.").
 */
export function judgeScan(
  screen: ScanScreen,
  value: string,
  matches: readonly ScanMatch[],
): ScanVerdict {
  const needs = SCREEN_NEEDS[screen];
  const usable = matches.filter((m) => needs.kinds.includes(m.kind));
  if (usable.length > 0) {
    return { outcome: 'OK', matches: usable, message: `Found ${what(usable[0] as ScanMatch)}.` };
  }
  if (matches.length > 0) {
    return {
      outcome: 'ERROR',
      code: 'WRONG_KIND',
      message: `You scanned ${what(matches[0] as ScanMatch)}; ${screen} needs ${needs.ask}.`,
    };
  }
  return {
    outcome: 'ERROR',
    code: 'NOT_FOUND',
    message: `Nothing in this desk matches ${value}. Scan ${needs.ask} again, or type it and press Enter.`,
  };
}
