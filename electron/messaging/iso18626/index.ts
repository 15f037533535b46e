/**
 * The ISO 18626 codec: pure functions from the message model (iso-model.ts) to XML and back, with
 * no database and no network. The outbox builds with `buildOutgoingIso` and reads answers with
 * `parseConfirmation`; the listener reads with `parseIsoMessage` and answers with
 * `confirmationFor` + `buildConfirmation`.
 */

export * from './iso-model.ts';
export { agencyIdOfSymbol, isAgencyOfSymbol } from './agency-ids.ts';
export { buildConfirmation, buildIsoMessage } from './build-message.ts';
export { confirmationFor, type ConfirmationTimes } from './confirmations.ts';
export { deskDateOf, endOfDay, isXsDateTime, xsDateTime } from './iso-dates.ts';
export { ISO_STATUS_OF_LENDING, isoStatusOfLending } from './lending-iso-status.ts';
export {
  buildOutgoingIso,
  outgoingIsoMessage,
  type IsoPartner,
  type OurAgency,
  type OutgoingIso,
} from './outgoing-message.ts';
export {
  DEFAULT_MAX_BYTES,
  parseConfirmation,
  parseIsoMessage,
  sniffMessageKind,
  type ParseOptions,
} from './parse-message.ts';
export { UnbuildableMessageError } from './unbuildable-message-error.ts';
