/**
 * Pull slips send a student to the shelves for lending requests' items. A batch prints in shelf
 * order, by location then call number, so one walk through the stacks collects every item.
 */
import type { PullSlipData, SlipOrigin } from '../slip-data.ts';
import type { SlipBlock, SlipDocument } from '../slip-document.ts';
import {
  optionalBarcode,
  optionalDate,
  optionalField,
  present,
  slipFooter,
  slipHeader,
  titleBlocks,
} from './slip-text.ts';

// Anything else ("Rush", "Express") is printed large so the student pulls it first.
const ORDINARY_SERVICE = /^(standard|normal|regular|default)$/i;

export function buildPullSlip(data: PullSlipData, origin: SlipOrigin): SlipDocument {
  return {
    kind: 'PULL_SLIP',
    title: `Pull slip ${data.requestId}`,
    blocks: pullSlipBlocks(data, origin),
  };
}

/** Every slip of a batch in one document, in shelf order, each ending in a cut. */
export function buildPullSlips(list: readonly PullSlipData[], origin: SlipOrigin): SlipDocument {
  const [only] = list;
  if (only === undefined) {
    throw new Error('No pull slips to print: choose at least one lending request.');
  }
  if (list.length === 1) return buildPullSlip(only, origin);
  const ordered = [...list].sort(compareShelfOrder);
  return {
    kind: 'PULL_SLIP',
    title: `Pull slips (${list.length})`,
    blocks: ordered.flatMap((data) => pullSlipBlocks(data, origin)),
  };
}

function pullSlipBlocks(data: PullSlipData, origin: SlipOrigin): SlipBlock[] {
  const level = present(data.levelOfService);
  const urgent = level !== null && !ORDINARY_SERVICE.test(level);
  const location = present(data.location);
  const callNumber = present(data.callNumber);
  return [
    ...slipHeader(origin, 'PULL SLIP'),
    ...(urgent ? urgentBanner(level) : []),
    shelfMark(location, 'Location not recorded'),
    shelfMark(callNumber, 'No call number'),
    { type: 'rule' },
    ...titleBlocks(data.title, data.author),
    ...optionalBarcode('Item barcode', data.itemBarcode),
    { type: 'barcode', value: data.requestId, caption: 'Request ID' },
    { type: 'field', label: 'Lend to', value: partnerText(data) },
    ...optionalDate('Needed by', data.neededBy, { bold: true }),
    ...(urgent ? [] : optionalField('Level of service', level)),
    ...optionalField('External ID', data.externalId),
    ...slipFooter(origin),
  ];
}

function urgentBanner(level: string): SlipBlock[] {
  return [
    { type: 'text', text: level.toUpperCase(), size: 2, bold: true, align: 'center' },
    { type: 'rule' },
  ];
}

/** Location and call number lead the slip; a missing one says so rather than leaving a gap. */
function shelfMark(value: string | null, missing: string): SlipBlock {
  return value === null
    ? { type: 'text', text: missing }
    : { type: 'text', text: value, size: 2, bold: true };
}

function partnerText(data: PullSlipData): string {
  const name = present(data.partnerName);
  const code = present(data.partnerCode);
  if (name !== null && code !== null) return `${name} (${code})`;
  return name ?? code ?? 'Not recorded';
}

function compareShelfOrder(a: PullSlipData, b: PullSlipData): number {
  return (
    compareNullsLast(a.location, b.location, compareLocations) ||
    compareCallNumbers(a.callNumber, b.callNumber) ||
    compareText(a.requestId, b.requestId)
  );
}

/**
 * Call numbers in shelf order, missing ones last. Numbers compare by value ('QA76.9' before
 * 'QA100'); digits after a point compare as decimals, as LC and Dewey shelve them ('QA76.73'
 * before 'QA76.9', cutter '.J38' before '.J4'), except enumeration after a lower-case
 * abbreviation ('v.2' before 'v.10').
 */
export function compareCallNumbers(a: string | null, b: string | null): number {
  return compareNullsLast(
    a,
    b,
    (x, y) => compareTokens(tokenize(x, true), tokenize(y, true)) || compareText(x, y),
  );
}

function compareLocations(a: string, b: string): number {
  return compareTokens(tokenize(a, false), tokenize(b, false)) || compareText(a, b);
}

function compareNullsLast(
  a: string | null,
  b: string | null,
  compare: (x: string, y: string) => number,
): number {
  const x = present(a);
  const y = present(b);
  if (x === null) return y === null ? 0 : 1;
  if (y === null) return -1;
  return compare(x, y);
}

type Token =
  | { kind: 'integer'; digits: string }
  | { kind: 'decimal'; digits: string }
  | { kind: 'text'; text: string };

function tokenize(value: string, decimalAware: boolean): Token[] {
  const tokens: Token[] = [];
  for (const match of value.matchAll(/\d+|\D+/g)) {
    const part = match[0];
    const at = match.index;
    if (/^\d/.test(part)) {
      const before = value.charAt(at - 1);
      const beforeThat = value.charAt(at - 2);
      const afterPoint = before === '.' && !/[a-z]/.test(beforeThat);
      const inCutter = /[A-Z]/.test(before) && beforeThat === '.';
      tokens.push({
        kind: decimalAware && (afterPoint || inCutter) ? 'decimal' : 'integer',
        digits: part,
      });
    } else {
      // Spacing varies between catalogues ('QA 76' / 'QA76'); it never decides shelf order.
      const text = part.replace(/\s+/g, '').toUpperCase();
      if (text !== '') tokens.push({ kind: 'text', text });
    }
  }
  return tokens;
}

function compareTokens(a: readonly Token[], b: readonly Token[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) break;
    const order = compareToken(x, y);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const TOKEN_RANK = { integer: 0, decimal: 1, text: 2 } as const;

function compareToken(x: Token, y: Token): number {
  if (x.kind === 'text' && y.kind === 'text') return compareText(x.text, y.text);
  if (x.kind === 'integer' && y.kind === 'integer') return compareIntegers(x.digits, y.digits);
  if (x.kind === 'decimal' && y.kind === 'decimal') return compareDecimals(x.digits, y.digits);
  return TOKEN_RANK[x.kind] - TOKEN_RANK[y.kind];
}

// Compared as digit strings: a 14-digit item barcode would lose precision as a number.
function compareIntegers(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length - y.length || compareText(x, y);
}

function compareDecimals(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  return compareText(a.padEnd(width, '0'), b.padEnd(width, '0'));
}

// Code-unit order, not localeCompare: the order must not change with the machine's locale.
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
