import { useEffect } from 'react';
import { screenForShortcut } from '../features/navigation/screens.ts';
import type { DeskStore } from './desk-store.ts';

/**
 * Keyboard-first desk: Alt+1…Alt+7 switch screens from anywhere, Escape leaves the detail view,
 * F9 reprints the last slip (the slip jammed or tore: one key, wherever focus is).
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
      if (event.key === 'Escape' && store.getState().openRequest) {
        // A dialog on top answers Escape itself.
        if (document.querySelector('dialog[open], [role="dialog"]:not([hidden])')) return;
        event.preventDefault();
        store.getState().closeRequestDetail();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
