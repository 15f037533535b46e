import { useEffect } from 'react';
import { screenForShortcut } from '../features/navigation/screens.ts';
import { isTextEntry } from '../ui/text-entry.ts';
import type { DeskStore } from './desk-store.ts';

const OPEN_DIALOG = 'dialog[open], [role="dialog"]:not([hidden])';

/**
 * Ctrl+Z undoes the last desk action — but never inside a text field, whose own undo it is, except
 * the scan field while it is empty (it holds nothing to undo, and it has focus on a scan screen).
 * Not while a dialog is open either: the dialog is the task at hand.
 */
function undoApplies(event: KeyboardEvent): boolean {
  if (document.querySelector(OPEN_DIALOG)) return false;
  const target = event.target;
  if (!isTextEntry(target)) return true;
  return (
    target instanceof HTMLInputElement && target.hasAttribute('data-scan-field') && !target.value
  );
}

/**
 * Keyboard-first desk: Alt+1…Alt+8 switch screens from anywhere, Escape leaves the detail view,
 * F9 reprints the last slip (the slip jammed or tore: one key, wherever focus is), Ctrl+Z undoes
 * the last desk action.
 * Reads e.code, not e.key, because Alt+digit types other characters on some layouts (macOS).
 */
export function useDeskShortcuts(store: DeskStore): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (digit && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        const screen = screenForShortcut(Number(digit));
        if (screen) {
          event.preventDefault();
          store.getState().goTo(screen);
        }
        return;
      }
      if (event.key === 'F9' && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        void store.getState().reprint();
        return;
      }
      if (event.code === 'KeyZ' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        if (event.shiftKey || !undoApplies(event)) return;
        event.preventDefault();
        void store.getState().undoLastAction();
        return;
      }
      if (event.key === 'Escape' && store.getState().openRequest) {
        // A dialog on top answers Escape itself.
        if (document.querySelector(OPEN_DIALOG)) return;
        event.preventDefault();
        store.getState().closeRequestDetail();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
