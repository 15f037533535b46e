import { z } from 'zod';
import { DATE_BUCKET_CODES } from '../domain/date-buckets.ts';
import {
  ACTIVITY_STATUSES,
  LENDING_ROW_ACTIONS,
  LENDING_TABS,
  REJECT_REASONS,
  type LendingRowAction,
} from '../domain/lending-tasks.ts';
import { actionEffects } from './contract-borrowing-desk.ts';
import { printJobSchema } from './contract-printing.ts';

/**
 * The Lending Requests task list (issue "5 · Lending desk", parts 2–4): tabs, Activity Status,
 * the Find box and facets with counts, keyset pages; bulk actions on a selection (chosen rows or
 * the whole current filter); the row actions. contract.ts spreads these methods into the one table.
 */

const identifier = z.string().trim().min(1).max(100);
const note = z.string().trim().max(1000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const facetValues = z.array(z.string().max(80)).max(200).optional();
const dateBuckets = z.array(z.enum(DATE_BUCKET_CODES)).max(10).optional();
const yesNo = z
  .array(z.enum(['YES', 'NO']))
  .max(2)
  .optional();

/** The facets of the lending task list, in the order the screen shows them. */
export const LENDING_FACETS = [
  'status',
  'partner',
  'requestedFormat',
  'suppliedFormat',
  'createdDate',
  'updatedDate',
  'dueDate',
  'levelOfService',
  'printed',
  'reported',
  'alerts',
] as const;
export type LendingFacet = (typeof LENDING_FACETS)[number];
export const LENDING_FACET_LABELS: Readonly<Record<LendingFacet, string>> = {
  status: 'Status',
  partner: 'Partner',
  requestedFormat: 'Requested Format',
  suppliedFormat: 'Supplied Format',
  createdDate: 'Creation Date',
  updatedDate: 'Update Date',
  dueDate: 'Due Date',
  levelOfService: 'Level of Service',
  printed: 'Request Printed',
  reported: 'Request Reported',
  alerts: 'Alerts',
};

/**
 * What the task list shows: a tab, the Activity Status, the Find box and facet filters. Values
 * within a facet are OR'd, facets AND'd. `suppliedFormat` uses UNDEFINED for not supplied yet;
 * `alerts` takes alert codes, or NONE for requests without one.
 */
export const lendingFilter = z.strictObject({
  /** ALL: everything this operator may see (a Manager: every task; an Operator: theirs and unassigned). */
  tab: z.enum(LENDING_TABS).default('ALL'),
  /** Completed and All show nothing until the Find box has text (the seed's rule). */
  activity: z.enum(ACTIVITY_STATUSES).default('ACTIVE'),
  /** External Identifier, request ID, item barcode (exact); title, author, partner (words). */
  find: z.string().trim().max(200).optional(),
  status: facetValues,
  /** Partner codes. */
  partner: facetValues,
  requestedFormat: facetValues,
  suppliedFormat: facetValues,
  createdDate: dateBuckets,
  updatedDate: dateBuckets,
  dueDate: dateBuckets,
  levelOfService: facetValues,
  printed: yesNo,
  reported: yesNo,
  alerts: facetValues,
});
export type LendingFilter = z.input<typeof lendingFilter>;

export const lendingListQuery = lendingFilter.extend({
  /** Keyset cursor: the `nextAfter` of the previous page. */
  after: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type LendingListQuery = z.input<typeof lendingListQuery>;

/** Chosen rows, or every request the current filter matches (capped at `SELECTION_LIMIT`). */
export const lendingSelection = z.union([
  z.strictObject({ requestIds: z.array(identifier).min(1).max(500) }),
  z.strictObject({ filter: lendingFilter }),
]);
export type LendingSelection = z.input<typeof lendingSelection>;
export const SELECTION_LIMIT = 2000;

const facet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
const rowAction = z.enum(Object.keys(LENDING_ROW_ACTIONS) as [LendingRowAction]);

export const lendingTaskRow = z.object({
  requestId: z.string(),
  externalId: z.string(),
  partnerCode: z.string(),
  partnerName: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  itemBarcode: z.string().nullable(),
  callNumber: z.string().nullable(),
  location: z.string().nullable(),
  neededBy: z.string().nullable(),
  dueDate: z.string().nullable(),
  requestedFormat: z.string(),
  suppliedFormat: z.string().nullable(),
  levelOfService: z.string().nullable(),
  printed: z.boolean(),
  reported: z.boolean(),
  /** The assignee's name, or null when unassigned. */
  assignedTo: z.string().nullable(),
  /** Active alerts on the request. */
  alerts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The row actions this window's operator may take, in menu order. */
  actions: z.array(rowAction),
});
export type LendingTaskRow = z.infer<typeof lendingTaskRow>;

export const lendingListResult = z.object({
  rows: z.array(lendingTaskRow),
  nextAfter: z.number().int().nullable(),
  total: z.number().int(),
  /** Activity Completed or All with an empty Find box: nothing is listed until something is typed. */
  needsFind: z.boolean(),
  facets: z.object(
    Object.fromEntries(LENDING_FACETS.map((f) => [f, z.array(facet)])) as Record<
      LendingFacet,
      z.ZodArray<typeof facet>
    >,
  ),
  /**
   * How many requests each tab holds under the same filters (the seed's tab indicator). Null where
   * the tab is not this operator's to see (Assigned to Others for an Operator; Assigned to Me with
   * nobody signed in).
   */
  tabs: z.object({
    all: z.number().int(),
    assignedToMe: z.number().int().nullable(),
    unassigned: z.number().int(),
    assignedToOthers: z.number().int().nullable(),
  }),
});
export type LendingListResult = z.infer<typeof lendingListResult>;

const locatedItem = z.object({
  barcode: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  isbn: z.string().nullable(),
  callNumber: z.string().nullable(),
  location: z.string().nullable(),
  library: z.string().nullable(),
});
export type LocatedItem = z.infer<typeof locatedItem>;

const alert = z.object({
  id: z.number().int(),
  code: z.string(),
  message: z.string(),
  at: z.string(),
});

/** What the task list's More details and Edit show beyond `requests.detail`. */
export const lendingTaskDetail = z.object({
  requestId: z.string(),
  assignedTo: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  requestedFormat: z.string(),
  suppliedFormat: z.string().nullable(),
  levelOfService: z.string().nullable(),
  shippingCost: z.number().nullable(),
  conditionReason: z.string().nullable(),
  replyBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  printed: z.boolean(),
  reported: z.boolean(),
  alerts: z.array(alert),
  /** The items Locate found when it found none or several: choose one with `lending.locate`. */
  candidates: z.array(locatedItem),
  actions: z.array(rowAction),
});
export type LendingTaskDetail = z.infer<typeof lendingTaskDetail>;

const bulkOutcome = z.object({
  /** How many requests the action changed. */
  done: z.number().int(),
  /** Requests it left as they were, each with why (wrong status, not yours, …). */
  skipped: z.array(z.object({ requestId: z.string(), reason: z.string() })),
  message: z.string(),
});
export type BulkOutcome = z.infer<typeof bulkOutcome>;

const statusAnswer = z.object({
  requestId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  message: z.string(),
});

export const lendingTaskMethods = {
  /** The Lending Requests task list: tabs, Activity Status, Find box, facets with counts, keyset pages. */
  'lending.list': { input: lendingListQuery, output: lendingListResult },
  /** More details: assignment, formats, condition and reject reasons, alerts, Locate candidates, row actions. */
  'lending.taskDetail': {
    input: z.strictObject({ requestId: identifier }),
    output: lendingTaskDetail,
  },
  /**
   * Pull slips for the chosen rows or the whole current filter, sorted by location then call
   * number, in one job; each is marked printed and moves to Being processed where its status allows.
   */
  'lending.printPullSlips': {
    input: lendingSelection,
    output: z.object({
      job: printJobSchema.nullable(),
      printed: z.number().int(),
      /** How many moved to Being processed. */
      moved: z.number().int(),
      message: z.string(),
    }),
  },
  /**
   * Change Status (bulk): sets each request to `status` as a staff override, with a history event;
   * no partner message. A request already in it is skipped.
   */
  'lending.changeStatus': {
    input: z.strictObject({
      selection: lendingSelection,
      status: z.string().trim().min(1).max(40),
      note: note.optional(),
    }),
    output: bulkOutcome,
  },
  /** Print Slip Report: the requests as an Excel workbook or XML, downloaded; each marked reported. */
  'lending.report': {
    input: z.strictObject({ selection: lendingSelection, format: z.enum(['xlsx', 'xml']) }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      /** The file, base64. */
      content: z.string(),
      rows: z.number().int(),
      message: z.string(),
    }),
  },
  /** Remove Requests (Manager): closed requests leave the task list and the scan screens; history stays. */
  'lending.remove': {
    access: 'manager',
    input: z.strictObject({ selection: lendingSelection }),
    output: bulkOutcome,
  },
  /** Remove Alerts: the chosen requests' alerts are cleared. */
  'lending.removeAlerts': {
    input: z.strictObject({ selection: lendingSelection }),
    output: bulkOutcome,
  },
  /**
   * Assign to me (`assignee` ME), Reassign (an operator's id, with a note), Release (null). An
   * Operator may assign only unassigned tasks and their own; a Manager anyone's.
   */
  'lending.assign': {
    input: z.strictObject({
      requestIds: z.array(identifier).min(1).max(500),
      assignee: z.union([z.literal('ME'), z.number().int().positive(), z.null()]),
      note: note.optional(),
    }),
    output: bulkOutcome,
  },
  /** Edit: the request's attributes; only the fields given change. Not for closed requests. */
  'lending.edit': {
    input: z.strictObject({
      requestId: identifier,
      title: z.string().trim().min(1).max(500).optional(),
      author: z.string().trim().max(300).nullable().optional(),
      isbn: z.string().trim().max(40).nullable().optional(),
      requestedFormat: z.enum(['PHYSICAL', 'DIGITAL', 'PHYSICAL_NON_RETURNABLE']).optional(),
      levelOfService: z.string().trim().max(60).nullable().optional(),
      neededBy: isoDate.nullable().optional(),
      note: note.nullable().optional(),
    }),
    output: statusAnswer,
  },
  /** Duplicate: a new task copied from this one (request ID and External Identifier suffixed), located afresh. */
  'lending.duplicate': {
    input: z.strictObject({ requestId: identifier }),
    output: statusAnswer,
  },
  /**
   * Locate: without `itemBarcode`, search again (ISBN, then title and author); with one, take that
   * candidate. One item found → linked, status Created lending request; none or several → Locate
   * failed, candidates kept.
   */
  'lending.locate': {
    input: z.strictObject({ requestId: identifier, itemBarcode: identifier.optional() }),
    output: statusAnswer.extend({
      located: locatedItem.nullable(),
      candidates: z.array(locatedItem),
    }),
  },
  /** Conditional: a mandatory reason, the date for reply, a note; the partner is told (ISO ExpectToSupply). */
  'lending.conditional': {
    input: z.strictObject({
      requestId: identifier,
      reason: z.string().trim().min(1, 'a reason').max(300),
      replyBy: isoDate.optional(),
      note: note.optional(),
    }),
    output: statusAnswer.extend(actionEffects),
  },
  /** Reject: a reason, an internal note, a note to the partner (ISO Unfilled or the Lender Reject letter). */
  'lending.reject': {
    input: z.strictObject({
      requestId: identifier,
      reason: z.enum(Object.keys(REJECT_REASONS) as [keyof typeof REJECT_REASONS]),
      internalNote: note.optional(),
      noteToPartner: note.optional(),
    }),
    output: statusAnswer.extend(actionEffects),
  },
  /** Renew: a new due date, with an internal note and a note to the partner. */
  'lending.renew': {
    input: z.strictObject({
      requestId: identifier,
      dueDate: isoDate,
      internalNote: note.optional(),
      noteToPartner: note.optional(),
    }),
    output: statusAnswer.extend(actionEffects),
  },
  /** Checked In from the list: as Scan In Items does for the request's item. */
  'lending.checkIn': {
    input: z.strictObject({ requestId: identifier }),
    output: statusAnswer.extend({
      location: z.string().nullable(),
      callNumber: z.string().nullable(),
      ...actionEffects,
    }),
  },
  /** Reactivate Request (Manager): a closed request returns to the status it had before it closed. */
  'lending.reactivate': {
    access: 'manager',
    input: z.strictObject({ requestId: identifier, note: note.optional() }),
    output: statusAnswer,
  },
} as const;
