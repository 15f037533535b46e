import { describe, expect, it } from 'vitest';
import { DEFAULT_LETTERS } from '../../../shared/letters/default-letters.ts';
import { LETTER_NAMES } from '../../../shared/letters/letter-names.ts';
import {
  letterValues,
  sampleLetterValues,
  type LetterFacts,
} from '../../../shared/letters/letter-values.ts';
import { checkLetterTemplate, renderLetter } from '../../../shared/letters/render-letter.ts';
import { letterOverrides } from '../../../shared/settings/email-settings.ts';

const SHIPPED: LetterFacts = {
  requestKind: 'lending',
  requestId: 'L-3001',
  externalId: 'VT-501',
  title: 'Cien años de soledad <1st ed.>',
  action: 'SHIP',
  toStatus: 'SHIPPED_PHYSICALLY',
  to: { name: 'Virginia Tech' },
  note: 'Fragile spine & loose plates',
  details: { itemBarcode: '39990001', dueDate: '2027-01-18', format: 'PHYSICAL' },
};
const DESK = { institution: 'Universidad de Córdoba', deskName: 'ILL Desk', day: '2026-11-23' };

describe('the default letters', () => {
  it('has a default for every letter, each free of problems', () => {
    for (const name of LETTER_NAMES) {
      expect(checkLetterTemplate(DEFAULT_LETTERS[name]), name).toEqual([]);
    }
  });

  it('fills in the Lender Ship letter with dates as staff read them, the HTML escaped', () => {
    const letter = renderLetter(DEFAULT_LETTERS['Lender Ship'], letterValues(SHIPPED, DESK));
    expect(letter.subject).toBe('Shipped: Cien años de soledad <1st ed.> (your request VT-501)');
    expect(letter.text).toContain('Dear colleagues at Virginia Tech,');
    expect(letter.text).toContain('Title: Cien años de soledad <1st ed.>\n');
    expect(letter.text).toContain('Due back: Mon 18 Jan 2027\n');
    expect(letter.text).toContain('Item barcode: 39990001\n');
    expect(letter.text).toContain('Note from ILL Desk: Fragile spine & loose plates');
    expect(letter.text).toContain('ILL Desk\nUniversidad de Córdoba\n');
    expect(letter.text).not.toContain('non-returnable');
    expect(letter.html).toContain('<td>Cien años de soledad &lt;1st ed.&gt;</td>');
    expect(letter.html).toContain('Fragile spine &amp; loose plates');
    expect(letter.html).not.toContain('<1st ed.>');
  });

  it('leaves out the lines of values a request does not have, without blank gaps', () => {
    const nonReturnable = { ...SHIPPED, note: null, details: { itemBarcode: null, dueDate: null } };
    const letter = renderLetter(DEFAULT_LETTERS['Lender Ship'], letterValues(nonReturnable, DESK));
    expect(letter.text).not.toContain('Due back');
    expect(letter.text).not.toContain('Item barcode');
    expect(letter.text).not.toContain('Note from');
    expect(letter.text).toContain('This is a non-returnable copy: there is no need to return it.');
    expect(letter.text).not.toMatch(/\n\n\n/);
    expect(letter.text).toContain('Our request: L-3001\n\nThis is a non-returnable copy');
  });

  it('says in the General Message what happened', () => {
    const renewed: LetterFacts = {
      ...SHIPPED,
      action: 'RENEW',
      toStatus: 'RECEIVED_BY_PARTNER',
      note: null,
      details: { dueDate: '2027-02-01', previousDueDate: '2027-01-18' },
    };
    const letter = renderLetter(DEFAULT_LETTERS['General Message'], letterValues(renewed, DESK));
    expect(letter.text).toContain(
      'The loan is renewed: the item is now due back on Mon 1 Feb 2027.',
    );
    expect(letter.text).toContain('Status: Received by partner');
  });

  it('greets the patron by name in the On Hold Shelf Letter', () => {
    const held: LetterFacts = {
      requestKind: 'borrowing',
      requestId: 'B-3001',
      externalId: 'VT-900',
      title: 'Cien años de soledad',
      action: 'RECEIVE',
      toStatus: 'RECEIVED',
      to: { name: 'José Núñez', patronId: 'P101' },
      note: null,
      details: { holdUntil: '2026-12-02', pickupLocation: 'Science Library Service Desk' },
    };
    const letter = renderLetter(DEFAULT_LETTERS['On Hold Shelf Letter'], letterValues(held, DESK));
    expect(letter.subject).toBe('Ready for you: Cien años de soledad');
    expect(letter.text).toContain('Dear José Núñez,');
    expect(letter.text).toContain('Pick it up at: Science Library Service Desk');
    expect(letter.text).toContain('Please collect it by Wed 2 Dec 2026');
  });
});

describe('an edited template', () => {
  const edited = { ...DEFAULT_LETTERS['Lender Ship'] };

  it('is refused when it names a placeholder letters do not know, naming it and the likely one', () => {
    const problems = checkLetterTemplate({ ...edited, subject: 'Shipped {{dueDay}} {{colour}}' });
    expect(problems).toEqual([
      {
        part: 'subject',
        message:
          'The subject: {{dueDay}} is not a placeholder letters know: did you mean {{dueDate}}?',
      },
      {
        part: 'subject',
        message:
          'The subject: {{colour}} is not a placeholder letters know: use one of the placeholders listed beside the editor.',
      },
    ]);
  });

  it('is refused when a section is left open or a placeholder is not one word', () => {
    const problems = checkLetterTemplate({
      ...edited,
      text: 'Due {{#dueDate}}{{dueDate}}',
      html: '<p>{{ due date }}</p>',
    });
    expect(problems.map((p) => p.message)).toEqual([
      'The plain text: {{#dueDate}} is never closed: end it with {{/dueDate}}.',
      'The HTML: {{ due date }} is not a placeholder: a placeholder is one word in double braces, like {{dueDate}}.',
    ]);
  });

  it('is refused by the letters setting itself, so settings.update cannot store it either', () => {
    const parsed = letterOverrides.safeParse({
      'Lender Ship': { ...edited, text: 'Hello {{partner}}' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['Lender Ship', 'text']);
  });

  it('previews with sample values, a letter without HTML having none', () => {
    const letter = renderLetter(
      { subject: 'Re {{requestId}}', text: '{{title}}', html: '' },
      sampleLetterValues(),
    );
    expect(letter).toEqual({ subject: 'Re L-2001', text: 'Cien años de soledad', html: null });
  });
});
