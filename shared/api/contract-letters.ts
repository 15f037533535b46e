import { z } from 'zod';
import { LETTER_NAMES } from '../letters/letter-names.ts';
import { letterTemplateSchema } from '../settings/email-settings.ts';

/**
 * Settings → Letters and email (issue "6 · Partner messaging", part 4): the letters staff may
 * edit, their previews, the SMTP password (write-only: no method ever answers it) and a test
 * message. The SMTP server itself is the `email` setting (settings.update). contract.ts spreads
 * these methods into the one table.
 */

export const letterName = z.enum(LETTER_NAMES);

const letterTemplate = z.object({ subject: z.string(), text: z.string(), html: z.string() });

export const letterEntry = z.object({
  name: letterName,
  /** When the desk sends it, in staff's words. */
  purpose: z.string(),
  /** The template as sent now: the edited one, or the default. */
  template: letterTemplate,
  /** Staff edited it (Reset to default brings the default back). */
  edited: z.boolean(),
});
export type LetterEntry = z.infer<typeof letterEntry>;

const renderedLetter = z.object({
  subject: z.string(),
  text: z.string(),
  /** Null when the letter has no HTML part. */
  html: z.string().nullable(),
});
export type RenderedLetterView = z.infer<typeof renderedLetter>;

const emailStatus = z.object({
  /** An SMTP password is stored (it is never sent to a window). */
  passwordSet: z.boolean(),
  /** How letters leave now: the SMTP server in the `email` setting, or .eml files. */
  sendsBy: z.enum(['smtp', 'eml']),
  /** Where .eml files are written when no SMTP server is set. */
  mailFolder: z.string(),
});
export type EmailStatus = z.infer<typeof emailStatus>;

export const letterMethods = {
  /** Every letter with its current template, and the placeholders templates may use. */
  'letters.list': {
    input: z.strictObject({}),
    output: z.object({
      letters: z.array(letterEntry),
      placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
    }),
  },
  /**
   * Saves an edited letter. A template naming a placeholder letters do not know (or a section
   * left open) is refused, each problem reported at `template.<part>` for the editor.
   */
  'letters.save': {
    access: 'manager',
    input: z.strictObject({ name: letterName, template: letterTemplateSchema }),
    output: letterEntry,
  },
  /** Puts a letter back to its default. */
  'letters.reset': {
    access: 'manager',
    input: z.strictObject({ name: letterName }),
    output: letterEntry,
  },
  /** A letter filled in with sample values: the template given (unsaved edits), or the current one. */
  'letters.preview': {
    input: z.strictObject({
      name: letterName,
      template: z
        .strictObject({
          subject: z.string().max(300),
          text: z.string().max(20_000),
          html: z.string().max(50_000),
        })
        .optional(),
    }),
    output: renderedLetter,
  },
  /** Whether an SMTP password is set, and how letters leave the desk now. */
  'email.status': { input: z.strictObject({}), output: emailStatus },
  /** Sets the SMTP password ('' or null removes it). The answer says only whether one is set. */
  'email.setPassword': {
    access: 'manager',
    input: z.strictObject({ password: z.string().max(500).nullable() }),
    output: emailStatus,
  },
  /** Sends a test message to `to` the way letters go (SMTP, or an .eml file without a server). */
  'email.test': {
    access: 'manager',
    input: z.strictObject({ to: z.string().trim().min(1).max(254) }),
    output: z.object({ message: z.string(), sendsBy: z.enum(['smtp', 'eml']) }),
  },
} as const;
