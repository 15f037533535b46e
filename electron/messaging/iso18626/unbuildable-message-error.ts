/**
 * A message that cannot be written as ISO 18626 from what the desk holds: the partner has no
 * symbol, this desk has no agency id, a required date is missing. Sending again will not help, so
 * the outbox marks such a message failed at once (with this message as the reason) instead of
 * retrying it like an unreachable partner.
 */
export class UnbuildableMessageError extends Error {
  override readonly name = 'UnbuildableMessageError';
}
