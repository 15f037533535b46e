import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { statusLabel } from '../../shared/domain/statuses.ts';
import type { Orm } from '../../db/database.ts';
import {
  externalIdTaken,
  insertLendingTask,
  lendingTask,
  requestIdTaken,
  updateLendingTask,
  type LendingTask,
  type LendingTaskChanges,
} from '../../db/repositories/lending-task-changes-repository.ts';
import { createItemFinder, locateRequest } from '../../db/repositories/locate-repository.ts';
import { insertRequestEvent } from '../../db/repositories/request-events-repository.ts';
import type { DeskContext } from './desk-context.ts';
import { locateMessage } from './lending-locate-service.ts';
import {
  closedRefusal,
  othersTaskRefusal,
  recordTaskEvent,
  requireTask,
} from './lending-task-rules.ts';
import { viewerOf } from './session-viewer.ts';

/**
 * Edit (the request's attributes; only the fields given change) and Duplicate (a new task copied
 * from this one, located afresh).
 */

/** The fields Edit may change, with the words the history note uses for them. */
const EDITABLE = {
  title: 'Title',
  author: 'Author',
  isbn: 'ISBN',
  requestedFormat: 'Requested Format',
  levelOfService: 'Level of Service',
  neededBy: 'Needed by',
  note: 'Note',
} as const;
type Editable = keyof typeof EDITABLE;

/** "Title, ISBN and Needed by". */
function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

export async function editLendingTask(
  ctx: DeskContext,
  input: ParsedInput<'lending.edit'>,
  session: Session,
): Promise<Output<'lending.edit'>> {
  const done = await ctx.gate.transaction(async (tx) => {
    const viewer = await viewerOf(tx, session);
    const task = await requireTask(tx, input.requestId);
    const refusal = closedRefusal(task, 'edited') ?? othersTaskRefusal(task, viewer, 'edit');
    if (refusal) throw refusal;

    const at = ctx.now().toISOString();
    const changes: LendingTaskChanges = { updatedAt: at };
    const changed: string[] = [];
    for (const field of Object.keys(EDITABLE) as Editable[]) {
      const given = input[field];
      if (given === undefined) continue;
      // An emptied optional field is cleared, as null is.
      const value = given === '' && field !== 'title' ? null : given;
      if (value === task[field]) continue;
      Object.assign(changes, { [field]: value });
      changed.push(EDITABLE[field]);
    }
    const answer = {
      requestId: task.requestId,
      status: task.status,
      statusLabel: statusLabel('lending', task.status),
    };
    if (changed.length === 0) {
      return {
        changed: false,
        output: {
          ...answer,
          message: `Nothing to save: ${task.requestId} already has these values.`,
        },
      };
    }
    await updateLendingTask(tx, task.id, changes);
    await recordTaskEvent(tx, task.id, {
      at,
      operatorId: session.operatorId,
      action: 'EDIT',
      note: `Changed ${listWords(changed)}`,
    });
    return {
      changed: true,
      output: { ...answer, message: `Saved ${task.requestId}: ${listWords(changed)} changed.` },
    };
  });
  if (done.changed) {
    ctx.events.emit('requests.changed', { kind: 'lending', requestId: done.output.requestId });
  }
  return done.output;
}

/** How far Duplicate counts before it gives up finding a free suffix. */
const MAX_COPIES = 999;

/**
 * The first free `-2`, `-3`, … for the copy's request ID and External Identifier, suffixed alike
 * so (External Identifier, partner) stays unique. A copy of a copy counts on from the original:
 * L-2001-2's copy is L-2001-3, not L-2001-2-2.
 */
async function copyIdentifiers(
  tx: Orm,
  source: LendingTask,
): Promise<{ requestId: string; externalId: string }> {
  let base = source.requestId;
  let externalBase = source.externalId;
  const suffix = /^(.+)-(\d+)$/.exec(source.requestId);
  if (suffix?.[1] && suffix[2] && (await lendingTask(tx, suffix[1]))) {
    base = suffix[1];
    const tail = `-${suffix[2]}`;
    if (externalBase.endsWith(tail)) externalBase = externalBase.slice(0, -tail.length);
  }
  for (let n = 2; n <= MAX_COPIES; n++) {
    const requestId = `${base}-${n}`;
    const externalId = `${externalBase}-${n}`;
    if (await requestIdTaken(tx, requestId)) continue;
    if (await externalIdTaken(tx, externalId, source.partnerId)) continue;
    return { requestId, externalId };
  }
  throw new DeskError(
    'CONFLICT',
    `${source.requestId} already has ${MAX_COPIES - 1} copies; duplicate one of them instead, or remove the ones no longer needed.`,
  );
}

export async function duplicateLendingTask(
  ctx: DeskContext,
  input: ParsedInput<'lending.duplicate'>,
  session: Session,
): Promise<Output<'lending.duplicate'>> {
  const output = await ctx.gate.transaction(async (tx) => {
    const source = await requireTask(tx, input.requestId);
    const ids = await copyIdentifiers(tx, source);
    const at = ctx.now().toISOString();
    const copy = {
      ...ids,
      partnerId: source.partnerId,
      title: source.title,
      author: source.author,
      isbn: source.isbn,
      status: 'CREATED',
      requestedFormat: source.requestedFormat,
      levelOfService: source.levelOfService,
      neededBy: source.neededBy,
      note: source.note,
    };
    const id = await insertLendingTask(tx, { ...copy, createdAt: at, updatedAt: at });
    const event = { at, operatorId: session.operatorId, action: 'DUPLICATE' };
    await insertRequestEvent(tx, {
      kind: 'lending',
      requestRowId: id,
      ...event,
      fromStatus: null,
      toStatus: 'CREATED',
      note: `Duplicated from ${source.requestId}`,
    });
    await recordTaskEvent(tx, source.id, { ...event, note: `Duplicated as ${ids.requestId}` });
    const located = await locateRequest(tx, { ...copy, id }, createItemFinder(tx), {
      at,
      operatorId: session.operatorId,
    });
    return {
      requestId: ids.requestId,
      status: located.status,
      statusLabel: statusLabel('lending', located.status),
      message: `Duplicated ${source.requestId} as ${ids.requestId}. ${locateMessage(ids.requestId, located)}`,
    };
  });
  ctx.events.emit('requests.changed', { kind: 'lending', requestId: output.requestId });
  return output;
}
