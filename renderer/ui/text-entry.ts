/** True for a field that takes typed text; its keys (and Ctrl+Z) are its own. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'submit', 'checkbox', 'radio'].includes(target.type)
  );
}
