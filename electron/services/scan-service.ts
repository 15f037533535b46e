import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import { judgeScan, type ScanKind, type ScanMatch } from '../../shared/scanning/scan-kinds.ts';
import { normaliseScan } from '../../shared/scanning/scan-normalise.ts';
import { lookup, type RequestHit, type ScanLookup } from '../../db/repositories/scan-lookups.ts';
import {
  journalScan,
  recentScans,
  recordScanOutcome,
} from '../../db/repositories/scans-repository.ts';
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

/**
 * A scan from any source: normalised, journaled (committed before anything else happens, so a
 * crash still shows it), classified by lookup, judged for the screen it was made on, and its
 * outcome recorded. The desk actions themselves (receive, return, ship, scan in) build on this.
 */
export async function submitScan(
  ctx: DeskContext,
  input: ParsedInput<'scans.submit'>,
  session: Session,
): Promise<Output<'scans.submit'>> {
  const normal = normaliseScan(input.raw);
  const scanId = await ctx.gate.transaction((tx) =>
    journalScan(tx, {
      source: input.source,
      raw: input.raw,
      normalized: normal.value,
      symbology: input.symbology ?? normal.symbology,
      screen: input.screen,
      operatorId: session.operatorId,
    }),
  );
  const matches = normal.value ? await ctx.gate.read(() => classifyScan(ctx, normal.value)) : [];
  const verdict = judgeScan(input.screen, normal.value, matches);
  const outcome =
    verdict.outcome === 'OK' && normal.warnings.length > 0 ? 'WARNING' : verdict.outcome;
  const message = [verdict.message, ...normal.warnings].join(' ');
  await ctx.gate.transaction((tx) => recordScanOutcome(tx, scanId, outcome, message));
  return {
    scanId,
    value: normal.value,
    symbology: input.symbology ?? normal.symbology,
    outcome,
    code: verdict.outcome === 'OK' ? null : verdict.code,
    message,
    warnings: normal.warnings,
    matches: verdict.outcome === 'OK' ? [...verdict.matches] : matches,
  };
}

export async function listRecentScans(
  ctx: DeskContext,
  input: ParsedInput<'scans.recent'>,
): Promise<Output<'scans.recent'>> {
  const rows = await ctx.gate.read((db) => recentScans(db, input.limit));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    source: r.source,
    raw: r.raw,
    value: r.normalized,
    screen: r.screen,
    outcome: r.outcome,
    message: r.message,
  }));
}
