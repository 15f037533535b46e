import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { describeMessage } from '../../shared/domain/partner-message-kinds.ts';
import { statusLabel, type RequestKind } from '../../shared/domain/statuses.ts';
import {
  actionCodes,
  actionLabel,
  BORROWING_ACTIONS,
  LENDING_ACTIONS,
  transition,
} from '../../shared/domain/transitions.ts';
import { actionTarget } from '../../db/repositories/desk-requests-repository.ts';
import { borrowingCitation } from '../../db/repositories/request-citation-repository.ts';
import { changeStatus, recordDeskAction, type StatusChange } from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { queueImpliedMessage } from './desk-messages.ts';
import { sendToNextInRota } from './rota-step.ts';

/**
 * A row action from the Borrowing or Lending Requests list (Loan to patron, Returned by patron,
 * Will supply, …): any move of the transition table the partner's workflow profile allows, with
 * its history event and the partner message it implies. Row actions print no slip; the scan
 * screens' actions, which need a barcode and print one, stay on their screens.
 */

const LIST_NAME: Record<RequestKind, string> = {
  borrowing: 'Borrowing Requests',
  lending: 'Lending Requests',
};

/** The action's code from its code or its label, any case ("loan to patron" → LOAN_TO_PATRON). */
function actionCode(kind: RequestKind, text: string): string {
  const wanted = text.trim().toUpperCase();
  const code = actionCodes(kind).find(
    (c) => c === wanted || actionLabel(kind, c).toUpperCase() === wanted,
  );
  if (code !== undefined) return code;
  const known = actionCodes(kind).map((c) => actionLabel(kind, c));
  throw new DeskError(
    'INVALID_INPUT',
    `There is no action "${text}" for ${kind} requests; the actions are ${known.join(', ')}.`,
  );
}

/**
 * Lending actions that carry details of their own have their own methods (and dialogs in the task
 * list's row actions), so the partner is told the reason or the new due date, never nothing.
 */
const LENDING_DETAILS: Readonly<Record<string, string>> = {
  CONDITIONAL: 'a reason and a date for reply',
  REJECT: 'a reason',
  RENEW: 'a new due date',
};

function screenOf(kind: RequestKind, action: string): string | undefined {
  const rules: Readonly<Record<string, { readonly label: string; readonly screen?: string }>> =
    kind === 'borrowing' ? BORROWING_ACTIONS : LENDING_ACTIONS;
  return rules[action]?.screen;
}

export async function actOnRequest(
  ctx: DeskContext,
  input: ParsedInput<'requests.act'>,
  session: Session,
): Promise<Output<'requests.act'>> {
  const { kind } = input;
  const action = actionCode(kind, input.action);
  const label = actionLabel(kind, action);
  const screen = screenOf(kind, action);
  if (screen) {
    throw new DeskError(
      'INVALID_INPUT',
      `${label} is done on ${screen}, where the item is scanned and its slip prints; open ${screen} and scan it there.`,
    );
  }
  const details = kind === 'lending' ? LENDING_DETAILS[action] : undefined;
  if (details) {
    throw new DeskError(
      'INVALID_INPUT',
      `${label} needs ${details}: choose ${label} from the request's Actions in Lending Requests and fill them in.`,
    );
  }
  const output = await ctx.gate.transaction(async (tx) => {
    const target = await actionTarget(tx, kind, input.requestId);
    if (!target) {
      throw new DeskError(
        'NOT_FOUND',
        `No ${kind} request has the ID ${input.requestId}. Search for it in ${LIST_NAME[kind]}.`,
      );
    }
    const step = transition(kind, target.status, action, target.profile);
    if (!step.ok) {
      throw new DeskError(
        step.reason === 'NOT_IN_PROFILE' ? 'NOT_IN_PROFILE' : 'WRONG_STATUS',
        `${target.requestId}: ${step.message}`,
      );
    }
    const at = ctx.now().toISOString();
    const change: StatusChange = {
      kind,
      rowId: target.id,
      action,
      from: target.status,
      to: step.to,
      at,
      operatorId: session.operatorId,
      note: input.note || null,
    };
    const eventId = await changeStatus(tx, change);
    const { message, messageIds } = await queueImpliedMessage(tx, {
      request: target,
      partner: target.partner,
      profile: target.profile,
      action,
      from: target.status,
      to: step.to,
      at,
      note: input.note || null,
      details: {
        dueDate: target.dueDate,
        // Send to partner: the Request carries what the lender needs to find the item.
        ...(kind === 'borrowing' && action === 'SEND'
          ? await borrowingCitation(tx, target.id)
          : {}),
      },
    });
    const actionId = await recordDeskAction(tx, {
      session,
      change,
      requestId: target.requestId,
      before: { status: target.status },
      eventId,
      printJobIds: [],
      messageIds,
    });
    const told = message ? ` ${describeMessage(message)} queued for ${target.partner.name}.` : '';
    // A lender that cannot supply passes the request to the next one in its rota, if it has one.
    const rota =
      kind === 'borrowing' && action === 'PARTNER_REJECTED'
        ? await sendToNextInRota(tx, target.requestId, at, session.operatorId)
        : null;
    const status = rota?.status ?? step.to;
    const sentOn = rota
      ? ` Next in the rota: ${rota.partnerName}, now "${statusLabel(kind, rota.status)}".${rota.message ? ` ${describeMessage(rota.message)} queued for ${rota.partnerName}.` : ''}`
      : '';
    const partnerMessage = rota?.message ?? message;
    return {
      requestId: target.requestId,
      status,
      statusLabel: statusLabel(kind, status),
      slip: null,
      partnerMessage: partnerMessage ? describeMessage(partnerMessage) : null,
      message: `${label}: ${target.requestId} is now "${statusLabel(kind, step.to)}".${told}${sentOn}`,
      actionId,
    };
  });
  ctx.events.emit('requests.changed', { kind, requestId: output.requestId });
  return output;
}
