import type { IsoErrorType } from '../iso18626/index.ts';
import type { RequestKind } from '../../../shared/domain/statuses.ts';
import { statusLabel } from '../../../shared/domain/statuses.ts';
import {
  BORROWING_ACTIONS,
  LENDING_ACTIONS,
  transition,
} from '../../../shared/domain/transitions.ts';
import type { WorkflowProfile } from '../../../shared/domain/workflow-profiles.ts';
import type { Orm } from '../../../db/database.ts';
import type { InboundPartner } from '../../../db/repositories/inbound-repository.ts';
import { addAlert } from '../../../db/repositories/request-alerts-repository.ts';
import { insertRequestEvent } from '../../../db/repositories/request-events-repository.ts';
import { changeStatus } from '../../services/desk-action-recorder.ts';
import { queueImpliedMessage } from '../../services/desk-messages.ts';
import { InboundRefusal } from './inbound-refusal.ts';

/**
 * What applying any partner message shares: the request it concerns, the status change through
 * the transition table and the partner's workflow profile, its history event (by no operator: the
 * partner did it), and the reply the change implies, queued in the outbox the standard way.
 */

/** The request a message was applied to, for the journal and the `requests.changed` event. */
export interface Applied {
  readonly kind: RequestKind;
  readonly rowId: number;
  readonly requestId: string;
  /** How the journal names the message: Request, Received, Loaned, … */
  readonly journalKind: string;
}

/** A request as a partner message moves it. */
export interface InboundTarget {
  readonly id: number;
  readonly requestId: string;
  readonly externalId: string;
  readonly title: string;
  readonly status: string;
  readonly profile: WorkflowProfile | undefined;
}

export interface InboundMove {
  readonly kind: RequestKind;
  readonly target: InboundTarget;
  readonly partner: InboundPartner;
  readonly action: string;
  readonly at: string;
  /** The history note: what the partner said. */
  readonly note: string;
  /** What the refusal says when the request's status or profile does not allow the move. */
  readonly refusedAs: IsoErrorType;
  /** Details for the reply the move implies, if it implies one. */
  readonly details?: Record<string, string | number | null>;
}

/** Moves the request as the partner's message says; refuses (nothing written) when it cannot. */
export async function movePerPartner(tx: Orm, move: InboundMove): Promise<{ to: string }> {
  const { kind, target, partner } = move;
  const step = transition(kind, target.status, move.action, target.profile);
  if (!step.ok) {
    throw new InboundRefusal(
      move.refusedAs,
      `${target.requestId} (your ${target.externalId}) cannot change as your message says: ${step.message}`,
      `${partner.code}'s message for ${target.requestId} does not fit: ${step.message}`,
    );
  }
  await changeStatus(tx, {
    kind,
    rowId: target.id,
    action: move.action,
    from: target.status,
    to: step.to,
    at: move.at,
    operatorId: null,
    note: move.note,
  });
  await queueImpliedMessage(tx, {
    request: { kind, ...target },
    partner,
    profile: target.profile,
    action: move.action,
    from: target.status,
    to: step.to,
    at: move.at,
    note: null,
    details: move.details ?? {},
  });
  return { to: step.to };
}

/**
 * Whether the request already is where `action` would take it and the action cannot run again: a
 * message sent twice (the partner's outbox sends at least once) is then confirmed, changing nothing.
 */
export function repeats(kind: RequestKind, target: InboundTarget, action: string): boolean {
  const rules: Readonly<Record<string, { readonly to: string }>> =
    kind === 'borrowing' ? BORROWING_ACTIONS : LENDING_ACTIONS;
  return (
    rules[action]?.to === target.status &&
    !transition(kind, target.status, action, target.profile).ok
  );
}

/** A history event that changes no status: a partner's note, or a message that repeats one. */
export async function noteFromPartner(
  tx: Orm,
  kind: RequestKind,
  target: InboundTarget,
  action: string,
  note: string,
  at: string,
): Promise<void> {
  await insertRequestEvent(tx, {
    kind,
    requestRowId: target.id,
    at,
    operatorId: null,
    action,
    fromStatus: null,
    toStatus: null,
    note,
  });
}

/** Alert code for a note a partner sent: staff see it on the request until they remove it. */
export const PARTNER_NOTE_ALERT = 'PARTNER_NOTE';

/** A partner's Notification: a history note and, when it says something, an alert. */
export async function notification(
  tx: Orm,
  kind: RequestKind,
  target: InboundTarget,
  partner: InboundPartner,
  history: string,
  said: string | undefined,
  at: string,
): Promise<void> {
  await noteFromPartner(tx, kind, target, 'PARTNER_NOTE', history, at);
  const words = said?.trim();
  if (!words) return;
  await addAlert(tx, {
    kind,
    requestRowId: target.id,
    code: PARTNER_NOTE_ALERT,
    message: `${partner.name} wrote: ${words}`,
    at,
  });
}

/** "ISO 18626 Loaned from University at Buffalo": how history notes start. */
export function fromPartner(partner: InboundPartner, what: string, said?: string): string {
  const words = said?.trim();
  return `ISO 18626 ${what} from ${partner.name}${words ? `: "${words}"` : ''}`;
}

/** "L-1001 is "Shipped physically"": a request's status in words. */
export function statusWords(kind: RequestKind, target: InboundTarget): string {
  return `${target.requestId} is "${statusLabel(kind, target.status)}"`;
}
