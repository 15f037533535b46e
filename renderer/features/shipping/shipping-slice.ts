import type { DeskClient } from '../../../shared/api/client.ts';
import type { ScanResult } from '../../../shared/api/contract.ts';
import type { DeskSlice } from '../../app/desk-state.ts';
import { effectNotes } from '../scan-desk/desk-outcome.ts';
import {
  sameBarcode,
  shipInput,
  shippingStep,
  stillNeeded,
  type PendingShipment,
  type ShipForm,
} from './shipping-decision.ts';

const SCREEN = 'Shipping Items';

export interface ShippingSlice {
  shipping: {
    /** The request between its two scans, or in the Ship item dialog (`missing` null). */
    readonly pending: PendingShipment | null;
    readonly saving: boolean;
    /** Why Save did not ship (the desk's words: the wrong item, a bad date). */
    readonly error: {
      readonly field: 'dueDate' | 'shippingCost' | null;
      readonly message: string;
    } | null;
    /** Said in the dialog when a scan arrives that it does not use. */
    readonly hint: string | null;
    /**
     * The journaled scan that opened the Ship item dialog (the second of two scans, or the one
     * that was enough): Save sends it as the shipment's idempotency key. Null until then.
     */
    readonly scanId: number | null;
  };
  /** After a scan at Shipping Items: the request, the item, or why not. True when it has spoken. */
  lookUpShipping: (scan: ScanResult, seq: number) => Promise<boolean>;
  /** Save on the Ship item dialog: Shipped physically, the partner told, the shipping slip. */
  saveShipment: (form: ShipForm) => Promise<void>;
  /** A scan reached the open dialog: the item again is Save, anything else is not used. */
  scanDuringShip: (value: string, form: ShipForm) => Promise<void>;
  /** Escape: the pending request is dropped, nothing changed. */
  clearShipment: () => void;
}

const IDLE = { pending: null, saving: false, error: null, hint: null, scanId: null } as const;

export function createShippingSlice(client: DeskClient): DeskSlice<ShippingSlice> {
  return (set, get) => {
    const patch = (part: Partial<ShippingSlice['shipping']>) =>
      set((state) => ({ shipping: { ...state.shipping, ...part } }));

    return {
      shipping: IDLE,

      async lookUpShipping(scan, seq) {
        const answer = await client.call('shipping.lookup', { value: scan.value });
        if (get().scanning.seq !== seq) return true;
        const base = { screen: SCREEN, value: scan.value } as const;
        if (!answer.ok) {
          get().showOutcome({
            ...base,
            outcome: 'ERROR',
            title: 'Not done',
            message: answer.error.message,
          });
          return true;
        }
        const step = shippingStep(get().shipping.pending, scan.value, answer.value);
        switch (step.kind) {
          case 'not-found':
            get().showOutcome({
              ...base,
              outcome: 'ERROR',
              title: 'Not found',
              message: step.message,
            });
            return true;
          case 'blocked':
            get().showOutcome({
              ...base,
              value: step.request.requestId,
              outcome: step.request.blocked === 'ALREADY_SHIPPED' ? 'WARNING' : 'ERROR',
              title:
                step.request.blocked === 'ALREADY_SHIPPED'
                  ? 'Already shipped'
                  : 'Cannot be shipped',
              message: step.message,
            });
            return true;
          case 'mismatch':
            get().showOutcome({
              ...base,
              outcome: 'ERROR',
              title: 'Wrong item',
              message: step.message,
            });
            return true;
          case 'waiting':
            set({ shipping: { ...IDLE, pending: step.pending } });
            get().showOutcome({
              ...base,
              value: step.pending.request.requestId,
              outcome: 'OK',
              title: 'Found',
              message: `${answer.value.message} ${stillNeeded(step.pending)}`,
            });
            return true;
          case 'ready':
            set({ shipping: { ...IDLE, pending: step.pending, scanId: scan.scanId } });
            get().showOutcome({
              ...base,
              value: step.pending.request.requestId,
              outcome: 'OK',
              title: 'Ready to ship',
              message: 'Check the due date, then press Enter to ship.',
            });
            return true;
        }
      },

      async saveShipment(form) {
        const { pending, saving, scanId } = get().shipping;
        if (!pending || pending.missing !== null || saving || pending.itemBarcode === null) return;
        const input = shipInput(pending.request.requestId, pending.itemBarcode, form);
        if (!input.ok) {
          patch({ error: { field: input.field, message: input.message }, hint: null });
          get().sound('error');
          return;
        }
        patch({ saving: true, error: null, hint: null });
        const result = await client.call('shipping.ship', {
          ...input.value,
          ...(scanId === null ? {} : { scanId }),
        });
        if (!result.ok) {
          patch({ saving: false, error: { field: null, message: result.error.message } });
          get().sound('error');
          return;
        }
        set({ shipping: IDLE });
        get().showOutcome({
          screen: SCREEN,
          outcome: 'OK',
          title: 'Shipped',
          value: result.value.requestId,
          message: result.value.message,
          notes: [`Due ${result.value.dueDate}.`, ...effectNotes(result.value)],
        });
        // Recent scans now shows the scan as applied ("Shipped L-2001").
        await Promise.all([get().deskActionDone(result.value.requestId), get().loadRecentScans()]);
      },

      async scanDuringShip(value, form) {
        const { pending } = get().shipping;
        if (!pending || pending.missing !== null) return;
        if (pending.itemBarcode !== null && sameBarcode(value, pending.itemBarcode)) {
          await get().saveShipment(form);
          return;
        }
        patch({
          hint: `The scan of ${value.trim()} was not used: press Enter to ship ${pending.request.requestId}, or Escape to cancel, then scan the next request.`,
        });
        get().sound('warning');
      },

      clearShipment() {
        if (get().shipping.pending) set({ shipping: IDLE });
      },
    };
  };
}
