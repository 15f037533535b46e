import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ScanScreen } from '../scan-desk/ScanScreen.tsx';
import { ChooseRequestDialog } from './ChooseRequestDialog.tsx';
import { TempBarcodeDialog } from './TempBarcodeDialog.tsx';

const PLAN =
  "Scan the External Identifier from the lender's paperwork (WRLC seed, Part I). Check that the barcode on the book matches the paperwork, then scan the book's barcode into the Temporary barcode dialog: the request becomes Physically received by library, its Hold Until date is set and the receive slip prints for the hold strap.";

/** Receiving Items: the scan screen with its Temporary barcode and "Which request?" dialogs. */
export function ReceivingScreen() {
  const dialog = useDesk((state) => state.receiving.dialog);
  const cancel = useDesk((state) => state.cancelReceiving);
  // Leaving the screen leaves nothing half-done behind: an open dialog is cancelled.
  useEffect(() => cancel, [cancel]);
  return (
    <ScanScreen name="Receiving Items" plan={PLAN}>
      {dialog?.kind === 'choose' && <ChooseRequestDialog dialog={dialog} />}
      {dialog?.kind === 'barcode' && (
        <TempBarcodeDialog key={dialog.candidate.requestId} dialog={dialog} />
      )}
    </ScanScreen>
  );
}
