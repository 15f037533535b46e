import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ScanScreen } from '../scan-desk/ScanScreen.tsx';
import { TransitDialog } from './TransitDialog.tsx';

const PLAN =
  'Scan the barcode of a borrowed item going back to its lender — the item barcode, never the External Identifier (WRLC seed, Part II). The Transit Destination names the lending partner and its address; OK makes the request Returned item to partner and prints the return slip to put in the book.';

/** Return Items: the scan screen with its Transit Destination dialog. */
export function ReturnScreen() {
  const dialog = useDesk((state) => state.returning.dialog);
  const cancel = useDesk((state) => state.cancelReturn);
  // Leaving the screen leaves nothing half-done behind: an open dialog is cancelled.
  useEffect(() => cancel, [cancel]);
  return (
    <ScanScreen name="Return Items" plan={PLAN}>
      {dialog && <TransitDialog key={dialog.request.requestId} dialog={dialog} />}
    </ScanScreen>
  );
}
