import type { DeskClient } from '../../../shared/api/client.ts';
import type { ReceivingCandidate } from '../../../shared/api/contract-borrowing-desk.ts';
import type { ScanResult } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { effectNotes, type DeskOutcome } from '../scan-desk/desk-outcome.ts';
import { receiveInput, type ReceiveForm } from './receive-form.ts';
import { candidateLine, receivingStep } from './receiving-decision.ts';

const SCREEN = 'Receiving Items';

/**
 * Both dialogs keep `scanId`, the journaled scan of the External Identifier that found the
 * request: Save sends it as the receive's idempotency key, so the desk applies that scan once at
 * most and Recent scans shows it as "Received B-1001". The item barcode scanned in the Temporary
 * barcode dialog is not the key: a wedge scan there goes straight into the field, unjournaled.
 */
export type ReceivingDialog =
  | {
      readonly kind: 'choose';
      /** The External Identifier scanned. */
      readonly value: string;
      readonly scanId: number;
      readonly candidates: readonly ReceivingCandidate[];
      /** Said in the dialog when a scan arrives before a request is chosen. */
      readonly hint: string | null;
    }
  | {
      readonly kind: 'barcode';
      readonly value: string;
      readonly scanId: number;
      readonly candidate: ReceivingCandidate;
      readonly saving: boolean;
      readonly error: {
        readonly field: 'tempBarcode' | 'pieces' | null;
        readonly message: string;
      } | null;
      /** The barcode is on another active request: the desk's words and a free suffixed one. */
      readonly clash: { readonly message: string; readonly suggestion: string } | null;
    };

export interface ReceivingSlice {
  receiving: { readonly dialog: ReceivingDialog | null };
  /**
   * After a scan at Receiving Items: which request it is, then the Temporary barcode dialog, the
   * "Which request?" choice, or the reason it cannot be received. `seq` is the scan's number: an
   * answer that arrives after a newer scan is dropped. True when it has spoken for the scan.
   */
  lookUpReceiving: (scan: ScanResult, seq: number) => Promise<boolean>;
  chooseReceivingRequest: (requestId: string) => void;
  /** A scan reached the choice dialog: it is not used, and the dialog says what to do. */
  hintReceivingChoice: (value: string) => void;
  cancelReceiving: () => void;
  /** Save on the Temporary barcode dialog: Physically received by library. */
  saveReceive: (form: ReceiveForm) => Promise<void>;
}

export function createReceivingSlice(client: DeskClient): DeskSlice<ReceivingSlice> {
  return (set, get) => {
    const setDialog = (dialog: ReceivingDialog | null) => set({ receiving: { dialog } });
    const patchBarcode = (part: Partial<Extract<ReceivingDialog, { kind: 'barcode' }>>) => {
      const dialog = get().receiving.dialog;
      if (dialog?.kind === 'barcode') setDialog({ ...dialog, ...part });
    };

    /** The banner says why nothing was received; it has spoken for the scan. */
    function refusal(outcome: DeskOutcome): true {
      get().showOutcome(outcome);
      return true;
    }

    return {
      receiving: { dialog: null },

      async lookUpReceiving(scan, seq) {
        const answer = await client.call('receiving.lookup', { value: scan.value });
        if (get().scanning.seq !== seq) return true;
        const base = { screen: SCREEN, value: scan.value } as const;
        if (!answer.ok) {
          return refusal({
            ...base,
            outcome: 'ERROR',
            title: 'Not done',
            message: answer.error.message,
          });
        }
        const { message } = answer.value;
        const step = receivingStep(answer.value);
        switch (step.kind) {
          case 'barcode':
            setDialog({
              kind: 'barcode',
              value: scan.value,
              scanId: scan.scanId,
              candidate: step.candidate,
              saving: false,
              error: null,
              clash: null,
            });
            get().sound('success');
            return true;
          case 'choose':
            setDialog({
              kind: 'choose',
              value: scan.value,
              scanId: scan.scanId,
              candidates: step.candidates,
              hint: null,
            });
            get().sound('success');
            return true;
          case 'already-received': {
            const { candidate } = step;
            return refusal({
              ...base,
              outcome: 'WARNING',
              title: 'Already received',
              value: candidate.requestId,
              message,
              ...(candidate.receivedAt ? { receivedAt: candidate.receivedAt } : {}),
              ...(candidate.holdUntil ? { holdUntil: candidate.holdUntil } : {}),
              reprint: {
                kind: 'RECEIVE_SLIP',
                requestId: candidate.requestId,
                label: 'Reprint receive slip',
              },
            });
          }
          case 'wrong-status':
            return refusal({
              ...base,
              outcome: 'ERROR',
              title: 'Cannot be received',
              value: step.candidate.requestId,
              message,
            });
          case 'not-found':
            return refusal({
              ...base,
              outcome: 'ERROR',
              title: 'Not found',
              message,
              ...(step.nearest.length > 0
                ? {
                    list: {
                      heading: 'Nearest External Identifiers',
                      items: step.nearest.map(candidateLine),
                    },
                  }
                : {}),
            });
        }
      },

      chooseReceivingRequest(requestId) {
        const dialog = get().receiving.dialog;
        if (dialog?.kind !== 'choose') return;
        const candidate = dialog.candidates.find((c) => c.requestId === requestId);
        if (!candidate) return;
        setDialog({
          kind: 'barcode',
          value: dialog.value,
          scanId: dialog.scanId,
          candidate,
          saving: false,
          error: null,
          clash: null,
        });
      },

      hintReceivingChoice(value) {
        const dialog = get().receiving.dialog;
        if (dialog?.kind !== 'choose') return;
        setDialog({
          ...dialog,
          hint: `The scan of ${value} was not used: choose the request first (arrow keys or its number, then Enter), or press Escape to cancel.`,
        });
        get().sound('warning');
      },

      cancelReceiving() {
        if (get().receiving.dialog) setDialog(null);
      },

      async saveReceive(form) {
        const dialog = get().receiving.dialog;
        if (dialog?.kind !== 'barcode' || dialog.saving) return;
        const { requestId } = dialog.candidate;
        const checked = receiveInput(requestId, form);
        if (!checked.ok) {
          patchBarcode({ error: { field: checked.field, message: checked.message } });
          get().sound('error');
          return;
        }
        patchBarcode({ saving: true, error: null, clash: null });
        const result = await client.call('receiving.receive', {
          ...checked.input,
          scanId: dialog.scanId,
        });
        if (!result.ok) {
          patchBarcode({ saving: false, error: { field: null, message: result.error.message } });
          get().sound('error');
          return;
        }
        const received = result.value;
        if (received.outcome === 'BARCODE_IN_USE') {
          patchBarcode({
            saving: false,
            clash: { message: received.message, suggestion: received.suggestion },
          });
          get().sound('warning');
          return;
        }
        if (get().receiving.dialog?.kind === 'barcode') setDialog(null);
        get().showOutcome({
          screen: SCREEN,
          outcome: 'OK',
          title: 'Received',
          value: received.requestId,
          message: received.message,
          holdUntil: received.holdUntil,
          notes: [`Temporary barcode: ${received.tempBarcode}.`, ...effectNotes(received)],
        });
        // Recent scans now shows the scan as applied ("Received B-1001").
        await Promise.all([get().deskActionDone(received.requestId), get().loadRecentScans()]);
      },
    };
  };
}
