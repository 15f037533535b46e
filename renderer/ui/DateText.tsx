import { formatDay, formatInstant } from './format-date.ts';

/** A date or moment in readable words, with the machine-readable value in <time dateTime>. */
export function DateText({
  value,
  instant = false,
  empty = 'Not set',
}: {
  value: string | null;
  instant?: boolean;
  empty?: string;
}) {
  if (!value) return <>{empty}</>;
  return <time dateTime={value}>{instant ? formatInstant(value) : formatDay(value)}</time>;
}
