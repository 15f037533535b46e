/**
 * Where focus goes after a row action: back to the request's Actions button when its row is still
 * on show, else to the heading of the view (the request left the list, or the list is being read
 * again). The list re-renders its rows after an action, so the button is looked up afresh.
 */
export function restoreActionFocus(requestId: string): void {
  const button = document.querySelector<HTMLElement>(
    `[data-lending-actions="${CSS.escape(requestId)}"]`,
  );
  (button ?? document.querySelector<HTMLElement>('main h1'))?.focus();
}

/**
 * After an action done straight from the menu: when the list read again took the focused button
 * away (the request left this tab, say), focus fell to the page; put it back. Focus staff have
 * moved elsewhere meanwhile stays there.
 */
export function restoreActionFocusIfLost(requestId: string): void {
  const active = document.activeElement;
  if (active === null || active === document.body) restoreActionFocus(requestId);
}
