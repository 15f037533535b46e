/**
 * A value from an import file as a refusal quotes it back. A long one is cut after its start: a
 * refusal that repeats a 1 MB field in full cannot be read in a terminal or a dialog, and the start
 * (with the length) is enough to find the field in the file.
 */
export const QUOTED_MAX = 60;

export function quoted(text: string): string {
  if (text.length <= QUOTED_MAX) return text;
  return `${text.slice(0, QUOTED_MAX)}… (${text.length.toLocaleString('en-US')} characters)`;
}
