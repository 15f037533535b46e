import { useId, useRef, useState, type FormEvent } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import { focusScanField } from '../scan-desk/scan-field-focus.ts';
import { useScanTarget } from '../scan-desk/scan-targets.ts';
import { useFieldBurst } from '../scan-desk/use-field-burst.ts';
import type { TransitDialog as TransitDialogState } from './returning-slice.ts';

/**
 * Alma's Transit Destination pop-up (WRLC seed, Part II step 3): where the book goes back to. OK
 * (focused, so Enter) returns it to the partner and prints the return slip; Escape or Cancel
 * leaves everything as it was. Scanning the same barcode again is OK too, so a scanner alone
 * will do.
 */
export function TransitDialog({ dialog }: { dialog: TransitDialogState }) {
  const confirm = useDesk((state) => state.confirmReturn);
  const scanned = useDesk((state) => state.scanDuringTransit);
  const cancel = useDesk((state) => state.cancelReturn);
  const [note, setNote] = useState('');
  const ok = useRef<HTMLButtonElement>(null);
  const catchBurst = useFieldBurst();
  const noteId = useId();
  const { request, saving, error, hint } = dialog;

  useScanTarget('Transit Destination', (value) => void scanned(value, note));

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void confirm(note);
  }

  return (
    <ModalDialog
      title="Transit Destination"
      initialFocus={ok}
      onCancel={cancel}
      restoreFocus={focusScanField}
      className="transit-dialog"
    >
      <p className="dialog-lead">
        Send this item back to the lending partner, with the return slip inside.
      </p>
      <dl className="dialog-facts">
        <div>
          <dt>Return to</dt>
          <dd>
            {request.partnerName} ({request.partnerCode})
          </dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd className="lines">
            {request.partnerAddress.length > 0
              ? request.partnerAddress.join('\n')
              : 'No address on file: see the partner in Settings.'}
          </dd>
        </div>
        <div>
          <dt>Title</dt>
          <dd>{request.title}</dd>
        </div>
        <div>
          <dt>Request</dt>
          <dd className="code">
            {request.requestId} · External Identifier {request.externalId}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{request.statusLabel}</dd>
        </div>
      </dl>
      <form onSubmit={submit} aria-busy={saving} noValidate>
        <div className="dialog-field">
          <label htmlFor={noteId}>Note to partner (optional)</label>
          <input
            id={noteId}
            type="text"
            autoComplete="off"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) =>
              catchBurst(event, (scan) => {
                setNote(scan.restore);
                void scanned(scan.value, scan.restore);
              })
            }
          />
        </div>
        {(error ?? hint) && (
          <p className="field-error" role="alert">
            {error ?? hint}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" ref={ok}>
            {saving ? 'Returning…' : 'OK'}
          </button>
          <button type="button" className="secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
