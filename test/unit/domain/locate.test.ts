import { describe, expect, it } from 'vitest';
import {
  isbn13,
  isbnDigits,
  isbnForms,
  surnameKey,
  titleAndAuthorFit,
  titleKey,
} from '../../../shared/domain/locate.ts';

describe('ISBNs as Locate compares them', () => {
  it('reads the digits from hyphenated, spaced or qualified text', () => {
    expect(isbnDigits('978-0-262-04630-5')).toBe('9780262046305');
    expect(isbnDigits('ISBN 0 226 45808 3 (pbk.)')).toBe('0226458083');
    expect(isbnDigits('0-262-04630-x')).toBe('026204630X');
    expect(isbnDigits('no isbn here')).toBeNull();
    expect(isbnDigits(null)).toBeNull();
  });

  it('gives the ISBN-10 and ISBN-13 of the same book the same ISBN-13', () => {
    expect(isbn13('0-226-45808-3')).toBe('9780226458083');
    expect(isbn13('9780226458083')).toBe('9780226458083');
    expect(isbn13('026204630X')).toBe('9780262046305');
  });

  it('lists both stored forms of a 978 book and only the ISBN-13 of a 979 one', () => {
    expect(isbnForms('9780262046305')).toEqual(['9780262046305', '026204630X']);
    expect(isbnForms('0226458083')).toEqual(['9780226458083', '0226458083']);
    expect(isbnForms('9791032305690')).toEqual(['9791032305690']);
    expect(isbnForms('')).toEqual([]);
  });
});

describe('titles and authors as Locate compares them', () => {
  it('keeps the main title without case, accents, punctuation or a leading article', () => {
    const key = 'structure of scientific revolutions';
    expect(titleKey('The Structure of Scientific Revolutions')).toBe(key);
    expect(titleKey('Structure of scientific revolutions : 50th anniversary edition')).toBe(key);
    expect(titleKey('The structure of scientific revolutions / Thomas S. Kuhn')).toBe(key);
    expect(titleKey('Économie & société')).toBe('economie and societe');
    expect(titleKey('A')).toBe('a');
  });

  it('reads the surname from "Surname, Given" and from "Given Surname"', () => {
    expect(surnameKey('Kuhn, Thomas S., 1922-1996')).toBe('kuhn');
    expect(surnameKey('Thomas S. Kuhn')).toBe('kuhn');
    expect(surnameKey('Núñez, José')).toBe('nunez');
    expect(surnameKey('  ')).toBeNull();
  });

  it('fits an item with the same title and surname, or without an author; not another author', () => {
    const citation = { title: 'structure of scientific revolutions', author: 'Thomas Kuhn' };
    const title = 'The Structure of Scientific Revolutions';
    expect(titleAndAuthorFit(citation, { title, author: 'Kuhn, Thomas S.' })).toBe(true);
    expect(titleAndAuthorFit(citation, { title, author: null })).toBe(true);
    expect(titleAndAuthorFit(citation, { title, author: 'Popper, Karl' })).toBe(false);
    expect(titleAndAuthorFit(citation, { title: 'Revolutions', author: 'Kuhn, T.' })).toBe(false);
  });
});
