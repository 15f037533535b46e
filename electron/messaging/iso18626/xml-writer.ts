/**
 * A small XML writer for the builder: elements in the order they are given (the XSD's sequence
 * order matters), absent parts left out, text escaped. Written by hand rather than with a generic
 * object-to-XML builder so the order and the escaping are plain to see.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: readonly XmlElement[];
}

/** What a builder function may return: an element, or nothing when the part is absent. */
export type XmlPart = XmlElement | null | undefined | readonly (XmlElement | null | undefined)[];

/** An element with child elements; absent children are skipped. */
export function el(name: string, ...parts: XmlPart[]): XmlElement {
  const children: XmlElement[] = [];
  for (const part of parts) {
    if (part == null) continue;
    if (Array.isArray(part)) {
      for (const child of part as readonly (XmlElement | null | undefined)[]) {
        if (child != null) children.push(child);
      }
    } else {
      children.push(part as XmlElement);
    }
  }
  return { name, children };
}

/** A text element, or nothing when the value is absent. An empty string writes an empty element. */
export function leaf(
  name: string,
  value: string | number | boolean | undefined,
): XmlElement | null {
  return value === undefined ? null : { name, text: String(value) };
}

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what is removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as element content: the markup characters escaped, characters XML cannot carry dropped. */
export function escapeText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function write(element: XmlElement, indent: string, out: string[]): void {
  const attributes = Object.entries(element.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  const children = element.children ?? [];
  if (children.length > 0) {
    out.push(`${open}>`);
    for (const child of children) write(child, `${indent}  `, out);
    out.push(`${indent}</${element.name}>`);
  } else if (element.text !== undefined && element.text !== '') {
    // \r would come back as \n after parsing (XML normalises line ends), so it is kept as a reference.
    out.push(`${open}>${escapeText(element.text).replace(/\r/g, '&#13;')}</${element.name}>`);
  } else {
    out.push(`${open}/>`);
  }
}

/** The document: an XML declaration, then the element indented two spaces a level. */
export function writeXmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
