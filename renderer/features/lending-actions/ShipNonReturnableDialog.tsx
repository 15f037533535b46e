import { useRef, useState, type KeyboardEvent } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { useScanTarget } from '../scan-desk/scan-targets.ts';
import { useFieldBurst } from '../scan-desk/use-field-burst.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { nonReturnableInput, type NonReturnableForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/**
 * Ship non-returnable (seed: for a Physical non-returnable request): the copy's barcode — the
 * request's item, or scanned here — with a shipping cost and a note. No due date: the copy is
 * the borrower's to keep. A scan anywhere in the dialog goes to the barcode.
 */
export function ShipNonReturnableDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingForm);
  const { requestId, itemBarcode } = dialog.target;
  const [form, setForm] = useState<NonReturnableForm>({
    itemBarcode: itemBarcode ?? '',
    shippingCost: '',
    note: '',
  });
  const barcodeField = useRef<HTMLInputElement>(null);
  const catchBurst = useFieldBurst();
  const fields = dialog.error?.fields ?? {};

  useScanTarget('Ship non-returnable', (value) => {
    setForm((f) => ({ ...f, itemBarcode: value.trim() }));
    barcodeField.current?.focus();
  });

  /** A scan typed into any field replaces the barcode (even on top of the one prefilled). */
  function keyDownIn(field: keyof NonReturnableForm, event: KeyboardEvent<HTMLInputElement>) {
    catchBurst(event, (scan) => {
      setForm((f) => ({ ...f, [field]: scan.restore, itemBarcode: scan.value.trim() }));
      barcodeField.current?.focus();
    });
  }

  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Ship non-returnable: ${requestId}`}
      lead="The request becomes Shipped physically with no due date, and the partner is told."
      submitLabel="Ship"
      savingLabel="Shipping…"
      // With the item known, Enter ships at once; otherwise the copy is scanned first.
      {...(itemBarcode ? {} : { initialFocus: barcodeField })}
      onSubmit={() => void submit('shipping.ship', nonReturnableInput(requestId, form))}
    >
      <FormField label="Item barcode" error={fields.itemBarcode}>
        {(control) => (
          <input
            {...control}
            ref={barcodeField}
            type="text"
            className="dialog-barcode"
            autoComplete="off"
            spellCheck={false}
            value={form.itemBarcode}
            onChange={(event) => setForm((f) => ({ ...f, itemBarcode: event.target.value }))}
            onKeyDown={(event) => keyDownIn('itemBarcode', event)}
          />
        )}
      </FormField>
      <div className="dialog-row dialog-notes">
        <FormField label="Shipping cost (optional)" error={fields.shippingCost}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={10000}
              step="0.01"
              inputMode="decimal"
              value={form.shippingCost}
              onChange={(event) => setForm((f) => ({ ...f, shippingCost: event.target.value }))}
              onKeyDown={(event) => keyDownIn('shippingCost', event)}
            />
          )}
        </FormField>
        <FormField label="Note (optional)" error={fields.note}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={form.note}
              onChange={(event) => setForm((f) => ({ ...f, note: event.target.value }))}
              onKeyDown={(event) => keyDownIn('note', event)}
            />
          )}
        </FormField>
      </div>
    </ActionDialogFrame>
  );
}
