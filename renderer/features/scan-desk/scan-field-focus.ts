/** Puts focus back on the screen's scan field (after a dialog), where the next scan belongs. */
export function focusScanField(): void {
  document.querySelector<HTMLElement>('[data-scan-field]')?.focus();
}
