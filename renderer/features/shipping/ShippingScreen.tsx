import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ScanScreen } from '../scan-desk/ScanScreen.tsx';
import { focusScanField } from '../scan-desk/scan-field-focus.ts';
import { ShipDialog } from './ShipDialog.tsx';
import { ShipmentFacts } from './ShipmentFacts.tsx';
import { stillNeeded, type PendingShipment } from './shipping-decision.ts';

const PLAN =
  'Scan the request ID (or External Identifier) on the pull slip and the barcode of the pulled item, in either order (WRLC seed, "How to Process Loaned P2P Items"). Check the due date in the Ship item dialog and press Enter: the request becomes Shipped physically, the partner is told and the shipping slip prints to go in the book. Escape starts again.';

/** Shipping Items: two scans, the request on show between them, and the Ship item dialog. */
export function ShippingScreen() {
  const pending = useDesk((state) => state.shipping.pending);
  const clear = useDesk((state) => state.clearShipment);
  const announce = useDesk((state) => state.announce);
  // Leaving the screen leaves nothing half-done behind.
  useEffect(() => clear, [clear]);

  // Escape between the two scans drops the pending request (the dialog handles its own Escape).
  const waiting = pending !== null && pending.missing !== null;
  useEffect(() => {
    if (!waiting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      clear();
      announce('Shipping cleared: nothing was changed. Scan the next request or item.');
      focusScanField();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [waiting, clear, announce]);

  return (
    <ScanScreen name="Shipping Items" plan={PLAN}>
      {pending && <PendingPanel pending={pending} />}
      {pending?.missing === null && (
        <ShipDialog key={pending.request.requestId} pending={pending} />
      )}
    </ScanScreen>
  );
}

/** The request between the two scans: what it is, where the item is, and what is still needed. */
function PendingPanel({ pending }: { pending: PendingShipment }) {
  const clear = useDesk((state) => state.clearShipment);
  const { request } = pending;
  return (
    <section className="shipping-pending" aria-labelledby="shipping-pending-title">
      <h2 id="shipping-pending-title">
        Shipping {request.requestId} to {request.partnerName}
      </h2>
      <ShipmentFacts pending={pending} />
      {pending.missing !== null && (
        <>
          <p className="shipping-needed">{stillNeeded(pending)}</p>
          <p>
            <button
              type="button"
              className="secondary"
              aria-keyshortcuts="Escape"
              onClick={() => {
                clear();
                focusScanField();
              }}
            >
              Start again
            </button>
          </p>
        </>
      )}
    </section>
  );
}
