import type { DeskErrorBody } from '../../../shared/api/result.ts';
import type { Input, ScanRecord } from '../../../shared/api/contract.ts';
import type { ScanScreen } from '../../../shared/scanning/scan-kinds.ts';
import { borrowing, lending } from './crash-data.ts';
import { DeskRefusal, LostAnswer, type DeskApi } from './desk-child.ts';

/**
 * The staff side of the crash test: a stream of scans driven exactly as the desk's screens drive
 * them (`scans.submit`, the screen's lookup, then the desk action with the scan's id), several in
 * flight, and a ledger of every scan sent. After each restart the ledger is held against Recent
 * scans: a scan is applied exactly once or shown as not applied, and a not-applied one is scanned
 * again, as staff would.
 */

export type Step = 'RECEIVE' | 'RETURN_TO_PARTNER' | 'SHIP' | 'SCAN_IN';

type ActionMethod = 'receiving.receive' | 'returning.return' | 'shipping.ship' | 'scanIn.checkIn';

const METHOD: Record<Step, ActionMethod> = {
  RECEIVE: 'receiving.receive',
  RETURN_TO_PARTNER: 'returning.return',
  SHIP: 'shipping.ship',
  SCAN_IN: 'scanIn.checkIn',
};

/** What Recent scans says of a scan a run left PENDING (electron/services/scan-service.ts). */
export const NOT_HANDLED =
  'Not handled: the desk stopped before it finished with this scan, so nothing was done. Scan the item again.';

/** A seeded random source (mulberry32), so a failing run's schedule can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RequestState {
  readonly requestId: string;
  readonly n: number;
  readonly steps: readonly Step[];
  /** Steps known to be applied. */
  done: number;
  /** A scan for it is in flight, or was cut off by a kill and is not yet checked. */
  busy: boolean;
}

export type Phase = 'submitting' | 'judged' | 'acting' | 'applied' | 'refused';

export interface SentScan {
  readonly n: number;
  readonly life: number;
  readonly request: RequestState;
  readonly step: Step;
  readonly value: string;
  readonly screen: ScanScreen;
  /** Scanned again because an earlier scan of this step was not applied. */
  readonly rescan: boolean;
  scanId: number | null;
  phase: Phase;
  actionInput: unknown;
  refusal: DeskErrorBody | null;
  /** What Recent scans said after the restart. */
  verdict: 'applied' | 'not applied' | null;
}

const SCREEN: Record<Step, ScanScreen> = {
  RECEIVE: 'Receiving Items',
  RETURN_TO_PARTNER: 'Return Items',
  SHIP: 'Shipping Items',
  SCAN_IN: 'Scan In Items',
};

/** What the desk action's record (and Recent scans) calls the step: "Received B-1". */
export function description(step: Step, requestId: string): string {
  const past = {
    RECEIVE: 'Received',
    RETURN_TO_PARTNER: 'Returned to partner',
    SHIP: 'Shipped',
    SCAN_IN: 'Checked in',
  }[step];
  return `${past} ${requestId}`;
}

/** The value staff scan for a step: the External Identifier, the item, the pull slip's ID. */
function scannedValue(step: Step, n: number): string {
  switch (step) {
    case 'RECEIVE':
      return borrowing(n).externalId;
    case 'RETURN_TO_PARTNER':
      return borrowing(n).tempBarcode;
    case 'SHIP':
      return lending(n).requestId;
    case 'SCAN_IN':
      return lending(n).itemBarcode;
  }
}

export interface StreamTallies {
  scansSent: number;
  applied: number;
  notApplied: number;
  notJournaled: number;
  shownNotHandled: number;
  answersLostButApplied: number;
  retriesRefusedAsApplied: number;
  actionsCutOff: number;
}

export class ScanStream {
  readonly ledger: SentScan[] = [];
  readonly problems: string[] = [];
  readonly tallies: StreamTallies = {
    scansSent: 0,
    applied: 0,
    notApplied: 0,
    notJournaled: 0,
    shownNotHandled: 0,
    answersLostButApplied: 0,
    retriesRefusedAsApplied: 0,
    actionsCutOff: 0,
  };
  private readonly open: RequestState[] = [];
  private readonly redo: RequestState[] = [];
  private nextBorrowing = 1;
  private nextLending = 1;
  private lastSeenScanId = 0;
  private readonly random: () => number;
  /** How many borrowing (and how many lending) requests the data set has. */
  private readonly pool: number;

  constructor(random: () => number, pool: number) {
    this.random = random;
    this.pool = pool;
  }

  /** The next scan to make: a rescan first, else a next step or a new request, chosen at random. */
  pick(rescansOnly = false): { request: RequestState; rescan: boolean } | null {
    const again = this.redo.findIndex((r) => !r.busy);
    if (again >= 0) {
      const [request] = this.redo.splice(again, 1);
      if (request) return this.take(request, true);
    }
    if (rescansOnly) return null;
    const ready = this.open.filter((r) => !r.busy && r.done < r.steps.length);
    const fresh = this.nextBorrowing <= this.pool || this.nextLending <= this.pool;
    if (ready.length > 0 && (!fresh || this.random() < 0.5)) {
      const request = ready[Math.floor(this.random() * ready.length)];
      if (request) return this.take(request, false);
    }
    if (!fresh) return null;
    const lendingNext =
      this.nextBorrowing > this.pool || (this.nextLending <= this.pool && this.random() < 0.5);
    const request: RequestState = lendingNext
      ? {
          requestId: lending(this.nextLending).requestId,
          n: this.nextLending++,
          steps: ['SHIP', 'SCAN_IN'],
          done: 0,
          busy: false,
        }
      : {
          requestId: borrowing(this.nextBorrowing).requestId,
          n: this.nextBorrowing++,
          steps: ['RECEIVE', 'RETURN_TO_PARTNER'],
          done: 0,
          busy: false,
        };
    this.open.push(request);
    return this.take(request, false);
  }

  private take(request: RequestState, rescan: boolean) {
    request.busy = true;
    return { request, rescan };
  }

  /**
   * One scan as a screen makes it. A LostAnswer (the desk died) leaves the scan in the ledger at
   * the phase it reached, for the check after the restart; `beforeAction` runs just before the
   * desk action is sent (the test may kill the desk then).
   */
  async scan(
    api: DeskApi,
    life: number,
    picked: { request: RequestState; rescan: boolean },
    beforeAction: () => void,
  ): Promise<void> {
    const { request } = picked;
    const step = request.steps[request.done];
    if (!step) throw new Error(`${request.requestId} has no step left`);
    const sent: SentScan = {
      n: this.ledger.length,
      life,
      request,
      step,
      value: scannedValue(step, request.n),
      screen: SCREEN[step],
      rescan: picked.rescan,
      scanId: null,
      phase: 'submitting',
      actionInput: null,
      refusal: null,
      verdict: null,
    };
    this.ledger.push(sent);
    this.tallies.scansSent += 1;
    try {
      const judged = await api.value('scans.submit', {
        source: 'wedge',
        raw: sent.value,
        screen: sent.screen,
      });
      sent.scanId = judged.scanId;
      sent.phase = 'judged';
      if (judged.outcome === 'ERROR') {
        this.problems.push(
          `${sent.value} at ${sent.screen} was judged an error: ${judged.message}`,
        );
        request.busy = false;
        return;
      }
      const action = await this.actionFor(api, sent, judged.scanId);
      beforeAction();
      sent.phase = 'acting';
      sent.actionInput = action.input;
      const answer = await api.result(action.method, action.input as never);
      if (answer.ok) {
        sent.phase = 'applied';
        request.done += 1;
      } else {
        sent.phase = 'refused';
        sent.refusal = answer.error;
        this.problems.push(
          `${description(step, request.requestId)} was refused: ${answer.error.code}: ${answer.error.message}`,
        );
      }
      request.busy = false;
    } catch (error) {
      if (error instanceof LostAnswer) return;
      request.busy = false;
      this.problems.push(`${sent.value} at ${sent.screen}: ${(error as Error).message}`);
    }
  }

  /** The screen's lookup and the desk action it leads to, as the renderer's slices make them. */
  private async actionFor(
    api: DeskApi,
    sent: SentScan,
    scanId: number,
  ): Promise<{ method: ActionMethod; input: unknown }> {
    const { request, value } = sent;
    switch (sent.step) {
      case 'RECEIVE': {
        const found = await api.value('receiving.lookup', { value });
        const candidate = found.candidates.find((c) => c.requestId === request.requestId);
        if (!candidate || candidate.blocked !== null) {
          throw new Error(`Receiving Items cannot receive ${request.requestId}: ${found.message}`);
        }
        const input: Input<'receiving.receive'> = {
          requestId: candidate.requestId,
          tempBarcode: borrowing(request.n).tempBarcode,
          pieces: 1,
          notifyPatron: true,
          scanId,
        };
        return { method: 'receiving.receive', input };
      }
      case 'RETURN_TO_PARTNER': {
        const found = await api.value('returning.lookup', { value });
        if (found.request?.requestId !== request.requestId || found.request.blocked !== null) {
          throw new Error(`Return Items cannot return ${request.requestId}: ${found.message}`);
        }
        const input: Input<'returning.return'> = { requestId: request.requestId, scanId };
        return { method: 'returning.return', input };
      }
      case 'SHIP': {
        const found = await api.value('shipping.lookup', { value });
        const shipping = found.request;
        if (!found.readyToShip || !shipping?.itemBarcode || !shipping.proposedDueDate) {
          throw new Error(`Shipping Items cannot ship ${request.requestId}: ${found.message}`);
        }
        const input: Input<'shipping.ship'> = {
          requestId: shipping.requestId,
          itemBarcode: shipping.itemBarcode,
          dueDate: shipping.proposedDueDate,
          scanId,
        };
        return { method: 'shipping.ship', input };
      }
      case 'SCAN_IN': {
        const input: Input<'scanIn.checkIn'> = { value, scanId };
        return { method: 'scanIn.checkIn', input };
      }
    }
  }

  /**
   * After a restart: every scan the last run sent, held against Recent scans. Applied exactly
   * once, as the step it was for; or not applied, shown so (a PENDING one with the not-handled
   * message), and queued to be scanned again. A call whose answer was lost and that was applied is
   * made again with the same scan id, which the desk must refuse as already applied.
   */
  async verify(api: DeskApi, life: number): Promise<void> {
    const recent = await api.value('scans.recent', { limit: 200 });
    const fresh = recent.filter((r) => r.id > this.lastSeenScanId);
    if (fresh.length >= 200) {
      this.problems.push(`Life ${life}: more than 200 new scans, too many to check`);
    }
    const byId = new Map(recent.map((r) => [r.id, r]));
    const sent = this.ledger.filter((s) => s.life === life);
    const matched = new Set<number>();
    for (const s of sent) if (s.scanId !== null) matched.add(s.scanId);
    for (const s of sent) {
      let row: ScanRecord | undefined;
      if (s.scanId !== null) {
        row = byId.get(s.scanId);
        if (!row) {
          this.problems.push(
            `Scan ${s.scanId} (${s.value}) was answered but is not in the journal`,
          );
          continue;
        }
      } else {
        // The desk died before answering scans.submit: the scan may or may not be journaled.
        row = fresh.find((r) => !matched.has(r.id) && r.value === s.value && r.screen === s.screen);
        if (row) {
          matched.add(row.id);
          s.scanId = row.id;
        }
      }
      await this.judge(api, s, row);
    }
    for (const r of fresh) {
      if (!matched.has(r.id)) this.problems.push(`Scan ${r.id} (${r.value}) was never sent`);
    }
    this.lastSeenScanId = Math.max(this.lastSeenScanId, ...recent.map((r) => r.id));
  }

  private async judge(api: DeskApi, s: SentScan, row: ScanRecord | undefined): Promise<void> {
    const what = description(s.step, s.request.requestId);
    const settled = s.phase === 'applied' || s.phase === 'refused';
    if (row?.applied) {
      s.verdict = 'applied';
      this.tallies.applied += 1;
      if (row.applied.description !== what) {
        this.problems.push(
          `Scan ${row.id} was applied as "${row.applied.description}", not "${what}"`,
        );
      }
      if (s.phase === 'submitting' || s.phase === 'judged' || s.phase === 'refused') {
        this.problems.push(
          `Scan ${row.id} (${what}) is applied though its action was never applied`,
        );
      }
      if (s.phase === 'acting') {
        // Committed, but the answer died with the desk: a retry with the same key is refused.
        this.tallies.answersLostButApplied += 1;
        s.request.done += 1;
        await this.retryRefused(api, s, what);
      }
    } else {
      s.verdict = 'not applied';
      if (s.phase === 'applied') {
        this.problems.push(`${what} was answered as done but its scan ${s.scanId} is not applied`);
        return;
      }
      if (s.phase === 'refused') return;
      this.tallies.notApplied += 1;
      if (s.phase === 'acting') this.tallies.actionsCutOff += 1;
      if (!row) this.tallies.notJournaled += 1;
      else if (row.outcome === 'PENDING') {
        this.tallies.shownNotHandled += 1;
        if (row.message !== NOT_HANDLED) {
          this.problems.push(`Scan ${row.id} is PENDING but says "${row.message ?? ''}"`);
        }
      }
      this.redo.push(s.request);
    }
    if (!settled) s.request.busy = false;
  }

  private async retryRefused(api: DeskApi, s: SentScan, what: string): Promise<void> {
    try {
      await api.value(METHOD[s.step], s.actionInput as never);
      this.problems.push(`${what}: the same call again was done a second time`);
    } catch (error) {
      if (!(error instanceof DeskRefusal)) throw error;
      const { code, message } = error.body;
      if (code === 'ALREADY_DONE' && message.includes(`was already applied: ${what}`)) {
        this.tallies.retriesRefusedAsApplied += 1;
      } else {
        this.problems.push(`${what}: the repeated call was refused with ${code}: ${message}`);
      }
    }
  }

  /** Not-applied scans with no later scan of the same step that was applied. */
  unresolved(): SentScan[] {
    return this.ledger.filter(
      (s) =>
        s.verdict === 'not applied' &&
        s.phase !== 'refused' &&
        !this.ledger.some(
          (later) =>
            later.n > s.n &&
            later.request === s.request &&
            later.step === s.step &&
            (later.phase === 'applied' || later.verdict === 'applied'),
        ),
    );
  }
}
