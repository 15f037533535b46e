import type { Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { DeskError } from '../../shared/api/result.ts';
import { transition } from '../../shared/domain/transitions.ts';
import { choosePrinter, printerLabel } from '../../shared/printing/printer-choice.ts';
import { buildSlip } from '../../shared/printing/slips/build-slip.ts';
import { updateLending } from '../../db/repositories/desk-requests-repository.ts';
import {
  lendingByRequestId,
  type DeskLendingRow,
} from '../../db/repositories/lending-desk-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import {
  lendingSlipSource,
  type LendingSlipSource,
} from '../../db/repositories/slip-data-repository.ts';
import { changeStatus } from './desk-action-recorder.ts';
import type { DeskContext } from './desk-context.ts';
import { deskDate } from './desk-time.ts';
import { resolveLendingSelection } from './lending-selection.ts';
import { viewerOf } from './session-viewer.ts';
import { NO_PRINTER, originOf, queueSlip, toPrintJob } from './slip-jobs.ts';

/**
 * Pull slips for the chosen lending requests, or every request the list's current filter shows
 * (issue 6 part 4): one job with the slips in shelf order (the builder sorts by location then call
 * number), each request marked printed, and those not yet started moved to Being processed with a
 * history event — one transaction. With no printer nothing changes: a request marked printed
 * whose slip never came out would be lost on the shelf. A batch is not a desk action for Undo
 * (Undo restores one request); reprint or move it by hand.
 */

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export async function printPullSlips(
  ctx: DeskContext,
  input: ParsedInput<'lending.printPullSlips'>,
  session: Session,
): Promise<Output<'lending.printPullSlips'>> {
  const done = await ctx.gate.transaction(async (tx) => {
    const settings = await getSetting(tx, 'printing');
    const printer = choosePrinter(settings, 'PULL_SLIP', ctx.printing.runPrinterUri);
    if (!printer) throw new DeskError('UNAVAILABLE', NO_PRINTER);

    const now = ctx.now();
    const viewer = await viewerOf(tx, session);
    const selected = await resolveLendingSelection(tx, input, viewer, deskDate(now));
    if (selected.length === 0) {
      throw new DeskError(
        'NOT_FOUND',
        'No lending request is in the list with this filter, so no pull slips were printed; change the filter or tick the rows to print.',
      );
    }
    const chosen: { row: DeskLendingRow; source: LendingSlipSource }[] = [];
    for (const { requestId } of selected) {
      const row = await lendingByRequestId(tx, requestId);
      const source = row && (await lendingSlipSource(tx, row.requestId));
      if (!row || !source) {
        throw new DeskError(
          'NOT_FOUND',
          `There is no lending request ${requestId}, so no pull slips were printed; refresh the list and choose again.`,
        );
      }
      chosen.push({ row, source });
    }
    const doc = buildSlip(
      { kind: 'PULL_SLIP', data: chosen.map((c) => c.source.pull) },
      await originOf(tx, now),
    );
    const [only] = chosen;
    const single = chosen.length === 1 && only ? only : null;
    const job = await queueSlip(tx, {
      doc,
      printer,
      copies: settings.slips.PULL_SLIP.copies,
      // A batch belongs to no single request; one pull slip belongs to its request's history.
      ...(single ? { lendingRequestId: single.row.id } : {}),
    });

    const at = now.toISOString();
    let moved = 0;
    for (const { row } of chosen) {
      await updateLending(tx, row.id, { printed: true });
      if (!transition('lending', row.status, 'PRINT_PULL_SLIP', row.profile).ok) continue;
      await changeStatus(tx, {
        kind: 'lending',
        rowId: row.id,
        action: 'PRINT_PULL_SLIP',
        from: row.status,
        to: 'BEING_PROCESSED',
        at,
        operatorId: session.operatorId,
        note: null,
      });
      moved++;
    }
    const printed = chosen.length;
    const movedSentence =
      moved > 0 ? ` ${plural(moved, 'request', 'requests')} moved to Being processed.` : '';
    return {
      requestIds: chosen.map((c) => c.row.requestId),
      output: {
        job: toPrintJob(job, single ? single.row.requestId : null),
        printed,
        moved,
        message: `${plural(printed, 'pull slip', 'pull slips')} sent to ${printerLabel(printer)}, in shelf order (location, then call number).${movedSentence}`,
      },
    };
  });
  for (const requestId of done.requestIds) {
    ctx.events.emit('requests.changed', { kind: 'lending', requestId });
  }
  ctx.printing.queue.wake();
  ctx.printing.publish();
  return done.output;
}
