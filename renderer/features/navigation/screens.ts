import type { ScanScreen } from '../../../shared/scanning/scan-kinds.ts';

/** The desk's screens, in navigation order; Alt+1…Alt+8 follow this order. */
export const SCREENS = [
  { id: 'receiving', name: 'Receiving Items' },
  { id: 'return', name: 'Return Items' },
  { id: 'shipping', name: 'Shipping Items' },
  { id: 'scan-in', name: 'Scan In Items' },
  { id: 'lending', name: 'Lending Requests' },
  { id: 'borrowing', name: 'Borrowing Requests' },
  { id: 'messages', name: 'Partner Messages' },
  { id: 'settings', name: 'Settings' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export const DEFAULT_SCREEN: ScreenId = 'receiving';

export function isScreenId(text: string): text is ScreenId {
  return SCREENS.some((screen) => screen.id === text);
}

export function screenName(id: ScreenId): string {
  return SCREENS.find((screen) => screen.id === id)?.name ?? id;
}

/** The screen for Alt+<digit>, or undefined when the digit has none. */
export function screenForShortcut(digit: number): ScreenId | undefined {
  return SCREENS[digit - 1]?.id;
}

/** "#/borrowing" ⇄ 'borrowing', so a reload stays on the same screen. */
export function screenFromHash(hash: string): ScreenId | undefined {
  const id = hash.replace(/^#\/?/, '');
  return isScreenId(id) ? id : undefined;
}

export function hashOf(screen: ScreenId): string {
  return `#/${screen}`;
}

/** The scan screens' names as the API and the journal know them (SCAN_SCREENS). */
const SCAN_SCREEN_OF: Partial<Record<ScreenId, ScanScreen>> = {
  receiving: 'Receiving Items',
  return: 'Return Items',
  shipping: 'Shipping Items',
  'scan-in': 'Scan In Items',
};

/** The scan screen `id` is, or null for the lists and Settings. */
export function scanScreenOf(id: ScreenId): ScanScreen | null {
  return SCAN_SCREEN_OF[id] ?? null;
}
