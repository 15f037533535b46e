import { z } from 'zod';
import { SCAN_KINDS, SCAN_SCREENS } from '../scanning/scan-kinds.ts';
import { deskSettings, settingChanged, settingUpdate } from '../settings/setting-update.ts';
import { backupMethods } from './contract-backup.ts';
import { borrowingDeskMethods } from './contract-borrowing-desk.ts';
import { configMethods } from './contract-config.ts';
import { manualRequestMethods } from './contract-manual-requests.ts';
import { lendingDeskMethods } from './contract-lending-desk.ts';
import { lendingTaskMethods, type LendingTaskRow } from './contract-lending-tasks.ts';
import { letterMethods } from './contract-letters.ts';
import { messageMethods, messagesStatusSchema } from './contract-messages.ts';
import { operatorMethods } from './contract-operators.ts';
import { printingMethods, printStatusSchema } from './contract-printing.ts';
import { partnerSummary, requestKind, type PartnerSummary } from './contract-shared.ts';

/**
 * The typed API: one zod schema pair per method. Both transports (Electron IPC and the
 * browser-mode HTTP server) and every client are derived from this table, so a method exists
 * everywhere or nowhere.
 */

const facet = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type Facet = z.infer<typeof facet>;

export { partnerSummary, type PartnerSummary };

const listQuery = z.strictObject({
  /** External Identifier, request ID, barcode, title, author, patron or partner. */
  find: z.string().trim().max(200).optional(),
  status: z.array(z.string().max(40)).max(40).optional(),
  partner: z.array(z.string().max(40)).max(200).optional(),
  /** Keyset cursor: the `nextAfter` of the previous page. */
  after: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ListQuery = z.input<typeof listQuery>;

const borrowingRow = z.object({
  requestId: z.string(),
  externalId: z.string(),
  partnerCode: z.string(),
  partnerName: z.string(),
  patronName: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  tempBarcode: z.string().nullable(),
  dueDate: z.string().nullable(),
  updatedAt: z.string(),
});
export type BorrowingRow = z.infer<typeof borrowingRow>;

/** A row of the Lending Requests task list (contract-lending-tasks.ts). */
export type LendingRow = LendingTaskRow;

function listResult<Row extends z.ZodType>(row: Row) {
  return z.object({
    rows: z.array(row),
    nextAfter: z.number().int().nullable(),
    total: z.number().int(),
    facets: z.object({ status: z.array(facet), partner: z.array(facet) }),
  });
}

const historyEvent = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  fromLabel: z.string().nullable(),
  toStatus: z.string().nullable(),
  toLabel: z.string().nullable(),
  operator: z.string().nullable(),
  note: z.string().nullable(),
});
export type HistoryEvent = z.infer<typeof historyEvent>;

export { requestKind };

const requestDetail = z.object({
  kind: requestKind,
  requestId: z.string(),
  externalId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  isbn: z.string().nullable(),
  format: z.string(),
  neededBy: z.string().nullable(),
  dueDate: z.string().nullable(),
  note: z.string().nullable(),
  partner: partnerSummary,
  patron: z
    .object({
      patronId: z.string(),
      name: z.string(),
      barcode: z.string().nullable(),
      email: z.string().nullable(),
      pickupLocation: z.string().nullable(),
    })
    .nullable(),
  item: z
    .object({
      barcode: z.string(),
      title: z.string(),
      callNumber: z.string().nullable(),
      location: z.string().nullable(),
      library: z.string().nullable(),
    })
    .nullable(),
  tempBarcode: z.string().nullable(),
  holdUntil: z.string().nullable(),
  receivedAt: z.string().nullable(),
  levelOfService: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(historyEvent),
});
export type RequestDetail = z.infer<typeof requestDetail>;

const deskInfo = z.object({
  institution: z.string(),
  deskName: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  printer: z.string().nullable(),
  counts: z.object({
    partners: z.number().int(),
    borrowing: z.number().int(),
    lending: z.number().int(),
  }),
});
export type DeskInfo = z.infer<typeof deskInfo>;

const none = z.strictObject({});

const scanMatch = z.object({
  kind: z.enum(SCAN_KINDS),
  requestId: z.string().nullable(),
  partnerCode: z.string().nullable(),
  label: z.string(),
});

const scanResult = z.object({
  scanId: z.number().int(),
  /** The value after normalising (prefix, suffix, AIM identifier, Codabar guards stripped). */
  value: z.string(),
  symbology: z.string().nullable(),
  outcome: z.enum(['OK', 'WARNING', 'ERROR']),
  code: z.enum(['NOT_FOUND', 'WRONG_KIND']).nullable(),
  /** What the desk says, in plain words: what was found, or what was scanned and what is needed. */
  message: z.string(),
  warnings: z.array(z.string()),
  matches: z.array(scanMatch),
  /**
   * Another window had already taken this HID scan: the outcome is the one it recorded and nothing
   * was done again, so this window says nothing.
   */
  alreadyHandled: z.boolean(),
});
export type ScanResult = z.infer<typeof scanResult>;

const scanRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  source: z.enum(['wedge', 'hid', 'manual']),
  raw: z.string(),
  value: z.string(),
  screen: z.string(),
  outcome: z.enum(['PENDING', 'OK', 'WARNING', 'ERROR']),
  message: z.string().nullable(),
  /**
   * The desk action this scan was applied as ("Received B-1001"), when, and whether Undo took it
   * back; null when nothing was done with it (looked up only, refused, or the desk stopped first).
   */
  applied: z.object({ description: z.string(), at: z.string(), undone: z.boolean() }).nullable(),
});
export type ScanRecord = z.infer<typeof scanRecord>;

/**
 * Who may call a method: `open` anyone (the sign-in screen needs these); `staff` (the default) a
 * signed-in operator; `manager` a signed-in Manager. In setup mode (no operators yet) everyone
 * has Manager rights. Enforced for both transports where handlers are bound.
 */
export type Access = 'open' | 'staff' | 'manager';

interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly access?: Access;
}

export const contract = {
  /** The desk's name, mode, data directory and what it holds (status bar, Settings). */
  'desk.info': { access: 'open', input: none, output: deskInfo },
  /** Every partner, without secrets. */
  'partners.list': { input: none, output: z.array(partnerSummary) },
  /** The Borrowing Requests list: Find box, facets, keyset pages. */
  'borrowing.list': { input: listQuery, output: listResult(borrowingRow) },
  /** One request with its partner, patron or item, and its history. */
  'requests.detail': {
    input: z.strictObject({ kind: requestKind, requestId: z.string().trim().min(1).max(100) }),
    output: requestDetail,
  },
  /** A scan from any source: journaled first, then classified for the screen it was made on. */
  'scans.submit': {
    input: z.strictObject({
      source: z.enum(['wedge', 'hid', 'manual']),
      raw: z.string().max(500),
      screen: z.enum(SCAN_SCREENS),
      /** The AIM symbology when the scanner reported it apart from the data (HID POS). */
      symbology: z.string().max(40).nullable().optional(),
      /** A HID scan the desk journaled on arrival (`scan.hid`): the window takes that row. */
      scanId: z.number().int().positive().optional(),
      /**
       * The dialog a HID scan was given to (the Temporary barcode dialog takes the item barcode):
       * journaled as taken by it, not judged as a scan at the screen.
       */
      dialog: z.string().trim().min(1).max(60).optional(),
    }),
    output: scanResult,
  },
  /** The journal's latest scans, newest first (Recent scans). */
  'scans.recent': {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(scanRecord),
  },
  /** Which scanners this desk reads and how, for Settings. */
  'scanners.status': {
    input: none,
    output: z.object({
      hidEnabled: z.boolean(),
      connected: z.array(
        z.object({
          product: z.string(),
          path: z.string(),
          vendorId: z.number().int(),
          productId: z.number().int(),
          readBy: z.string(),
        }),
      ),
      notes: z.array(z.string()),
    }),
  },
  /** Every desk setting, defaults filled in. */
  'settings.get': { access: 'open', input: none, output: deskSettings },
  /** Replaces one setting after checking it against its schema; answers every setting. */
  'settings.update': { access: 'manager', input: settingUpdate, output: deskSettings },
  ...printingMethods,
  ...borrowingDeskMethods,
  ...lendingDeskMethods,
  ...lendingTaskMethods,
  ...operatorMethods,
  ...letterMethods,
  ...messageMethods,
  ...configMethods,
  ...manualRequestMethods,
  ...backupMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function accessOf(method: Method): Access {
  const spec: MethodSpec = contract[method];
  return spec.access ?? 'staff';
}

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

/** Events the main process pushes to the renderer (HID scans, print status, changes). */
export const events = {
  /** A HID POS scan, journaled before it was pushed; a window takes it by `scanId`. */
  'scan.hid': z.object({
    scanId: z.number().int(),
    value: z.string(),
    symbology: z.string().nullable(),
    device: z.string(),
  }),
  'print.status': printStatusSchema,
  'requests.changed': z.object({ kind: requestKind, requestId: z.string() }),
  /** A setting was saved: windows and the main process read it again. */
  'settings.changed': settingChanged,
  /** The outbox changed (a message queued, sent, failed, retried): how many wait and failed. */
  'messages.status': messagesStatusSchema,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The IPC channel a method or event travels on; the preload allow-lists exactly these. */
export const channelOf = (name: Method | EventName): string => `rs-desk:${name}`;
