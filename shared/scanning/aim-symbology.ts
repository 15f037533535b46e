/**
 * AIM symbology identifiers (ISO/IEC 15424): a scanner may prefix a scan with `]Xm`, where X names
 * the symbology and m is a modifier. Only the symbologies a library desk meets are named; any other
 * well-formed identifier is still stripped so it never reaches a lookup, and is called 'unknown'.
 */

const NAMES: Readonly<Record<string, string>> = {
  C: 'Code 128',
  A: 'Code 39',
  F: 'Codabar',
  E: 'EAN/UPC',
  Q: 'QR Code',
  d: 'Data Matrix',
};

export const UNKNOWN_SYMBOLOGY = 'unknown';
export const CODABAR = 'Codabar';

export interface AimIdentifier {
  /** The three characters as sent, e.g. `]C0`. */
  readonly id: string;
  readonly name: string;
}

/** `]` + letter + one printable modifier character. */
const AIM_PATTERN = /^\][A-Za-z][!-~]/;

export function parseAimIdentifier(text: string): AimIdentifier | null {
  const match = AIM_PATTERN.exec(text);
  if (!match) return null;
  const id = match[0];
  return { id, name: symbologyName(id) };
}

/** Name for an identifier such as `]F0`; case matters (`]d` is Data Matrix, `]D` is not). */
export function symbologyName(id: string): string {
  return NAMES[id.charAt(1)] ?? UNKNOWN_SYMBOLOGY;
}

/** Splits a leading AIM identifier off a scan; `aim` is null when there is none. */
export function stripAimIdentifier(text: string): { aim: AimIdentifier | null; rest: string } {
  const aim = parseAimIdentifier(text);
  return aim ? { aim, rest: text.slice(aim.id.length) } : { aim: null, rest: text };
}
