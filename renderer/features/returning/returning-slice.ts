import type { DeskClient } from '../../../shared/api/client.ts';
import type { Output, ScanResult } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { effectNotes } from '../scan-desk/desk-outcome.ts';

const SCREEN = 'Return Items';

export type ReturnableRequest = NonNullable<Output<'returning.lookup'>['request']>;

export interface TransitDialog {
  /** The item barcode scanned. */
  readonly value: string;
  /** Its journaled scan: OK sends it as the return's idempotency key (applied once at most). */
  readonly scanId: number;
  readonly request: ReturnableRequest;
  readonly saving: boolean;
  readonly error: string | null;
  /** Said in the dialog when another barcode is scanned before OK or Cancel. */
  readonly hint: string | null;
}

export interface ReturningSlice {
  returning: { readonly dialog: TransitDialog | null };
  /**
   * After a scan at Return Items: only a temporary barcode is looked up (an External Identifier
   * keeps the scan's refusal, in the seed's words). True when it has spoken for the scan.
   */
  lookUpReturn: (scan: ScanResult, seq: number) => Promise<boolean>;
  /** OK on the Transit Destination dialog: Returned item to partner. */
  confirmReturn: (noteToPartner: string) => Promise<void>;
  /** A scan reached the open dialog: the same barcode is OK, another is not used. */
  scanDuringTransit: (value: string, noteToPartner: string) => Promise<void>;
  cancelReturn: () => void;
}

/** Return Items goes on to the Transit Destination only for a scan that found a temporary barcode. */
export function needsReturnLookup(scan: ScanResult): boolean {
  return scan.outcome !== 'ERROR' && scan.matches.some((m) => m.kind === 'TEMP_BARCODE');
}

export function createReturningSlice(client: DeskClient): DeskSlice<ReturningSlice> {
  return (set, get) => {
    const setDialog = (dialog: TransitDialog | null) => set({ returning: { dialog } });
    const patchDialog = (part: Partial<TransitDialog>) => {
      const dialog = get().returning.dialog;
      if (dialog) setDialog({ ...dialog, ...part });
    };

    return {
      returning: { dialog: null },

      async lookUpReturn(scan, seq) {
        const answer = await client.call('returning.lookup', { value: scan.value });
        if (get().scanning.seq !== seq) return true;
        if (!answer.ok) {
          get().showOutcome({
            screen: SCREEN,
            outcome: 'ERROR',
            title: 'Not done',
            value: scan.value,
            message: answer.error.message,
          });
          return true;
        }
        const { request, message } = answer.value;
        if (!request || request.blocked !== null) {
          get().showOutcome({
            screen: SCREEN,
            outcome: request?.blocked === 'ALREADY_RETURNED' ? 'WARNING' : 'ERROR',
            title: !request
              ? 'Not found'
              : request.blocked === 'ALREADY_RETURNED'
                ? 'Already returned'
                : 'Cannot be returned',
            value: request?.requestId ?? scan.value,
            message,
          });
          return true;
        }
        setDialog({
          value: scan.value,
          scanId: scan.scanId,
          request,
          saving: false,
          error: null,
          hint: null,
        });
        get().sound('success');
        return true;
      },

      async confirmReturn(noteToPartner) {
        const dialog = get().returning.dialog;
        if (!dialog || dialog.saving) return;
        patchDialog({ saving: true, error: null, hint: null });
        const note = noteToPartner.trim();
        const result = await client.call('returning.return', {
          requestId: dialog.request.requestId,
          ...(note ? { noteToPartner: note } : {}),
          scanId: dialog.scanId,
        });
        if (!result.ok) {
          patchDialog({ saving: false, error: result.error.message });
          get().sound('error');
          return;
        }
        setDialog(null);
        get().showOutcome({
          screen: SCREEN,
          outcome: 'OK',
          title: 'Returned',
          value: result.value.requestId,
          message: result.value.message,
          notes: effectNotes(result.value),
        });
        // Recent scans now shows the scan as applied ("Returned to partner B-1002").
        await Promise.all([get().deskActionDone(result.value.requestId), get().loadRecentScans()]);
      },

      async scanDuringTransit(value, noteToPartner) {
        const dialog = get().returning.dialog;
        if (!dialog) return;
        if (value.trim().toLowerCase() === dialog.value.toLowerCase()) {
          await get().confirmReturn(noteToPartner);
          return;
        }
        patchDialog({
          hint: `The scan of ${value} was not used: press Enter for OK to send ${dialog.request.requestId} back, or Escape to cancel, then scan the next item.`,
        });
        get().sound('warning');
      },

      cancelReturn() {
        if (get().returning.dialog) setDialog(null);
      },
    };
  };
}
