/**
 * Turns what a scanner sent into the value the desk looks up. Shared by the keyboard-wedge and the
 * HID POS paths (DESIGN.md §8), so it is pure and tolerant: it strips what scanners add and warns
 * about doubtful values, but never refuses one — the lookup decides what a value is.
 */
import { CODABAR, stripAimIdentifier, symbologyName } from './aim-symbology.ts';
import {
  checkDigitWarning,
  hasValidLibraryCheckDigit,
  isLibraryBarcodeShape,
} from './library-barcode.ts';

export interface NormaliseOptions {
  /** Prefix the scanner is configured to send (Settings); stripped when present. */
  readonly prefix?: string;
  readonly suffix?: string;
  /** AIM identifier that arrived apart from the data, as in a HID POS report (e.g. `]F0`). */
  readonly aimId?: string;
}

export interface NormalisedScan {
  readonly value: string;
  /** Symbology name from the AIM identifier, or null when the scanner sent none. */
  readonly symbology: string | null;
  readonly warnings: string[];
}

/** Codabar start/stop characters around a Codabar data set (digits and - $ : / . +). */
const CODABAR_FRAMED = /^[A-D][0-9\-$:/.+]+[A-D]$/i;
const CODABAR_GUARD = /^[A-D]$/i;

export function normaliseScan(raw: string, options: NormaliseOptions = {}): NormalisedScan {
  let value = trimControl(raw);
  value = stripAffixes(value, options);
  const { aim, rest } = stripAimIdentifier(value);
  value = trimControl(rest);
  // Scanners differ in whether a custom prefix goes before or after the AIM identifier.
  value = stripAffixes(value, options);

  const symbology = aim?.name ?? (options.aimId ? symbologyName(options.aimId) : null);
  if (symbology === CODABAR) value = stripCodabarGuards(value);
  // Wedge scanners often send no AIM id; a digit run framed by A–D is then still Codabar. When the
  // scanner names another symbology, the letters are data (a Code 128 request ID may be A123B).
  else if (symbology === null && CODABAR_FRAMED.test(value)) value = value.slice(1, -1);

  return { value, symbology, warnings: valueWarnings(value) };
}

/** Doubts about a normalised value (a library barcode whose check digit is wrong); never a refusal. */
export function valueWarnings(value: string): string[] {
  return isLibraryBarcodeShape(value) && !hasValidLibraryCheckDigit(value)
    ? [checkDigitWarning(value)]
    : [];
}

/**
 * Request IDs and External Identifiers are matched the way staff read them: case and surrounding
 * whitespace do not matter (partners print them in either case).
 */
export function sameIdentifier(a: string, b: string): boolean {
  const left = trimControl(a);
  const right = trimControl(b);
  return left.length > 0 && left.toLowerCase() === right.toLowerCase();
}

function stripAffixes(value: string, options: NormaliseOptions): string {
  let out = value;
  if (options.prefix && out.startsWith(options.prefix)) out = out.slice(options.prefix.length);
  if (options.suffix && out.endsWith(options.suffix)) out = out.slice(0, -options.suffix.length);
  return trimControl(out);
}

function stripCodabarGuards(value: string): string {
  let out = value;
  if (CODABAR_GUARD.test(out.charAt(0))) out = out.slice(1);
  if (out.length > 0 && CODABAR_GUARD.test(out.charAt(out.length - 1))) out = out.slice(0, -1);
  return out;
}

/** Whitespace and C0 controls (CR, LF, Tab, NUL …) and DEL, which scanners append as terminators. */
function isTrimmable(code: number): boolean {
  return code <= 0x20 || code === 0x7f || code === 0xa0 || code === 0xfeff;
}

function trimControl(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text.charCodeAt(start))) start += 1;
  while (end > start && isTrimmable(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
