import { eq, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { DeskError } from '../../shared/api/result.ts';
import type { ImportCounts, ImportDocument } from '../../shared/import/import-format.ts';
import {
  identifierKey,
  importRefusal,
  type ImportProblem,
} from '../../shared/import/import-problems.ts';
import {
  findProfileProblems,
  findProfileTypeProblems,
  findReferenceProblems,
  inFileOrder,
  resolveProfile,
  type ProfileRef,
  withFileProfiles,
} from '../../shared/import/import-references.ts';
import type { Orm } from '../database.ts';
import type { Gate } from '../gate.ts';
import { placeholders } from '../prepared.ts';
import { writeFileProfiles } from './import-profiles.ts';
import { locateImported } from './locate-repository.ts';
import {
  borrowingRequests as br,
  items,
  lendingRequests as lr,
  partners,
  patrons,
  requestEvents,
  workflowProfiles,
} from '../schema.ts';

export interface ImportOptions {
  /** The file's name, for the history note ("Imported from demo.json") and the refusal. */
  readonly source?: string | undefined;
  /** Refuse with this message (CONFLICT) when the desk already holds partners, patrons, items or requests. */
  readonly onlyIntoEmptyDesk?: string | undefined;
}

/**
 * Applies a validated import document in one transaction: partners, patrons, items, then the
 * requests, each with an IMPORT history event; then Locate runs for each lending request that
 * arrived as Created without an item barcode (after the IMPORT event, so history reads in order).
 * A key the desk already holds, a reference to nothing, or an unknown workflow profile refuses the
 * whole file and nothing is written.
 */
export async function importDocument(
  gate: Gate,
  doc: ImportDocument,
  options: ImportOptions = {},
): Promise<ImportCounts> {
  return gate.transaction(async (tx) => {
    if (options.onlyIntoEmptyDesk !== undefined && !deskIsEmpty(tx)) {
      throw new DeskError('CONFLICT', options.onlyIntoEmptyDesk);
    }
    const find = prepareLookups(tx);
    const deskProfiles: ProfileRef[] = tx.select().from(workflowProfiles).all();
    const clashes = clashProblems(doc, find);
    const problems = [
      ...clashes,
      ...findProfileTypeProblems(doc.workflowProfiles, deskProfiles),
      ...findProfileProblems(doc.partners, withFileProfiles(deskProfiles, doc.workflowProfiles)),
      ...findReferenceProblems(doc, {
        hasPartner: (code) => find.partner(code) !== undefined,
        hasPatron: (id) => find.patron(id) !== undefined,
      }),
    ];
    if (problems.length > 0) {
      const code = clashes.length === problems.length ? 'CONFLICT' : 'INVALID_INPUT';
      throw importRefusal(inFileOrder(problems), options.source, code);
    }
    const profiles = writeFileProfiles(tx, doc.workflowProfiles);
    const lastLending = writeDocument(tx, doc, find, profiles, options.source);
    await locateImported(tx, lastLending, new Date().toISOString());
    return {
      workflowProfiles: doc.workflowProfiles.length,
      partners: doc.partners.length,
      patrons: doc.patrons.length,
      items: doc.items.length,
      borrowingRequests: doc.borrowingRequests.length,
      lendingRequests: doc.lendingRequests.length,
    };
  });
}

type KeyedTable = typeof partners | typeof patrons | typeof items | typeof br | typeof lr;

const isEmpty = (tx: Orm, table: KeyedTable) =>
  tx
    .select({ one: sql`1` })
    .from(table)
    .limit(1)
    .get() === undefined;

function deskIsEmpty(tx: Orm): boolean {
  return [partners, patrons, items, br, lr].every((table) => isEmpty(tx, table));
}

type Lookup = (key: string) => number | undefined;

/**
 * Prepared lookups by each key the file may clash with or refer to. An empty table needs no
 * lookups at all, which keeps a first import of 100,000 requests fast.
 */
function prepareLookups(tx: Orm) {
  const p = sql.placeholder;
  const by = (table: KeyedTable, column: SQLiteColumn): Lookup => {
    if (isEmpty(tx, table)) return () => undefined;
    const query = tx
      .select({ id: table.id })
      .from(table)
      .where(eq(column, p('key')))
      .prepare();
    return (key) => query.get({ key })?.id;
  };
  const byExternal = (table: typeof br | typeof lr) => {
    if (isEmpty(tx, table)) return () => undefined;
    const query = tx
      .select({ requestId: table.requestId })
      .from(table)
      .where(
        sql`${table.externalId} = ${p('externalId')} AND ${table.partnerId} = ${p('partnerId')}`,
      )
      .prepare();
    return (externalId: string, partnerId: number) =>
      query.get({ externalId, partnerId })?.requestId;
  };
  return {
    partner: by(partners, partners.code),
    patron: by(patrons, patrons.patronId),
    patronByBarcode: by(patrons, patrons.barcode),
    item: by(items, items.barcode),
    borrowing: by(br, br.requestId),
    lending: by(lr, lr.requestId),
    /** The request ID already holding an External Identifier at a partner, per side. */
    borrowingByExternal: byExternal(br),
    lendingByExternal: byExternal(lr),
  };
}
type Lookups = ReturnType<typeof prepareLookups>;

const ADD_ONLY =
  'remove this record from the file (an import only adds records; it never changes them)';

function clashProblems(doc: ImportDocument, find: Lookups): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const clash = (path: string, message: string) =>
    problems.push({ path, message: `${message} — ${ADD_ONLY}` });
  const exists = (what: string) => `${what} already exists in this desk`;
  doc.partners.forEach((r, i) => {
    if (find.partner(r.code) !== undefined) clash(`partners[${i}].code`, exists(r.code));
  });
  doc.patrons.forEach((r, i) => {
    if (find.patron(r.id) !== undefined) clash(`patrons[${i}].id`, exists(r.id));
    else if (r.barcode && find.patronByBarcode(r.barcode) !== undefined) {
      clash(
        `patrons[${i}].barcode`,
        `${r.barcode} is already another patron's barcode in this desk`,
      );
    }
  });
  doc.items.forEach((r, i) => {
    if (find.item(r.barcode) !== undefined) clash(`items[${i}].barcode`, exists(r.barcode));
  });
  const sides = [
    ['borrowingRequests', find.borrowingByExternal],
    ['lendingRequests', find.lendingByExternal],
  ] as const;
  for (const [section, byExternal] of sides) {
    doc[section].forEach((r, i) => {
      const side =
        find.borrowing(r.requestId) !== undefined
          ? 'borrowing'
          : find.lending(r.requestId) !== undefined
            ? 'lending'
            : undefined;
      if (side) {
        clash(`${section}[${i}].requestId`, `${exists(r.requestId)} (a ${side} request)`);
        return;
      }
      const partnerId = find.partner(r.partner);
      const holder = partnerId === undefined ? undefined : byExternal(r.externalId, partnerId);
      if (holder !== undefined) {
        const what = exists(`${r.externalId} from ${r.partner}`);
        clash(`${section}[${i}].externalId`, `${what} (request ${holder})`);
      }
    });
  }
  return problems;
}

/**
 * Inserts rows through one prepared statement whose named parameters are `columns`, and returns
 * the new ids. lastInsertRowid, not RETURNING: RETURNING nearly doubles the cost of an insert.
 */
function insertRows<T extends SQLiteTable, C extends keyof T['$inferInsert'] & string>(
  tx: Orm,
  table: T,
  columns: readonly C[],
  rows: readonly { readonly [K in C]?: T['$inferInsert'][K] | undefined }[],
): number[] {
  // The placeholders stand for exactly `columns`, whose values the row type checks.
  const statement = tx
    .insert(table)
    .values(placeholders(...columns) as T['$inferInsert'])
    .prepare();
  const params: Record<string, unknown> = {};
  return rows.map((row) => {
    for (const c of columns) params[c] = row[c] ?? null; // better-sqlite3 binds null, not undefined
    return Number(statement.run(params).lastInsertRowid);
  });
}

/** Writes the file's records; returns the highest lending row id before them, for Locate. */
function writeDocument(
  tx: Orm,
  doc: ImportDocument,
  find: Lookups,
  profiles: readonly ProfileRef[],
  source?: string,
): number {
  const partnerRows = doc.partners.map((r) => ({
    ...r,
    isoVersion: r.isoVersion ?? '1.2',
    addressLine1: r.address?.line1,
    addressLine2: r.address?.line2,
    locality: r.address?.locality,
    region: r.address?.region,
    postalCode: r.address?.postalCode,
    country: r.address?.country,
    lendingWorkflowId: resolveProfile(profiles, r, 'lendingWorkflow')?.id,
    borrowingWorkflowId: resolveProfile(profiles, r, 'borrowingWorkflow')?.id,
  }));
  const partnerIds = keyed(
    doc.partners,
    (r) => r.code,
    insertRows(tx, partners, PARTNER_COLUMNS, partnerRows),
  );
  const patronRows = doc.patrons.map((r) => ({ ...r, patronId: r.id }));
  const patronIds = keyed(
    doc.patrons,
    (r) => r.id,
    insertRows(tx, patrons, PATRON_COLUMNS, patronRows),
  );
  const itemIds = keyed(
    doc.items,
    (r) => r.barcode,
    insertRows(tx, items, ITEM_COLUMNS, doc.items),
  );

  // References were checked before writing; a miss here is a bug, and the throw rolls back.
  const resolve = (ids: Map<string, number>, lookup: Lookup, key: string): number => {
    const id = ids.get(identifierKey(key)) ?? lookup(key);
    if (id === undefined) throw new Error(`The import lost track of ${key}.`);
    return id;
  };
  const lastBorrowing = lastId(tx, br);
  const lastLending = lastId(tx, lr);
  const borrowingRows = doc.borrowingRequests.map((r) => ({
    ...r,
    partnerId: resolve(partnerIds, find.partner, r.partner),
    patronId: resolve(patronIds, find.patron, r.patron),
  }));
  insertRows(tx, br, BORROWING_COLUMNS, borrowingRows);
  // A barcode the desk has no item for still serves Shipping and Scan In, which match on it.
  const lendingRows = doc.lendingRequests.map((r) => ({
    ...r,
    partnerId: resolve(partnerIds, find.partner, r.partner),
    itemId:
      r.itemBarcode === undefined
        ? undefined
        : (itemIds.get(identifierKey(r.itemBarcode)) ?? find.item(r.itemBarcode)),
  }));
  insertRows(tx, lr, LENDING_COLUMNS, lendingRows);
  writeImportEvents(tx, lastBorrowing, lastLending, source);
  return lastLending;
}

/** Column names in one string per table, so each list reads as one line. */
type Words<S extends string> = S extends `${infer W} ${infer Rest}` ? W | Words<Rest> : S;
const columns = <S extends string>(names: S) => names.split(' ') as Words<S>[];

const PARTNER_COLUMNS = columns(
  'code name symbol protocol endpoint email isoVersion accountId securityCode addressLine1 addressLine2 locality region postalCode country lendingWorkflowId borrowingWorkflowId expiryDays loanPeriodDays active',
);
const PATRON_COLUMNS = columns('patronId name barcode email pickupLocation');
const ITEM_COLUMNS = columns('barcode title author isbn callNumber location library');
const BORROWING_COLUMNS = columns(
  'requestId externalId partnerId patronId title author isbn status format neededBy dueDate note',
);
const LENDING_COLUMNS = columns(
  'requestId externalId partnerId itemId itemBarcode title author isbn status requestedFormat levelOfService neededBy',
);

/** Folded key → new id, for references later in the same file. */
function keyed<R>(records: readonly R[], key: (r: R) => string, ids: readonly number[]) {
  return new Map(records.map((r, i) => [identifierKey(key(r)), ids[i] ?? 0]));
}

/** The highest id in a table: rows above it after the inserts are this import's. */
function lastId(tx: Orm, table: typeof br | typeof lr): number {
  return (
    tx
      .select({ id: sql<number | null>`max(${table.id})` })
      .from(table)
      .get()?.id ?? 0
  );
}

/**
 * One IMPORT event per imported request, one statement per side: the transaction holds the write
 * lock, so every row above the earlier highest id came from this file.
 */
function writeImportEvents(tx: Orm, lastBorrowing: number, lastLending: number, source?: string) {
  const note = source ? `Imported from ${source}` : null;
  tx.run(sql`INSERT INTO ${requestEvents} (borrowing_request_id, action, to_status, note)
    SELECT id, 'IMPORT', status, ${note} FROM ${br} WHERE id > ${lastBorrowing} ORDER BY id`);
  tx.run(sql`INSERT INTO ${requestEvents} (lending_request_id, action, to_status, note)
    SELECT id, 'IMPORT', status, ${note} FROM ${lr} WHERE id > ${lastLending} ORDER BY id`);
}
