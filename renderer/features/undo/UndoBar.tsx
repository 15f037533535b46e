import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { focusScanField } from '../scan-desk/scan-field-focus.ts';

/** Longest wait before asking again whether Undo still works (a timer past a day is pointless). */
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;

/**
 * "Undo last action: Received B-1001" while this window's last desk action can still be undone —
 * staff scan the wrong book every day. Ctrl+Z does the same from anywhere but a text field.
 */
export function UndoBar() {
  const last = useDesk((state) => state.undo.last);
  const busy = useDesk((state) => state.undo.busy);
  const undo = useDesk((state) => state.undoLastAction);
  const load = useDesk((state) => state.loadLastAction);

  useEffect(() => {
    void load();
  }, [load]);

  // The button goes when the undo window closes, not only at the next action.
  const until = last?.undoUntil;
  useEffect(() => {
    if (!until) return;
    const wait = Math.min(Math.max(Date.parse(until) - Date.now(), 0) + 500, MAX_WAIT_MS);
    const timer = window.setTimeout(() => void load(), wait);
    return () => window.clearTimeout(timer);
  }, [until, load]);

  if (!last) return null;
  return (
    <p className="undo-bar">
      <button
        type="button"
        className="secondary"
        aria-keyshortcuts="Control+Z"
        aria-describedby="undo-until"
        onClick={() => {
          if (busy) return;
          void undo().then(focusScanField);
        }}
      >
        Undo last action: {last.description}
      </button>{' '}
      <span id="undo-until" className="muted">
        Ctrl+Z · possible until <DateText value={last.undoUntil} instant />
      </span>
    </p>
  );
}
