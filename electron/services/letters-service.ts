import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import { DeskError } from '../../shared/api/result.ts';
import { DEFAULT_LETTERS } from '../../shared/letters/default-letters.ts';
import {
  LETTER_NAMES,
  LETTER_PURPOSES,
  type LetterName,
} from '../../shared/letters/letter-names.ts';
import { PLACEHOLDERS, PLACEHOLDER_NAMES } from '../../shared/letters/letter-placeholders.ts';
import { sampleLetterValues } from '../../shared/letters/letter-values.ts';
import {
  checkLetterTemplate,
  renderLetter,
  type LetterTemplate,
} from '../../shared/letters/render-letter.ts';
import { isEmailAddress, type LetterOverrides } from '../../shared/settings/email-settings.ts';
import type { Orm } from '../../db/database.ts';
import { getSetting, setSetting } from '../../db/repositories/settings-repository.ts';
import {
  hasSmtpPassword,
  mailFolder,
  sendTestMessage,
  setSmtpPassword,
} from '../messaging/email/index.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * Settings → Letters and email: list, edit, preview and reset the letters; the write-only SMTP
 * password; a test message. Edited letters are the `letters` setting, so every window hears of a
 * change through settings.changed.
 */

type LetterEntry = Output<'letters.save'>;
type EmailStatus = Output<'email.status'>;

function entryOf(name: LetterName, overrides: LetterOverrides): LetterEntry {
  const edited = overrides[name];
  return {
    name,
    purpose: LETTER_PURPOSES[name],
    template: edited ?? DEFAULT_LETTERS[name],
    edited: edited !== undefined,
  };
}

export async function listLetters(ctx: DeskContext): Promise<Output<'letters.list'>> {
  const overrides = await ctx.gate.read((db) => getSetting(db, 'letters'));
  return {
    letters: LETTER_NAMES.map((name) => entryOf(name, overrides)),
    placeholders: PLACEHOLDER_NAMES.map((name) => ({
      name,
      description: PLACEHOLDERS[name].description,
    })),
  };
}

/** Refuses a template with problems, each at `template.<part>` so the editor shows it there. */
function requireSound(name: LetterName, template: LetterTemplate, verb: string): void {
  const problems = checkLetterTemplate(template);
  if (problems.length === 0) return;
  throw new DeskError(
    'INVALID_INPUT',
    `The ${name} letter was not ${verb}. ${problems.map((p) => p.message).join(' ')}`,
    problems.map((p) => ({ path: `template.${p.part}`, message: p.message })),
  );
}

async function changeLetters(
  ctx: DeskContext,
  change: (overrides: LetterOverrides) => LetterOverrides,
  name: LetterName,
): Promise<LetterEntry> {
  const entry = await ctx.gate.transaction(async (tx: Orm) => {
    const next = change(await getSetting(tx, 'letters'));
    await setSetting(tx, 'letters', next);
    return entryOf(name, next);
  });
  ctx.events.emit('settings.changed', { key: 'letters' });
  return entry;
}

export async function saveLetter(
  ctx: DeskContext,
  input: ParsedInput<'letters.save'>,
): Promise<LetterEntry> {
  requireSound(input.name, input.template, 'saved');
  return changeLetters(
    ctx,
    (overrides) => ({ ...overrides, [input.name]: input.template }),
    input.name,
  );
}

export async function resetLetter(
  ctx: DeskContext,
  input: ParsedInput<'letters.reset'>,
): Promise<LetterEntry> {
  return changeLetters(
    ctx,
    (overrides) =>
      Object.fromEntries(Object.entries(overrides).filter(([name]) => name !== input.name)),
    input.name,
  );
}

export async function previewLetter(
  ctx: DeskContext,
  input: ParsedInput<'letters.preview'>,
): Promise<Output<'letters.preview'>> {
  const template =
    input.template ?? (await listLetters(ctx)).letters.find((l) => l.name === input.name)?.template;
  if (!template) throw new DeskError('NOT_FOUND', `There is no letter called ${input.name}.`);
  requireSound(input.name, template, 'previewed');
  return renderLetter(template, sampleLetterValues());
}

async function emailStatus(db: Orm, dataDir: string): Promise<EmailStatus> {
  const email = await getSetting(db, 'email');
  return {
    passwordSet: await hasSmtpPassword(db),
    sendsBy: email.host === '' ? 'eml' : 'smtp',
    mailFolder: mailFolder(dataDir),
  };
}

export async function getEmailStatus(ctx: DeskContext): Promise<EmailStatus> {
  return ctx.gate.read((db) => emailStatus(db, ctx.dataDir));
}

export async function setEmailPassword(
  ctx: DeskContext,
  input: ParsedInput<'email.setPassword'>,
): Promise<EmailStatus> {
  return ctx.gate.transaction(async (tx) => {
    await setSmtpPassword(tx, input.password);
    return emailStatus(tx, ctx.dataDir);
  });
}

export async function sendTestEmail(
  ctx: DeskContext,
  input: ParsedInput<'email.test'>,
): Promise<Output<'email.test'>> {
  if (!isEmailAddress(input.to)) {
    throw new DeskError(
      'INVALID_INPUT',
      `"${input.to}" is not an email address: write one address, like ill@library.example.edu.`,
      [{ path: 'to', message: 'must be one email address' }],
    );
  }
  const outcome = await sendTestMessage(input.to, ctx);
  if (!outcome.ok) {
    throw new DeskError(
      'UNAVAILABLE',
      `The test message to ${input.to} was not sent. ${outcome.error}`,
    );
  }
  return outcome.via === 'smtp'
    ? { sendsBy: 'smtp', message: `Sent a test message to ${input.to} through ${outcome.where}.` }
    : {
        sendsBy: 'eml',
        message: `No SMTP server is set, so the test message to ${input.to} was written as ${outcome.where}.`,
      };
}
