import { useEffect, useRef, type RefObject } from 'react';
import type { OpenRequest } from '../features/navigation/navigation-slice.ts';

/**
 * When the view changes, focus moves to its h1 so reading starts there; on a scan screen it goes
 * to the scan field instead (a scanner types into whatever has focus, and the label names the
 * screen's need); coming back from a request's detail view, it returns to that request's row.
 */
export function useViewFocus(
  main: RefObject<HTMLElement | null>,
  viewKey: string,
  returnTo: OpenRequest | null,
): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = main.current;
    if (!root) return;
    const row = returnTo
      ? root.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(returnTo.requestId)}"]`)
      : null;
    const scanField = root.querySelector<HTMLElement>('[data-scan-field]');
    (row ?? scanField ?? root.querySelector<HTMLElement>('h1'))?.focus();
    // returnTo only changes together with viewKey (closing the detail view sets both).
  }, [main, viewKey, returnTo]);
}
