import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import type { FieldScan } from '../scan-desk/field-burst.ts';
import { focusScanField } from '../scan-desk/scan-field-focus.ts';
import { useScanTarget } from '../scan-desk/scan-targets.ts';
import { useFieldBurst } from '../scan-desk/use-field-burst.ts';
import { EMPTY_RECEIVE_FORM, type ReceiveForm } from './receive-form.ts';
import type { ReceivingDialog } from './receiving-slice.ts';

type TextField = 'tempBarcode' | 'pieces' | 'internalNote' | 'noteToPartner';

/**
 * Alma's Temporary barcode dialog (WRLC seed, Part I step 4): the item's own barcode becomes the
 * temporary barcode that ties the book to its request. A scan anywhere while it is open — into
 * the barcode field, another field, or with focus on a button — fills the barcode and saves, so a
 * scanner alone receives a book; a typed barcode saves on Enter.
 */
export function TempBarcodeDialog({
  dialog,
}: {
  dialog: Extract<ReceivingDialog, { kind: 'barcode' }>;
}) {
  const save = useDesk((state) => state.saveReceive);
  const cancel = useDesk((state) => state.cancelReceiving);
  const [form, setForm] = useState<ReceiveForm>(EMPTY_RECEIVE_FORM);
  const barcode = useRef<HTMLInputElement>(null);
  const pieces = useRef<HTMLInputElement>(null);
  const suggestionButton = useRef<HTMLButtonElement>(null);
  const catchBurst = useFieldBurst();
  const id = useId();
  const { candidate, clash, error, saving } = dialog;

  function saveWith(next: ReceiveForm): void {
    setForm(next);
    void save(next);
  }

  // A wedge scan with focus on a checkbox or button, or a HID scan: the barcode, then Save.
  useScanTarget('Temporary barcode', (value) => {
    saveWith({ ...form, tempBarcode: value });
    barcode.current?.focus();
  });

  useEffect(() => {
    if (clash) suggestionButton.current?.focus();
  }, [clash]);
  useEffect(() => {
    if (error?.field === 'tempBarcode') barcode.current?.focus();
    if (error?.field === 'pieces') pieces.current?.focus();
  }, [error]);

  /** A scan typed into `field`: the field as it was, the barcode scanned, and Save. */
  function keyDownIn(
    field: TextField,
    event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>,
  ) {
    catchBurst(event, (scan: FieldScan) => {
      saveWith({ ...form, [field]: scan.restore, tempBarcode: scan.value });
      barcode.current?.focus();
    });
  }

  function change(field: TextField, value: string): void {
    setForm((current) => ({ ...current, [field]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    saveWith(form);
  }

  return (
    <ModalDialog
      title="Temporary barcode"
      initialFocus={barcode}
      onCancel={cancel}
      restoreFocus={focusScanField}
      className="temp-barcode-dialog"
    >
      <dl className="dialog-facts">
        <div>
          <dt>Title</dt>
          <dd>{candidate.title}</dd>
        </div>
        <div>
          <dt>Patron</dt>
          <dd>{candidate.patronName}</dd>
        </div>
        <div>
          <dt>Lender</dt>
          <dd>
            {candidate.partnerName} ({candidate.partnerCode})
          </dd>
        </div>
        <div>
          <dt>Request</dt>
          <dd className="code">
            {candidate.requestId} · External Identifier {candidate.externalId}
          </dd>
        </div>
      </dl>
      <form onSubmit={submit} aria-busy={saving} noValidate>
        <div className="dialog-field">
          <label htmlFor={`${id}-barcode`}>Item barcode</label>
          <input
            id={`${id}-barcode`}
            ref={barcode}
            className="dialog-barcode"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-barcode-hint`}
            aria-invalid={error?.field === 'tempBarcode' || clash !== null}
            value={form.tempBarcode}
            onChange={(event) => change('tempBarcode', event.target.value)}
            onKeyDown={(event) => keyDownIn('tempBarcode', event)}
          />
          <p id={`${id}-barcode-hint`} className="field-hint">
            Scan the barcode on the book itself (it must match the paperwork); it becomes the
            temporary barcode Return Items finds it by.
          </p>
        </div>
        {clash && (
          <div className="dialog-clash" role="alert">
            <p>{clash.message}</p>
            <button
              type="button"
              ref={suggestionButton}
              onClick={() => saveWith({ ...form, tempBarcode: clash.suggestion })}
            >
              Use {clash.suggestion}
            </button>
          </div>
        )}
        <div className="dialog-row">
          <div className="dialog-field">
            <label htmlFor={`${id}-pieces`}>Number of pieces</label>
            <input
              id={`${id}-pieces`}
              ref={pieces}
              type="number"
              min={1}
              max={99}
              className="dialog-pieces"
              aria-invalid={error?.field === 'pieces'}
              value={form.pieces}
              onChange={(event) => change('pieces', event.target.value)}
              onKeyDown={(event) => keyDownIn('pieces', event)}
            />
          </div>
          <div className="dialog-check">
            <input
              id={`${id}-notify`}
              type="checkbox"
              checked={form.notifyPatron}
              onChange={(event) => setForm((f) => ({ ...f, notifyPatron: event.target.checked }))}
            />
            <label htmlFor={`${id}-notify`}>Automatically notify the patron</label>
          </div>
        </div>
        <div className="dialog-row dialog-notes">
          <div className="dialog-field">
            <label htmlFor={`${id}-internal`}>Internal note</label>
            <textarea
              id={`${id}-internal`}
              rows={2}
              value={form.internalNote}
              onChange={(event) => change('internalNote', event.target.value)}
              onKeyDown={(event) => keyDownIn('internalNote', event)}
            />
          </div>
          <div className="dialog-field">
            <label htmlFor={`${id}-partner-note`}>Note to partner</label>
            <textarea
              id={`${id}-partner-note`}
              rows={2}
              value={form.noteToPartner}
              onChange={(event) => change('noteToPartner', event.target.value)}
              onKeyDown={(event) => keyDownIn('noteToPartner', event)}
            />
          </div>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit">{saving ? 'Saving…' : 'Save'}</button>
          <button type="button" className="secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
