import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import { focusScanField } from '../scan-desk/scan-field-focus.ts';
import { useScanTarget } from '../scan-desk/scan-targets.ts';
import { useFieldBurst } from '../scan-desk/use-field-burst.ts';
import type { PendingShipment, ShipForm } from './shipping-decision.ts';
import { ShipmentFacts } from './ShipmentFacts.tsx';

type Field = keyof ShipForm;

/**
 * Ship item: the due date (the partner's loan period, editable), shipping cost and a note; Save
 * (Enter) ships. Scanning the item again saves too, so a scanner alone will do; another scan is
 * not used and the dialog says so. Escape drops the request, nothing changed.
 */
export function ShipDialog({ pending }: { pending: PendingShipment }) {
  const save = useDesk((state) => state.saveShipment);
  const scanned = useDesk((state) => state.scanDuringShip);
  const clear = useDesk((state) => state.clearShipment);
  const { saving, error, hint } = useDesk((state) => state.shipping);
  const [form, setForm] = useState<ShipForm>({
    dueDate: pending.request.proposedDueDate ?? '',
    shippingCost: '',
    note: '',
  });
  const saveButton = useRef<HTMLButtonElement>(null);
  const dueDate = useRef<HTMLInputElement>(null);
  const cost = useRef<HTMLInputElement>(null);
  const catchBurst = useFieldBurst();
  const id = useId();

  useScanTarget('Ship item', (value) => void scanned(value, form));

  useEffect(() => {
    if (error?.field === 'dueDate') dueDate.current?.focus();
    if (error?.field === 'shippingCost') cost.current?.focus();
  }, [error]);

  function keyDownIn(field: Field, event: KeyboardEvent<HTMLInputElement>) {
    catchBurst(event, (scan) => {
      const next = { ...form, [field]: scan.restore };
      setForm(next);
      void scanned(scan.value, next);
    });
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void save(form);
  }

  // With no proposed due date, staff type one first; otherwise Save has focus, so Enter ships.
  const initialFocus = pending.request.proposedDueDate === null ? dueDate : saveButton;
  return (
    <ModalDialog
      title="Ship item"
      initialFocus={initialFocus}
      onCancel={clear}
      restoreFocus={focusScanField}
      className="ship-dialog"
    >
      <p className="dialog-lead">
        Put the shipping slip in the book; the partner is told when you save.
      </p>
      <ShipmentFacts pending={pending} />
      <form onSubmit={submit} aria-busy={saving} noValidate>
        <div className="dialog-row">
          <div className="dialog-field">
            <label htmlFor={`${id}-due`}>Due date</label>
            <input
              id={`${id}-due`}
              ref={dueDate}
              type="date"
              required
              aria-invalid={error?.field === 'dueDate'}
              value={form.dueDate}
              onChange={(event) => setForm((f) => ({ ...f, dueDate: event.target.value }))}
            />
          </div>
          <div className="dialog-field">
            <label htmlFor={`${id}-cost`}>Shipping cost</label>
            <input
              id={`${id}-cost`}
              ref={cost}
              type="number"
              min={0}
              max={10000}
              step="0.01"
              inputMode="decimal"
              aria-invalid={error?.field === 'shippingCost'}
              value={form.shippingCost}
              onChange={(event) => setForm((f) => ({ ...f, shippingCost: event.target.value }))}
              onKeyDown={(event) => keyDownIn('shippingCost', event)}
            />
          </div>
        </div>
        <div className="dialog-field">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <input
            id={`${id}-note`}
            type="text"
            autoComplete="off"
            value={form.note}
            onChange={(event) => setForm((f) => ({ ...f, note: event.target.value }))}
            onKeyDown={(event) => keyDownIn('note', event)}
          />
        </div>
        {(error ?? hint) && (
          <p className="field-error" role="alert">
            {error?.message ?? hint}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" ref={saveButton}>
            {saving ? 'Shipping…' : 'Save'}
          </button>
          <button type="button" className="secondary" onClick={clear}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
