/**
 * The ISO 18626 closed code lists (the XSD enumerations) RS Desk reads and writes, with the
 * values only one version has. Open code lists (reasonUnfilled, loanCondition, agencyIdType, …)
 * are plain strings in the model.
 */

/** Requester actions (type_action). HoldReturn and Lost exist only in 2021. */
export const ISO_ACTIONS = [
  'StatusRequest',
  'Received',
  'Cancel',
  'Renew',
  'HoldReturn',
  'ShippedReturn',
  'ShippedForward',
  'Notification',
  'Lost',
] as const;
export type IsoAction = (typeof ISO_ACTIONS)[number];
export const ACTIONS_2021_ONLY: readonly IsoAction[] = ['HoldReturn', 'Lost'];

/** Supplier statuses (type_status). HoldReturn and ReleaseHoldReturn exist only in 2021. */
export const ISO_STATUSES = [
  'RequestReceived',
  'ExpectToSupply',
  'WillSupply',
  'Loaned',
  'Overdue',
  'Recalled',
  'RetryPossible',
  'Unfilled',
  'HoldReturn',
  'ReleaseHoldReturn',
  'CopyCompleted',
  'LoanCompleted',
  'CompletedWithoutReturn',
  'Cancelled',
] as const;
export type IsoStatus = (typeof ISO_STATUSES)[number];
export const STATUSES_2021_ONLY: readonly IsoStatus[] = ['HoldReturn', 'ReleaseHoldReturn'];

/** Why a supplier writes (type_reasonForMessage). */
export const REASONS_FOR_MESSAGE = [
  'RequestResponse',
  'StatusRequestResponse',
  'RenewResponse',
  'CancelResponse',
  'StatusChange',
  'Notification',
] as const;
export type ReasonForMessage = (typeof REASONS_FOR_MESSAGE)[number];

/** What an ERROR confirmation says went wrong (type_errorType). */
export const ERROR_TYPES = [
  'UnsupportedActionType',
  'UnsupportedReasonForMessageType',
  'UnrecognisedDataElement',
  'UnrecognisedDataValue',
  'BadlyFormedMessage',
] as const;
export type IsoErrorType = (typeof ERROR_TYPES)[number];

export const MESSAGE_STATUSES = ['OK', 'ERROR'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const SERVICE_TYPES = ['Copy', 'Loan', 'CopyOrLoan'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const REQUEST_TYPES = ['New', 'Retry', 'Reminder'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_SUB_TYPES = [
  'BookingRequest',
  'MultipleItemRequest',
  'PatronRequest',
  'TransferRequest',
  'SupplyingLibrarysChoice',
] as const;
export type RequestSubType = (typeof REQUEST_SUB_TYPES)[number];

export type YesNo = 'Y' | 'N';
