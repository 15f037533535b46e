/**
 * USB vendor and product IDs as staff type them. lsusb, Windows Device Manager and the Scanners
 * list show them as four hex digits (0c2e); some tools (node-hid) print them in decimal (3118).
 * Rule: `0x…`, or anything with a hex letter or a leading zero, is hex; other digits are decimal.
 */

export type UsbIdReading =
  | { readonly ok: true; readonly id: number | null }
  | { readonly ok: false; readonly message: string };

export function readUsbId(text: string): UsbIdReading {
  const t = text.trim().toLowerCase();
  if (t === '') return { ok: true, id: null };
  if (/^0x[0-9a-f]{1,4}$/.test(t)) return { ok: true, id: parseInt(t.slice(2), 16) };
  if (/^[0-9a-f]{1,4}$/.test(t) && (/[a-f]/.test(t) || t.startsWith('0'))) {
    return { ok: true, id: parseInt(t, 16) };
  }
  if (/^[1-9][0-9]{0,5}$/.test(t)) return { ok: true, id: Number(t) };
  return { ok: false, message: 'type four hex digits such as 0c2e, or a decimal number' };
}

/** An ID the way lsusb shows it; '' for none. */
export function formatUsbId(id: number | null): string {
  return id === null ? '' : id.toString(16).padStart(4, '0');
}

/** How a typed ID is being read, so an ambiguous entry (1234) is seen before it is saved. */
export function describeUsbId(text: string): string {
  const reading = readUsbId(text);
  if (!reading.ok) return '';
  if (reading.id === null) return 'Empty: any.';
  return `Read as 0x${formatUsbId(reading.id)} (${reading.id} in decimal).`;
}
