import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  customType,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { isClosedLending } from '../shared/domain/lending-tasks.ts';
import { LENDING_STATUS_CODES } from '../shared/domain/statuses.ts';

/**
 * Identifiers staff scan or type (request IDs, External Identifiers, barcodes) compare
 * case-insensitively: the column carries COLLATE NOCASE, so equality and its index both ignore case.
 */
const idText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE NOCASE',
});

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * The open lending statuses written out in the SQL (`'CREATED', 'LOCATE_FAILED', …`), not bound:
 * SQLite uses a partial index only for a query whose WHERE says what the index's WHERE says, and
 * it cannot see what a bound parameter will hold. The task list's Active activity uses this.
 */
export const OPEN_LENDING_STATUSES = sql.raw(
  LENDING_STATUS_CODES.filter((s) => !isClosedLending(s))
    .map((s) => `'${s}'`)
    .join(', '),
);
const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON text. */
  value: text('value').notNull(),
});

export const operators = sqliteTable('operators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  role: text('role', { enum: ['OPERATOR', 'MANAGER'] }).notNull(),
  pinHash: text('pin_hash'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
});

export const workflowProfiles = sqliteTable('workflow_profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  type: text('type', { enum: ['BORROWING', 'LENDING'] }).notNull(),
  /** JSON array of step codes (shared/domain/workflow-profiles.ts). */
  steps: text('steps').notNull(),
  builtin: flag('builtin'),
});

export const partners = sqliteTable('partners', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: idText('code').notNull().unique(),
  name: text('name').notNull(),
  symbol: idText('symbol'),
  protocol: text('protocol', { enum: ['iso18626', 'email'] }).notNull(),
  endpoint: text('endpoint'),
  email: text('email'),
  isoVersion: text('iso_version', { enum: ['1.2', '2021'] })
    .notNull()
    .default('1.2'),
  accountId: text('account_id'),
  securityCode: text('security_code'),
  addressLine1: text('address_line1'),
  addressLine2: text('address_line2'),
  locality: text('locality'),
  region: text('region'),
  postalCode: text('postal_code'),
  country: text('country'),
  lendingWorkflowId: integer('lending_workflow_id').references(() => workflowProfiles.id),
  borrowingWorkflowId: integer('borrowing_workflow_id').references(() => workflowProfiles.id),
  expiryDays: integer('expiry_days'),
  loanPeriodDays: integer('loan_period_days'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
});

export const patrons = sqliteTable('patrons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The library's own patron identifier (the import file's `id`). */
  patronId: idText('patron_id').notNull().unique(),
  name: text('name').notNull(),
  barcode: idText('barcode').unique(),
  email: text('email'),
  pickupLocation: text('pickup_location'),
});

export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    barcode: idText('barcode').notNull().unique(),
    title: text('title').notNull(),
    author: text('author'),
    isbn: text('isbn'),
    callNumber: text('call_number'),
    location: text('location'),
    library: text('library'),
  },
  (t) => [index('items_isbn_idx').on(t.isbn)],
);

export const borrowingRequests = sqliteTable(
  'borrowing_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: idText('request_id').notNull().unique(),
    externalId: idText('external_id').notNull(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    patronId: integer('patron_id')
      .notNull()
      .references(() => patrons.id),
    title: text('title').notNull(),
    author: text('author'),
    isbn: text('isbn'),
    status: text('status').notNull(),
    format: text('format').notNull().default('PHYSICAL'),
    neededBy: text('needed_by'),
    dueDate: text('due_date'),
    note: text('note'),
    /** The item's own barcode, assigned at Receiving Items; Return Items finds the request by it. */
    tempBarcode: idText('temp_barcode'),
    /** The lender's item barcode when the partner sent it (ISO 18626 Loaned). */
    lenderItemBarcode: idText('lender_item_barcode'),
    pieces: integer('pieces').notNull().default(1),
    holdUntil: text('hold_until'),
    receivedAt: text('received_at'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    // External Identifiers are unique per partner, not globally; the leading column serves a
    // lookup by External Identifier alone.
    uniqueIndex('borrowing_external_partner_uq').on(t.externalId, t.partnerId),
    // The nearest candidates for an External Identifier nobody issued: the same digits without
    // leading zeros, or a longer identifier that starts with them (a misread or a dropped digit).
    index('borrowing_external_trimmed_idx').on(sql`ltrim("external_id", '0') COLLATE NOCASE`),
    index('borrowing_temp_barcode_idx').on(t.tempBarcode),
    index('borrowing_lender_item_barcode_idx').on(t.lenderItemBarcode),
    index('borrowing_status_idx').on(t.status, t.id),
    index('borrowing_partner_idx').on(t.partnerId),
    index('borrowing_patron_idx').on(t.patronId),
  ],
);

export const lendingRequests = sqliteTable(
  'lending_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: idText('request_id').notNull().unique(),
    externalId: idText('external_id').notNull(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    /** The located item, once Locate found exactly one. */
    itemId: integer('item_id').references(() => items.id),
    /** The barcode the request names or was located to; Shipping and Scan In match on it. */
    itemBarcode: idText('item_barcode'),
    title: text('title').notNull(),
    author: text('author'),
    isbn: text('isbn'),
    status: text('status').notNull(),
    requestedFormat: text('requested_format').notNull().default('PHYSICAL'),
    suppliedFormat: text('supplied_format'),
    levelOfService: text('level_of_service'),
    neededBy: text('needed_by'),
    dueDate: text('due_date'),
    note: text('note'),
    assignedTo: integer('assigned_to').references(() => operators.id),
    printed: flag('printed'),
    reported: flag('reported'),
    shippingCost: real('shipping_cost'),
    /** JSON array of candidate item ids when Locate found none or several. */
    locateCandidates: text('locate_candidates'),
    /** Conditional: the reason given and the last day to wait for the borrower's answer. */
    conditionReason: text('condition_reason'),
    replyBy: text('reply_by'),
    /** Reject: the ISO 18626 ReasonUnfilled value. */
    rejectReason: text('reject_reason'),
    /** Remove Requests: gone from the task list and the scan screens; its history stays. */
    removedAt: text('removed_at'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('lending_external_partner_uq').on(t.externalId, t.partnerId),
    index('lending_item_barcode_idx').on(t.itemBarcode),
    // The Find box matches a request by its located item's barcode too.
    index('lending_item_idx').on(t.itemId),
    index('lending_status_idx').on(t.status, t.id),
    index('lending_partner_idx').on(t.partnerId),
    index('lending_assigned_idx').on(t.assignedTo),
    // The task list's facet counts read the active requests (a few percent of a desk's years)
    // from this alone: every column they group by, and none of the wide ones.
    index('lending_active_facets_idx')
      .on(
        t.status,
        t.partnerId,
        t.requestedFormat,
        t.suppliedFormat,
        t.createdAt,
        t.updatedAt,
        t.dueDate,
        t.levelOfService,
        t.printed,
        t.reported,
        t.assignedTo,
        t.removedAt,
      )
      .where(sql`${t.removedAt} IS NULL AND ${t.status} IN (${OPEN_LENDING_STATUSES})`),
  ],
);

/**
 * A lending request that is open, with the statuses written out (not bound), so that
 * lending_active_facets_idx serves every query that says it: the task list's Active activity and
 * the desk's in-memory copy of the active requests.
 */
export const lendingIsOpen = sql`${lendingRequests.status} IN (${OPEN_LENDING_STATUSES})`;

/**
 * The lending requests that changed, in order: a desk keeps the active ones in memory for the task
 * list's counts (db/repositories/active-lending-index.ts) and rereads only what is listed here
 * since it last looked. Migration 0009's triggers add a row for every insert, update and delete of
 * a lending request that is or was active and for every change to a lending request's alerts,
 * whichever desk on the data directory made it, and keep the newest 100,000 rows.
 */
export const lendingChanges = sqliteTable('lending_changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  lendingRequestId: integer('lending_request_id').notNull(),
});

/**
 * Alerts on a request (Alma's Alerts tab): Locate failed, a partner's note, an ERROR confirmation.
 * Remove Alerts stamps `removedAt`; an alert is active while it is null.
 */
export const requestAlerts = sqliteTable(
  'request_alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    borrowingRequestId: integer('borrowing_request_id').references(() => borrowingRequests.id),
    lendingRequestId: integer('lending_request_id').references(() => lendingRequests.id),
    code: text('code').notNull(),
    message: text('message').notNull(),
    at: text('at').notNull().default(now),
    removedAt: text('removed_at'),
  },
  (t) => [
    index('alerts_lending_idx').on(t.lendingRequestId, t.removedAt),
    index('alerts_borrowing_idx').on(t.borrowingRequestId, t.removedAt),
    check(
      'alerts_one_request',
      sql`(${t.borrowingRequestId} IS NULL) <> (${t.lendingRequestId} IS NULL)`,
    ),
  ],
);

export const requestEvents = sqliteTable(
  'request_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    borrowingRequestId: integer('borrowing_request_id').references(() => borrowingRequests.id),
    lendingRequestId: integer('lending_request_id').references(() => lendingRequests.id),
    at: text('at').notNull().default(now),
    operatorId: integer('operator_id').references(() => operators.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
  },
  (t) => [
    index('events_borrowing_idx').on(t.borrowingRequestId, t.id),
    index('events_lending_idx').on(t.lendingRequestId, t.id),
    check(
      'events_one_request',
      sql`(${t.borrowingRequestId} IS NULL) <> (${t.lendingRequestId} IS NULL)`,
    ),
  ],
);

export const partnerMessages = sqliteTable(
  'partner_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    direction: text('direction', { enum: ['OUT', 'IN'] }).notNull(),
    partnerId: integer('partner_id').references(() => partners.id),
    borrowingRequestId: integer('borrowing_request_id').references(() => borrowingRequests.id),
    lendingRequestId: integer('lending_request_id').references(() => lendingRequests.id),
    channel: text('channel', { enum: ['iso18626', 'email'] }).notNull(),
    /** ISO 18626 action or status (Received, Loaned, …) or the letter's name. */
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    state: text('state', {
      enum: ['PENDING', 'SENT', 'FAILED', 'WITHDRAWN', 'RECEIVED'],
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When to try next; while `lease_owner` is set, when that desk's claim runs out. */
    nextAttemptAt: text('next_attempt_at'),
    /**
     * The desk process sending it now (host:pid:start), so two desks on one data directory never
     * both send it; null while nobody is (outbox-repository.ts `claimMessage`).
     */
    leaseOwner: text('lease_owner'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull().default(now),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('messages_state_idx').on(t.state, t.nextAttemptAt),
    // The status bar's count of waiting and failed messages, read from the index alone.
    index('messages_outbox_idx').on(t.direction, t.state),
    index('messages_borrowing_idx').on(t.borrowingRequestId),
    index('messages_lending_idx').on(t.lendingRequestId),
  ],
);

export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slipKind: text('slip_kind').notNull(),
    /** What staff see in the queue and a request's history ("Receive slip B-1001"). */
    title: text('title').notNull().default(''),
    /** The slip as built (JSON SlipDocument), so it can be previewed or re-rendered for another printer. */
    document: text('document'),
    /** The printer's name in Settings at the time, or null for the run's `--printer`. */
    printerName: text('printer_name'),
    borrowingRequestId: integer('borrowing_request_id').references(() => borrowingRequests.id),
    lendingRequestId: integer('lending_request_id').references(() => lendingRequests.id),
    printerUri: text('printer_uri').notNull(),
    /** The rendered bytes as sent to the printer (ESC/POS or PDF). */
    payload: blob('payload', { mode: 'buffer' }),
    copies: integer('copies').notNull().default(1),
    state: text('state', { enum: ['PENDING', 'DONE', 'FAILED', 'WITHDRAWN'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When to try next; while `lease_owner` is set, when that desk's claim runs out. */
    nextAttemptAt: text('next_attempt_at'),
    /**
     * The desk process printing it now (host:pid:start), so two desks on one data directory never
     * both print it; null while nobody is (print-jobs-repository.ts `claimPrintJob`).
     */
    leaseOwner: text('lease_owner'),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull().default(now),
    doneAt: text('done_at'),
  },
  (t) => [
    index('print_jobs_state_idx').on(t.state, t.nextAttemptAt),
    index('print_jobs_borrowing_idx').on(t.borrowingRequestId),
    index('print_jobs_lending_idx').on(t.lendingRequestId),
  ],
);

export const scans = sqliteTable(
  'scans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    source: text('source', { enum: ['wedge', 'hid', 'manual'] }).notNull(),
    raw: text('raw').notNull(),
    normalized: text('normalized').notNull(),
    symbology: text('symbology'),
    screen: text('screen').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    outcome: text('outcome', { enum: ['PENDING', 'OK', 'WARNING', 'ERROR'] })
      .notNull()
      .default('PENDING'),
    message: text('message'),
    handledAt: text('handled_at'),
    /**
     * The desk action this scan led to, written in that action's own transaction: a scan is
     * applied once at most (the scan's id is the action's idempotency key), and Recent scans can
     * say what became of it. Null while nothing was done with it.
     */
    appliedActionId: integer('applied_action_id').references(() => deskActions.id),
    appliedAt: text('applied_at'),
  },
  (t) => [
    index('scans_at_idx').on(t.at),
    // One scan per desk action; unapplied scans (most of them) take no room in it.
    uniqueIndex('scans_applied_action_idx')
      .on(t.appliedActionId)
      .where(sql`${t.appliedActionId} IS NOT NULL`),
  ],
);

/**
 * What each desk action did, for Undo: the request columns it changed as they were before, its
 * history event, and the slips and messages it queued, so Undo can restore and withdraw them.
 */
export const deskActions = sqliteTable(
  'desk_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The window (or HTTP session) that made it: Undo belongs to that window alone. */
    sessionId: text('session_id').notNull(),
    operatorId: integer('operator_id').references(() => operators.id),
    at: text('at').notNull(),
    kind: text('kind', { enum: ['borrowing', 'lending'] }).notNull(),
    borrowingRequestId: integer('borrowing_request_id').references(() => borrowingRequests.id),
    lendingRequestId: integer('lending_request_id').references(() => lendingRequests.id),
    action: text('action').notNull(),
    /** "Received B-1001": what the Undo button names. */
    description: text('description').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    /** JSON object: each request column the action changed, with its value before. */
    before: text('before').notNull(),
    eventId: integer('event_id').references(() => requestEvents.id),
    /** JSON arrays of the print job and partner message ids the action queued. */
    printJobIds: text('print_job_ids').notNull().default('[]'),
    messageIds: text('message_ids').notNull().default('[]'),
    undoneAt: text('undone_at'),
  },
  (t) => [
    index('desk_actions_session_idx').on(t.sessionId, t.id),
    check(
      'desk_actions_one_request',
      sql`(${t.borrowingRequestId} IS NULL) <> (${t.lendingRequestId} IS NULL)`,
    ),
  ],
);

/**
 * Rota templates (issue "9 · Configuration", part 3): a named, ordered list of lenders a borrowing
 * request is offered to in turn.
 */
export const rotaTemplates = sqliteTable('rota_templates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** JSON array of partner ids, in the order they are tried. */
  partners: text('partners').notNull(),
});

/**
 * A borrowing request's rota: the lenders it goes to in turn. `position` is the index of the one
 * it is with now; when that lender cannot supply, the request moves to the next.
 */
export const borrowingRotas = sqliteTable('borrowing_rotas', {
  borrowingRequestId: integer('borrowing_request_id')
    .primaryKey()
    .references(() => borrowingRequests.id),
  /** JSON array of partner ids, in the order they are tried. */
  partners: text('partners').notNull(),
  position: integer('position').notNull().default(0),
});
