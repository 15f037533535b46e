import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LENDING_STATUSES } from '../../../shared/domain/statuses.ts';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import type { ReportFormat } from './lending-bulk-slice.ts';

/**
 * The confirmation a bulk action asks for (the seed's Confirmation Message): its default button
 * has focus, so Enter confirms; Escape or Cancel closes it with nothing done.
 */
export function BulkDialog({
  title,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
  restoreFocus,
  children,
}: {
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  restoreFocus: () => void;
  children: ReactNode;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) onConfirm();
  }
  return (
    <ModalDialog
      title={title}
      initialFocus={confirm}
      onCancel={onCancel}
      restoreFocus={restoreFocus}
      className="bulk-dialog"
    >
      <form onSubmit={submit} aria-busy={busy} noValidate>
        {children}
        <div className="dialog-buttons">
          <button type="submit" ref={confirm} aria-disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** "2 requests", "all 12 matching requests". */
export function chosenWords(count: number, matching: boolean): string {
  const noun = count === 1 ? 'request' : 'requests';
  return matching ? `all ${count} matching ${noun}` : `${count} ${noun}`;
}

interface BulkDialogProps {
  readonly count: number;
  readonly matching: boolean;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly restoreFocus: () => void;
}

/** Change Status: the chosen status, confirmed, with an optional note for the history. */
export function ChangeStatusDialog({
  status,
  onConfirm,
  ...props
}: BulkDialogProps & { status: string; onConfirm: (note: string) => void }) {
  const [note, setNote] = useState('');
  const id = useId();
  const label = (LENDING_STATUSES as Record<string, string>)[status] ?? status;
  return (
    <BulkDialog
      title="Change Status"
      confirmLabel="Change Status"
      onConfirm={() => onConfirm(note)}
      {...props}
    >
      <p className="dialog-lead">
        Set {chosenWords(props.count, props.matching)} to <strong>{label}</strong>? Each gets a
        history entry; the partner is not told. A request already in this status is left as it is.
      </p>
      <div className="dialog-field">
        <label htmlFor={id}>Note for the history (optional)</label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
    </BulkDialog>
  );
}

const FORMAT_LABELS: Record<ReportFormat, string> = {
  xlsx: 'Excel workbook (.xlsx)',
  xml: 'XML (.xml)',
};

/** Print Slip Report: Excel or XML, downloaded to this computer; each request is marked reported. */
export function ReportDialog({
  onConfirm,
  ...props
}: BulkDialogProps & { onConfirm: (format: ReportFormat) => void }) {
  const [format, setFormat] = useState<ReportFormat>('xlsx');
  const name = useId();
  return (
    <BulkDialog
      title="Print Slip Report"
      confirmLabel="Download"
      onConfirm={() => onConfirm(format)}
      {...props}
    >
      <p className="dialog-lead">
        A report of {chosenWords(props.count, props.matching)} (title, author, location, call
        number, partner, status), downloaded to this computer. Each is marked reported.
      </p>
      <fieldset className="dialog-choice">
        <legend>Format</legend>
        {(Object.keys(FORMAT_LABELS) as ReportFormat[]).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={format === value}
              onChange={() => setFormat(value)}
            />{' '}
            {FORMAT_LABELS[value]}
          </label>
        ))}
      </fieldset>
    </BulkDialog>
  );
}
