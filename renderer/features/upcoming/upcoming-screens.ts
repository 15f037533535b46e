/** What each scan screen does (DESIGN.md §1), and the issue that brings its desk action. */
export const UPCOMING_SCREENS = {
  receiving:
    "Scan the External Identifier from the lender's paperwork, then the item's own barcode as its temporary barcode: the borrowing request becomes Physically received by library and the receive slip (hold strap) prints for the hold shelf. Each scan is already journaled and checked here; the status change and the slip arrive with issue #4 (Borrowing desk).",
  return:
    'Scan the barcode of a borrowed item going back (never the External Identifier): the desk names the lending partner and its address, the request becomes Returned item to partner, and the return slip prints. Each scan is already journaled and checked here; the status change and the slip arrive with issue #4 (Borrowing desk).',
  shipping:
    'Scan the request ID and the barcode of a pulled item: the lending request becomes Shipped physically and the shipping slip prints. Each scan is already journaled and checked here; the status change and the slip arrive with issue #5 (Lending desk).',
  'scan-in':
    "Scan the barcode of a loaned item coming home: the lending request becomes Request completed, the partner is told, and the item's shelving location is shown. Each scan is already journaled and checked here; the status change and the slip arrive with issue #5 (Lending desk).",
} as const;

export type UpcomingScreenId = keyof typeof UPCOMING_SCREENS;
