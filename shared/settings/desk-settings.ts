import { z } from 'zod';
import { CODE_PAGE_NAMES, DEFAULT_CODE_PAGE } from '../printing/code-pages.ts';
import { parsePrinterUri } from '../printing/printer-uri.ts';
import { backupSettings } from './backup-settings.ts';
import { emailSettings, letterOverrides } from './email-settings.ts';
import { iso18626Settings } from './iso18626-settings.ts';
import { jobsSettings } from './jobs-settings.ts';

/**
 * Every desk setting: its schema and, through the schema, its default. Stored one row per key as
 * JSON (db/repositories/settings-repository.ts); a stored value that no longer parses falls back to
 * the default rather than stopping the desk.
 */

/** How keyboard-wedge and HID POS scanners are read (DESIGN.md §8). */
export const scannerSettings = z.object({
  /** Fewest characters in a wedge scan; shorter bursts are someone's fingers. */
  minLength: z.number().int().min(2).max(40).default(4),
  /** Longest pause between two keys of one wedge scan, in milliseconds. */
  maxGapMs: z.number().int().min(5).max(200).default(50),
  /** Characters the scanner is set to send before / after each barcode; '' for none. */
  prefix: z.string().max(8).default(''),
  suffix: z.string().max(8).default(''),
  /** Read only HID POS scanners with this USB vendor / product ID; null reads any. */
  hidVendorId: z.number().int().min(0).max(0xffff).nullable().default(null),
  hidProductId: z.number().int().min(0).max(0xffff).nullable().default(null),
});
export type ScannerSettings = z.output<typeof scannerSettings>;

/** One printer the desk can print to (DESIGN.md §7). */
export const printerSettings = z.object({
  /** What staff call it ("Front desk thermal"); slip kinds refer to printers by name. */
  name: z.string().trim().min(1).max(60),
  /** A printer URI: tcp://HOST:PORT, device:///dev/usb/lp0, cups://QUEUE, pdf:///DIR, system://NAME. */
  uri: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .superRefine((uri, ctx) => {
      const parsed = parsePrinterUri(uri);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  codePage: z.enum(CODE_PAGE_NAMES).default(DEFAULT_CODE_PAGE),
  barcode: z.enum(['CODE128', 'CODABAR']).default('CODE128'),
});
export type PrinterSettings = z.output<typeof printerSettings>;

/** Where and how one kind of slip prints. */
const slipSettings = z.object({
  /** The printer's name; null prints to the default printer. */
  printer: z.string().nullable().default(null),
  /** Print as part of the desk step (Alma's "quick printing"), without asking. */
  quickPrint: z.boolean().default(true),
  copies: z.number().int().min(1).max(5).default(1),
});
export type SlipSettings = z.output<typeof slipSettings>;

export const printingSettings = z
  .object({
    printers: z.array(printerSettings).max(20).default([]),
    /** The printer a slip kind without its own uses; null is the first printer, or `--printer`. */
    defaultPrinter: z.string().nullable().default(null),
    slips: z
      .object({
        RECEIVE_SLIP: slipSettings.prefault({}),
        RETURN_SLIP: slipSettings.prefault({}),
        SHIPPING_SLIP: slipSettings.prefault({}),
        PULL_SLIP: slipSettings.prefault({}),
      })
      .prefault({}),
  })
  .superRefine((printing, ctx) => {
    // Slip kinds name their printer: names must be unique, and every name used must exist.
    const names = new Set<string>();
    printing.printers.forEach((printer, index) => {
      if (names.has(printer.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['printers', index, 'name'],
          message: `There is already a printer called "${printer.name}"; give each printer its own name.`,
        });
      }
      names.add(printer.name);
    });
    const unknown = (name: string | null) => name !== null && !names.has(name);
    if (unknown(printing.defaultPrinter)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultPrinter'],
        message: `There is no printer called "${printing.defaultPrinter}".`,
      });
    }
    for (const [kind, slip] of Object.entries(printing.slips)) {
      if (unknown(slip.printer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['slips', kind, 'printer'],
          message: `There is no printer called "${slip.printer}"; choose one from the list or add it first.`,
        });
      }
    }
  });
export type PrintingSettings = z.output<typeof printingSettings>;

export const deskSettingsSchema = {
  institution: z.string().trim().min(1).max(200).default('Your Institution'),
  deskName: z.string().trim().min(1).max(200).default('Resource Sharing Desk'),
  /** Days an item waits on the hold shelf. */
  holdShelfDays: z.number().int().min(1).max(90).default(7),
  /** Weekdays (0 = Sunday) the desk does not process resource sharing. */
  closedWeekdays: z.array(z.number().int().min(0).max(6)).max(6).default([0, 6]),
  /**
   * Shipping Items: when the request already has its located item, scanning that one barcode is
   * enough (the item's own barcode names the request; the request ID alone shows it ready to Save).
   */
  shipOnOneScan: z.boolean().default(true),
  /** Success, warning and error sounds after each scan. */
  soundsMuted: z.boolean().default(false),
  scanner: scannerSettings.prefault({}),
  printing: printingSettings.prefault({}),
  /** Our ISO 18626 agency id and the inbound listener (iso18626-settings.ts). */
  iso18626: iso18626Settings.prefault({}),
  /** Letters staff edited (email-settings.ts); the others go out as their defaults. */
  letters: letterOverrides.default({}),
  /** How letters leave the desk: SMTP, or .eml files when no server is set (email-settings.ts). */
  email: emailSettings.prefault({}),
  /** When the daily jobs run (jobs-settings.ts). */
  jobs: jobsSettings.prefault({}),
  /** The daily automatic backup: how many to keep, and where (backup-settings.ts). */
  backup: backupSettings.prefault({}),
} as const;

export type SettingKey = keyof typeof deskSettingsSchema;
export type SettingValue<K extends SettingKey> = z.output<(typeof deskSettingsSchema)[K]>;
export type DeskSettings = { [K in SettingKey]: SettingValue<K> };

export const SETTING_KEYS = Object.keys(deskSettingsSchema) as SettingKey[];

/** A setting's default value. */
export function defaultSetting<K extends SettingKey>(key: K): SettingValue<K> {
  return deskSettingsSchema[key].parse(undefined) as SettingValue<K>;
}
