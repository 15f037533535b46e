import type { IsoErrorType } from './iso-model.ts';

/**
 * Reading the tree fast-xml-parser makes, by local name: `ns1:header` and `header` are the same
 * element, since partners prefix the ISO namespace as they like. Elements the reader does not ask
 * for are never looked at, which is how unknown elements are ignored. A problem is thrown as an
 * IsoReadProblem carrying the errorType the confirmation will state.
 */

/** An element as parsed: text, or an object of children and `@_` attributes, or a list of these. */
export type XmlNode = string | number | boolean | { readonly [key: string]: unknown } | null;

export class IsoReadProblem extends Error {
  override readonly name = 'IsoReadProblem';
  readonly errorType: IsoErrorType;
  readonly errorValue: string;
  constructor(errorType: IsoErrorType, errorValue: string) {
    super(errorValue);
    this.errorType = errorType;
    this.errorValue = errorValue;
  }
}

export const ATTRIBUTE_PREFIX = '@_';
export const TEXT_KEY = '#text';

export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

const isObject = (node: unknown): node is Readonly<Record<string, unknown>> =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

/** Every child element called `name` (any prefix), in document order within each spelling. */
export function children(node: unknown, name: string): XmlNode[] {
  if (!isObject(node)) return [];
  const found: XmlNode[] = [];
  for (const key of Object.keys(node)) {
    if (key.startsWith(ATTRIBUTE_PREFIX) || key === TEXT_KEY || localName(key) !== name) continue;
    const value = node[key];
    if (Array.isArray(value)) found.push(...(value as XmlNode[]));
    else found.push(value as XmlNode);
  }
  return found;
}

/** The first child element called `name`, or undefined. */
export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/**
 * An element's text, trimmed; '' for an empty element or one with only children. The parser trims
 * before it decodes references, so whitespace written as one (`&#160;`, `&nbsp;`) would survive
 * it: a value of nothing else is as empty as one of spaces, and must read as missing.
 */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node).trim();
  const text = node[TEXT_KEY];
  return typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '';
}

/** A child's text, or undefined when it is absent or empty (absent and empty mean the same here). */
export function optionalText(node: unknown, name: string): string | undefined {
  const text = textOf(child(node, name));
  return text === '' ? undefined : text;
}

/** A child's text that the message must have. */
export function requiredText(node: unknown, name: string, where: string): string {
  const text = optionalText(node, name);
  if (text === undefined) throw missing(`${where}/${name}`);
  return text;
}

/** A child element that the message must have. */
export function requiredChild(node: unknown, name: string, where: string): XmlNode {
  const found = child(node, name);
  if (found === undefined) throw missing(`${where}/${name}`);
  return found;
}

export function missing(path: string): IsoReadProblem {
  return new IsoReadProblem(
    'BadlyFormedMessage',
    `${path} is missing; ISO 18626 requires it in this message.`,
  );
}

/** The attributes of an element (keys without the `@_` prefix, still with their own prefix). */
export function attributesOf(node: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (!isObject(node)) return attributes;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith(ATTRIBUTE_PREFIX) && typeof value === 'string') {
      attributes[key.slice(ATTRIBUTE_PREFIX.length)] = value;
    }
  }
  return attributes;
}
