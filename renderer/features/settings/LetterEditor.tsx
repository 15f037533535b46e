import { useState } from 'react';
import type { LetterEntry, RenderedLetterView } from '../../../shared/api/contract-letters.ts';
import type { FieldIssue } from '../../../shared/api/result.ts';
import { useDesk } from '../../app/use-desk.ts';
import { FormNotice } from '../../ui/form-notice.tsx';

type Part = 'subject' | 'text' | 'html';
type Template = LetterEntry['template'];
type PartErrors = Partial<Record<Part, string>>;
type Notice = { readonly ok: boolean; readonly text: string };

const PARTS: readonly { part: Part; label: string; rows?: number }[] = [
  { part: 'subject', label: 'Subject' },
  { part: 'text', label: 'Plain text', rows: 14 },
  { part: 'html', label: 'HTML (empty sends the plain text alone)', rows: 14 },
];

/** The desk's refusal at `template.<part>`, each beside its field. */
function partErrorsOf(issues: readonly FieldIssue[]): PartErrors {
  const errors: PartErrors = {};
  for (const issue of issues) {
    const part = issue.path.replace(/^template\./, '') as Part;
    errors[part] = errors[part] ? `${errors[part]} ${issue.message}` : issue.message;
  }
  return errors;
}

/**
 * One letter's editor: subject, plain text and HTML with named placeholders; Preview fills them
 * with sample values, Save keeps the edit (a placeholder the desk does not know is refused and
 * named beside its field), Reset to default brings the desk's own letter back.
 */
export function LetterEditor({
  entry,
  placeholders,
}: {
  entry: LetterEntry;
  placeholders: readonly { readonly name: string; readonly description: string }[];
}) {
  const saveLetter = useDesk((state) => state.saveLetter);
  const resetLetter = useDesk((state) => state.resetLetter);
  const previewLetter = useDesk((state) => state.previewLetter);
  const [draft, setDraft] = useState<Template>(entry.template);
  const [errors, setErrors] = useState<PartErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [preview, setPreview] = useState<RenderedLetterView | null>(null);
  const [busy, setBusy] = useState(false);

  function refused(message: string, issues: readonly FieldIssue[] | undefined): void {
    setErrors(partErrorsOf(issues ?? []));
    setNotice({ ok: false, text: message });
  }

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setNotice(null);
    await work();
    setBusy(false);
  }

  const showPreview = () =>
    run(async () => {
      const result = await previewLetter({ name: entry.name, template: draft });
      if (!result.ok) {
        setPreview(null);
        refused(result.error.message, result.error.issues);
        return;
      }
      setErrors({});
      setPreview(result.value);
    });

  const save = () =>
    run(async () => {
      const result = await saveLetter({ name: entry.name, template: draft });
      if (!result.ok) {
        refused(result.error.message, result.error.issues);
        return;
      }
      setErrors({});
      setDraft(result.value.template);
      setNotice({
        ok: true,
        text: `The ${entry.name} letter is saved: letters go out like this now.`,
      });
    });

  const reset = () =>
    run(async () => {
      const result = await resetLetter(entry.name);
      if (!result.ok) {
        refused(result.error.message, undefined);
        return;
      }
      setErrors({});
      setPreview(null);
      setDraft(result.value.template);
      setNotice({ ok: true, text: `The ${entry.name} letter is back to the desk's default.` });
    });

  return (
    <form
      className="letter-editor"
      aria-label={`${entry.name} letter`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="field-hint">
        {entry.purpose} {entry.edited ? 'Edited here.' : 'The desk’s default.'}
      </p>
      {PARTS.map(({ part, label, rows }) => {
        const id = `letter-${part}`;
        const error = errors[part];
        const common = {
          id,
          value: draft[part],
          spellCheck: part !== 'html',
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        };
        return (
          <div className="settings-field" key={part}>
            <label htmlFor={id}>{label}</label>
            {rows ? (
              <textarea
                {...common}
                rows={rows}
                className={part === 'html' ? 'code letter-text' : 'letter-text'}
                onChange={(event) => setDraft({ ...draft, [part]: event.target.value })}
              />
            ) : (
              <input
                {...common}
                className="letter-subject"
                onChange={(event) => setDraft({ ...draft, [part]: event.target.value })}
              />
            )}
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <details className="letter-placeholders">
        <summary>Placeholders</summary>
        <p className="field-hint">
          Write a placeholder in double braces, like {'{{dueDate}}'}. Put optional lines between{' '}
          {'{{#note}}'} and {'{{/note}}'}: they show only when the request has that value;{' '}
          {'{{^dueDate}}'}…{'{{/dueDate}}'} shows only when it has not.
        </p>
        <dl>
          {placeholders.map((p) => (
            <div key={p.name}>
              <dt className="code">{`{{${p.name}}}`}</dt>
              <dd>{p.description}</dd>
            </div>
          ))}
        </dl>
      </details>
      <p className="row-actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void showPreview()}
        >
          Preview
        </button>
        <button type="submit" disabled={busy}>
          Save letter
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || !entry.edited}
          onClick={() => void reset()}
        >
          Reset to default
        </button>
      </p>
      {notice && <FormNotice ok={notice.ok} text={notice.text} />}
      {preview && (
        <section className="letter-preview" aria-label="Preview with sample values">
          <h4>Preview with sample values</h4>
          <p>
            <strong>Subject:</strong> <span className="preview-subject">{preview.subject}</span>
          </p>
          <pre className="preview-text">{preview.text}</pre>
          {preview.html !== null && (
            // Sandboxed with no permissions: the letter's HTML runs nothing and reaches nothing.
            <iframe
              className="preview-html"
              title="HTML preview"
              sandbox=""
              srcDoc={preview.html}
            />
          )}
        </section>
      )}
    </form>
  );
}
