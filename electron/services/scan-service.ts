import type { Output, ParsedInput, ScanResult } from '../../shared/api/contract.ts';
import { DeskError } from '../../shared/api/result.ts';
import {
  judgeScan,
  NO_SCREEN,
  type ScanKind,
  type ScanMatch,
  type ScanScreen,
} from '../../shared/scanning/scan-kinds.ts';
import { normaliseScan, valueWarnings } from '../../shared/scanning/scan-normalise.ts';
import type { Orm } from '../../db/database.ts';
import { lookup, type RequestHit, type ScanLookup } from '../../db/repositories/scan-lookups.ts';
import {
  claimScan,
  getScan,
  journalScan,
  recentScans,
  recordScanOutcome,
  type ScanRow,
} from '../../db/repositories/scans-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import type { DeskContext } from './desk-context.ts';

/** Which lookup finds which kind of value; the order is the order matches are reported in. */
const CLASSIFIERS: readonly { lookup: ScanLookup; kind: ScanKind }[] = [
  { lookup: 'borrowingByExternalId', kind: 'BORROWING_EXTERNAL_ID' },
  { lookup: 'borrowingByRequestId', kind: 'BORROWING_REQUEST_ID' },
  { lookup: 'borrowingByTempBarcode', kind: 'TEMP_BARCODE' },
  { lookup: 'borrowingByLenderItemBarcode', kind: 'LENDER_ITEM_BARCODE' },
  { lookup: 'lendingByExternalId', kind: 'LENDING_EXTERNAL_ID' },
  { lookup: 'lendingByRequestId', kind: 'LENDING_REQUEST_ID' },
  { lookup: 'lendingByItemBarcode', kind: 'LENDING_ITEM_BARCODE' },
  { lookup: 'itemByBarcode', kind: 'ITEM_BARCODE' },
  { lookup: 'patronByBarcode', kind: 'PATRON_BARCODE' },
];

/** Everything a value could be in this desk, found through the scan lookups' indexes. */
export async function classifyScan(ctx: DeskContext, value: string): Promise<ScanMatch[]> {
  const matches: ScanMatch[] = [];
  const partnerCodes = new Map<number, string>();
  for (const { lookup: name, kind } of CLASSIFIERS) {
    const hits = await lookup<Partial<RequestHit> & { label: string }>(ctx.db.sqlite, name, value);
    for (const hit of hits) {
      let partnerCode: string | null = null;
      if (hit.partnerId !== undefined) {
        partnerCode = partnerCodes.get(hit.partnerId) ?? null;
        if (partnerCode === null) {
          const [partner] = await lookup<{ code: string }>(
            ctx.db.sqlite,
            'partnerById',
            hit.partnerId,
          );
          partnerCode = partner?.code ?? null;
          if (partnerCode) partnerCodes.set(hit.partnerId, partnerCode);
        }
      }
      matches.push({ kind, requestId: hit.requestId ?? null, partnerCode, label: hit.label });
    }
  }
  return matches;
}

/** How long a HID scan may wait for a window before Recent scans says none took it. */
export const UNTAKEN_AFTER_MS = 5_000;

/** What Recent scans says of a scan the desk journaled but never finished judging. */
export const NOT_HANDLED_MESSAGE =
  'Not handled: the desk stopped before it finished with this scan, so nothing was done. Scan the item again.';

/**
 * The scans this process is judging now, per database. A scan stays PENDING only while it is
 * judged; one that is PENDING and not here was journaled by a run that stopped before it finished.
 */
const judging = new WeakMap<object, Set<number>>();

function judgingIn(ctx: DeskContext): Set<number> {
  let ids = judging.get(ctx.db);
  if (!ids) {
    ids = new Set();
    judging.set(ctx.db, ids);
  }
  return ids;
}

type Handled = Omit<ScanResult, 'scanId' | 'value' | 'symbology' | 'alreadyHandled'>;

/** Classifies a normalised value by lookup and judges it for `screen`. */
async function judge(
  ctx: DeskContext,
  screen: ScanScreen,
  value: string,
  warnings: string[],
): Promise<Handled> {
  const matches = value ? await classifyScan(ctx, value) : [];
  const verdict = judgeScan(screen, value, matches);
  return {
    outcome: verdict.outcome === 'OK' && warnings.length > 0 ? 'WARNING' : verdict.outcome,
    code: verdict.outcome === 'OK' ? null : verdict.code,
    message: [verdict.message, ...warnings].join(' '),
    warnings,
    matches: verdict.outcome === 'OK' ? [...verdict.matches] : matches,
  };
}

/**
 * A scan from any source: normalised, journaled (committed before anything else happens, so a
 * crash still shows it), classified by lookup, judged for the screen it was made on, and its
 * outcome recorded. The desk actions themselves (receive, return, ship, scan in) build on this.
 * A HID scan was journaled when it arrived; the window takes it by `scanId` instead.
 */
export async function submitScan(
  ctx: DeskContext,
  input: ParsedInput<'scans.submit'>,
  session: Session,
): Promise<Output<'scans.submit'>> {
  if (input.scanId !== undefined) {
    return takeHidScan(ctx, input.scanId, input.screen, session, input.dialog);
  }
  const inHand = judgingIn(ctx);
  let journaled: number | undefined;
  try {
    const { scanId, normal } = await ctx.gate.transaction(async (tx) => {
      const { prefix, suffix } = await getSetting(tx, 'scanner');
      const normal = normaliseScan(input.raw, { prefix, suffix });
      journaled = await journalScan(tx, {
        source: input.source,
        raw: input.raw,
        normalized: normal.value,
        symbology: input.symbology ?? normal.symbology,
        screen: input.screen,
        operatorId: session.operatorId,
      });
      // Before the commit, so no reader ever sees it PENDING and not in hand.
      inHand.add(journaled);
      return { scanId: journaled, normal };
    });
    const handled = await ctx.gate.read(() =>
      judge(ctx, input.screen, normal.value, normal.warnings),
    );
    await ctx.gate.transaction((tx) =>
      recordScanOutcome(tx, scanId, handled.outcome, handled.message),
    );
    return {
      scanId,
      value: normal.value,
      symbology: input.symbology ?? normal.symbology,
      ...handled,
      alreadyHandled: false,
    };
  } finally {
    if (journaled !== undefined) inHand.delete(journaled);
  }
}

/**
 * Takes a journaled HID scan for `screen` and handles it, all in one transaction: of two windows
 * submitting it, the second finds it taken and gets the first one's outcome. Should handling fail,
 * the scan is left untaken, so a window can take it again. A scan given to a dialog waiting for
 * a barcode is recorded as taken by it: the dialog, not the screen, decides what it means.
 */
function takeHidScan(
  ctx: DeskContext,
  scanId: number,
  screen: ScanScreen,
  session: Session,
  dialog: string | undefined,
): Promise<ScanResult> {
  return ctx.gate.transaction(async (tx) => {
    const row = await claimScan(tx, scanId, screen, session.operatorId);
    if (!row) return recordedOutcome(tx, scanId);
    const handled: Handled =
      dialog === undefined
        ? await judge(ctx, screen, row.normalized, valueWarnings(row.normalized))
        : {
            outcome: 'OK',
            code: null,
            message: `Given to the ${dialog} dialog.`,
            warnings: [],
            matches: [],
          };
    await recordScanOutcome(tx, scanId, handled.outcome, handled.message);
    return {
      scanId,
      value: row.normalized,
      symbology: row.symbology,
      ...handled,
      alreadyHandled: false,
    };
  });
}

async function recordedOutcome(tx: Orm, scanId: number): Promise<ScanResult> {
  const row = await getScan(tx, scanId);
  if (!row) {
    throw new DeskError('NOT_FOUND', `The desk has no scan number ${scanId}; scan the item again.`);
  }
  if (row.outcome === 'PENDING') {
    throw new DeskError('CONFLICT', `Scan ${row.normalized} is being handled in another window.`);
  }
  return {
    scanId,
    value: row.normalized,
    symbology: row.symbology,
    outcome: row.outcome,
    code: null,
    message: row.message ?? '',
    warnings: [],
    matches: [],
    alreadyHandled: true,
  };
}

export async function listRecentScans(
  ctx: DeskContext,
  input: ParsedInput<'scans.recent'>,
): Promise<Output<'scans.recent'>> {
  const rows = await ctx.gate.read((db) => recentScans(db, input.limit));
  const now = Date.now();
  const inHand = judgingIn(ctx);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    source: r.source,
    raw: r.raw,
    value: r.normalized,
    screen: r.screen,
    outcome: r.outcome,
    message: pendingMessage(r, now, inHand) ?? r.message,
    applied:
      r.appliedAs !== null && r.appliedAt !== null
        ? { description: r.appliedAs, at: r.appliedAt, undone: r.appliedUndoneAt !== null }
        : null,
  }));
}

/**
 * What a PENDING scan's row says: a HID scan waits for a window; a scan at a screen that this run
 * is not judging was left by a run that stopped (crashed, or was closed) in the middle of it.
 */
function pendingMessage(
  row: Pick<ScanRow, 'outcome' | 'screen' | 'at' | 'id'>,
  now: number,
  inHand: ReadonlySet<number>,
): string | null {
  if (row.outcome !== 'PENDING') return null;
  if (row.screen === NO_SCREEN) return untakenMessage(row.at, now);
  return inHand.has(row.id) ? null : NOT_HANDLED_MESSAGE;
}

/** A HID scan on its way to a window is not yet a problem; one nobody took a few seconds on is. */
function untakenMessage(at: string, now: number): string {
  return now - Date.parse(at) < UNTAKEN_AFTER_MS
    ? 'Waiting for a desk window to take this scan.'
    : 'No desk window took this scan: open the screen that needs it and scan the item again.';
}
