import type { Input, RequestDetail } from '../../../shared/api/contract.ts';
import type { DeskErrorBody } from '../../../shared/api/result.ts';
import { REJECT_REASONS, type RejectReason } from '../../../shared/domain/lending-tasks.ts';
import { SHIPPING_COST_RULE, shippingCostOf } from '../shipping/shipping-decision.ts';

/**
 * The row action dialogs' forms as the desk's methods take them, or what is wrong with them in
 * words staff can act on. The desk checks everything again; these checks only spare a round trip
 * and say it better than a schema can ("Enter the reason", not "too small").
 */

/** Why a dialog's action was not done: a message for the dialog, and one beside each field named. */
export interface ActionError {
  readonly message: string;
  readonly fields: Readonly<Partial<Record<string, string>>>;
}

export type FormCheck<T> =
  { readonly ok: true; readonly input: T } | { readonly ok: false; readonly error: ActionError };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIX_FIELDS = 'Nothing was changed: correct the fields marked below.';

function refuse<T>(fields: Record<string, string>): FormCheck<T> {
  return { ok: false, error: { message: FIX_FIELDS, fields } };
}

/** The desk's refusal: its `issues` (input paths such as `replyBy`) go beside their fields. */
export function actionErrorOf(error: DeskErrorBody): ActionError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    const field = issue.path.split(/[.[]/)[0] ?? '';
    if (field && !(field in fields)) fields[field] = issue.message;
  }
  return { message: error.message, fields };
}

/** `{ note: 'x' }`, or nothing for an empty field: optional inputs are left out, not sent empty. */
function optional<K extends string>(key: K, text: string): Partial<Record<K, string>> {
  const value = text.trim();
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

// Edit

export interface EditForm {
  readonly title: string;
  readonly author: string;
  readonly isbn: string;
  readonly requestedFormat: string;
  readonly levelOfService: string;
  readonly neededBy: string;
  readonly note: string;
}

/** The form as the request stands now (read when the dialog opened, not the row's older copy). */
export function editFormOf(detail: RequestDetail): EditForm {
  return {
    title: detail.title,
    author: detail.author ?? '',
    isbn: detail.isbn ?? '',
    // A lending request's `format` is the format the partner asked for.
    requestedFormat: detail.format,
    levelOfService: detail.levelOfService ?? '',
    neededBy: detail.neededBy ?? '',
    note: detail.note ?? '',
  };
}

const CLEARABLE = ['author', 'isbn', 'levelOfService', 'neededBy', 'note'] as const;
const FORMATS = ['PHYSICAL', 'DIGITAL', 'PHYSICAL_NON_RETURNABLE'] as const;

/** Only the fields staff changed are sent (the desk changes only those); an emptied one is cleared. */
export function editInput(
  requestId: string,
  before: EditForm,
  form: EditForm,
): FormCheck<Input<'lending.edit'>> {
  const title = form.title.trim();
  const neededBy = form.neededBy.trim();
  const problems: Record<string, string> = {};
  if (!title) problems.title = 'Enter the title: a request cannot be without one.';
  if (neededBy && !DAY.test(neededBy)) problems.neededBy = 'Enter a full date, or leave it empty.';
  if (Object.keys(problems).length > 0) return refuse(problems);

  const input: { -readonly [K in keyof Input<'lending.edit'>]: Input<'lending.edit'>[K] } = {
    requestId,
  };
  if (title !== before.title.trim()) input.title = title;
  const format = FORMATS.find((f) => f === form.requestedFormat);
  if (format && format !== before.requestedFormat) input.requestedFormat = format;
  for (const key of CLEARABLE) {
    const value = form[key].trim();
    if (value !== before[key].trim()) input[key] = value || null;
  }
  if (Object.keys(input).length === 1) {
    return {
      ok: false,
      error: {
        message: 'Nothing was changed: edit a field and save, or press Escape to close.',
        fields: {},
      },
    };
  }
  return { ok: true, input };
}

// Reassign

export interface ReassignForm {
  /** The chosen operator's id as the select holds it; empty until one is chosen. */
  readonly operatorId: string;
  readonly note: string;
}

export function reassignInput(
  requestId: string,
  form: ReassignForm,
): FormCheck<Input<'lending.assign'>> {
  const id = Number(form.operatorId);
  if (!form.operatorId || !Number.isInteger(id) || id <= 0) {
    return refuse({ assignee: 'Choose the operator who takes the task.' });
  }
  return {
    ok: true,
    input: { requestIds: [requestId], assignee: id, ...optional('note', form.note) },
  };
}

// Conditional

export interface ConditionalForm {
  readonly reason: string;
  readonly replyBy: string;
  readonly note: string;
}

export function conditionalInput(
  requestId: string,
  form: ConditionalForm,
): FormCheck<Input<'lending.conditional'>> {
  const reason = form.reason.trim();
  const replyBy = form.replyBy.trim();
  const problems: Record<string, string> = {};
  if (!reason) problems.reason = 'Enter the condition: the borrower is asked to accept it.';
  if (replyBy && !DAY.test(replyBy)) problems.replyBy = 'Enter a full date, or leave it empty.';
  if (Object.keys(problems).length > 0) return refuse(problems);
  return {
    ok: true,
    input: { requestId, reason, ...optional('replyBy', replyBy), ...optional('note', form.note) },
  };
}

// Reject and Renew: replies the partner hears, each with two notes

export interface PartnerNotes {
  /** Kept with the request's history. */
  readonly internalNote: string;
  /** Sent to the partner with the message. */
  readonly noteToPartner: string;
}

/** The notes as the desk's methods take them: an empty one is left out. */
function partnerNotesInput(form: PartnerNotes) {
  return {
    ...optional('internalNote', form.internalNote),
    ...optional('noteToPartner', form.noteToPartner),
  };
}

export interface RejectForm extends PartnerNotes {
  /** A REJECT_REASONS code, or empty until one is chosen. */
  readonly reason: string;
}

function isRejectReason(code: string): code is RejectReason {
  return Object.hasOwn(REJECT_REASONS, code);
}

export function rejectInput(
  requestId: string,
  form: RejectForm,
): FormCheck<Input<'lending.reject'>> {
  if (!isRejectReason(form.reason)) {
    return refuse({ reason: 'Choose the reason the request is rejected; the partner is told it.' });
  }
  return {
    ok: true,
    input: { requestId, reason: form.reason, ...partnerNotesInput(form) },
  };
}

export interface RenewForm extends PartnerNotes {
  readonly dueDate: string;
}

export function renewInput(requestId: string, form: RenewForm): FormCheck<Input<'lending.renew'>> {
  const dueDate = form.dueDate.trim();
  if (!DAY.test(dueDate)) return refuse({ dueDate: 'Enter the new due date (a full date).' });
  return {
    ok: true,
    input: { requestId, dueDate, ...partnerNotesInput(form) },
  };
}

// Ship non-returnable

export interface NonReturnableForm {
  readonly itemBarcode: string;
  readonly shippingCost: string;
  readonly note: string;
}

/** A non-returnable copy ships without a due date: it is not coming back. */
export function nonReturnableInput(
  requestId: string,
  form: NonReturnableForm,
): FormCheck<Input<'shipping.ship'>> {
  const itemBarcode = form.itemBarcode.trim();
  const cost = shippingCostOf(form.shippingCost);
  const problems: Record<string, string> = {};
  if (!itemBarcode) problems.itemBarcode = 'Scan or type the barcode of the copy you are sending.';
  if (cost === null) problems.shippingCost = SHIPPING_COST_RULE;
  if (Object.keys(problems).length > 0) return refuse(problems);
  return {
    ok: true,
    input: {
      requestId,
      itemBarcode,
      nonReturnable: true,
      ...(cost === undefined || cost === null ? {} : { shippingCost: cost }),
      ...optional('note', form.note),
    },
  };
}
