/**
 * Looks for secrets in what the desk showed, wrote or logged, in every form they could take there:
 * as they are, URL-encoded, JSON-escaped, or inside base64 (HTTP Basic `user:code`, SMTP AUTH
 * PLAIN `\0user\0pass`, a token in a data URL). It decodes every base64-looking run of the text at
 * each of its four alignments rather than encoding the secret, so it finds a secret wherever in
 * the encoded bytes it starts. Written apart from the desk's own redaction, which it checks.
 */

export interface Haystack {
  /** Where the text came from, for the failure message: "answer to messages.detail", "server log". */
  readonly where: string;
  readonly text: string;
}

export interface Leak {
  readonly secret: string;
  readonly where: string;
  readonly form: string;
  /** The text around it, to find the cause. */
  readonly around: string;
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{8,}={0,2}/g;

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 80), index + 80);
}

function leakIn(text: string, secret: string): { form: string; index: number } | null {
  const plainForms: [string, string][] = [
    ['as is', secret],
    ['URL-encoded', encodeURIComponent(secret)],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
  ];
  for (const [form, written] of plainForms) {
    const index = text.indexOf(written);
    if (index >= 0) return { form, index };
  }
  for (const match of text.matchAll(BASE64_RUN)) {
    const run = match[0];
    for (let shift = 0; shift < 4; shift += 1) {
      const decoded = Buffer.from(run.slice(shift), 'base64').toString('latin1');
      if (decoded.includes(secret)) return { form: `base64 (${run})`, index: match.index };
    }
  }
  return null;
}

/** Every place a secret shows up in the haystacks. */
export function findLeaks(
  haystacks: readonly Haystack[],
  secrets: Readonly<Record<string, string>>,
): Leak[] {
  const leaks: Leak[] = [];
  for (const { where, text } of haystacks) {
    for (const [name, secret] of Object.entries(secrets)) {
      const found = leakIn(text, secret);
      if (found) {
        leaks.push({ secret: name, where, form: found.form, around: around(text, found.index) });
      }
    }
  }
  return leaks;
}
