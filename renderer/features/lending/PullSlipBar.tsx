import { useDesk } from '../../app/use-desk.ts';
import { pullSlipLabel } from './selection.ts';

/** Bulk actions over the chosen rows: Print pull slips (one job, in shelf order). */
export function PullSlipBar({ chosen, onPrinted }: { chosen: string[]; onPrinted: () => void }) {
  const busy = useDesk((state) => state.pullSlips.busy);
  const print = useDesk((state) => state.printPullSlips);
  const none = chosen.length === 0;
  return (
    <div className="bulk-actions" role="group" aria-label="Actions on chosen requests">
      <button
        type="button"
        aria-disabled={none || busy}
        aria-describedby="pull-slip-hint"
        onClick={() => {
          if (none || busy) return;
          void print(chosen).then((printed) => {
            if (printed) onPrinted();
          });
        }}
      >
        {busy ? 'Printing pull slips…' : pullSlipLabel(chosen.length)}
      </button>{' '}
      <span id="pull-slip-hint" className="muted">
        {none
          ? 'Choose requests with their check boxes first.'
          : `${chosen.length} chosen: their slips print in location and call number order.`}
      </span>
    </div>
  );
}
