import { useDesk } from '../../app/use-desk.ts';
import type { ScanScreen } from '../../../shared/scanning/scan-kinds.ts';
import { DateText } from '../../ui/DateText.tsx';
import { SCAN_TITLES, type DeskOutcome } from './desk-outcome.ts';

/**
 * The outcome of the latest scan on this screen — or of the desk action it led to — large: staff
 * glance at it while handling the book. Screen readers hear it through role="status" (an error
 * through role="alert").
 */
export function OutcomeBanner({ screen }: { screen: ScanScreen }) {
  const last = useDesk((state) => state.scanning.last);
  const outcome = useDesk((state) => state.scanning.outcome);
  const error = useDesk((state) => state.scanning.error);
  if (error) {
    return (
      <div className="outcome outcome-error" role="alert">
        <p className="outcome-title">Not done</p>
        <p>{error}</p>
      </div>
    );
  }
  if (outcome?.screen === screen) return <DeskOutcomeBanner outcome={outcome} />;
  if (!last || last.screen !== screen) {
    return (
      <div className="outcome outcome-idle" role="status">
        <p>Ready for a scan.</p>
      </div>
    );
  }
  const kind = last.outcome.toLowerCase();
  return (
    <div className={`outcome outcome-${kind}`} role={last.outcome === 'ERROR' ? 'alert' : 'status'}>
      <p className="outcome-title">{SCAN_TITLES[last.outcome]}</p>
      <p className="outcome-value">{last.value}</p>
      <p>{last.message}</p>
    </div>
  );
}

/** A desk action's outcome: what happened, the dates that matter, and what to do next. */
function DeskOutcomeBanner({ outcome }: { outcome: DeskOutcome }) {
  const printSlip = useDesk((state) => state.printSlip);
  const { reprint, list } = outcome;
  return (
    <div className={`outcome outcome-${outcome.outcome.toLowerCase()}`}>
      <div role={outcome.outcome === 'ERROR' ? 'alert' : 'status'}>
        <p className="outcome-title">{outcome.title}</p>
        {outcome.value !== null && <p className="outcome-value">{outcome.value}</p>}
        <p>{outcome.message}</p>
        {outcome.receivedAt !== undefined && (
          <p>
            Received <DateText value={outcome.receivedAt} instant />
          </p>
        )}
        {outcome.holdUntil !== undefined && (
          <p className="outcome-date">
            Hold until <DateText value={outcome.holdUntil} />
          </p>
        )}
        {outcome.shelving && <Shelving {...outcome.shelving} />}
        {outcome.notes?.map((note) => (
          <p key={note} className="outcome-note">
            {note}
          </p>
        ))}
        {list && (
          <>
            <p className="outcome-list-heading">{list.heading}:</p>
            <ul className="outcome-list">
              {list.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {reprint && (
        <p>
          <button type="button" onClick={() => void printSlip(reprint.kind, [reprint.requestId])}>
            {reprint.label}
          </button>
        </p>
      )}
    </div>
  );
}

/** "Reshelve at Science Library · QA76.6 .C662 2022", large enough to read from the book truck. */
function Shelving({
  location,
  callNumber,
}: {
  location: string | null;
  callNumber: string | null;
}) {
  return (
    <dl className="outcome-shelving">
      <div>
        <dt>Reshelve at</dt>
        <dd>{location ?? 'No location on file: check the catalogue.'}</dd>
      </div>
      <div>
        <dt>Call number</dt>
        <dd className="code">{callNumber ?? 'None on file'}</dd>
      </div>
    </dl>
  );
}
