import { describe, expect, it } from 'vitest';
import {
  describeUsbId,
  formatUsbId,
  readUsbId,
} from '../../../renderer/features/settings/usb-id.ts';

describe('USB IDs as staff type them', () => {
  it('reads the hex that lsusb and Device Manager show, with or without 0x', () => {
    expect(readUsbId('0c2e')).toEqual({ ok: true, id: 0x0c2e });
    expect(readUsbId(' 0x0B61 ')).toEqual({ ok: true, id: 0x0b61 });
    expect(readUsbId('05e0')).toEqual({ ok: true, id: 0x05e0 });
    expect(readUsbId('0483')).toEqual({ ok: true, id: 0x0483 });
  });

  it('reads digits with no leading zero and no hex letter as decimal, and says how it read them', () => {
    expect(readUsbId('3118')).toEqual({ ok: true, id: 3118 });
    expect(describeUsbId('3118')).toBe('Read as 0x0c2e (3118 in decimal).');
  });

  it('takes empty as any, and refuses what is neither', () => {
    expect(readUsbId('  ')).toEqual({ ok: true, id: null });
    expect(readUsbId('zebra')).toMatchObject({ ok: false });
    expect(readUsbId('0x12345')).toMatchObject({ ok: false });
  });

  it('writes an ID back as four hex digits', () => {
    expect(formatUsbId(0x0c2e)).toBe('0c2e');
    expect(formatUsbId(null)).toBe('');
  });
});
