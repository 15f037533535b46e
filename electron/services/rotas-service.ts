import type { Orm } from '../../db/database.ts';
import { borrowingByRequestId } from '../../db/repositories/borrowing-desk-repository.ts';
import { findPartnerByCode } from '../../db/repositories/partner-config-repository.ts';
import {
  borrowingRota,
  findRotaTemplate,
  listRotaTemplates,
  saveRotaTemplate,
  setBorrowingRota,
  type RotaTemplateRow,
} from '../../db/repositories/rotas-repository.ts';
import type { RequestRota, RotaTemplate } from '../../shared/api/contract-config.ts';
import type { ParsedInput } from '../../shared/api/contract.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * Rota templates (Settings) and a borrowing request's rota (issue "9 · Configuration", part 3).
 * rota-step.ts moves a request along its rota when a lender cannot supply.
 */

function refuse(
  code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT',
  path: string,
  message: string,
): DeskError {
  return new DeskError(code, message, [{ path, message }]);
}

function toTemplate(row: RotaTemplateRow): RotaTemplate {
  return {
    id: row.id,
    name: row.name,
    partners: row.partners.map(({ code, name, active }) => ({ code, name, active })),
  };
}

export async function listRotas(ctx: DeskContext): Promise<RotaTemplate[]> {
  return ctx.gate.read(async (db) => (await listRotaTemplates(db)).map(toTemplate));
}

/** The partners' ids in the order given; an unknown or repeated code is refused by name. */
async function partnerIds(db: Orm, codes: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const code of codes) {
    const partner = await findPartnerByCode(db, code);
    if (!partner) unknown.push(code);
    else if (ids.includes(partner.row.id)) {
      throw refuse(
        'INVALID_INPUT',
        'partners',
        `${partner.row.name} is in the rota twice: a lender that could not supply is not asked again. Keep it once.`,
      );
    } else ids.push(partner.row.id);
  }
  if (unknown.length > 0) {
    throw refuse(
      'INVALID_INPUT',
      'partners',
      `No partner has the code ${unknown.join(', ')}: choose the rota's lenders from Settings → Partners.`,
    );
  }
  return ids;
}

export async function saveRota(
  ctx: DeskContext,
  input: ParsedInput<'rotas.save'>,
): Promise<RotaTemplate> {
  return ctx.gate.transaction(async (tx) => {
    const namesake = await findRotaTemplate(tx, { name: input.name });
    if (namesake && namesake.id !== input.id) {
      throw refuse(
        'CONFLICT',
        'name',
        `A rota called "${namesake.name}" exists already: choose another name, or change "${namesake.name}" instead.`,
      );
    }
    if (input.id !== undefined && !(await findRotaTemplate(tx, { id: input.id }))) {
      throw refuse(
        'NOT_FOUND',
        'id',
        'That rota is no longer in this desk: reload Settings and try again.',
      );
    }
    const ids = await partnerIds(tx, input.partners);
    const id = await saveRotaTemplate(tx, input.id, { name: input.name, partnerIds: ids });
    const saved = await findRotaTemplate(tx, { id });
    if (!saved) throw new Error(`rota ${id} was not there after saving it`);
    return toTemplate(saved);
  });
}

/** The borrowing request `requestId`, or a refusal saying where to look for it. */
async function requireBorrowing(db: Orm, requestId: string) {
  const row = await borrowingByRequestId(db, requestId);
  if (!row) {
    throw refuse(
      'NOT_FOUND',
      'requestId',
      `No borrowing request has the ID ${requestId}. Search for it in Borrowing Requests.`,
    );
  }
  return row;
}

/** A request's rota as the API shows it, with where it stands in a sentence. */
async function rotaOf(
  db: Orm,
  row: {
    readonly id: number;
    readonly requestId: string;
    readonly partner: { readonly name: string };
  },
): Promise<RequestRota> {
  const stored = await borrowingRota(db, row.id);
  if (!stored) {
    return {
      requestId: row.requestId,
      rota: [],
      message: `${row.requestId} has no rota: if ${row.partner.name} cannot supply, staff choose what to do.`,
    };
  }
  const rota = stored.partners.map(({ code, name, active }, i) => ({
    code,
    name,
    active,
    current: i === stored.position,
  }));
  const after = rota
    .slice(stored.position + 1)
    .filter((p) => p.active)
    .map((p) => p.name);
  return {
    requestId: row.requestId,
    rota,
    message:
      after.length > 0
        ? `${row.requestId} is with ${row.partner.name}; if it cannot supply, the request goes to ${after.join(', then ')}.`
        : `${row.requestId} is with ${row.partner.name}, the last lender in its rota.`,
  };
}

export async function getRequestRota(
  ctx: DeskContext,
  input: ParsedInput<'borrowing.rota'>,
): Promise<RequestRota> {
  return ctx.gate.read(async (db) => rotaOf(db, await requireBorrowing(db, input.requestId)));
}

export async function setRequestRota(
  ctx: DeskContext,
  input: ParsedInput<'borrowing.setRota'>,
): Promise<RequestRota> {
  const output = await ctx.gate.transaction(async (tx) => {
    const row = await requireBorrowing(tx, input.requestId);
    const ids = await partnerIds(tx, input.partners);
    // The lender the request is with now is where the rota stands; first when the list leaves it out.
    const list = ids.includes(row.partner.id) ? ids : [row.partner.id, ...ids];
    await setBorrowingRota(tx, row.id, list, list.indexOf(row.partner.id));
    return rotaOf(tx, row);
  });
  ctx.events.emit('requests.changed', { kind: 'borrowing', requestId: output.requestId });
  return output;
}
