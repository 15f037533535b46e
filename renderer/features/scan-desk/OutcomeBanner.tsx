import { useDesk } from '../../app/use-desk.ts';
import type { ScanScreen } from '../../../shared/scanning/scan-kinds.ts';

const TITLES = { OK: 'Found', WARNING: 'Check this', ERROR: 'Not done' } as const;

/**
 * The outcome of the latest scan on this screen, large: staff glance at it while handling the
 * book. Screen readers hear it through role="status" (an error through role="alert").
 */
export function OutcomeBanner({ screen }: { screen: ScanScreen }) {
  const last = useDesk((state) => state.scanning.last);
  const error = useDesk((state) => state.scanning.error);
  if (error) {
    return (
      <div className="outcome outcome-error" role="alert">
        <p className="outcome-title">Not done</p>
        <p>{error}</p>
      </div>
    );
  }
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
      <p className="outcome-title">{TITLES[last.outcome]}</p>
      <p className="outcome-value">{last.value}</p>
      <p>{last.message}</p>
    </div>
  );
}
