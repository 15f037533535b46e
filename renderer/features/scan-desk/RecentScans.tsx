import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { recentScanCells } from './recent-scan-text.ts';

/**
 * The journal's last scans with their outcomes and what each was applied as, so staff can see
 * what happened to each book — and, after the desk stopped mid-scan, which ones to scan again.
 */
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
              <th scope="col">Desk action</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((scan) => {
              const cells = recentScanCells(scan);
              return (
                <tr key={scan.id}>
                  <td>
                    <DateText value={scan.at} instant />
                  </td>
                  <td className="mono">{cells.scanned}</td>
                  <td>{cells.screen}</td>
                  <td>{cells.outcome}</td>
                  <td>{cells.deskAction}</td>
                  <td>{cells.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
