import { GENERAL_MESSAGE, ON_HOLD_SHELF_LETTER } from '../domain/partner-message-kinds.ts';

/**
 * The email letters the desk sends (the seeds' Alma letter names, as
 * shared/domain/partner-message-kinds.ts queues them): five to email partners, one to patrons.
 */
export const LETTER_NAMES = [
  'Lender Ship',
  'Lender Checked-In',
  'Lender Reject',
  'Borrower Overdue',
  GENERAL_MESSAGE,
  ON_HOLD_SHELF_LETTER,
] as const;

export type LetterName = (typeof LETTER_NAMES)[number];

export function isLetterName(name: string): name is LetterName {
  return (LETTER_NAMES as readonly string[]).includes(name);
}

/** When each letter goes, as the letter editor explains it. */
export const LETTER_PURPOSES: Readonly<Record<LetterName, string>> = {
  'Lender Ship': 'To an email partner when we ship the item they asked us to lend.',
  'Lender Checked-In': 'To an email partner when their returned loan is checked in here.',
  'Lender Reject': 'To an email partner when we reject (cannot fill) their request.',
  'Borrower Overdue':
    'To an email partner whose loan from us is overdue (the daily overdue job sends it).',
  [GENERAL_MESSAGE]:
    'To an email partner for every other step: a conditional answer, a renewal, a recall, a cancellation, an item returned or lost.',
  [ON_HOLD_SHELF_LETTER]:
    'To the patron when the item they borrowed through us is on the hold shelf for them.',
};
