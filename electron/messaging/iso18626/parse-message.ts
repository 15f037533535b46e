import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  AGENCY_MESSAGE_KINDS,
  CONFIRMATION_KINDS,
  ISO18626_NAMESPACE,
  ISO_ACTIONS,
  REASONS_FOR_MESSAGE,
  type AgencyId,
  type IsoAgencyMessage,
  type IsoConfirmation,
  type IsoErrorType,
  type IsoMessage,
  type IsoMessageKind,
  type IsoParseFailure,
  type IsoParseResult,
  type RefusedMessageEcho,
} from './iso-model.ts';
import { readMessage } from './read-message.ts';
import {
  ATTRIBUTE_PREFIX,
  attributesOf,
  child,
  IsoReadProblem,
  localName,
  optionalText,
  TEXT_KEY,
} from './xml-node.ts';

/**
 * Reading ISO 18626 XML from partners safely (DESIGN.md §10): a size limit, no DTDs at all (so no
 * external entities and no entity expansion: a message with a DOCTYPE or ENTITY declaration is
 * refused before parsing), only well-formed XML, the ISO 18626 namespace or none, and at most a
 * few levels deeper than any ISO message goes. Messages come wrapped in ISO18626Message or bare,
 * with any namespace prefix. Every refusal says which errorType the confirmation should carry and
 * what was wrong.
 */

export const DEFAULT_MAX_BYTES = 1_000_000;

export interface ParseOptions {
  /** The largest message read, in bytes (UTF-8); default 1 MB. */
  readonly maxBytes?: number;
}

const ALL_KINDS: readonly IsoMessageKind[] = [...AGENCY_MESSAGE_KINDS, ...CONFIRMATION_KINDS];
const WRAPPER = 'ISO18626Message';
/** The deepest ISO 18626 element sits nine levels down; anything far deeper is not a message. */
const MAX_DEPTH = 40;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_KEY,
  // Prefixes are resolved here (namespace check) and ignored when reading by local name.
  removeNSPrefix: false,
  // Identifiers such as "00041771" stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // The five XML entities and character references (&#233;), which this parser decodes only with
  // htmlEntities on (admitting a few HTML names such as &nbsp; too, harmless here). No DTD ever
  // reaches it, so nothing else can be declared or expanded.
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

const DECLARATION = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; lone
 * surrogates), which fast-xml-parser lets through. Read, they would land in the desk's records,
 * and the confirmation (whose writer drops them) would come out with an empty required element.
 */
const NOT_XML_CHARACTER =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what is refused
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CHARACTER_REFERENCE = /&#(?:x([0-9A-Fa-f]+)|([0-9]+));/g;

const isXmlCharacter = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** Where the text has a character XML does not allow, written or as a reference; null if nowhere. */
function forbiddenCharacter(text: string): string | null {
  const line = (index: number) => text.slice(0, index).split('\n').length;
  const raw = NOT_XML_CHARACTER.exec(text);
  if (raw) {
    const code = (raw[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `the character U+${code} (line ${line(raw.index)})`;
  }
  for (const reference of text.matchAll(CHARACTER_REFERENCE)) {
    const [written, hex, decimal] = reference;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    if (!isXmlCharacter(code)) return `the reference ${written} (line ${line(reference.index)})`;
  }
  return null;
}

function failure(
  errorType: IsoErrorType,
  errorValue: string,
  echo: RefusedMessageEcho,
): IsoParseFailure {
  return { ok: false, errorType, errorValue, echo };
}

const KIND_PATTERN = new RegExp(`<(?:[\\w.-]+:)?(${ALL_KINDS.join('|')})[\\s/>]`);

/**
 * Which message a text seems to be, from its first ISO element's name: for the confirmation of a
 * message refused before it could be parsed (too large, not well-formed).
 */
export function sniffMessageKind(head: string): IsoMessageKind | null {
  const name = KIND_PATTERN.exec(head)?.[1];
  return name === undefined ? null : (name as IsoMessageKind);
}

const elementKeys = (node: unknown): string[] =>
  typeof node === 'object' && node !== null
    ? Object.keys(node).filter((key) => !key.startsWith(ATTRIBUTE_PREFIX) && key !== TEXT_KEY)
    : [];

const prefixOf = (name: string): string =>
  name.includes(':') ? name.slice(0, name.indexOf(':')) : '';

/**
 * The namespace an element's name is in, from its own declarations or its parent's; undefined when
 * a prefix is used but never declared, null when there is no namespace at all.
 */
function namespaceOf(name: string, node: unknown, parent: unknown): string | null | undefined {
  const prefix = prefixOf(name);
  const attribute = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  const declared = attributesOf(node)[attribute] ?? attributesOf(parent)[attribute];
  if (declared !== undefined) return declared === '' ? null : declared;
  return prefix === '' ? null : undefined;
}

function namespaceProblem(name: string, node: unknown, parent: unknown): string | null {
  const namespace = namespaceOf(name, node, parent);
  if (namespace === undefined) {
    return `The prefix "${prefixOf(name)}" of <${name}> is not declared; declare xmlns:${prefixOf(name)}="${ISO18626_NAMESPACE}".`;
  }
  if (namespace !== null && namespace !== ISO18626_NAMESPACE) {
    return `<${name}> is in the namespace ${namespace}; ISO 18626 messages use ${ISO18626_NAMESPACE}.`;
  }
  return null;
}

function agencyIdEcho(node: unknown): AgencyId | undefined {
  const agencyIdType = optionalText(node, 'agencyIdType');
  const agencyIdValue = optionalText(node, 'agencyIdValue');
  return agencyIdType !== undefined && agencyIdValue !== undefined
    ? { agencyIdType, agencyIdValue }
    : undefined;
}

/** What can be read of a refused message without failing again, for its confirmation. */
function echoOf(node: unknown, kind: IsoMessageKind): RefusedMessageEcho {
  const header = child(node, 'header') ?? child(node, 'confirmationHeader');
  const supplyingAgencyId = agencyIdEcho(child(header, 'supplyingAgencyId'));
  const requestingAgencyId = agencyIdEcho(child(header, 'requestingAgencyId'));
  const requestingAgencyRequestId = optionalText(header, 'requestingAgencyRequestId');
  const action = optionalText(node, 'action');
  const reason = optionalText(child(node, 'messageInfo'), 'reasonForMessage');
  return {
    kind,
    ...(supplyingAgencyId ? { supplyingAgencyId } : {}),
    ...(requestingAgencyId ? { requestingAgencyId } : {}),
    ...(requestingAgencyRequestId !== undefined ? { requestingAgencyRequestId } : {}),
    ...(action !== undefined && (ISO_ACTIONS as readonly string[]).includes(action)
      ? { action: action as RefusedMessageEcho['action'] & string }
      : {}),
    ...(reason !== undefined && (REASONS_FOR_MESSAGE as readonly string[]).includes(reason)
      ? { reasonForMessage: reason as RefusedMessageEcho['reasonForMessage'] & string }
      : {}),
  };
}

function parseTree(xml: string): unknown {
  let wellFormed: ReturnType<typeof XMLValidator.validate>;
  let tree: unknown;
  try {
    wellFormed = XMLValidator.validate(xml);
    tree = wellFormed === true ? (parser.parse(xml) as unknown) : undefined;
  } catch (error) {
    // The parser's own guards (nesting depth, reserved names such as __proto__) throw.
    const why = error instanceof Error ? error.message : String(error);
    throw new IsoReadProblem('BadlyFormedMessage', `The message could not be read as XML: ${why}`);
  }
  if (wellFormed !== true) {
    const { line, msg } = wellFormed.err;
    throw new IsoReadProblem(
      'BadlyFormedMessage',
      `The message is not well-formed XML (line ${line}: ${msg}).`,
    );
  }
  return tree;
}

/** The message element and its kind, unwrapping ISO18626Message; checks the namespaces. */
function locateMessage(tree: unknown): {
  node: unknown;
  kind: IsoMessageKind;
  version: string | null;
} {
  const [rootName, ...others] = elementKeys(tree);
  if (rootName === undefined || others.length > 0) {
    throw new IsoReadProblem(
      'BadlyFormedMessage',
      'The message must have exactly one root element.',
    );
  }
  const root = (tree as Record<string, unknown>)[rootName];
  const rootProblem = namespaceProblem(rootName, root, undefined);
  if (rootProblem) throw new IsoReadProblem('BadlyFormedMessage', rootProblem);

  let node = root;
  let name = rootName;
  let version: string | null = null;
  if (localName(rootName) === WRAPPER) {
    const attributes = attributesOf(root);
    version = Object.entries(attributes).find(([key]) => localName(key) === 'version')?.[1] ?? null;
    const inner = elementKeys(root);
    const known = inner.find((key) => (ALL_KINDS as readonly string[]).includes(localName(key)));
    const innerName = known ?? inner[0];
    if (innerName === undefined) {
      throw new IsoReadProblem('BadlyFormedMessage', `${WRAPPER} holds no message.`);
    }
    node = (root as Record<string, unknown>)[innerName];
    if (Array.isArray(node)) {
      throw new IsoReadProblem(
        'BadlyFormedMessage',
        `${WRAPPER} holds more than one message; send one at a time.`,
      );
    }
    const innerProblem = namespaceProblem(innerName, node, root);
    if (innerProblem) throw new IsoReadProblem('BadlyFormedMessage', innerProblem);
    name = innerName;
  }
  const kind = localName(name);
  if (!(ALL_KINDS as readonly string[]).includes(kind)) {
    throw new IsoReadProblem('UnrecognisedDataElement', `<${kind}> is not an ISO 18626 message.`);
  }
  return { node, kind: kind as IsoMessageKind, version };
}

function parseAny<M extends IsoMessage>(
  xml: string,
  accepted: readonly M['kind'][],
  refusal: string,
  options: ParseOptions,
): IsoParseResult<M> {
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const sniffed: RefusedMessageEcho = { kind: sniffMessageKind(text.slice(0, 4096)) };
  // A UTF-8 byte count is never below the UTF-16 length, so most oversized bodies need no counting.
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    return failure(
      'BadlyFormedMessage',
      `The message is larger than the ${maxBytes} bytes this desk accepts.`,
      sniffed,
    );
  }
  if (DECLARATION.test(text)) {
    return failure(
      'BadlyFormedMessage',
      'The message has a DOCTYPE or entity declaration; ISO 18626 messages need none and this desk accepts none.',
      sniffed,
    );
  }
  const forbidden = forbiddenCharacter(text);
  if (forbidden !== null) {
    return failure(
      'BadlyFormedMessage',
      `The message contains ${forbidden}, which XML does not allow; remove it and send the message again.`,
      sniffed,
    );
  }
  let located: ReturnType<typeof locateMessage>;
  try {
    located = locateMessage(parseTree(text));
  } catch (error) {
    if (error instanceof IsoReadProblem) return failure(error.errorType, error.errorValue, sniffed);
    throw error;
  }
  const { node, kind, version } = located;
  if (!(accepted as readonly string[]).includes(kind)) {
    return failure('UnrecognisedDataElement', `<${kind}> ${refusal}`, echoOf(node, kind));
  }
  try {
    return { ok: true, message: readMessage(node, kind) as M, version };
  } catch (error) {
    if (error instanceof IsoReadProblem)
      return failure(error.errorType, error.errorValue, echoOf(node, kind));
    throw error;
  }
}

/**
 * A partner's request, supplying agency message or requesting agency message; a refusal names
 * the errorType and errorValue for the ERROR confirmation, with what could be read to address it.
 */
export function parseIsoMessage(
  xml: string,
  options: ParseOptions = {},
): IsoParseResult<IsoAgencyMessage> {
  return parseAny<IsoAgencyMessage>(
    xml,
    AGENCY_MESSAGE_KINDS,
    'is a confirmation; send it as the answer to a message, not as a message of its own.',
    options,
  );
}

/** A partner's confirmation of a message we sent (the body of its HTTP answer). */
export function parseConfirmation(
  xml: string,
  options: ParseOptions = {},
): IsoParseResult<IsoConfirmation> {
  return parseAny<IsoConfirmation>(
    xml,
    CONFIRMATION_KINDS,
    'is a message, not the confirmation expected in answer to one.',
    options,
  );
}
