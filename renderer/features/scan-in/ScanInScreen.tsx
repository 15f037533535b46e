import { ScanScreen } from '../scan-desk/ScanScreen.tsx';

const PLAN =
  'Scan the barcode of a loaned item that came home from the borrowing library (WRLC seed, "How to Process Loaned P2P Items"). The lending request becomes Request completed, the partner is told when its profile says so, and the banner shows where the item goes back on the shelf.';

/** Scan In Items: one scan completes the loan and says where to reshelve the item. */
export function ScanInScreen() {
  return <ScanScreen name="Scan In Items" plan={PLAN} />;
}
