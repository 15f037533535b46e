import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../shared/api/result.ts';
import type { ScannerSettings } from '../../../shared/settings/desk-settings.ts';
import { useDesk } from '../../app/use-desk.ts';
import { describeUsbId, formatUsbId, readUsbId } from './usb-id.ts';
import { FormNotice } from '../../ui/form-notice.tsx';

type FieldName = 'minLength' | 'maxGapMs' | 'prefix' | 'suffix' | 'hidVendorId' | 'hidProductId';
type Draft = Readonly<Record<FieldName, string>>;
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELDS: readonly {
  readonly name: FieldName;
  readonly label: string;
  readonly hint: string;
  readonly usb?: true;
  readonly numeric?: true;
}[] = [
  {
    name: 'minLength',
    label: 'Minimum scan length (characters)',
    hint: 'A faster burst with fewer characters is taken as typing, not a scan (2 to 40).',
    numeric: true,
  },
  {
    name: 'maxGapMs',
    label: 'Longest gap between keys (milliseconds)',
    hint: 'Scanners send a key every few milliseconds and people 80 to 200 apart; a longer pause ends a scan (5 to 200).',
    numeric: true,
  },
  {
    name: 'prefix',
    label: 'Prefix',
    hint: 'Characters the scanner is set to send before each barcode; RS Desk removes them. Once set, only bursts that start with them count as scans. Leave empty for none.',
  },
  {
    name: 'suffix',
    label: 'Suffix',
    hint: 'Characters the scanner sends after each barcode, before Enter or Tab; RS Desk removes them. Leave empty for none.',
  },
  {
    name: 'hidVendorId',
    label: 'HID scanner vendor ID',
    hint: 'Read only HID POS scanners from this maker. Type it as lsusb or Device Manager shows it, in hex (0c2e or 0x0c2e); digits with no leading zero and no letter, such as 3118, are read as decimal. Empty reads any.',
    usb: true,
  },
  {
    name: 'hidProductId',
    label: 'HID scanner product ID',
    hint: 'Read only this model, written the same way (0b61). Empty reads any.',
    usb: true,
  },
];

function draftOf(saved: ScannerSettings): Draft {
  return {
    minLength: String(saved.minLength),
    maxGapMs: String(saved.maxGapMs),
    prefix: saved.prefix,
    suffix: saved.suffix,
    hidVendorId: formatUsbId(saved.hidVendorId),
    hidProductId: formatUsbId(saved.hidProductId),
  };
}

/** A number when the text is one; otherwise the text, so the desk's refusal says what is wrong. */
function numberOrText(text: string): number | string {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
}

function isField(name: string): name is FieldName {
  return FIELDS.some((field) => field.name === name);
}

/** The desk's refusal, field by field: its issues are at `scanner.<field>`. */
function fieldErrorsOf(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.path.replace(/^scanner\./, '');
    if (isField(name)) errors[name] ??= issue.message;
  }
  return errors;
}

type Notice = { readonly saved: boolean; readonly text: string };

/**
 * The scanner settings: wedge thresholds, prefix and suffix, and the HID vendor/product filter.
 * The desk checks the values; what it refuses is shown beside each field. A save applies at once
 * in every window (the wedge listener) and in the desk (scan normalising, the HID scanner filter).
 */
export function ScannerSettingsForm({ saved }: { saved: ScannerSettings }) {
  const updateSetting = useDesk((state) => state.updateSetting);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);

  function refuse(fieldErrors: FieldErrors, otherwise: string): void {
    setErrors(fieldErrors);
    const marked = Object.keys(fieldErrors).length > 0;
    setNotice({
      saved: false,
      text: `Scanner settings were not saved: ${marked ? 'correct the fields marked below.' : otherwise}`,
    });
  }

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const vendor = readUsbId(draft.hidVendorId);
    const product = readUsbId(draft.hidProductId);
    if (!vendor.ok || !product.ok) {
      refuse(
        {
          ...(vendor.ok ? {} : { hidVendorId: vendor.message }),
          ...(product.ok ? {} : { hidProductId: product.message }),
        },
        '',
      );
      return;
    }
    setSaving(true);
    setNotice(null);
    const result = await updateSetting({
      key: 'scanner',
      value: {
        minLength: numberOrText(draft.minLength),
        maxGapMs: numberOrText(draft.maxGapMs),
        prefix: draft.prefix,
        suffix: draft.suffix,
        hidVendorId: vendor.id,
        hidProductId: product.id,
      },
    });
    setSaving(false);
    if (!result.ok) {
      refuse(fieldErrorsOf(result.error.issues ?? []), result.error.message);
      return;
    }
    setDraft(draftOf(result.value.scanner));
    setErrors({});
    setNotice({
      saved: true,
      text: 'Scanner settings saved. Every desk window reads scans with them from now on.',
    });
  }

  return (
    <form
      className="settings-form"
      aria-labelledby="scanner-settings-heading"
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <h3 id="scanner-settings-heading">How scans are read</h3>
      {FIELDS.map((field) => {
        const id = `scanner-${field.name}`;
        const error = errors[field.name];
        const value = draft[field.name];
        return (
          <div className="settings-field" key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            <input
              id={id}
              className={field.numeric || field.usb ? 'code' : undefined}
              inputMode={field.numeric ? 'numeric' : undefined}
              autoComplete="off"
              spellCheck={false}
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
              onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
            />
            <p id={`${id}-hint`} className="field-hint">
              {field.hint}
              {field.usb && value.trim() !== '' ? ` ${describeUsbId(value)}` : ''}
            </p>
            {error && (
              <p id={`${id}-error`} className="field-error">
                {field.label}: {error}
              </p>
            )}
          </div>
        );
      })}
      <p>
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save scanner settings'}
        </button>
      </p>
      {notice && <FormNotice ok={notice.saved} text={notice.text} />}
    </form>
  );
}
