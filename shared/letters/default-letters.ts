import { GENERAL_MESSAGE, ON_HOLD_SHELF_LETTER } from '../domain/partner-message-kinds.ts';
import type { LetterName } from './letter-names.ts';
import type { PlaceholderName } from './letter-placeholders.ts';
import type { LetterTemplate } from './render-letter.ts';

/**
 * The letters as a new desk sends them. Each is written once as a plan (greeting, paragraphs,
 * the request's facts) and laid out both as plain text and as HTML, so the two parts say the
 * same thing. Staff may edit any part in Settings → Letters and email.
 */

interface Paragraph {
  /** Template text (placeholders allowed; plain words, no HTML). */
  readonly text: string;
  /** Only when this value is there. */
  readonly when?: PlaceholderName;
  /** Only when this value is missing. */
  readonly unless?: PlaceholderName;
}

interface Fact {
  readonly label: string;
  readonly name: PlaceholderName;
  /** Left out when the request has no value. */
  readonly optional?: boolean;
}

interface LetterPlan {
  readonly subject: string;
  readonly greeting: string;
  readonly opening: readonly Paragraph[];
  readonly facts: readonly Fact[];
  readonly closing: readonly Paragraph[];
}

const PARTNER_GREETING = 'Dear colleagues at {{partnerName}},';
const NOTE: Paragraph = { text: 'Note from {{deskName}}: {{note}}', when: 'note' };
const THE_REQUEST: readonly Fact[] = [
  { label: 'Title', name: 'title' },
  { label: 'Your request', name: 'externalId' },
  { label: 'Our request', name: 'requestId' },
];

function section(paragraph: Paragraph, body: string): string {
  if (paragraph.when) return `{{#${paragraph.when}}}\n${body}{{/${paragraph.when}}}\n`;
  if (paragraph.unless) return `{{^${paragraph.unless}}}\n${body}{{/${paragraph.unless}}}\n`;
  return body;
}

function textLetter(plan: LetterPlan): string {
  const paragraphs = (list: readonly Paragraph[]) =>
    list.map((p) => section(p, `${p.text}\n\n`)).join('');
  const facts = plan.facts
    .map((f) => {
      const line = `${f.label}: {{${f.name}}}\n`;
      return f.optional ? `{{#${f.name}}}\n${line}{{/${f.name}}}\n` : line;
    })
    .join('');
  return (
    `${plan.greeting}\n\n${paragraphs(plan.opening)}${facts}\n${paragraphs(plan.closing)}` +
    'With best wishes,\n{{deskName}}\n{{institution}}\n'
  );
}

function htmlLetter(plan: LetterPlan): string {
  const paragraphs = (list: readonly Paragraph[]) =>
    list.map((p) => section(p, `<p>${p.text}</p>\n`)).join('');
  const rows = plan.facts
    .map((f) => {
      const row = `  <tr><th align="left">${f.label}</th><td>{{${f.name}}}</td></tr>\n`;
      return f.optional ? `{{#${f.name}}}\n${row}{{/${f.name}}}\n` : row;
    })
    .join('');
  return (
    `<p>${plan.greeting}</p>\n${paragraphs(plan.opening)}<table>\n${rows}</table>\n` +
    `${paragraphs(plan.closing)}<p>With best wishes,<br>\n{{deskName}}<br>\n{{institution}}</p>\n`
  );
}

const PLANS: Readonly<Record<LetterName, LetterPlan>> = {
  'Lender Ship': {
    subject: 'Shipped: {{title}} (your request {{externalId}})',
    greeting: PARTNER_GREETING,
    opening: [{ text: 'We have shipped the item you asked to borrow.' }],
    facts: [
      ...THE_REQUEST,
      { label: 'Item barcode', name: 'itemBarcode', optional: true },
      { label: 'Due back', name: 'dueDate', optional: true },
    ],
    closing: [
      { text: 'This is a non-returnable copy: there is no need to return it.', unless: 'dueDate' },
      NOTE,
    ],
  },
  'Lender Checked-In': {
    subject: 'Returned and checked in: {{title}} (your request {{externalId}})',
    greeting: PARTNER_GREETING,
    opening: [
      { text: 'The item you borrowed from us is back and checked in. The loan is complete.' },
    ],
    facts: [...THE_REQUEST, { label: 'Item barcode', name: 'itemBarcode', optional: true }],
    closing: [{ text: 'Thank you for returning it.' }, NOTE],
  },
  'Lender Reject': {
    subject: 'We cannot supply {{title}} (your request {{externalId}})',
    greeting: PARTNER_GREETING,
    opening: [
      { text: 'We are sorry: we cannot supply the item you asked to borrow.' },
      { text: 'Reason: {{reason}}', when: 'reason' },
    ],
    facts: THE_REQUEST,
    closing: [{ text: 'Please try another library.' }, NOTE],
  },
  'Borrower Overdue': {
    subject: 'Overdue: {{title}} (your request {{externalId}})',
    greeting: PARTNER_GREETING,
    opening: [
      { text: 'The item we lent you was due back on {{dueDate}}.', when: 'dueDate' },
      { text: 'The item we lent you is overdue.', unless: 'dueDate' },
      { text: 'Please return it as soon as you can, or ask us to renew the loan.' },
    ],
    facts: [
      ...THE_REQUEST,
      { label: 'Item barcode', name: 'itemBarcode', optional: true },
      { label: 'Due back', name: 'dueDate', optional: true },
    ],
    closing: [NOTE],
  },
  [GENERAL_MESSAGE]: {
    subject: 'About {{title}} (your request {{externalId}})',
    greeting: PARTNER_GREETING,
    opening: [{ text: '{{update}}', when: 'update' }],
    facts: [
      ...THE_REQUEST,
      { label: 'Status', name: 'status', optional: true },
      { label: 'Due back', name: 'dueDate', optional: true },
      { label: 'Please reply by', name: 'replyBy', optional: true },
    ],
    closing: [NOTE],
  },
  [ON_HOLD_SHELF_LETTER]: {
    subject: 'Ready for you: {{title}}',
    greeting: 'Dear {{patronName}},',
    opening: [
      { text: 'The item you asked us to borrow for you has arrived and is waiting for you.' },
    ],
    facts: [
      { label: 'Title', name: 'title' },
      { label: 'Pick it up at', name: 'pickupLocation', optional: true },
      { label: 'On the hold shelf until', name: 'holdUntil', optional: true },
      { label: 'Due back', name: 'dueDate', optional: true },
      { label: 'Request', name: 'requestId' },
    ],
    closing: [
      {
        text: 'Please collect it by {{holdUntil}}: after that it goes back to the lending library.',
        when: 'holdUntil',
      },
    ],
  },
};

function layOut(plan: LetterPlan): LetterTemplate {
  return { subject: plan.subject, text: textLetter(plan), html: htmlLetter(plan) };
}

export const DEFAULT_LETTERS: Readonly<Record<LetterName, LetterTemplate>> = Object.fromEntries(
  Object.entries(PLANS).map(([name, plan]) => [name, layOut(plan)]),
) as Record<LetterName, LetterTemplate>;
