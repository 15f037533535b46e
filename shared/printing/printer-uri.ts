/**
 * Printer URIs (DESIGN.md §7, a contract): where slips go and in which form. Parsed by hand: the
 * WHATWG URL class rewrites paths (`/a/../b` becomes `/b`, spaces become `%20`) and treats
 * unknown schemes unevenly, and a printer path must reach the operating system exactly as typed.
 *
 * Past `scheme://` (tcp aside, whose host and port are checked) the text is taken literally except
 * for `%XX` escapes, decoded as UTF-8: `system://Front%20Desk` and `system://Front Desk` name the
 * same printer, and a literal `%` is written `%25`.
 */

export const PAYLOAD_FORMATS = ['escpos', 'pdf', 'pos-printer'] as const;
/** What a printer is sent: ESC/POS bytes, a PDF file, or electron-pos-printer data as JSON. */
export type PayloadFormat = (typeof PAYLOAD_FORMATS)[number];

/** The raw-printing port of network printers (JetDirect); `tcp://HOST` means `tcp://HOST:9100`. */
export const DEFAULT_RAW_PORT = 9100;

export interface TcpPrinterUri {
  readonly scheme: 'tcp';
  /** A host name, an IPv4 address, or an IPv6 address without its brackets. */
  readonly host: string;
  readonly port: number;
}
export interface DevicePrinterUri {
  readonly scheme: 'device';
  readonly path: string;
}
export interface CupsPrinterUri {
  readonly scheme: 'cups';
  readonly queue: string;
}
export interface PdfPrinterUri {
  readonly scheme: 'pdf';
  readonly dir: string;
}
export interface SystemPrinterUri {
  readonly scheme: 'system';
  readonly name: string;
}
export type PrinterUri =
  TcpPrinterUri | DevicePrinterUri | CupsPrinterUri | PdfPrinterUri | SystemPrinterUri;
export type PrinterScheme = PrinterUri['scheme'];

export type PrinterUriParse =
  | { readonly ok: true; readonly value: PrinterUri }
  | { readonly ok: false; readonly message: string };

import { isHostName, isIpv4, isIpv6 } from './network-host.ts';

const EXAMPLES: Readonly<Record<PrinterScheme, string>> = {
  tcp: 'tcp://10.0.0.5:9100',
  device: 'device:///dev/usb/lp0',
  cups: 'cups://Front_Desk',
  pdf: 'pdf:///home/desk/slips',
  system: 'system://Front%20Desk%20Thermal',
};

const FORMS =
  'tcp://HOST:PORT for a network printer (e.g. tcp://10.0.0.5:9100), ' +
  'device:///dev/usb/lp0 for a printer device file, ' +
  'cups://QUEUE for a CUPS queue (e.g. cups://Front_Desk), ' +
  'pdf:///DIR to save PDF files in a folder (e.g. pdf:///home/desk/slips), ' +
  'system://NAME for a printer of the operating system in the desktop app (e.g. system://Front%20Desk)';

const CUPS_QUEUE_MAX = 127;

function isScheme(text: string): text is PrinterScheme {
  return Object.hasOwn(EXAMPLES, text);
}

/** Reads a printer URI as staff type it in Settings or on the command line. */
export function parsePrinterUri(text: string): PrinterUriParse {
  const uri = text.trim();
  if (uri === '') return { ok: false, message: `No printer URI given. Use one of: ${FORMS}.` };
  const refuse = (problem: string, scheme?: PrinterScheme): PrinterUriParse => ({
    ok: false,
    message:
      `Printer URI '${shown(uri)}' ${problem}. ` +
      (scheme === undefined ? `Use one of: ${FORMS}.` : `Example: ${EXAMPLES[scheme]}`),
  });

  const hostAndPort = /^([A-Za-z0-9.-]+):\d+$/.exec(uri);
  if (hostAndPort !== null && !isScheme(hostAndPort[1]?.toLowerCase() ?? '')) {
    return refuse(`has no scheme; a network printer is written tcp://${uri}`, 'tcp');
  }
  if (uri.startsWith('/')) {
    return refuse(
      `is a path, not a printer URI; write device://${uri} for a printer device ` +
        `or pdf://${uri} for a folder of PDF files`,
      'device',
    );
  }
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(uri);
  const scheme = match?.[1]?.toLowerCase();
  const rest = match?.[2] ?? '';
  if (scheme === undefined) return refuse('has no scheme');
  if (!isScheme(scheme)) return refuse(`has an unknown scheme '${shown(scheme)}'`);
  if (!rest.startsWith('//')) return refuse(`needs '//' after '${scheme}:'`, scheme);
  const body = rest.slice(2);

  if (scheme === 'tcp') return parseTcp(body, refuse);

  const decoded = decodeEscapes(body);
  if (!decoded.ok) return refuse(decoded.problem, scheme);
  const value = decoded.value;
  if (Array.from(value).some(isControl)) return refuse('contains a control character', scheme);

  switch (scheme) {
    case 'device':
    case 'pdf': {
      const what = scheme === 'device' ? 'device path' : 'folder';
      if (value === '' || value === '/') return refuse(`has no ${what}`, scheme);
      if (!value.startsWith('/')) {
        return refuse(
          `has the ${what} '${shown(value)}', which is not absolute: ` +
            `write three slashes, ${scheme}:///${shown(value)}`,
          scheme,
        );
      }
      if (scheme === 'device') {
        if (value.endsWith('/')) return refuse('names a folder, not a device file', scheme);
        return { ok: true, value: { scheme, path: value } };
      }
      return { ok: true, value: { scheme, dir: pdfDir(value) } };
    }
    case 'cups': {
      if (value === '') return refuse('has no queue name', scheme);
      const bad = forbiddenInQueueName(value);
      if (bad !== null) {
        return refuse(
          `has ${bad} in the queue name '${shown(value)}'; CUPS queue names have no spaces, ` +
            "'/' or '#' (lpstat -e lists the queues on this computer)",
          scheme,
        );
      }
      if (value.length > CUPS_QUEUE_MAX) {
        return refuse(`has a queue name longer than ${CUPS_QUEUE_MAX} characters`, scheme);
      }
      return { ok: true, value: { scheme, queue: value } };
    }
    case 'system':
      if (value.trim() === '') return refuse('has no printer name', scheme);
      return { ok: true, value: { scheme, name: value } };
  }
}

/**
 * `tcp://HOST:PORT`, `tcp://[IPv6]:PORT`; without `:PORT` the port is 9100 (DEFAULT_RAW_PORT).
 * One trailing `/` is tolerated because addresses copied from a browser bar carry one.
 */
function parseTcp(
  body: string,
  refuse: (problem: string, scheme: PrinterScheme) => PrinterUriParse,
): PrinterUriParse {
  const authority = body.endsWith('/') ? body.slice(0, -1) : body;
  const stray = /[/?#]/.exec(authority);
  if (stray !== null) {
    return refuse(
      `has '${stray[0]}' after the address; a network printer takes only a host and a port`,
      'tcp',
    );
  }
  if (authority.includes('@')) return refuse('has a user name; raw printers take none', 'tcp');
  if (authority === '') return refuse('has no host', 'tcp');

  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return refuse("has a '[' without its ']' around the IPv6 address", 'tcp');
    host = authority.slice(1, close);
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) {
      return refuse(`has '${shown(after)}' after the IPv6 address where ':PORT' goes`, 'tcp');
    }
    if (!isIpv6(host)) {
      return refuse(`has '[${shown(host)}]', which is not an IPv6 address`, 'tcp');
    }
    portText = after === '' ? undefined : after.slice(1);
  } else {
    const parts = authority.split(':');
    if (parts.length > 2) {
      return refuse(
        'looks like an IPv6 address without brackets; write it as tcp://[fd00::5]:9100',
        'tcp',
      );
    }
    host = parts[0] ?? '';
    portText = parts[1];
    if (host === '') return refuse('has no host before the port', 'tcp');
    if (/^[\d.]+$/.test(host)) {
      if (!isIpv4(host)) return refuse(`has '${shown(host)}', which is not an IPv4 address`, 'tcp');
    } else if (!isHostName(host)) {
      return refuse(`has '${shown(host)}' where a host name or IP address goes`, 'tcp');
    }
  }

  if (portText === undefined) {
    return { ok: true, value: { scheme: 'tcp', host, port: DEFAULT_RAW_PORT } };
  }
  if (portText === '') return refuse("has no port number after ':'", 'tcp');
  if (!/^\d+$/.test(portText)) {
    return refuse(`has the port '${shown(portText)}', which is not a number`, 'tcp');
  }
  const port = Number(portText);
  if (port < 1 || port > 65_535) {
    return refuse(`has the port ${portText}; ports go from 1 to 65535`, 'tcp');
  }
  return { ok: true, value: { scheme: 'tcp', host, port } };
}

function forbiddenInQueueName(queue: string): string | null {
  if (/\s/.test(queue)) return 'a space';
  if (queue.includes('/')) return "'/'";
  if (queue.includes('#')) return "'#'";
  return null;
}

/** `/C:/Slips` is a Windows folder written the URI way; elsewhere a trailing '/' is dropped. */
function pdfDir(path: string): string {
  if (/^\/[A-Za-z]:[/\\]/.test(path)) return path.slice(1);
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

type Decoded =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

function decodeEscapes(text: string): Decoded {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) {
    return {
      ok: false,
      problem: "has a '%' that does not start an escape like %20 (write '%' as %25)",
    };
  }
  try {
    return { ok: true, value: decodeURIComponent(text) };
  } catch {
    return { ok: false, problem: 'has %-escapes that do not spell UTF-8 text' };
  }
}

/** C0 controls and DEL: invisible in a message and meaningless in a printer name or path. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** The URI as quoted back in a message: control characters made visible, overlong text cut. */
function shown(text: string): string {
  const visible = Array.from(text, (c) =>
    isControl(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c,
  ).join('');
  return visible.length > 120 ? `${visible.slice(0, 119)}…` : visible;
}

/** Which payload a printer takes: ESC/POS for raw printers, PDF files, or OS-driver data. */
export function formatOf(uri: PrinterUri): PayloadFormat {
  switch (uri.scheme) {
    case 'tcp':
    case 'device':
    case 'cups':
      return 'escpos';
    case 'pdf':
      return 'pdf';
    case 'system':
      return 'pos-printer';
  }
}

/** The printer in words for staff ("network printer 10.0.0.5 port 9100"). */
export function describePrinterUri(uri: PrinterUri): string {
  switch (uri.scheme) {
    case 'tcp':
      return `network printer ${uri.host} port ${uri.port}`;
    case 'device':
      return `printer device ${uri.path}`;
    case 'cups':
      return `CUPS queue ${uri.queue}`;
    case 'pdf':
      return `PDF files in ${uri.dir}`;
    case 'system':
      return `system printer '${uri.name}'`;
  }
}

/** The canonical text of a printer URI; parsePrinterUri reads it back to the same value. */
export function formatPrinterUri(uri: PrinterUri): string {
  const escape = (text: string): string =>
    text.replace(/[% ]/g, (c) => (c === '%' ? '%25' : '%20'));
  switch (uri.scheme) {
    case 'tcp':
      return `tcp://${uri.host.includes(':') ? `[${uri.host}]` : uri.host}:${uri.port}`;
    case 'device':
      return `device://${escape(uri.path)}`;
    case 'cups':
      return `cups://${escape(uri.queue)}`;
    case 'pdf':
      return `pdf://${uri.dir.startsWith('/') ? '' : '/'}${escape(uri.dir)}`;
    case 'system':
      return `system://${escape(uri.name)}`;
  }
}
