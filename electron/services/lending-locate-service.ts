import type { LocatedItem } from '../../shared/api/contract-lending-tasks.ts';
import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import {
  createItemFinder,
  itemForLocate,
  linkItem,
  locateRequest,
  type CandidateItem,
  type LocateOutcome,
} from '../../db/repositories/locate-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { requireTask } from './lending-task-rules.ts';

/**
 * The Locate row action: search again (ISBN, then title and author), or link the item staff chose
 * from the candidates (or any item barcode they typed or scanned). The search and what it writes
 * live in locate-repository.ts, which imports and Duplicate share.
 */

const LOCATABLE = ['CREATED', 'LOCATE_FAILED'];

export function toLocatedItem(item: CandidateItem): LocatedItem {
  return {
    barcode: item.barcode,
    title: item.title,
    author: item.author,
    isbn: item.isbn,
    callNumber: item.callNumber,
    location: item.location,
    library: item.library,
  };
}

/** "item 31234000123456 (Main Stacks, QC6 .K8 1996)": where staff will find it. */
export function describeItem(item: CandidateItem): string {
  const where = [item.location, item.callNumber].filter((part) => part !== null).join(', ');
  return where ? `item ${item.barcode} (${where})` : `item ${item.barcode}`;
}

/** One sentence for staff on a Locate outcome. */
export function locateMessage(requestId: string, outcome: LocateOutcome): string {
  if (outcome.located) return `${requestId} is located: ${describeItem(outcome.located)}.`;
  const found = outcome.candidates.length;
  return found === 0
    ? `Locate found no item for ${requestId}: check its ISBN, title and author (Edit), then use Locate again, or reject the request.`
    : `Locate found ${found} items for ${requestId}: choose the one to lend.`;
}

export async function locateLending(
  ctx: DeskContext,
  input: ParsedInput<'lending.locate'>,
  session: Session,
): Promise<Output<'lending.locate'>> {
  const output = await ctx.gate.transaction(async (tx) => {
    const task = await requireTask(tx, input.requestId);
    if (!LOCATABLE.includes(task.status)) {
      throw new DeskError(
        'WRONG_STATUS',
        `${task.requestId} is "${statusLabel('lending', task.status)}"; Locate is for requests that are "${statusLabel('lending', 'CREATED')}" or "${statusLabel('lending', 'LOCATE_FAILED')}".`,
      );
    }
    const stamp = { at: ctx.now().toISOString(), operatorId: session.operatorId };
    let outcome: LocateOutcome;
    if (input.itemBarcode === undefined) {
      outcome = await locateRequest(tx, task, createItemFinder(tx), stamp);
    } else {
      const item = await itemForLocate(tx, input.itemBarcode);
      if (!item) {
        throw new DeskError(
          'NOT_FOUND',
          `No item has the barcode ${input.itemBarcode}; check it, or choose one of the items Locate found.`,
        );
      }
      outcome = await linkItem(tx, task, item, 'CHOSEN', stamp);
    }
    return {
      requestId: task.requestId,
      status: outcome.status,
      statusLabel: statusLabel('lending', outcome.status),
      message: locateMessage(task.requestId, outcome),
      located: outcome.located && toLocatedItem(outcome.located),
      candidates: outcome.candidates.map(toLocatedItem),
    };
  });
  ctx.events.emit('requests.changed', { kind: 'lending', requestId: output.requestId });
  return output;
}
