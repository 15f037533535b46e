import type { PrintJob } from '../../../shared/api/contract-printing.ts';
import { useDesk } from '../../app/use-desk.ts';
import { DateText } from '../../ui/DateText.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { isOpenJob, jobStateText } from './print-job-text.ts';

/** Print jobs, newest first, with Reprint for each and Retry / Withdraw for unprinted ones. */
export function PrintJobsTable({
  jobs,
  caption,
  showRequest = false,
}: {
  jobs: readonly PrintJob[];
  caption: string;
  showRequest?: boolean;
}) {
  const reprint = useDesk((state) => state.reprint);
  const retry = useDesk((state) => state.retryPrintJob);
  const withdraw = useDesk((state) => state.withdrawPrintJob);
  return (
    <table className="results print-jobs">
      <TableHead
        caption={caption}
        columns={['Made', 'Slip', showRequest && 'Request', 'Printer', 'State']}
        actions="Actions"
      />
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <td className="nowrap">
              <DateText value={job.createdAt} instant />
            </td>
            <td>{job.title}</td>
            {showRequest && <td>{job.requestId ?? ''}</td>}
            <td>{job.printer}</td>
            <td>{jobStateText(job)}</td>
            <td className="row-actions">
              <button
                type="button"
                className="secondary"
                aria-label={`Reprint ${job.title}`}
                onClick={() => void reprint(job.id)}
              >
                Reprint
              </button>
              {isOpenJob(job) && (
                <>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Retry ${job.title} now`}
                    onClick={() => void retry(job.id)}
                  >
                    Retry now
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Withdraw ${job.title}`}
                    onClick={() => void withdraw(job.id)}
                  >
                    Withdraw
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
