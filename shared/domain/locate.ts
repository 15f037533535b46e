/**
 * How Locate recognises the library's own copy of a requested book (issue "5 · Lending desk",
 * part 3): by ISBN first, then by title and author. Requests and items are written by different
 * people and systems, so both sides are reduced to the same keys before they are compared.
 */

/** What Locate searches with: the request's citation. */
export interface Citation {
  readonly title: string;
  readonly author: string | null;
  readonly isbn: string | null;
}

/** Which search found the candidates, for the history note and the alert. */
export type LocateSearch = 'ISBN' | 'TITLE_AUTHOR';

const ISBN_IN_TEXT = /97[89]\d{10}|\d{9}[\dX]/;

/**
 * The ISBN in `text` as digits (and a final X), or null: "978-0-262-04630-5 (hardcover)" and
 * "0262046308" both read. Hyphens and spaces are dropped before the digits are read.
 */
export function isbnDigits(text: string | null | undefined): string | null {
  if (!text) return null;
  return ISBN_IN_TEXT.exec(text.toUpperCase().replace(/[\s-]/g, ''))?.[0] ?? null;
}

function isbn13CheckDigit(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return String((10 - (sum % 10)) % 10);
}

function isbn10CheckDigit(first9: string): string {
  const sum = [...first9].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** The ISBN-13 of an ISBN-10 or ISBN-13 (the same book has both), or null for anything else. */
export function isbn13(text: string | null | undefined): string | null {
  const digits = isbnDigits(text);
  if (digits === null) return null;
  if (digits.length === 13) return digits;
  const first12 = `978${digits.slice(0, 9)}`;
  return first12 + isbn13CheckDigit(first12);
}

/**
 * The forms an item's ISBN may be stored in for the same book: its ISBN-13 and, for a 978 book,
 * its ISBN-10. Empty when the text holds no ISBN.
 */
export function isbnForms(text: string | null | undefined): string[] {
  const thirteen = isbn13(text);
  if (thirteen === null) return [];
  if (!thirteen.startsWith('978')) return [thirteen];
  const first9 = thirteen.slice(3, 12);
  return [thirteen, first9 + isbn10CheckDigit(first9)];
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A title reduced for comparison: the main title only (before a subtitle's colon or a statement of
 * responsibility's slash), without accents, case, punctuation or a leading English article.
 * "The Structure of Scientific Revolutions / Thomas S. Kuhn" → "structure of scientific
 * revolutions".
 */
export function titleKey(title: string): string {
  const main = title.split(/\s*[:/;=]\s/)[0] ?? '';
  const key = fold(main.trim() === '' ? title : main);
  return key.replace(/^(the|an|a) (?=\S)/, '');
}

/**
 * An author's surname reduced for comparison, or null: the part before the comma in
 * "Cormen, Thomas H.", else the last word with letters in "Thomas H. Cormen" (dates are skipped).
 */
export function surnameKey(author: string | null | undefined): string | null {
  if (!author || author.trim() === '') return null;
  const comma = author.indexOf(',');
  const words = fold(comma > 0 ? author.slice(0, comma) : author)
    .split(' ')
    .filter((w) => /\p{L}/u.test(w));
  const surname = comma > 0 ? words.join(' ') : words.at(-1);
  return surname ? surname : null;
}

/**
 * Whether an item's title and author fit a citation: the same title key and, where both name an
 * author, the same surname. An item without an author does not rule itself out.
 */
export function titleAndAuthorFit(
  citation: Pick<Citation, 'title' | 'author'>,
  item: { readonly title: string; readonly author: string | null },
): boolean {
  if (titleKey(citation.title) !== titleKey(item.title)) return false;
  const wanted = surnameKey(citation.author);
  const held = surnameKey(item.author);
  return wanted === null || held === null || wanted === held;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const SEARCH_WORDS: Readonly<Record<LocateSearch, string>> = {
  ISBN: 'by ISBN',
  TITLE_AUTHOR: 'by title and author',
};

/** The alert and history note when Locate found none or several items. */
export function locateFailedMessage(found: number, search: LocateSearch): string {
  if (found === 0) {
    return 'Locate found no item by ISBN or by title and author: check the ISBN, title and author (Edit), then use Locate again, or reject the request.';
  }
  return `Locate found ${plural(found, 'item', 'items')} ${SEARCH_WORDS[search]}: choose the one to lend with Locate.`;
}

/** The history note when Locate linked an item. */
export function locatedNote(barcode: string, search: LocateSearch | 'CHOSEN'): string {
  return search === 'CHOSEN'
    ? `Item ${barcode} chosen`
    : `Located item ${barcode} ${SEARCH_WORDS[search]}`;
}
