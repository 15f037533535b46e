import type { PrinterSettings, PrintingSettings } from '../../../shared/settings/desk-settings.ts';

/**
 * Edits to the printing settings as staff make them in Settings → Printers. Slip kinds and the
 * default printer refer to printers by name, so renaming or removing a printer carries its
 * references along instead of leaving them pointing at nothing.
 */

function renameReferences(
  settings: PrintingSettings,
  from: string,
  to: string | null,
): PrintingSettings {
  const swap = (name: string | null) => (name === from ? to : name);
  const slips = Object.fromEntries(
    Object.entries(settings.slips).map(([kind, slip]) => [
      kind,
      { ...slip, printer: swap(slip.printer) },
    ]),
  ) as PrintingSettings['slips'];
  return { ...settings, defaultPrinter: swap(settings.defaultPrinter), slips };
}

/** Adds a printer (`original` null) or replaces the one called `original`. */
export function savePrinter(
  settings: PrintingSettings,
  original: string | null,
  printer: PrinterSettings,
): PrintingSettings {
  if (original === null) return { ...settings, printers: [...settings.printers, printer] };
  const printers = settings.printers.map((p) => (p.name === original ? printer : p));
  return renameReferences({ ...settings, printers }, original, printer.name);
}

/** Removes a printer; slips that used it go to the default printer. */
export function removePrinter(settings: PrintingSettings, name: string): PrintingSettings {
  const printers = settings.printers.filter((p) => p.name !== name);
  return renameReferences({ ...settings, printers }, name, null);
}
