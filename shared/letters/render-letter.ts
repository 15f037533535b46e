import type { LetterValues } from './letter-placeholders.ts';
import { fillTemplate, parseTemplate } from './letter-template.ts';

/** A letter as staff edit it: subject, plain text, and HTML ('' sends the plain text alone). */
export interface LetterTemplate {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export type LetterPart = keyof LetterTemplate;

export const LETTER_PARTS: readonly LetterPart[] = ['subject', 'text', 'html'];

const PART_NAMES: Readonly<Record<LetterPart, string>> = {
  subject: 'The subject',
  text: 'The plain text',
  html: 'The HTML',
};

export interface LetterProblem {
  readonly part: LetterPart;
  readonly message: string;
}

/** Every problem in a letter's three parts, each naming its part ("The subject: {{dueDay}} …"). */
export function checkLetterTemplate(template: LetterTemplate): LetterProblem[] {
  return LETTER_PARTS.flatMap((part) =>
    parseTemplate(template[part]).problems.map((problem) => ({
      part,
      message: `${PART_NAMES[part]}: ${problem}`,
    })),
  );
}

export interface RenderedLetter {
  readonly subject: string;
  readonly text: string;
  /** Null when the letter has no HTML part. */
  readonly html: string | null;
}

/**
 * The letter with its values filled in. The subject is one line however the values break; the
 * HTML part has its values escaped. Parts with problems render what they can (templates are
 * checked when saved, so a stored one has none).
 */
export function renderLetter(template: LetterTemplate, values: LetterValues): RenderedLetter {
  const fill = (source: string, format: 'text' | 'html') =>
    fillTemplate(parseTemplate(source).nodes, values, format);
  const html = template.html.trim() === '' ? null : fill(template.html, 'html');
  return {
    subject: fill(template.subject, 'text').replace(/\s+/g, ' ').trim(),
    text: fill(template.text, 'text'),
    html,
  };
}
