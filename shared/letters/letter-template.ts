import { isPlaceholderName, PLACEHOLDER_NAMES } from './letter-placeholders.ts';

/**
 * The letter template language: Mustache's small core, which staff can read and edit.
 *   {{name}}            the value (HTML-escaped in the HTML part)
 *   {{#name}}…{{/name}} only when the value is there ("Due back: {{dueDate}}")
 *   {{^name}}…{{/name}} only when it is not ("No need to return it.")
 * A section tag alone on its line takes the whole line with it, so an optional line leaves no
 * blank line behind when its value is missing.
 */

type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly name: string }
  | {
      readonly kind: 'section';
      readonly name: string;
      readonly inverted: boolean;
      readonly children: TemplateNode[];
    };

export interface ParsedTemplate {
  readonly nodes: readonly TemplateNode[];
  /** What is wrong with the template, in staff's words; empty when it is fine. */
  readonly problems: readonly string[];
}

const TAG = /\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const STANDALONE_SECTION_TAG =
  /^[ \t]*(\{\{\s*[#^/]\s*[A-Za-z][A-Za-z0-9]*\s*\}\})[ \t]*(?:\r?\n|$)/gm;

/** Reads a template into its parts, noting every problem rather than stopping at the first. */
export function parseTemplate(source: string): ParsedTemplate {
  const text = source.replace(STANDALONE_SECTION_TAG, '$1');
  const problems: string[] = [];
  const unknown = new Set<string>();
  const root: TemplateNode[] = [];
  const open: { name: string; children: TemplateNode[] }[] = [];
  const current = () => open.at(-1)?.children ?? root;
  const addText = (part: string) => {
    if (part === '') return;
    if (part.includes('{{')) {
      const start = part.indexOf('{{');
      problems.push(
        `"${part.slice(start, start + 20).trim()}…" opens a placeholder that is never closed with }}.`,
      );
    }
    current().push({ kind: 'text', text: part });
  };

  let last = 0;
  for (const match of text.matchAll(TAG)) {
    addText(text.slice(last, match.index));
    last = match.index + match[0].length;
    const sigil = match[1] ?? '';
    const name = match[2] ?? '';
    if (!NAME.test(name)) {
      problems.push(
        `${match[0]} is not a placeholder: a placeholder is one word in double braces, like {{dueDate}}.`,
      );
      continue;
    }
    if (!isPlaceholderName(name)) unknown.add(name);
    if (sigil === '/') {
      const section = open.pop();
      if (!section) {
        problems.push(`{{/${name}}} closes a section that was never opened with {{#${name}}}.`);
      } else if (section.name !== name) {
        problems.push(
          `{{/${name}}} closes {{#${section.name}}}: end that one with {{/${section.name}}}.`,
        );
      }
      continue;
    }
    if (sigil === '#' || sigil === '^') {
      const children: TemplateNode[] = [];
      current().push({ kind: 'section', name, inverted: sigil === '^', children });
      open.push({ name, children });
      continue;
    }
    current().push({ kind: 'value', name });
  }
  addText(text.slice(last));
  for (const section of open.reverse()) {
    problems.push(`{{#${section.name}}} is never closed: end it with {{/${section.name}}}.`);
  }
  // Unknown names first, in the order they appear: the commonest mistake, said first.
  return { nodes: root, problems: [...[...unknown].map(unknownPlaceholder), ...problems] };
}

function unknownPlaceholder(name: string): string {
  const near = nearestPlaceholder(name);
  const hint = near
    ? `did you mean {{${near}}}?`
    : 'use one of the placeholders listed beside the editor.';
  return `{{${name}}} is not a placeholder letters know: ${hint}`;
}

/** The known placeholder a mistyped name most likely meant (case, or a letter or two off). */
function nearestPlaceholder(name: string): string | null {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const candidate of PLACEHOLDER_NAMES) {
    const distance =
      candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance <= 2 && (best === null || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

export type ValueFormat = 'text' | 'html';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Fills a parsed template in. In HTML every value is escaped (a title with "<" or a note with a
 * tag stays text) and a value's line breaks become <br>. A name with no value renders as nothing.
 */
export function fillTemplate(
  nodes: readonly TemplateNode[],
  values: Readonly<Record<string, string>>,
  format: ValueFormat,
): string {
  const valueOf = (name: string): string =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : '';
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.text;
        case 'value': {
          const value = valueOf(node.name);
          return format === 'html' ? escapeHtml(value).replace(/\r?\n/g, '<br>\n') : value;
        }
        case 'section': {
          const present = valueOf(node.name).trim() !== '';
          return present !== node.inverted ? fillTemplate(node.children, values, format) : '';
        }
      }
    })
    .join('');
}
