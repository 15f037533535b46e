import type { PrinterSettings, PrintingSettings } from '../settings/desk-settings.ts';
import { DEFAULT_CODE_PAGE } from './code-pages.ts';
import type { SlipKind } from './slip-document.ts';

/** A printer a slip goes to: a configured one, or the run's `--printer` (name null). */
export interface ChosenPrinter extends Omit<PrinterSettings, 'name'> {
  readonly name: string | null;
}

/** How the `--printer URI` of `rs-desk serve` prints: an 80 mm ESC/POS printer on the default code page. */
export function runPrinter(uri: string): ChosenPrinter {
  return { name: null, uri, paperWidth: 80, codePage: DEFAULT_CODE_PAGE, barcode: 'CODE128' };
}

/**
 * The printer a kind of slip prints on: the one chosen for that slip kind; else the run's
 * `--printer` (it "sets the default printer for the run", DESIGN.md §3); else the default printer
 * in Settings; else the first printer. Null when the desk has no printer at all.
 */
export function choosePrinter(
  settings: PrintingSettings,
  kind: SlipKind,
  runPrinterUri: string | null,
): ChosenPrinter | null {
  const byName = (name: string | null) =>
    name === null ? undefined : settings.printers.find((p) => p.name === name);
  const own = kind === 'TEST_PAGE' ? null : settings.slips[kind].printer;
  return (
    byName(own) ??
    (runPrinterUri !== null ? runPrinter(runPrinterUri) : undefined) ??
    byName(settings.defaultPrinter) ??
    settings.printers[0] ??
    null
  );
}

/** A printer's name for people: its name in Settings, or its URI for the run's printer. */
export function printerLabel(printer: Pick<ChosenPrinter, 'name' | 'uri'>): string {
  return printer.name ?? printer.uri;
}
