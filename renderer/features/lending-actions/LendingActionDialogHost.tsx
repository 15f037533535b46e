import { useEffect } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ConditionalDialog } from './ConditionalDialog.tsx';
import { ReactivateDialog, RemoveDialog } from './ConfirmActionDialogs.tsx';
import { EditRequestDialog } from './EditRequestDialog.tsx';
import type { LendingActionDialog } from './lending-actions-slice.ts';
import { LocateDialog } from './LocateDialog.tsx';
import { MoreDetailsDialog } from './MoreDetailsDialog.tsx';
import { ReassignDialog } from './ReassignDialog.tsx';
import { RejectDialog } from './RejectDialog.tsx';
import { RenewDialog } from './RenewDialog.tsx';
import { ShipNonReturnableDialog } from './ShipNonReturnableDialog.tsx';

/**
 * The open row action dialog, wherever its menu was (a list row, the detail view). It lives once
 * in the layout, not in the row: a list row may be scrolled away or re-read while it is open.
 */
export function LendingActionDialogHost() {
  const dialog = useDesk((state) => state.lendingActions.dialog);
  const close = useDesk((state) => state.closeLendingAction);
  const visit = useDesk((state) => state.visit);
  // Alt+digit works even over a dialog: the new screen does not keep another screen's question.
  useEffect(() => close, [visit, close]);
  if (!dialog) return null;
  // One dialog per request and action: choosing another starts with a fresh form.
  return <ActionDialog key={`${dialog.target.requestId}:${dialog.action}`} dialog={dialog} />;
}

function ActionDialog({ dialog }: { dialog: LendingActionDialog }) {
  switch (dialog.action) {
    case 'EDIT':
      return <EditRequestDialog dialog={dialog} />;
    case 'REASSIGN':
      return <ReassignDialog dialog={dialog} />;
    case 'CONDITIONAL':
      return <ConditionalDialog dialog={dialog} />;
    case 'REJECT':
      return <RejectDialog dialog={dialog} />;
    case 'RENEW':
      return <RenewDialog dialog={dialog} />;
    case 'SHIP_NON_RETURNABLE':
      return <ShipNonReturnableDialog dialog={dialog} />;
    case 'LOCATE':
      return <LocateDialog dialog={dialog} />;
    case 'MORE_DETAILS':
      return <MoreDetailsDialog dialog={dialog} />;
    case 'REMOVE':
      return <RemoveDialog dialog={dialog} />;
    case 'REACTIVATE':
      return <ReactivateDialog dialog={dialog} />;
  }
}
