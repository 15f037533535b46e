import { useId, useState, type FormEvent } from 'react';
import { CODE_PAGE_NAMES, ESC_POS_CODE_PAGES } from '../../../shared/printing/code-pages.ts';
import type { PrinterSettings } from '../../../shared/settings/desk-settings.ts';

const BLANK: PrinterSettings = {
  name: '',
  uri: '',
  paperWidth: 80,
  codePage: 'cp858',
  barcode: 'CODE128',
};

/** Add or edit one printer. `onSave` answers null when saved, or the desk's refusal to show. */
export function PrinterForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: PrinterSettings | null;
  onSave: (printer: PrinterSettings) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [printer, setPrinter] = useState<PrinterSettings>(initial ?? BLANK);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const change = (part: Partial<PrinterSettings>) => setPrinter((p) => ({ ...p, ...part }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(await onSave(printer));
    setSaving(false);
  }

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)}>
      <h3>{initial ? `Edit ${initial.name}` : 'Add a printer'}</h3>
      <div className="settings-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          required
          maxLength={60}
          value={printer.name}
          onChange={(e) => change({ name: e.target.value })}
        />
        <p className="field-hint">What staff call it, e.g. “Front desk thermal”.</p>
      </div>
      <div className="settings-field">
        <label htmlFor={`${id}-uri`}>Printer URI</label>
        <input
          id={`${id}-uri`}
          type="text"
          required
          className="code"
          value={printer.uri}
          aria-describedby={`${id}-uri-note`}
          onChange={(e) => change({ uri: e.target.value })}
        />
        <p id={`${id}-uri-note`} className="field-hint">
          tcp://10.0.0.5:9100 (network thermal printer) · device:///dev/usb/lp0 (USB printer file) ·
          cups://QUEUE (raw CUPS queue) · pdf:///home/desk/slips (PDF files in a folder) ·
          system://NAME (an OS printer, desktop app only)
        </p>
      </div>
      <div className="form-row">
        <div className="settings-field">
          <label htmlFor={`${id}-paper`}>Paper width</label>
          <select
            id={`${id}-paper`}
            value={printer.paperWidth}
            onChange={(e) => change({ paperWidth: e.target.value === '58' ? 58 : 80 })}
          >
            <option value="80">80 mm (48 characters a line)</option>
            <option value="58">58 mm (32 characters a line)</option>
          </select>
        </div>
        <div className="settings-field">
          <label htmlFor={`${id}-codepage`}>Code page</label>
          <select
            id={`${id}-codepage`}
            value={printer.codePage}
            onChange={(e) => {
              const codePage = CODE_PAGE_NAMES.find((name) => name === e.target.value);
              if (codePage) change({ codePage });
            }}
          >
            {CODE_PAGE_NAMES.map((name) => (
              <option key={name} value={name}>
                {ESC_POS_CODE_PAGES[name].label}
              </option>
            ))}
          </select>
        </div>
        <div className="settings-field">
          <label htmlFor={`${id}-barcode`}>Barcodes</label>
          <select
            id={`${id}-barcode`}
            value={printer.barcode}
            onChange={(e) =>
              change({ barcode: e.target.value === 'CODABAR' ? 'CODABAR' : 'CODE128' })
            }
          >
            <option value="CODE128">Code 128</option>
            <option value="CODABAR">Codabar where the value allows (else Code 128)</option>
          </select>
        </div>
      </div>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={saving}>
          Save printer
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
