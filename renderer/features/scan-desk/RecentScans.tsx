import { NO_SCREEN } from '../../../shared/scanning/scan-kinds.ts';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';

const OUTCOME_TEXT = {
  PENDING: 'Not applied',
  OK: 'OK',
  WARNING: 'Warning',
  ERROR: 'Error',
} as const;

/** The journal's last scans with their outcomes, so staff can see what happened to each book. */
export function RecentScans() {
  const recent = useDesk((state) => state.scanning.recent);
  return (
    <section className="recent-scans" aria-labelledby="recent-scans-heading">
      <h2 id="recent-scans-heading">Recent scans</h2>
      {recent.length === 0 ? (
        <p>No scans yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Scanned</th>
              <th scope="col">Screen</th>
              <th scope="col">Outcome</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((scan) => (
              <tr key={scan.id}>
                <td>
                  <DateText value={scan.at} instant />
                </td>
                <td className="mono">{scan.value}</td>
                {/* A HID scan no window has taken has no screen yet; its message says so. */}
                <td>{scan.screen === NO_SCREEN ? 'None' : scan.screen}</td>
                <td>{OUTCOME_TEXT[scan.outcome]}</td>
                <td>{scan.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
