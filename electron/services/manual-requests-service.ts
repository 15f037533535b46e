import type { Orm } from '../../db/database.ts';
import {
  externalIdTaken,
  insertLendingTask,
  requestIdTaken,
} from '../../db/repositories/lending-task-changes-repository.ts';
import {
  createItemFinder,
  itemForLocate,
  linkItem,
  locateRequest,
} from '../../db/repositories/locate-repository.ts';
import {
  countRequestIdsStarting,
  findPatron,
  insertBorrowingRequest,
} from '../../db/repositories/manual-requests-repository.ts';
import { findPartnerByCode } from '../../db/repositories/partner-config-repository.ts';
import { insertRequestEvent } from '../../db/repositories/request-events-repository.ts';
import type { ManualRequestCreated } from '../../shared/api/contract-manual-requests.ts';
import type { ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { statusLabel, type RequestKind } from '../../shared/domain/statuses.ts';
import type { DeskContext } from './desk-context.ts';
import { locateMessage } from './lending-locate-service.ts';

/**
 * Requests typed in at the desk (issue "9 · Configuration", part 5). Each is one transaction: the
 * request, its CREATE history event and, for a lending request, Locate.
 */

function refuse(
  code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT',
  path: string,
  message: string,
): DeskError {
  return new DeskError(code, message, [{ path, message }]);
}

/** The partner a request is with: it must exist and be active. */
async function activePartner(db: Orm, code: string): Promise<{ id: number; name: string }> {
  const partner = await findPartnerByCode(db, code);
  if (!partner) {
    throw refuse(
      'NOT_FOUND',
      'partner',
      `No partner has the code ${code}: choose one from the list, or add the partner in Settings → Partners first.`,
    );
  }
  if (!partner.row.active) {
    throw refuse(
      'INVALID_INPUT',
      'partner',
      `${partner.row.name} is inactive: choose another partner, or ask a manager to make it active again in Settings → Partners.`,
    );
  }
  return { id: partner.row.id, name: partner.row.name };
}

/** The request ID given (if free), or the next of today's: L-20261123-1, B-20261123-2, … */
async function requestIdFor(
  db: Orm,
  kind: RequestKind,
  given: string | undefined,
  at: Date,
): Promise<string> {
  if (given !== undefined) {
    if (await requestIdTaken(db, given)) {
      throw refuse(
        'CONFLICT',
        'requestId',
        `Another request already has the ID ${given}: leave Request ID empty for the desk to make one, or type another.`,
      );
    }
    return given;
  }
  const prefix = `${kind === 'lending' ? 'L' : 'B'}-${at.toISOString().slice(0, 10).replaceAll('-', '')}-`;
  for (let n = (await countRequestIdsStarting(db, prefix)) + 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!(await requestIdTaken(db, id))) return id;
  }
}

/** A lending request typed in, then located as an imported one is (or linked to the item given). */
export async function createLendingRequest(
  ctx: DeskContext,
  input: ParsedInput<'lending.create'>,
  session: Session,
): Promise<ManualRequestCreated> {
  const output = await ctx.gate.transaction(async (tx) => {
    const partner = await activePartner(tx, input.partner);
    if (await externalIdTaken(tx, input.externalId, partner.id)) {
      throw refuse(
        'CONFLICT',
        'externalId',
        `${partner.name} already has a lending request with the External Identifier ${input.externalId}: find it in Lending Requests instead of adding it again.`,
      );
    }
    const item =
      input.itemBarcode === undefined ? undefined : await itemForLocate(tx, input.itemBarcode);
    if (input.itemBarcode !== undefined && !item) {
      throw refuse(
        'NOT_FOUND',
        'itemBarcode',
        `No item has the barcode ${input.itemBarcode}: check it, or leave it empty for the desk to search by ISBN, title and author.`,
      );
    }
    const at = ctx.now();
    const stamp = { at: at.toISOString(), operatorId: session.operatorId };
    const row = {
      requestId: await requestIdFor(tx, 'lending', input.requestId, at),
      externalId: input.externalId,
      partnerId: partner.id,
      title: input.title,
      author: input.author,
      isbn: input.isbn,
      status: 'CREATED',
      requestedFormat: input.requestedFormat,
      levelOfService: input.levelOfService,
      neededBy: input.neededBy,
      note: input.note,
    };
    const id = await insertLendingTask(tx, { ...row, createdAt: stamp.at, updatedAt: stamp.at });
    await insertRequestEvent(tx, {
      kind: 'lending',
      requestRowId: id,
      ...stamp,
      action: 'CREATE',
      fromStatus: null,
      toStatus: 'CREATED',
      note: `Typed in at the desk for ${partner.name}`,
    });
    const target = { ...row, id };
    const located = item
      ? await linkItem(tx, target, item, 'CHOSEN', stamp)
      : await locateRequest(tx, target, createItemFinder(tx), stamp);
    return {
      requestId: row.requestId,
      status: located.status,
      statusLabel: statusLabel('lending', located.status),
      message: `Added ${row.requestId} from ${partner.name}. ${locateMessage(row.requestId, located)}`,
    };
  });
  ctx.events.emit('requests.changed', { kind: 'lending', requestId: output.requestId });
  return output;
}

/** A borrowing request for a patron, Created and ready for Send to partner. */
export async function createBorrowingRequest(
  ctx: DeskContext,
  input: ParsedInput<'borrowing.create'>,
  session: Session,
): Promise<ManualRequestCreated> {
  const output = await ctx.gate.transaction(async (tx) => {
    const partner = await activePartner(tx, input.partner);
    const patron = await findPatron(tx, input.patron);
    if (!patron) {
      throw refuse(
        'NOT_FOUND',
        'patron',
        `No patron has the ID or barcode ${input.patron}: check it against the patron's library card.`,
      );
    }
    const at = ctx.now();
    const stamp = { at: at.toISOString(), operatorId: session.operatorId };
    const requestId = await requestIdFor(tx, 'borrowing', input.requestId, at);
    const id = await insertBorrowingRequest(tx, {
      requestId,
      // Ours until the lender answers with its own (apply-supplier-status.ts keeps that one).
      externalId: requestId,
      partnerId: partner.id,
      patronId: patron.id,
      title: input.title,
      author: input.author,
      isbn: input.isbn,
      status: 'CREATED',
      format: input.format,
      neededBy: input.neededBy,
      note: input.note,
      createdAt: stamp.at,
      updatedAt: stamp.at,
    });
    await insertRequestEvent(tx, {
      kind: 'borrowing',
      requestRowId: id,
      ...stamp,
      action: 'CREATE',
      fromStatus: null,
      toStatus: 'CREATED',
      note: `Typed in at the desk for ${patron.name}`,
    });
    return {
      requestId,
      status: 'CREATED',
      statusLabel: statusLabel('borrowing', 'CREATED'),
      message: `Added ${requestId} for ${patron.name} from ${partner.name}: send it to the partner with Send to partner.`,
    };
  });
  ctx.events.emit('requests.changed', { kind: 'borrowing', requestId: output.requestId });
  return output;
}
