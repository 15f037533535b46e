import { useEffect } from 'react';
import type { RequestSlipKind } from '../../../shared/api/contract-printing.ts';
import { SLIP_NAMES } from '../../../shared/printing/slip-document.ts';
import { useDesk } from '../../app/use-desk.ts';
import type { ListKind } from '../request-lists/list-query.ts';
import { PrintJobsTable } from './PrintJobsTable.tsx';
import { SlipPreview } from './SlipPreview.tsx';

/** The slips a request of each kind has: borrowed items get receive and return slips. */
const SLIPS_OF: Readonly<Record<ListKind, readonly RequestSlipKind[]>> = {
  borrowing: ['RECEIVE_SLIP', 'RETURN_SLIP'],
  lending: ['PULL_SLIP', 'SHIPPING_SLIP'],
};

/** A request's slips: print or preview each, and every slip printed for it, with Reprint. */
export function RequestSlips({ kind, requestId }: { kind: ListKind; requestId: string }) {
  const printing = useDesk((state) => state.printing);
  const loadJobs = useDesk((state) => state.loadPrintJobs);
  const printSlip = useDesk((state) => state.printSlip);
  const previewSlip = useDesk((state) => state.previewSlip);
  const closePreview = useDesk((state) => state.closePreview);

  useEffect(() => {
    void loadJobs(requestId);
    return closePreview;
  }, [loadJobs, closePreview, requestId]);

  const jobs = printing.requestJobs?.requestId === requestId ? printing.requestJobs.jobs : [];
  const preview = printing.preview;
  return (
    <section className="request-slips" aria-labelledby="slips-heading">
      <h2 id="slips-heading">Slips</h2>
      <div className="button-row">
        {SLIPS_OF[kind].map((slip) => (
          <span key={slip} className="button-pair">
            <button type="button" onClick={() => void printSlip(slip, [requestId])}>
              Print {SLIP_NAMES[slip].toLowerCase()}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void previewSlip(slip, [requestId])}
            >
              Preview {SLIP_NAMES[slip].toLowerCase()}
            </button>
          </span>
        ))}
      </div>
      {printing.error !== null && (
        <p role="alert" className="field-error">
          {printing.error}
        </p>
      )}
      {preview && (
        <div className="slip-preview-panel">
          <p>
            {preview.printer === null
              ? 'No printer is set up: this is how the slip would look.'
              : `As it prints on ${preview.printer}.`}{' '}
            <button type="button" className="link-button" onClick={closePreview}>
              Close preview
            </button>
          </p>
          <SlipPreview
            document={preview.document}
            layout={{ paperWidth: preview.paperWidth, barcode: preview.barcode }}
          />
        </div>
      )}
      {jobs.length === 0 ? (
        <p className="muted">No slip has been printed for this request yet.</p>
      ) : (
        <PrintJobsTable jobs={jobs} caption="Slips printed for this request" />
      )}
    </section>
  );
}
