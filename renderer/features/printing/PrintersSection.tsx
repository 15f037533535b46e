import { useEffect, useState } from 'react';
import { ESC_POS_CODE_PAGES } from '../../../shared/printing/code-pages.ts';
import type { PrintingSettings, PrinterSettings } from '../../../shared/settings/desk-settings.ts';
import { useDesk } from '../../app/use-desk.ts';
import { TableHead } from '../../ui/TableHead.tsx';
import { PrinterForm } from './PrinterForm.tsx';
import { PrintJobsTable } from './PrintJobsTable.tsx';
import { removePrinter, savePrinter } from './printer-settings-edit.ts';
import { SlipRoutingForm } from './SlipRoutingForm.tsx';

const STATE_TEXT = {
  idle: 'Ready',
  printing: 'Printing',
  offline: 'Offline',
  failed: 'Needs attention',
} as const;

/** Settings → Printers: the printers, where each slip goes, test prints and the print queue. */
export function PrintersSection() {
  const values = useDesk((state) => state.settings.values);
  const info = useDesk((state) => state.desk.info);
  const printing = useDesk((state) => state.printing);
  const updateSetting = useDesk((state) => state.updateSetting);
  const testPrint = useDesk((state) => state.testPrint);
  const loadJobs = useDesk((state) => state.loadPrintJobs);
  const loadStatus = useDesk((state) => state.loadPrintStatus);
  const [editing, setEditing] = useState<PrinterSettings | 'new' | null>(null);

  useEffect(() => {
    void loadJobs();
    void loadStatus();
  }, [loadJobs, loadStatus]);

  if (!values) return null;
  const settings = values.printing;
  const runPrinter = info?.printer ?? null;

  async function save(next: PrintingSettings): Promise<string | null> {
    const result = await updateSetting({ key: 'printing', value: next });
    return result.ok ? null : result.error.message;
  }

  const stateOf = (uri: string) => {
    const printer = printing.status?.printers.find((p) => p.uri === uri);
    if (!printer) return '';
    const waiting = printer.waiting > 0 ? `, ${printer.waiting} waiting` : '';
    const error = printer.lastError ? `: ${printer.lastError}` : '';
    return `${STATE_TEXT[printer.state]}${waiting}${printer.state === 'idle' ? '' : error}`;
  };

  return (
    <section aria-labelledby="printers-heading">
      <h2 id="printers-heading">Printers</h2>
      {runPrinter && (
        <p>
          This run prints to <span className="code">{runPrinter}</span> (started with --printer)
          unless a slip has its own printer below.{' '}
          <button type="button" className="link-button" onClick={() => void testPrint(null)}>
            Test print on it
          </button>
        </p>
      )}
      {settings.printers.length === 0 ? (
        <p className="muted">No printers added yet.</p>
      ) : (
        <table className="results printers">
          <TableHead
            caption="Printers"
            columns={['Name', 'URI', 'Paper', 'Code page', 'State']}
            actions="Actions"
          />
          <tbody>
            {settings.printers.map((printer) => (
              <tr key={printer.name}>
                <th scope="row">{printer.name}</th>
                <td className="code">{printer.uri}</td>
                <td>{printer.paperWidth} mm</td>
                <td>{ESC_POS_CODE_PAGES[printer.codePage].label}</td>
                <td>{stateOf(printer.uri)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Test print on ${printer.name}`}
                    onClick={() => void testPrint(printer.name)}
                  >
                    Test print
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Edit ${printer.name}`}
                    onClick={() => setEditing(printer)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Remove ${printer.name}`}
                    onClick={() => void save(removePrinter(settings, printer.name))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing === null ? (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            Add a printer
          </button>
        </p>
      ) : (
        <PrinterForm
          key={editing === 'new' ? 'new' : editing.name}
          initial={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSave={async (printer) => {
            const original = editing === 'new' ? null : editing.name;
            const error = await save(savePrinter(settings, original, printer));
            if (error === null) setEditing(null);
            return error;
          }}
        />
      )}
      <SlipRoutingForm
        // A new form when the printers change (their names are its choices), not on its own save.
        key={settings.printers.map((p) => p.name).join('\n')}
        settings={settings}
        runPrinter={runPrinter}
        onSave={(routing) => save({ ...settings, ...routing })}
      />
      <h3>Print queue</h3>
      <p>
        {printing.status
          ? `${printing.status.waiting} waiting, ${printing.status.failed} failed.`
          : 'Loading…'}{' '}
        A slip waits while its printer is off or unreachable and prints once it is back.
      </p>
      {printing.jobs.length > 0 && (
        <PrintJobsTable jobs={printing.jobs} caption="Latest print jobs" showRequest />
      )}
    </section>
  );
}
