/** Identifiers the demo makes up, shaped like real ones so scanning and checks behave as in a library. */
import type { SeededRandom } from './seeded-random.ts';

/** Library barcodes: a type digit, the institution, a sequence, and a mod-10 (Luhn) check digit. */
export function libraryBarcode(type: '2' | '3', sequence: number): string {
  const body = `${type}1234${String(sequence).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** An ISBN-13 in the English-language 978-0/978-1 groups, with its real check digit. */
export function isbn13(random: SeededRandom): string {
  const body = `978${random.int(0, 1)}${random.digits(8)}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** "zoe.angstrom" from "Zoë Ångström": accents dropped; ø, ł and ı, which NFD cannot split, by hand. */
export function emailLocalPart(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i')
    .toLowerCase();
  return folded
    .split(/\s+/)
    .map((part) => part.replace(/[^a-z-]/g, ''))
    .filter(Boolean)
    .join('.');
}
