import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import { DeskError } from '../../shared/api/result.ts';
import { statusCodes, type RequestKind } from '../../shared/domain/statuses.ts';
import {
  getRequestDetail,
  listBorrowing,
  type ListFilter,
} from '../../db/repositories/requests-repository.ts';
import type { DeskContext } from './desk-context.ts';

/** Refuses status codes `kind` does not have, naming them and the ones it has. */
export function checkStatuses(kind: RequestKind, status: readonly string[] | undefined): void {
  const known = statusCodes(kind);
  const unknown = status?.filter((s) => !known.includes(s)) ?? [];
  if (unknown.length > 0) {
    throw new DeskError(
      'INVALID_INPUT',
      `${unknown.join(', ')} is not a ${kind} status; use one of ${known.join(', ')}.`,
    );
  }
}

function filterOf(input: ParsedInput<'borrowing.list'>): ListFilter {
  return {
    find: input.find,
    status: input.status,
    partner: input.partner,
    after: input.after,
    limit: input.limit,
  };
}

export async function listBorrowingRequests(
  ctx: DeskContext,
  input: ParsedInput<'borrowing.list'>,
): Promise<Output<'borrowing.list'>> {
  checkStatuses('borrowing', input.status);
  return ctx.gate.read((db) => listBorrowing(db, filterOf(input)));
}

export async function getRequest(
  ctx: DeskContext,
  input: ParsedInput<'requests.detail'>,
): Promise<Output<'requests.detail'>> {
  const detail = await ctx.gate.read((db) => getRequestDetail(db, input.kind, input.requestId));
  if (!detail) {
    const other = input.kind === 'borrowing' ? 'lending' : 'borrowing';
    const elsewhere = await ctx.gate.read((db) => getRequestDetail(db, other, input.requestId));
    throw new DeskError(
      'NOT_FOUND',
      elsewhere
        ? `${input.requestId} is a ${other} request, not a ${input.kind} request; open it from ${other === 'lending' ? 'Lending' : 'Borrowing'} Requests.`
        : `No ${input.kind} request has the ID ${input.requestId}. Check the ID on the paperwork, or search for it in the Find box.`,
    );
  }
  return detail;
}
