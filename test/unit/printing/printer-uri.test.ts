import { describe, expect, it } from 'vitest';
import {
  describePrinterUri,
  formatOf,
  formatPrinterUri,
  parsePrinterUri,
  type PrinterUri,
} from '../../../shared/printing/printer-uri.ts';

function parsed(text: string): PrinterUri {
  const result = parsePrinterUri(text);
  if (!result.ok) throw new Error(`expected '${text}' to parse, got: ${result.message}`);
  return result.value;
}

function refusal(text: string): string {
  const result = parsePrinterUri(text);
  if (result.ok) throw new Error(`expected '${text}' to be refused, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('parsePrinterUri: the five forms of DESIGN.md §7', () => {
  it.each<[string, PrinterUri]>([
    ['tcp://10.0.0.5:9100', { scheme: 'tcp', host: '10.0.0.5', port: 9100 }],
    [
      'tcp://printer-3.library.example.edu:9101',
      { scheme: 'tcp', host: 'printer-3.library.example.edu', port: 9101 },
    ],
    ['tcp://[fd00::5]:9100', { scheme: 'tcp', host: 'fd00::5', port: 9100 }],
    ['tcp://[::ffff:10.0.0.5]:9100', { scheme: 'tcp', host: '::ffff:10.0.0.5', port: 9100 }],
    ['device:///dev/usb/lp0', { scheme: 'device', path: '/dev/usb/lp0' }],
    ['cups://Front_Desk', { scheme: 'cups', queue: 'Front_Desk' }],
    ['pdf:///home/desk/slips', { scheme: 'pdf', dir: '/home/desk/slips' }],
    ['system://Front%20Desk%20Thermal', { scheme: 'system', name: 'Front Desk Thermal' }],
  ])('reads %s', (text, value) => {
    expect(parsePrinterUri(text)).toEqual({ ok: true, value });
  });

  it('uses port 9100 when a network printer is given without one', () => {
    expect(parsed('tcp://10.0.0.5')).toEqual({ scheme: 'tcp', host: '10.0.0.5', port: 9100 });
    expect(parsed('tcp://[fd00::5]')).toEqual({ scheme: 'tcp', host: 'fd00::5', port: 9100 });
  });

  it('ignores surrounding whitespace, the case of the scheme and one trailing slash on tcp', () => {
    expect(parsed('  TCP://10.0.0.5:9100/\n')).toEqual({
      scheme: 'tcp',
      host: '10.0.0.5',
      port: 9100,
    });
  });

  it('accepts the lowest and highest port', () => {
    expect(parsed('tcp://p:1')).toMatchObject({ port: 1 });
    expect(parsed('tcp://p:65535')).toMatchObject({ port: 65535 });
  });

  it('keeps device and folder paths exactly as typed, dot segments and all', () => {
    expect(parsed('device:///dev/serial/by-id/usb-EPSON_TM-T20III-if00')).toEqual({
      scheme: 'device',
      path: '/dev/serial/by-id/usb-EPSON_TM-T20III-if00',
    });
    expect(parsed('pdf:///srv/slips/./desk/../front')).toEqual({
      scheme: 'pdf',
      dir: '/srv/slips/./desk/../front',
    });
  });

  it('reads folders and printer names with spaces, escaped or not', () => {
    expect(parsed('pdf:///home/desk/My%20Slips')).toEqual({
      scheme: 'pdf',
      dir: '/home/desk/My Slips',
    });
    expect(parsed('pdf:///home/desk/My Slips/')).toEqual({
      scheme: 'pdf',
      dir: '/home/desk/My Slips',
    });
    expect(parsed('system://Front Desk Thermal')).toEqual({
      scheme: 'system',
      name: 'Front Desk Thermal',
    });
    expect(parsed('system://Z%C3%BCrich%20100%25')).toEqual({
      scheme: 'system',
      name: 'Zürich 100%',
    });
  });

  it('reads a Windows folder written the URI way', () => {
    expect(parsed('pdf:///C:/Slips')).toEqual({ scheme: 'pdf', dir: 'C:/Slips' });
  });
});

describe('parsePrinterUri refusals say what is wrong and show a correct example', () => {
  it.each([
    ['tcp://printer:', /has no port number after ':'\. Example: tcp:\/\/10\.0\.0\.5:9100$/],
    ['tcp://printer:0', /has the port 0; ports go from 1 to 65535\. Example: tcp:\/\//],
    ['tcp://printer:65536', /has the port 65536; ports go from 1 to 65535/],
    ['tcp://printer:96OO', /has the port '96OO', which is not a number/],
    ['tcp://', /has no host\. Example/],
    ['tcp://:9100', /has no host before the port/],
    ['tcp://10.0.0.256:9100', /'10\.0\.0\.256', which is not an IPv4 address/],
    ['tcp://fd00::5:9100', /IPv6 address without brackets; write it as tcp:\/\/\[fd00::5\]:9100/],
    ['tcp://[fd00::5:9100', /'\[' without its '\]'/],
    ['tcp://[fd00::g]:9100', /'\[fd00::g\]', which is not an IPv6 address/],
    [
      'tcp://printer:9100/raw',
      /has '\/' after the address; a network printer takes only a host and a port/,
    ],
    ['tcp://admin@printer:9100', /has a user name/],
    ['tcp://front desk:9100', /'front desk' where a host name or IP address goes/],
    ['tcp:10.0.0.5:9100', /needs '\/\/' after 'tcp:'\. Example: tcp:\/\/10\.0\.0\.5:9100/],
    [
      'device://dev/usb/lp0',
      /'dev\/usb\/lp0', which is not absolute: write three slashes, device:\/\/\/dev\/usb\/lp0/,
    ],
    [
      'device:///dev/usb/',
      /names a folder, not a device file\. Example: device:\/\/\/dev\/usb\/lp0/,
    ],
    ['device://', /has no device path/],
    [
      'pdf://home/desk/slips',
      /which is not absolute: write three slashes, pdf:\/\/\/home\/desk\/slips/,
    ],
    ['pdf:///', /has no folder\. Example: pdf:\/\/\/home\/desk\/slips/],
    [
      'cups://Front Desk',
      /has a space in the queue name 'Front Desk'; CUPS queue names have no spaces/,
    ],
    ['cups://Front%20Desk', /has a space in the queue name 'Front Desk'/],
    ['cups://server/Front_Desk', /has '\/' in the queue name/],
    ['cups://Front#2', /has '#' in the queue name.*Example: cups:\/\/Front_Desk/],
    ['cups://', /has no queue name/],
    [`cups://${'q'.repeat(128)}`, /longer than 127 characters/],
    ['system://', /has no printer name\. Example: system:\/\/Front%20Desk%20Thermal/],
    ['system://100% Thermal', /a '%' that does not start an escape like %20 \(write '%' as %25\)/],
    ['system://Bad%FFName', /%-escapes that do not spell UTF-8 text/],
    ['system://Front%0ADesk', /contains a control character/],
  ])('refuses %s', (text, expected) => {
    const message = refusal(text);
    expect(message).toMatch(expected);
    expect(message).toMatch(/^Printer URI '.+' /);
  });

  it('lists the five forms for an unknown scheme', () => {
    const message = refusal('http://10.0.0.5:9100');
    expect(message).toMatch(/has an unknown scheme 'http'/);
    for (const form of [
      'tcp://HOST:PORT',
      'device:///dev/usb/lp0',
      'cups://QUEUE',
      'pdf:///DIR',
      'system://NAME',
    ]) {
      expect(message).toContain(form);
    }
  });

  it('lists the five forms when nothing was given', () => {
    expect(refusal('   ')).toMatch(
      /^No printer URI given\. Use one of: tcp:\/\/HOST:PORT.*system:\/\/NAME/,
    );
  });

  it('suggests tcp:// for a bare host and port', () => {
    expect(refusal('10.0.0.5:9100')).toMatch(
      /has no scheme; a network printer is written tcp:\/\/10\.0\.0\.5:9100/,
    );
    expect(refusal('frontdesk:9100')).toMatch(/tcp:\/\/frontdesk:9100/);
  });

  it('suggests device:// or pdf:// for a bare path', () => {
    expect(refusal('/dev/usb/lp0')).toMatch(
      /is a path, not a printer URI; write device:\/\/\/dev\/usb\/lp0 .* or pdf:\/\/\/dev\/usb\/lp0/,
    );
  });

  it('shows control characters in the quoted URI instead of printing them', () => {
    expect(refusal('tcp://pr\u0007inter:9100')).toContain("'tcp://pr\\u0007inter:9100'");
  });
});

describe('formatOf', () => {
  it.each([
    ['tcp://10.0.0.5:9100', 'escpos'],
    ['device:///dev/usb/lp0', 'escpos'],
    ['cups://Front_Desk', 'escpos'],
    ['pdf:///home/desk/slips', 'pdf'],
    ['system://Front%20Desk', 'pos-printer'],
  ])('sends %s %s', (text, format) => {
    expect(formatOf(parsed(text))).toBe(format);
  });
});

describe('describePrinterUri', () => {
  it.each([
    ['tcp://10.0.0.5', 'network printer 10.0.0.5 port 9100'],
    ['tcp://[fd00::5]:9101', 'network printer fd00::5 port 9101'],
    ['device:///dev/usb/lp0', 'printer device /dev/usb/lp0'],
    ['cups://Front_Desk', 'CUPS queue Front_Desk'],
    ['pdf:///home/desk/slips', 'PDF files in /home/desk/slips'],
    ['system://Front%20Desk', "system printer 'Front Desk'"],
  ])('calls %s "%s"', (text, words) => {
    expect(describePrinterUri(parsed(text))).toBe(words);
  });
});

describe('formatPrinterUri', () => {
  it.each([
    ['tcp://printer', 'tcp://printer:9100'],
    ['tcp://[FD00::5]:9100', 'tcp://[FD00::5]:9100'],
    ['device:///dev/usb/lp0', 'device:///dev/usb/lp0'],
    ['cups://Front_Desk', 'cups://Front_Desk'],
    ['pdf:///home/desk/My Slips/', 'pdf:///home/desk/My%20Slips'],
    ['pdf:///C:/Slips', 'pdf:///C:/Slips'],
    ['system://Zürich 100%25', 'system://Zürich%20100%25'],
  ])('writes %s as %s, which reads back to the same printer', (text, canonical) => {
    const printer = parsed(text);
    expect(formatPrinterUri(printer)).toBe(canonical);
    expect(parsed(canonical)).toEqual(printer);
  });
});
