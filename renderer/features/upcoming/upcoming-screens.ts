/**
 * What each scan screen still to come does (DESIGN.md §1), and the issue that brings its desk
 * action. Receiving Items and Return Items work (features/receiving, features/returning).
 */
export const UPCOMING_SCREENS = {
  shipping:
    'Scan the request ID and the barcode of a pulled item: the lending request becomes Shipped physically and the shipping slip prints. Each scan is already journaled and checked here; the status change and the slip arrive with issue #5 (Lending desk).',
  'scan-in':
    "Scan the barcode of a loaned item coming home: the lending request becomes Request completed, the partner is told, and the item's shelving location is shown. Each scan is already journaled and checked here; the status change and the slip arrive with issue #5 (Lending desk).",
} as const;

export type UpcomingScreenId = keyof typeof UPCOMING_SCREENS;
