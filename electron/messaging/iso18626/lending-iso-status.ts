import type { LendingStatus } from '../../../shared/domain/statuses.ts';
import type { IsoStatus } from './iso-model.ts';

/**
 * The ISO 18626 status a lending request is in, for answering a borrower's StatusRequest
 * (StatusRequestResponse). A returned item stays Loaned until it is checked in, as the borrower's
 * loan has not ended for the lender until then.
 */
export const ISO_STATUS_OF_LENDING: Readonly<Record<LendingStatus, IsoStatus>> = {
  CREATED: 'RequestReceived',
  LOCATE_FAILED: 'RequestReceived',
  BEING_PROCESSED: 'RequestReceived',
  WILL_SUPPLY: 'WillSupply',
  CONDITIONAL: 'ExpectToSupply',
  SHIPPED_PHYSICALLY: 'Loaned',
  SHIPPED_DIGITALLY: 'CopyCompleted',
  RECEIVED_BY_PARTNER: 'Loaned',
  RENEW_REQUESTED: 'Loaned',
  RECALLED: 'Recalled',
  OVERDUE: 'Overdue',
  RETURNED_BY_PARTNER: 'Loaned',
  REJECTED: 'Unfilled',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Unfilled',
  LOST: 'CompletedWithoutReturn',
  DAMAGED: 'LoanCompleted',
  COMPLETED: 'LoanCompleted',
};

/** The ISO status of a lending status code; RequestReceived for one it does not know. */
export function isoStatusOfLending(status: string): IsoStatus {
  return (
    (ISO_STATUS_OF_LENDING as Readonly<Record<string, IsoStatus>>)[status] ?? 'RequestReceived'
  );
}
