import { useId, useState, type FormEvent } from 'react';
import { REQUEST_SLIP_KINDS } from '../../../shared/api/contract-printing.ts';
import { SLIP_NAMES } from '../../../shared/printing/slip-document.ts';
import type { PrintingSettings } from '../../../shared/settings/desk-settings.ts';

type Routing = Pick<PrintingSettings, 'defaultPrinter' | 'slips'>;

/**
 * Which printer each slip kind goes to, how many copies, and whether the desk step prints it
 * without asking (quick printing); plus the default printer.
 */
export function SlipRoutingForm({
  settings,
  runPrinter,
  onSave,
}: {
  settings: PrintingSettings;
  /** The run's `--printer` URI, which stands in for the default printer. */
  runPrinter: string | null;
  onSave: (routing: Routing) => Promise<string | null>;
}) {
  const [routing, setRouting] = useState<Routing>({
    defaultPrinter: settings.defaultPrinter,
    slips: settings.slips,
  });
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();
  const names = settings.printers.map((p) => p.name);
  const defaultText = runPrinter
    ? `Default (${runPrinter}, from --printer)`
    : `Default (${routing.defaultPrinter ?? names[0] ?? 'none set'})`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const error = await onSave(routing);
    setMessage(
      error === null
        ? { error: false, text: 'Slip settings saved.' }
        : { error: true, text: error },
    );
  }

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)}>
      <h3>Where each slip prints</h3>
      <div className="settings-field">
        <label htmlFor={`${id}-default`}>Default printer</label>
        <select
          id={`${id}-default`}
          value={routing.defaultPrinter ?? ''}
          onChange={(e) => setRouting((r) => ({ ...r, defaultPrinter: e.target.value || null }))}
        >
          <option value="">The first printer in the list</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <table className="results slip-routing">
        <caption className="visually-hidden">Printer, quick printing and copies per slip</caption>
        <thead>
          <tr>
            <th scope="col">Slip</th>
            <th scope="col">Printer</th>
            <th scope="col">Quick print</th>
            <th scope="col">Copies</th>
          </tr>
        </thead>
        <tbody>
          {REQUEST_SLIP_KINDS.map((kind) => {
            const slip = routing.slips[kind];
            const update = (part: Partial<typeof slip>) =>
              setRouting((r) => ({ ...r, slips: { ...r.slips, [kind]: { ...slip, ...part } } }));
            return (
              <tr key={kind}>
                <th scope="row">{SLIP_NAMES[kind]}</th>
                <td>
                  <select
                    aria-label={`Printer for ${SLIP_NAMES[kind]}`}
                    value={slip.printer ?? ''}
                    onChange={(e) => update({ printer: e.target.value || null })}
                  >
                    <option value="">{defaultText}</option>
                    {names.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Quick print ${SLIP_NAMES[kind]}`}
                    checked={slip.quickPrint}
                    onChange={(e) => update({ quickPrint: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={5}
                    aria-label={`Copies of ${SLIP_NAMES[kind]}`}
                    value={slip.copies}
                    onChange={(e) => update({ copies: Number(e.target.value) })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint">
        Quick print: the slip prints as part of the desk step (receive, return, ship) without a
        question. Any slip can still be printed or reprinted from its request.
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : ''}>
          {message.text}
        </p>
      )}
      <button type="submit">Save slip settings</button>
    </form>
  );
}
