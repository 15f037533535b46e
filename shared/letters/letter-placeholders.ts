/**
 * The named placeholders a letter template may use, `{{requestId}}`, each with what it holds and
 * a sample value for previews. A template naming anything else is refused when it is saved.
 */

export const PLACEHOLDERS = {
  requestId: {
    description: 'Our request ID (the lending or borrowing request at this desk)',
    sample: 'L-2001',
  },
  externalId: {
    description: "The partner's own ID for the request (their External Identifier)",
    sample: '33100042',
  },
  title: { description: 'The title of the item', sample: 'Cien años de soledad' },
  partnerName: {
    description: 'The partner library the letter goes to (empty in a letter to a patron)',
    sample: 'Virginia Tech',
  },
  patronName: {
    description: 'The patron the letter goes to (empty in a letter to a partner)',
    sample: 'José Núñez',
  },
  dueDate: { description: 'When the item is due back', sample: '2027-01-18' },
  previousDueDate: {
    description: 'The due date before a renewal',
    sample: '2027-01-04',
  },
  itemBarcode: { description: "The item's barcode", sample: '31234000123456' },
  note: {
    description: 'The note to the partner that staff typed, if any',
    sample: 'Please handle with care: the spine is fragile.',
  },
  reason: {
    description: 'Why: the reason for a rejection or the condition of a conditional answer',
    sample: 'Not on shelf',
  },
  replyBy: {
    description: 'The last day to answer a conditional reply',
    sample: '2026-12-04',
  },
  holdUntil: { description: 'The last day the item waits on the hold shelf', sample: '2026-12-01' },
  pickupLocation: {
    description: 'Where the patron collects the item',
    sample: 'Science Library Service Desk',
  },
  pieces: { description: 'How many pieces the item has', sample: '1' },
  update: {
    description: 'What happened, in one sentence (the General Message says it)',
    sample: 'The loan is renewed: the item is now due back on Mon 18 Jan 2027.',
  },
  status: { description: "The request's status now", sample: 'Shipped physically' },
  date: { description: 'The day it happened', sample: '2026-11-23' },
  institution: { description: 'Our institution (Settings)', sample: 'Your Institution' },
  deskName: { description: "This desk's name (Settings)", sample: 'Resource Sharing Desk' },
} as const satisfies Record<string, { readonly description: string; readonly sample: string }>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

/** Placeholders that hold a date (YYYY-MM-DD); letters print them as staff read dates. */
export const DATE_PLACEHOLDERS: readonly PlaceholderName[] = [
  'dueDate',
  'previousDueDate',
  'replyBy',
  'holdUntil',
  'date',
];

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** Every placeholder's value for one letter; '' where the request has none. */
export type LetterValues = Readonly<Record<PlaceholderName, string>>;
