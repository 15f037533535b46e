/**
 * Turns zod's issues for one record into import problems. zod's own words ("Invalid input:
 * expected string, received number") do not say what to do; these do.
 */
import type { z } from 'zod';
import { ALLOWED_FIELDS, RECORD_NOUN, type ImportSection } from './import-format.ts';
import type { ImportProblem } from './import-problems.ts';
import { quoted } from './quoted-value.ts';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${quoted(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value === 'number' ? 'the number' : ''} ${value}`.trim();
  return typeof value;
}

function pathText(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${String(part)}`),
    base,
  );
}

/** Edit distance, for "did you mean" on a misspelt field name; field names are short. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function nearestField(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const field of allowed) {
    // The distance is at least the difference in length: a long key is near no field, and its
    // edit distance would take seconds to work out.
    if (Math.abs(key.length - field.length) >= bestDistance) continue;
    const d = distance(lower, field.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [field, d];
  }
  return best;
}

function unknownField(key: string, allowed: readonly string[]): string {
  const near = nearestField(key, allowed);
  const fix = near ? `rename it to "${near}" or remove it` : 'remove it';
  return `unknown field — ${fix} (allowed: ${allowed.join(', ')})`;
}

function typeMessage(issue: z.core.$ZodIssueInvalidType, noun: string): string {
  const input = issue.input;
  if (input === undefined) return `is missing — every ${noun} needs it; add it`;
  switch (issue.expected) {
    case 'string':
      return typeof input === 'number'
        ? `must be text in quotes, e.g. "${input}" — a bare number loses leading zeros`
        : `must be text in quotes, not ${kindOf(input)}`;
    case 'number':
    case 'int':
      return typeof input === 'number'
        ? `must be a whole number, not ${input}`
        : `must be a whole number without quotes (e.g. 5), not ${kindOf(input)}`;
    case 'boolean':
      return `must be true or false (without quotes), not ${kindOf(input)}`;
    case 'object':
      return `must be an object { "field": "value", … }, not ${kindOf(input)}`;
    default:
      return `must be ${issue.expected}, not ${kindOf(input)}`;
  }
}

/** The problems zod found in `section[index]`; `issues` carry their input (reportInput). */
export function recordProblems(
  section: ImportSection,
  index: number,
  issues: readonly z.core.$ZodIssue[],
): ImportProblem[] {
  const base = `${section}[${index}]`;
  const noun = RECORD_NOUN[section];
  const problems: ImportProblem[] = [];
  for (const issue of issues) {
    const path = pathText(base, issue.path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed =
          issue.path.at(-1) === 'address' ? ALLOWED_FIELDS.address : ALLOWED_FIELDS[section];
        for (const key of issue.keys)
          problems.push({ path: `${path}.${quoted(key)}`, message: unknownField(key, allowed) });
        break;
      }
      case 'invalid_type':
        problems.push({ path, message: typeMessage(issue, noun) });
        break;
      case 'too_small':
        problems.push({
          path,
          message:
            issue.origin === 'string'
              ? 'must not be empty — fill it in'
              : `must be ${String(issue.minimum)} or more`,
        });
        break;
      case 'too_big':
        problems.push({
          path,
          message:
            issue.origin === 'string'
              ? `is too long (at most ${String(issue.maximum)} characters) — shorten it`
              : `must be at most ${String(issue.maximum)}`,
        });
        break;
      case 'invalid_value':
        problems.push({
          path,
          message: `${kindOf(issue.input)} is not allowed (use ${issue.values.map((v) => JSON.stringify(v)).join(' or ')})`,
        });
        break;
      default:
        problems.push({ path, message: issue.message });
    }
  }
  return problems;
}
