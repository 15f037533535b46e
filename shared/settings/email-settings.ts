import { z } from 'zod';
import { LETTER_NAMES } from '../letters/letter-names.ts';
import { checkLetterTemplate } from '../letters/render-letter.ts';

/**
 * Settings → Letters and email: the edited letters and how letters leave the desk. The SMTP
 * password is not here: settings.get answers every setting to any window, so the password is kept
 * apart (email.setPassword writes it; only the mailer reads it).
 */

/** One address, as a mail server takes it: something@somewhere, no spaces or brackets. */
const EMAIL_ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL_ADDRESS.test(text);
}

/** A host name or IP address: letters, digits, dots, hyphens and IPv6 colons. */
const HOST = /^[A-Za-z0-9.:-]+$/;

export const SMTP_SECURITY = ['NONE', 'STARTTLS', 'TLS'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export const emailSettings = z.object({
  /** The From address of every letter; partners reply to it. */
  fromAddress: z
    .string()
    .trim()
    .max(254)
    .refine((text) => text === '' || isEmailAddress(text), {
      error: 'Write the From address as one email address, like ill@library.example.edu.',
    })
    .default(''),
  /** The name beside it; empty uses the desk's name and institution. */
  fromName: z.string().trim().max(200).default(''),
  /** The SMTP server; empty writes each letter as an .eml file into the outbox-mail folder. */
  host: z
    .string()
    .trim()
    .max(255)
    .refine((text) => text === '' || HOST.test(text), {
      error: 'Write the SMTP server as a host name or IP address, like smtp.example.edu.',
    })
    .default(''),
  port: z.number().int().min(1).max(65535).default(587),
  /** NONE: plain; STARTTLS: upgrade on the submission port (587); TLS: TLS from the start (465). */
  security: z.enum(SMTP_SECURITY).default('STARTTLS'),
  /** The SMTP login; empty sends without logging in. */
  user: z.string().trim().max(254).default(''),
});
export type EmailSettings = z.output<typeof emailSettings>;

export const letterTemplateSchema = z.object({
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(20_000),
  html: z.string().max(50_000),
});

/**
 * The letters staff have edited, by name; a letter not here is sent as its default
 * (shared/letters/default-letters.ts). A template naming an unknown placeholder is refused.
 */
export const letterOverrides = z
  .partialRecord(z.enum(LETTER_NAMES), letterTemplateSchema)
  .superRefine((letters, ctx) => {
    for (const [name, template] of Object.entries(letters)) {
      for (const problem of checkLetterTemplate(template)) {
        ctx.addIssue({ code: 'custom', path: [name, problem.part], message: problem.message });
      }
    }
  });
export type LetterOverrides = z.output<typeof letterOverrides>;
