import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/**
 * A modal <dialog>, open while mounted: the page behind it is inert, Escape cancels, focus goes
 * to `initialFocus` (or the dialog) on opening and to wherever `restoreFocus` puts it after.
 * The parent's state decides whether it is shown, so closing is unmounting.
 */
export function ModalDialog({
  title,
  initialFocus,
  onCancel,
  restoreFocus,
  className,
  children,
}: {
  title: string;
  initialFocus?: RefObject<HTMLElement | null>;
  onCancel: () => void;
  restoreFocus: () => void;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latestRestore = useRef(restoreFocus);
  useEffect(() => {
    latestRestore.current = restoreFocus;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    (initialFocus?.current ?? element).focus();
    // Runs after the dialog has left the page, so what lies behind it can take focus again.
    return () => latestRestore.current();
  }, [initialFocus]);

  return (
    <dialog
      ref={dialog}
      className={className ? `modal-dialog ${className}` : 'modal-dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the parent closes it (by unmounting), so the page stays in step with the state.
        event.preventDefault();
        onCancel();
      }}
      // Chromium closes a dialog on Escape without a cancel event when the page has had no user
      // activation since the last one; this code never closes it, so a close is that Escape.
      onClose={onCancel}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
