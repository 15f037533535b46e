/** How backups are described to staff: the command line's lines and Settings → Backup alike. */

/** "1,234 borrowing and 567 lending requests". */
export function describeRequests(counts: { borrowing: number; lending: number }): string {
  const n = (count: number) => count.toLocaleString('en-US');
  return `${n(counts.borrowing)} borrowing and ${n(counts.lending)} lending requests`;
}

/** "20.5 MB": a file's size. */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size >= 100 ? Math.round(size) : size.toFixed(1)} ${units[unit]}`;
}
