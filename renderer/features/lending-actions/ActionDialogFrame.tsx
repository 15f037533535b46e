import {
  useEffect,
  useId,
  useRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ModalDialog } from '../../ui/ModalDialog.tsx';
import { restoreActionFocus } from './action-focus.ts';
import type { LendingActionTarget } from './lending-action-kinds.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/** "L-2001 · Introduction to Algorithms · University at Buffalo, SUNY · Created lending request" */
export function RequestLine({ target }: { target: LendingActionTarget }) {
  const { requestId, title, partnerName, statusLabel } = target;
  return (
    <p className="dialog-lead action-request">
      <strong>{requestId}</strong> · {title} · {partnerName} · {statusLabel}
    </p>
  );
}

/**
 * A row action's dialog: the request it is for, what the action does, the form (Enter is the
 * default button, Escape cancels), and why the desk refused — beside each field it named, and
 * as an alert. Focus goes to the first field marked wrong, so it can be put right at once.
 */
export function ActionDialogFrame({
  dialog,
  title,
  lead,
  submitLabel,
  savingLabel,
  initialFocus,
  ready = true,
  onSubmit,
  children,
}: {
  dialog: LendingActionDialog;
  title: string;
  lead: ReactNode;
  submitLabel: string;
  savingLabel: string;
  initialFocus?: RefObject<HTMLElement | null>;
  /** False while what the form needs has not arrived (or could not be read). */
  ready?: boolean;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const close = useDesk((state) => state.closeLendingAction);
  const form = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const { error, saving, loading, notice } = dialog;

  // What the form needed may arrive after the dialog opened: then its first field takes focus.
  const shown = ready && !loading;
  useEffect(() => {
    if (shown) (initialFocus?.current ?? submitButton.current)?.focus();
  }, [shown, initialFocus]);

  useEffect(() => {
    if (!error) return;
    const marked = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    marked?.focus();
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!saving) onSubmit();
  }

  /** Enter in a select answers as in a text field: the default button (browsers ignore it there). */
  function enterInSelect(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    if (!(event.target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  return (
    <ModalDialog
      title={title}
      initialFocus={initialFocus ?? submitButton}
      onCancel={close}
      restoreFocus={() => restoreActionFocus(dialog.target.requestId)}
      className="action-dialog"
    >
      <RequestLine target={dialog.target} />
      <div className="dialog-lead">{lead}</div>
      {loading && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {!loading && !ready && (
        <>
          {error && (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
      {!loading && ready && (
        <form ref={form} onSubmit={submit} onKeyDown={enterInSelect} aria-busy={saving} noValidate>
          {children}
          {notice && (
            <p className="action-notice" role="status">
              {notice}
            </p>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="submit" ref={submitButton}>
              {saving ? savingLabel : submitLabel}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}

export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/** A labelled control with its hint, and the desk's refusal shown beside it. */
export function FormField({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error: string | undefined;
  hint?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <div className="dialog-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
