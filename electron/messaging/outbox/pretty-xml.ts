import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * XML indented for reading on the Partner Messages screen: a partner's message often arrives on
 * one line. Only well-formed XML without a DTD is re-indented (text and entity references kept as
 * written, nothing resolved); anything else is shown exactly as it came.
 */

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  processEntities: false,
  htmlEntities: false,
  commentPropName: '#comment',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  processEntities: false,
  commentPropName: '#comment',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

export function prettyXml(xml: string): string {
  if (/<!DOCTYPE/i.test(xml) || XMLValidator.validate(xml) !== true) return xml;
  try {
    return String(builder.build(parser.parse(xml))).trim();
  } catch {
    return xml;
  }
}
