/** Adds `id` to the chosen rows, or takes it out when it is there. */
export function toggleSelection(selected: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The chosen rows still on show, in list order: what a bulk action works on. */
export function visibleSelection(
  selected: ReadonlySet<string>,
  shown: readonly string[],
): string[] {
  return shown.filter((id) => selected.has(id));
}

/** "Print pull slips (3)" */
export function pullSlipLabel(count: number): string {
  return count === 0 ? 'Print pull slips' : `Print pull slips (${count})`;
}
