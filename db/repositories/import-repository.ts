import { eq, sql } from 'drizzle-orm';
import { DeskError } from '../../shared/api/result.ts';
import { DEFAULT_BORROWING_PROFILE, DEFAULT_LENDING_PROFILE } from '../../shared/domain/workflow-profiles.ts';
import {
  IMPORT_SECTIONS,
  type ImportCounts,
  type ImportDocument,
  type PartnerRecord,
} from '../../shared/import/import-format.ts';
import { identifierKey, importRefusal, type ImportProblem } from '../../shared/import/import-problems.ts';
import { findReferenceProblems } from '../../shared/import/import-validation.ts';
import type { Orm } from '../database.ts';
import type { Gate } from '../gate.ts';
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

const p = sql.placeholder;

/**
 * Applies a validated import document in one transaction: partners, patrons, items, then the
 * requests (each with an IMPORT history event). A key the desk already holds, a reference to
 * nothing, or an unknown workflow profile refuses the whole file and nothing is written.
 */
export async function importDocument(
  gate: Gate,
  doc: ImportDocument,
  options: ImportOptions = {},
): Promise<ImportCounts> {
  return gate.transaction(async (tx) => {
    if (options.onlyIntoEmptyDesk !== undefined && deskHoldsData(tx)) {
      throw new DeskError('CONFLICT', options.onlyIntoEmptyDesk);
    }
    const find = prepareLookups(tx);
    const profiles = loadProfiles(tx);
    const clashes = clashProblems(doc, find);
    const problems = [
      ...clashes,
      ...profileProblems(doc.partners, profiles),
      ...findReferenceProblems(doc, {
        hasPartner: (code) => find.partner(code) !== undefined,
        hasPatron: (id) => find.patron(id) !== undefined,
      }),
    ];
    if (problems.length > 0) {
      const onlyClashes = clashes.length === problems.length;
      throw importRefusal(inFileOrder(problems), options.source, onlyClashes ? 'CONFLICT' : 'INVALID_INPUT');
    }
    writeDocument(tx, doc, find, profiles, options.source);
    return {
      partners: doc.partners.length,
      patrons: doc.patrons.length,
      items: doc.items.length,
      borrowingRequests: doc.borrowingRequests.length,
      lendingRequests: doc.lendingRequests.length,
    };
  });
}

function deskHoldsData(tx: Orm): boolean {
  return [partners, patrons, items, br, lr].some(
    (table) => tx.select({ one: sql`1` }).from(table).limit(1).get() !== undefined,
  );
}

type Lookup = (key: string) => number | undefined;

/**
 * Prepared lookups by each key the file may clash with or refer to. A table that is empty needs no
 * lookups at all, which keeps a first import of 100,000 requests fast.
 */
function prepareLookups(tx: Orm) {
  const lookup = (query: { get(values: { key: string }): { id: number } | undefined }, empty: boolean): Lookup =>
    empty ? () => undefined : (key) => query.get({ key })?.id;
  const isEmpty = (table: typeof partners | typeof patrons | typeof items | typeof br | typeof lr) =>
    tx.select({ one: sql`1` }).from(table).limit(1).get() === undefined;
  const noPartners = isEmpty(partners);
  const noPatrons = isEmpty(patrons);
  const noBorrowing = isEmpty(br);
  const noLending = isEmpty(lr);
  const byExternal = (table: typeof br | typeof lr) =>
    tx.select({ id: table.id, requestId: table.requestId }).from(table)
      .where(sql`${table.externalId} = ${p('externalId')} AND ${table.partnerId} = ${p('partnerId')}`)
      .prepare();
  const borrowingByExternal = byExternal(br);
  const lendingByExternal = byExternal(lr);
  return {
    partner: lookup(tx.select({ id: partners.id }).from(partners).where(eq(partners.code, p('key'))).prepare(), noPartners),
    patron: lookup(tx.select({ id: patrons.id }).from(patrons).where(eq(patrons.patronId, p('key'))).prepare(), noPatrons),
    patronByBarcode: lookup(
      tx.select({ id: patrons.id }).from(patrons).where(eq(patrons.barcode, p('key'))).prepare(),
      noPatrons,
    ),
    item: lookup(tx.select({ id: items.id }).from(items).where(eq(items.barcode, p('key'))).prepare(), isEmpty(items)),
    borrowing: lookup(tx.select({ id: br.id }).from(br).where(eq(br.requestId, p('key'))).prepare(), noBorrowing),
    lending: lookup(tx.select({ id: lr.id }).from(lr).where(eq(lr.requestId, p('key'))).prepare(), noLending),
    /** The request ID already holding this External Identifier at this partner, on one side. */
    externalId(kind: 'borrowing' | 'lending', externalId: string, partnerId: number): string | undefined {
      if (kind === 'borrowing' ? noBorrowing : noLending) return undefined;
      const query = kind === 'borrowing' ? borrowingByExternal : lendingByExternal;
      return query.get({ externalId, partnerId })?.requestId;
    },
  };
}
type Lookups = ReturnType<typeof prepareLookups>;

const REMOVE = 'remove this record from the file (an import adds records; it never changes what the desk holds)';

function clashProblems(doc: ImportDocument, find: Lookups): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const clash = (path: string, message: string) => problems.push({ path, message: `${message} — ${REMOVE}` });
  doc.partners.forEach((r, i) => {
    if (find.partner(r.code) !== undefined) clash(`partners[${i}].code`, `${r.code} already exists in this desk`);
  });
  doc.patrons.forEach((r, i) => {
    if (find.patron(r.id) !== undefined) clash(`patrons[${i}].id`, `${r.id} already exists in this desk`);
    else if (r.barcode && find.patronByBarcode(r.barcode) !== undefined) {
      clash(`patrons[${i}].barcode`, `${r.barcode} is already another patron's barcode in this desk`);
    }
  });
  doc.items.forEach((r, i) => {
    if (find.item(r.barcode) !== undefined) clash(`items[${i}].barcode`, `${r.barcode} already exists in this desk`);
  });
  for (const [section, kind] of [['borrowingRequests', 'borrowing'], ['lendingRequests', 'lending']] as const) {
    doc[section].forEach((r, i) => {
      const side = find.borrowing(r.requestId) !== undefined ? 'borrowing' : find.lending(r.requestId) !== undefined ? 'lending' : undefined;
      if (side) {
        clash(`${section}[${i}].requestId`, `${r.requestId} already exists in this desk (a ${side} request)`);
        return;
      }
      const partnerId = find.partner(r.partner);
      const holder = partnerId === undefined ? undefined : find.externalId(kind, r.externalId, partnerId);
      if (holder !== undefined) {
        clash(`${section}[${i}].externalId`, `${r.externalId} from ${r.partner} already exists in this desk (request ${holder})`);
      }
    });
  }
  return problems;
}

interface Profile {
  readonly id: number;
  readonly name: string;
  readonly type: 'BORROWING' | 'LENDING';
}

function loadProfiles(tx: Orm): Profile[] {
  return tx.select({ id: workflowProfiles.id, name: workflowProfiles.name, type: workflowProfiles.type })
    .from(workflowProfiles).all();
}

const PROFILE_FIELDS = [
  ['lendingWorkflow', 'LENDING', DEFAULT_LENDING_PROFILE.name],
  ['borrowingWorkflow', 'BORROWING', DEFAULT_BORROWING_PROFILE.name],
] as const;

/** A profile named in the file, or the seed's default profile of that type when it names none. */
function resolveProfile(profiles: readonly Profile[], name: string | undefined, fallback: string): Profile | undefined {
  const wanted = (name ?? fallback).toLowerCase();
  return profiles.find((profile) => profile.name.toLowerCase() === wanted);
}

function profileProblems(records: readonly PartnerRecord[], profiles: readonly Profile[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const names = profiles.map((profile) => profile.name).join(', ') || 'none yet';
  records.forEach((record, i) => {
    for (const [field, type, fallback] of PROFILE_FIELDS) {
      const name = record[field];
      if (name === undefined) continue;
      const profile = resolveProfile(profiles, name, fallback);
      const path = `partners[${i}].${field}`;
      if (!profile) {
        problems.push({ path, message: `"${name}" is not a workflow profile in this desk (it has: ${names}) — use one of those or leave the field out for "${fallback}"` });
      } else if (profile.type !== type) {
        problems.push({ path, message: `"${name}" is a ${profile.type.toLowerCase()} profile — ${field} needs a ${type.toLowerCase()} profile such as "${fallback}"` });
      }
    }
  });
  return problems;
}

/** Problems sorted by array, then record, so a long refusal reads down the file. */
function inFileOrder(problems: readonly ImportProblem[]): ImportProblem[] {
  const rank = (path: string): [number, number] => {
    const match = /^(\w+)\[(\d+)\]/.exec(path);
    const section = IMPORT_SECTIONS.indexOf((match?.[1] ?? '') as (typeof IMPORT_SECTIONS)[number]);
    return [section, Number(match?.[2] ?? -1)];
  };
  return problems
    .map((problem, order) => ({ problem, order, at: rank(problem.path) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.order - b.order)
    .map((entry) => entry.problem);
}

function writeDocument(tx: Orm, doc: ImportDocument, find: Lookups, profiles: readonly Profile[], source?: string): void {
  const insertPartner = tx.insert(partners).values({
    code: p('code'), name: p('name'), symbol: p('symbol'), protocol: p('protocol'), endpoint: p('endpoint'),
    email: p('email'), isoVersion: p('isoVersion'), accountId: p('accountId'), securityCode: p('securityCode'),
    addressLine1: p('line1'), addressLine2: p('line2'), locality: p('locality'), region: p('region'),
    postalCode: p('postalCode'), country: p('country'), lendingWorkflowId: p('lendingWorkflowId'),
    borrowingWorkflowId: p('borrowingWorkflowId'), expiryDays: p('expiryDays'), loanPeriodDays: p('loanPeriodDays'),
    active: p('active'),
  }).prepare();
  const insertPatron = tx.insert(patrons).values({
    patronId: p('id'), name: p('name'), barcode: p('barcode'), email: p('email'), pickupLocation: p('pickupLocation'),
  }).prepare();
  const insertItem = tx.insert(items).values({
    barcode: p('barcode'), title: p('title'), author: p('author'), isbn: p('isbn'), callNumber: p('callNumber'),
    location: p('location'), library: p('library'),
  }).prepare();
  const insertBorrowing = tx.insert(br).values({
    requestId: p('requestId'), externalId: p('externalId'), partnerId: p('partnerId'), patronId: p('patronId'),
    title: p('title'), author: p('author'), isbn: p('isbn'), status: p('status'), format: p('format'),
    neededBy: p('neededBy'), dueDate: p('dueDate'), note: p('note'),
  }).prepare();
  const insertLending = tx.insert(lr).values({
    requestId: p('requestId'), externalId: p('externalId'), partnerId: p('partnerId'), itemId: p('itemId'),
    itemBarcode: p('itemBarcode'), title: p('title'), author: p('author'), isbn: p('isbn'), status: p('status'),
    requestedFormat: p('requestedFormat'), levelOfService: p('levelOfService'), neededBy: p('neededBy'),
  }).prepare();

  // better-sqlite3 binds null, never undefined, and no booleans.
  const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
  // lastInsertRowid rather than RETURNING: RETURNING nearly doubles the cost of each insert.
  const idOf = (result: { lastInsertRowid: number | bigint }): number => Number(result.lastInsertRowid);

  const partnerIds = new Map<string, number>();
  for (const r of doc.partners) {
    const a = r.address;
    const profileId = (field: 'lendingWorkflow' | 'borrowingWorkflow', fallback: string) =>
      resolveProfile(profiles, r[field], fallback)?.id ?? null;
    partnerIds.set(identifierKey(r.code), idOf(insertPartner.run({
      code: r.code, name: r.name, symbol: orNull(r.symbol), protocol: r.protocol, endpoint: orNull(r.endpoint),
      email: orNull(r.email), isoVersion: r.isoVersion ?? '1.2', accountId: orNull(r.accountId),
      securityCode: orNull(r.securityCode), line1: orNull(a?.line1), line2: orNull(a?.line2),
      locality: orNull(a?.locality), region: orNull(a?.region), postalCode: orNull(a?.postalCode),
      country: orNull(a?.country), lendingWorkflowId: profileId('lendingWorkflow', DEFAULT_LENDING_PROFILE.name),
      borrowingWorkflowId: profileId('borrowingWorkflow', DEFAULT_BORROWING_PROFILE.name),
      expiryDays: orNull(r.expiryDays), loanPeriodDays: orNull(r.loanPeriodDays), active: r.active ? 1 : 0,
    })));
  }
  const patronIds = new Map<string, number>();
  for (const r of doc.patrons) {
    patronIds.set(identifierKey(r.id), idOf(insertPatron.run({
      id: r.id, name: r.name, barcode: orNull(r.barcode), email: orNull(r.email), pickupLocation: orNull(r.pickupLocation),
    })));
  }
  const itemIds = new Map<string, number>();
  for (const r of doc.items) {
    itemIds.set(identifierKey(r.barcode), idOf(insertItem.run({
      barcode: r.barcode, title: r.title, author: orNull(r.author), isbn: orNull(r.isbn),
      callNumber: orNull(r.callNumber), location: orNull(r.location), library: orNull(r.library),
    })));
  }

  // References were checked before writing; a miss here would be a bug, and the throw rolls back.
  const resolve = (ids: Map<string, number>, lookup: Lookup, key: string, what: string): number => {
    const id = ids.get(identifierKey(key)) ?? lookup(key);
    if (id === undefined) throw new Error(`The import lost track of ${what} ${key}.`);
    return id;
  };
  const lastBorrowing = lastId(tx, br);
  const lastLending = lastId(tx, lr);
  for (const r of doc.borrowingRequests) {
    insertBorrowing.run({
      requestId: r.requestId, externalId: r.externalId, partnerId: resolve(partnerIds, find.partner, r.partner, 'partner'),
      patronId: resolve(patronIds, find.patron, r.patron, 'patron'), title: r.title, author: orNull(r.author),
      isbn: orNull(r.isbn), status: r.status, format: r.format, neededBy: orNull(r.neededBy), dueDate: orNull(r.dueDate),
      note: orNull(r.note),
    });
  }
  for (const r of doc.lendingRequests) {
    // A barcode the desk has no item for still serves Shipping and Scan In, which match on it.
    const itemId = r.itemBarcode === undefined ? null : itemIds.get(identifierKey(r.itemBarcode)) ?? find.item(r.itemBarcode) ?? null;
    insertLending.run({
      requestId: r.requestId, externalId: r.externalId, partnerId: resolve(partnerIds, find.partner, r.partner, 'partner'),
      itemId, itemBarcode: orNull(r.itemBarcode), title: r.title, author: orNull(r.author), isbn: orNull(r.isbn),
      status: r.status, requestedFormat: r.requestedFormat, levelOfService: orNull(r.levelOfService),
      neededBy: orNull(r.neededBy),
    });
  }
  writeImportEvents(tx, lastBorrowing, lastLending, source);
}

/** The highest id in a table: rows above it after the inserts are this import's. */
function lastId(tx: Orm, table: typeof br | typeof lr): number {
  return tx.select({ id: sql<number | null>`max(${table.id})` }).from(table).get()?.id ?? 0;
}

/**
 * One IMPORT event per imported request, in one statement per side: the transaction holds the
 * write lock, so every row above the earlier highest id came from this file.
 */
function writeImportEvents(tx: Orm, lastBorrowing: number, lastLending: number, source?: string): void {
  const note = source ? `Imported from ${source}` : null;
  tx.run(sql`INSERT INTO ${requestEvents} (borrowing_request_id, action, to_status, note)
    SELECT id, 'IMPORT', status, ${note} FROM ${br} WHERE id > ${lastBorrowing} ORDER BY id`);
  tx.run(sql`INSERT INTO ${requestEvents} (lending_request_id, action, to_status, note)
    SELECT id, 'IMPORT', status, ${note} FROM ${lr} WHERE id > ${lastLending} ORDER BY id`);
}
