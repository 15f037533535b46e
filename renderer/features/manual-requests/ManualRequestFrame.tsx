import type { FormEvent, ReactNode } from 'react';
import { FormNotice } from '../../ui/form-notice.tsx';
import type { ManualOutcome } from './manual-requests-slice.ts';

/**
 * What both manual request forms sit in: a section that opens on demand, the named form, its
 * Add button (saying "Adding…" while the desk works) and what the desk said about the last try.
 */
export function ManualRequestFrame({
  summary,
  name,
  submitLabel,
  saving,
  outcome,
  onOpen,
  onSubmit,
  children,
}: {
  summary: string;
  name: string;
  submitLabel: string;
  saving: boolean;
  outcome: ManualOutcome | null;
  onOpen: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <details className="manual-request" onToggle={onOpen}>
      <summary>{summary}</summary>
      <form
        className="settings-form"
        aria-label={name}
        noValidate
        onSubmit={(e) => void onSubmit(e)}
      >
        {children}
        <p className="form-buttons">
          <button type="submit" disabled={saving}>
            {saving ? 'Adding…' : submitLabel}
          </button>
        </p>
        {outcome && (
          <FormNotice
            ok={outcome.ok}
            text={outcome.ok ? outcome.message : `Not added: ${outcome.message}`}
          />
        )}
      </form>
    </details>
  );
}
