/**
 * Request statuses. Codes are a contract (DESIGN.md §4); display names are Alma's, so staff see
 * the words they already know.
 */

export const LENDING_STATUSES = {
  CREATED: 'Created lending request',
  LOCATE_FAILED: 'Locate failed',
  WILL_SUPPLY: 'Will supply',
  CONDITIONAL: 'Conditional',
  BEING_PROCESSED: 'Being processed',
  SHIPPED_PHYSICALLY: 'Shipped physically',
  SHIPPED_DIGITALLY: 'Shipped digitally',
  RECEIVED_BY_PARTNER: 'Received by partner',
  RENEW_REQUESTED: 'Renew requested',
  RECALLED: 'Recalled item',
  OVERDUE: 'Overdue request',
  RETURNED_BY_PARTNER: 'Returned by partner',
  REJECTED: 'Rejected the borrower request',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
  LOST: 'Lost',
  DAMAGED: 'Damaged',
  COMPLETED: 'Request completed',
} as const;

export const BORROWING_STATUSES = {
  CREATED: 'Created borrowing request',
  READY_TO_SEND: 'Ready to be sent',
  SENT: 'Request sent to partner',
  WILL_SUPPLY: 'Will supply',
  CONDITIONAL: 'Conditional',
  SHIPPED_PHYSICALLY: 'Shipped physically',
  RECEIVED: 'Physically received by library',
  LOANED: 'Loaned item to patron',
  RETURNED_BY_PATRON: 'Returned by patron',
  RETURNED_TO_PARTNER: 'Returned item to partner',
  RENEWED: 'Renewed by partner',
  RECALLED: 'Recalled by partner',
  OVERDUE: 'Overdue',
  REJECTED: 'Rejected by partner',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
  LOST: 'Lost communicated',
  COMPLETED: 'Request completed',
} as const;

export type LendingStatus = keyof typeof LENDING_STATUSES;
export type BorrowingStatus = keyof typeof BORROWING_STATUSES;
export type RequestKind = 'borrowing' | 'lending';
export type StatusOf<K extends RequestKind> = K extends 'borrowing'
  ? BorrowingStatus
  : LendingStatus;

export const LENDING_STATUS_CODES = Object.keys(LENDING_STATUSES) as LendingStatus[];
export const BORROWING_STATUS_CODES = Object.keys(BORROWING_STATUSES) as BorrowingStatus[];

/** Statuses after which a request needs nothing more from the desk. */
export const BORROWING_FINAL: readonly BorrowingStatus[] = [
  'RETURNED_TO_PARTNER',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'LOST',
  'COMPLETED',
];
export const LENDING_FINAL: readonly LendingStatus[] = [
  'SHIPPED_DIGITALLY',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'LOST',
  'DAMAGED',
  'COMPLETED',
];

export function statusCodes(kind: RequestKind): readonly string[] {
  return kind === 'borrowing' ? BORROWING_STATUS_CODES : LENDING_STATUS_CODES;
}

export function statusLabel(kind: RequestKind, code: string): string {
  const table: Record<string, string> =
    kind === 'borrowing' ? BORROWING_STATUSES : LENDING_STATUSES;
  return Object.hasOwn(table, code) ? table[code]! : code;
}

export function isActiveStatus(kind: RequestKind, code: string): boolean {
  const final: readonly string[] = kind === 'borrowing' ? BORROWING_FINAL : LENDING_FINAL;
  return !final.includes(code);
}

/**
 * Reads a status as a code or an Alma display name, case-insensitively ("shipped physically",
 * "SHIPPED_PHYSICALLY"). Returns undefined for anything else.
 */
export function parseStatus(kind: RequestKind, text: string): string | undefined {
  const wanted = text.trim().toUpperCase();
  const table: Record<string, string> =
    kind === 'borrowing' ? BORROWING_STATUSES : LENDING_STATUSES;
  for (const [code, label] of Object.entries(table)) {
    if (code === wanted || label.toUpperCase() === wanted) return code;
  }
  return undefined;
}

export const FORMATS = {
  PHYSICAL: 'Physical',
  DIGITAL: 'Digital',
  PHYSICAL_NON_RETURNABLE: 'Physical non-returnable',
} as const;
export type Format = keyof typeof FORMATS;
export const FORMAT_CODES = Object.keys(FORMATS) as Format[];
