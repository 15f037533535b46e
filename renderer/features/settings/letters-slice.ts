import type { DeskClient } from '../../../shared/api/client.ts';
import type { Input, Output } from '../../../shared/api/contract.ts';
import type { EmailStatus, LetterEntry } from '../../../shared/api/contract-letters.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { DeskSlice } from '../../app/desk-state.ts';

/**
 * Settings → Letters and email: the letters as the desk sends them and how mail leaves the desk.
 * The SMTP password is write-only here: the desk answers only whether one is set.
 */
export interface LettersSlice {
  letters: {
    /** Every letter with its current template; null until loaded. */
    readonly list: readonly LetterEntry[] | null;
    readonly placeholders: readonly { readonly name: string; readonly description: string }[];
    /** Whether a password is set and how letters leave now; null until loaded. */
    readonly email: EmailStatus | null;
    readonly error: string | null;
  };
  loadLetters: () => Promise<void>;
  /** How mail leaves the desk, read again after the `email` setting changed. */
  loadEmailStatus: () => Promise<void>;
  saveLetter: (input: Input<'letters.save'>) => Promise<Result<LetterEntry>>;
  resetLetter: (name: LetterEntry['name']) => Promise<Result<LetterEntry>>;
  previewLetter: (input: Input<'letters.preview'>) => Promise<Result<Output<'letters.preview'>>>;
  setSmtpPassword: (password: string | null) => Promise<Result<EmailStatus>>;
  sendTestEmail: (to: string) => Promise<Result<Output<'email.test'>>>;
}

export function createLettersSlice(client: DeskClient): DeskSlice<LettersSlice> {
  return (set, get) => {
    const patch = (changes: Partial<LettersSlice['letters']>) =>
      set((state) => ({ letters: { ...state.letters, ...changes } }));
    /** One letter replaced in the list by the desk's answer. */
    const replace = (entry: LetterEntry) =>
      patch({ list: (get().letters.list ?? []).map((l) => (l.name === entry.name ? entry : l)) });

    return {
      letters: { list: null, placeholders: [], email: null, error: null },

      async loadLetters() {
        const [letters, email] = await Promise.all([
          client.call('letters.list', {}),
          client.call('email.status', {}),
        ]);
        if (!letters.ok) return patch({ error: letters.error.message });
        if (!email.ok) return patch({ error: email.error.message });
        patch({
          list: letters.value.letters,
          placeholders: letters.value.placeholders,
          email: email.value,
          error: null,
        });
      },

      async loadEmailStatus() {
        const email = await client.call('email.status', {});
        if (email.ok) patch({ email: email.value });
      },

      async saveLetter(input) {
        const result = await client.call('letters.save', input);
        if (result.ok) replace(result.value);
        return result;
      },

      async resetLetter(name) {
        const result = await client.call('letters.reset', { name });
        if (result.ok) replace(result.value);
        return result;
      },

      previewLetter: (input) => client.call('letters.preview', input),

      async setSmtpPassword(password) {
        const result = await client.call('email.setPassword', { password });
        if (result.ok) patch({ email: result.value });
        return result;
      },

      sendTestEmail: (to) => client.call('email.test', { to }),
    };
  };
}
