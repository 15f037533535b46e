/**
 * The demo data set: an import document (DESIGN.md §6) a new desk can be tried on. It is built
 * from the small tables in demo-tables.ts with a seeded generator, so one seed always gives the
 * same document, and it covers every status the desk screens act on (DESIGN.md §4).
 */
import { addDays } from '../../shared/domain/dates.ts';
import {
  isActiveStatus,
  type BorrowingStatus,
  type LendingStatus,
} from '../../shared/domain/statuses.ts';
import type { ImportFileContent } from '../../shared/import/import-format.ts';
import { emailLocalPart, isbn13, libraryBarcode } from './demo-identifiers.ts';
import { DEMO_PARTNERS, EXTERNAL_ID_STYLE } from './demo-partners.ts';
import {
  BORROWING_NOTES,
  GIVEN_NAMES,
  PATRON_NAMES,
  PICKUP_LOCATIONS,
  SHELVES,
  SUBJECTS,
  SURNAMES,
  TITLE_FORMS,
} from './demo-tables.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';

/** The date the demo is built around unless the caller gives today's. */
export const DEMO_TODAY = '2026-03-02';

type Item = NonNullable<ImportFileContent['items']>[number];
type Borrowing = NonNullable<ImportFileContent['borrowingRequests']>[number];
type Lending = NonNullable<ImportFileContent['lendingRequests']>[number];

/** How many requests of each status: the four scan screens' statuses first, then the others. */
const BORROWING_MIX: readonly (readonly [BorrowingStatus, number])[] = [
  // Receiving Items
  ['SENT', 20],
  ['WILL_SUPPLY', 15],
  ['SHIPPED_PHYSICALLY', 40],
  // Return Items
  ['RECEIVED', 25],
  ['LOANED', 30],
  ['RETURNED_BY_PATRON', 12],
  ['RENEWED', 6],
  ['RECALLED', 4],
  ['OVERDUE', 8],
  // Before sending, and done
  ['CREATED', 6],
  ['READY_TO_SEND', 4],
  ['CONDITIONAL', 3],
  ['RETURNED_TO_PARTNER', 10],
  ['COMPLETED', 10],
  ['REJECTED', 3],
  ['CANCELLED', 2],
  ['EXPIRED', 1],
  ['LOST', 1],
];
const LENDING_MIX: readonly (readonly [LendingStatus, number])[] = [
  // Shipping Items
  ['CREATED', 40],
  ['WILL_SUPPLY', 15],
  ['BEING_PROCESSED', 15],
  // Scan In Items
  ['SHIPPED_PHYSICALLY', 35],
  ['RECEIVED_BY_PARTNER', 25],
  ['RENEW_REQUESTED', 4],
  ['RECALLED', 3],
  ['OVERDUE', 8],
  ['RETURNED_BY_PARTNER', 12],
  // Task-list work, and done. Locate failed requests are written as Created without an item, so
  // the import's Locate fails on them: the first few find two copies (candidates), the rest none.
  ['LOCATE_FAILED', 8],
  ['CONDITIONAL', 2],
  ['SHIPPED_DIGITALLY', 3],
  ['REJECTED', 5],
  ['CANCELLED', 3],
  ['EXPIRED', 2],
  ['LOST', 1],
  ['DAMAGED', 1],
  ['COMPLETED', 18],
];

/** Borrowing statuses before the item arrives, when a needed-by date still means something. */
const AWAITED: readonly BorrowingStatus[] = [
  'CREATED',
  'READY_TO_SEND',
  'SENT',
  'WILL_SUPPLY',
  'CONDITIONAL',
  'SHIPPED_PHYSICALLY',
];

export const DEMO_COUNTS = {
  patrons: PATRON_NAMES.length,
  items: 500,
  borrowingRequests: 200,
  lendingRequests: 200,
};

interface Book {
  readonly title: string;
  readonly author: string;
  readonly isbn: string;
  readonly callNumber: string;
  readonly shelf: (typeof SUBJECTS)[number][2];
}

/** Every subject × title form, shuffled: enough distinct titles for the items and for borrowing. */
function books(random: SeededRandom): Book[] {
  const combos = SUBJECTS.flatMap((subject) => TITLE_FORMS.map((form) => [subject, form] as const));
  return random.shuffle(combos).map(([[subject, lcClass, shelf], form]) => {
    const inside = form.startsWith('{}') ? subject : subject.replace(/^The /, 'the ');
    const surname = random.pick(SURNAMES);
    const cutter = `${surname.normalize('NFD').replace(/\p{M}/gu, '')[0]}${random.int(12, 98)}`;
    return {
      title: form.replace('{}', inside),
      author: `${surname}, ${random.pick(GIVEN_NAMES)}`,
      isbn: isbn13(random),
      callNumber: `${lcClass} .${cutter} ${random.int(1985, 2025)}`,
      shelf,
    };
  });
}

/** Spreads requests over partners: every partner at least once, the SUNY partners most. */
function partnerSequence(random: SeededRandom, count: number): string[] {
  const codes = DEMO_PARTNERS.map((p) => p.code);
  const weighted = codes.flatMap((code) =>
    code.startsWith('SUNY') ? [code, code, code] : [code, code],
  );
  return Array.from({ length: count }, (_, i) => codes[i] ?? random.pick(weighted));
}

/** External Identifiers as each partner issues them: its own prefix, a running number, fixed length. */
function externalIdIssuer(random: SeededRandom): (partner: string) => string {
  const next = new Map<string, number>();
  return (partner) => {
    const style = EXTERNAL_ID_STYLE[partner] ?? { prefix: '9', length: 8 };
    const number = (next.get(partner) ?? random.int(1000, 4000)) + random.int(1, 9);
    next.set(partner, number);
    return `${style.prefix}${String(number).padStart(style.length - style.prefix.length, '0')}`;
  };
}

function expand<S>(mix: readonly (readonly [S, number])[]): S[] {
  return mix.flatMap(([status, count]) => Array.from({ length: count }, () => status));
}

/** Builds the demo import document for `seed`, with dates around `today` (YYYY-MM-DD). */
export function buildDemoDocument(seed = 1, today: string = DEMO_TODAY): ImportFileContent {
  const random = seededRandom(seed);
  const day = (from: number, to: number) => addDays(today, random.int(from, to));

  const patrons = PATRON_NAMES.map((name, i) => ({
    id: `P${1001 + i}`,
    name,
    barcode: libraryBarcode('2', 1001 + i),
    email: `${emailLocalPart(name)}@example.edu`,
    pickupLocation: random.pick(PICKUP_LOCATIONS),
  }));

  const titles = books(random);
  const items: Item[] = titles.slice(0, DEMO_COUNTS.items).map((book, i) => {
    const [location, library] = random.pick(SHELVES[book.shelf]);
    return {
      barcode: libraryBarcode('3', 10001 + i),
      title: book.title,
      author: book.author,
      ...(random.chance(0.9) ? { isbn: book.isbn } : {}), // older books have none
      callNumber: book.callNumber,
      location,
      library,
    };
  });
  const twiceHeld = addSecondCopies(items);
  const notHeld = titles.slice(DEMO_COUNTS.items);

  const externalId = externalIdIssuer(random);
  const borrowingPartners = partnerSequence(random, DEMO_COUNTS.borrowingRequests);
  const borrowingRequests: Borrowing[] = random.shuffle(expand(BORROWING_MIX)).map((status, i) => {
    const book = notHeld[i % notHeld.length] as Book;
    const partner = borrowingPartners[i] as string;
    const dueDate = borrowingDueDate(status, day);
    // A needed-by date matters only until the item is here.
    const awaited = AWAITED.includes(status);
    const digital = (status === 'COMPLETED' || status === 'CANCELLED') && random.chance(0.3);
    return {
      requestId: `B-${1001 + i}`,
      externalId: externalId(partner),
      partner,
      patron: random.pick(patrons).id,
      title: book.title,
      author: book.author,
      isbn: book.isbn,
      status,
      format: digital ? 'DIGITAL' : 'PHYSICAL',
      ...(awaited && random.chance(0.7) ? { neededBy: day(14, 60) } : {}),
      ...(dueDate ? { dueDate } : {}),
      ...(random.chance(0.2) ? { note: random.pick(BORROWING_NOTES) } : {}),
    };
  });

  // Each lent item is out on one request at a time, so lending requests take distinct items.
  const lentItems = random.shuffle(items);
  const lendingPartners = partnerSequence(random, DEMO_COUNTS.lendingRequests);
  let unlocated = 0;
  const lendingRequests: Lending[] = random.shuffle(expand(LENDING_MIX)).map((status, i) => {
    const item = lentItems[i] as Item;
    const partner = lendingPartners[i] as string;
    const located = status !== 'LOCATE_FAILED' && status !== 'REJECTED';
    const heldTwice = status === 'LOCATE_FAILED' ? twiceHeld[unlocated++] : undefined;
    const book = located ? item : (heldTwice ?? (notHeld[notHeld.length - 1 - i] as Book));
    const active = isActiveStatus('lending', status);
    return {
      requestId: `L-${2001 + i}`,
      externalId: externalId(partner),
      partner,
      title: book.title,
      ...(book.author ? { author: book.author } : {}),
      ...(book.isbn ? { isbn: book.isbn } : {}),
      status: status === 'LOCATE_FAILED' ? 'CREATED' : status,
      requestedFormat:
        status === 'SHIPPED_DIGITALLY'
          ? 'DIGITAL'
          : status === 'CREATED' && random.chance(0.1)
            ? 'PHYSICAL_NON_RETURNABLE'
            : 'PHYSICAL',
      levelOfService: random.chance(0.1) ? 'Rush' : 'Standard',
      neededBy: active ? day(5, 45) : day(-90, -10),
      ...(located ? { itemBarcode: item.barcode } : {}),
    };
  });

  shareExternalId(borrowingRequests, 'SUNYSB', 'GMU');
  shareExternalId(lendingRequests, 'SUNYBUF', 'VTECH');

  return {
    partners: DEMO_PARTNERS.map((p) => ({ ...p })),
    patrons,
    items,
    borrowingRequests,
    lendingRequests,
  };
}

/** How many books the demo library holds two copies of. */
const SECOND_COPIES = 3;

/**
 * Makes the last few items second copies of the first few books (same title, author and ISBN; a
 * copy number on the call number; their own barcode and shelf), so Locate finds two items for a
 * request naming one of them and staff choose. Returns the books held twice.
 */
function addSecondCopies(items: Item[]): Item[] {
  return Array.from({ length: SECOND_COPIES }, (_, c) => {
    const original = items[c] as Item;
    const slot = items.length - 1 - c;
    const copy = items[slot] as Item;
    items[slot] = {
      barcode: copy.barcode,
      title: original.title,
      ...(original.author ? { author: original.author } : {}),
      ...(original.isbn ? { isbn: original.isbn } : {}),
      callNumber: `${original.callNumber ?? ''} c.2`.trim(),
      ...(copy.location ? { location: copy.location } : {}),
      ...(copy.library ? { library: copy.library } : {}),
    };
    return original;
  });
}

function borrowingDueDate(
  status: BorrowingStatus,
  day: (from: number, to: number) => string,
): string | undefined {
  switch (status) {
    case 'SHIPPED_PHYSICALLY':
    case 'RECEIVED':
    case 'LOANED':
    case 'RETURNED_BY_PATRON':
    case 'RENEWED':
      return day(7, 42);
    case 'RECALLED':
      return day(2, 7);
    case 'OVERDUE':
      return day(-21, -1);
    case 'RETURNED_TO_PARTNER':
    case 'COMPLETED':
    case 'LOST':
      return day(-60, -10);
    default:
      return undefined;
  }
}

/**
 * Two partners each issue the same External Identifier (their numbering is their own), so the
 * desk's "which partner?" question has something to ask about.
 */
function shareExternalId(requests: (Borrowing | Lending)[], first: string, second: string): void {
  const a = requests.find((r) => r.partner === first);
  const b = requests.find((r) => r.partner === second);
  if (a && b) b.externalId = a.externalId;
}
