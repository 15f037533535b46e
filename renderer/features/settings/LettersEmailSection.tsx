import { useEffect, useState } from 'react';
import type { LetterEntry } from '../../../shared/api/contract-letters.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { EmailServerForm } from './EmailServerForm.tsx';
import { LetterEditor } from './LetterEditor.tsx';

/**
 * Settings → Letters and email (Manager only): how letters leave the desk (SMTP or .eml files),
 * the write-only SMTP password, a test message, and the letters themselves.
 */
export function LettersEmailSection() {
  const email = useDesk((state) => state.settings.values?.email ?? null);
  const letters = useDesk((state) => state.letters);
  const loadLetters = useDesk((state) => state.loadLetters);
  const [chosen, setChosen] = useState<LetterEntry['name']>('Lender Ship');

  useEffect(() => {
    void loadLetters();
  }, [loadLetters]);

  const entry = letters.list?.find((l) => l.name === chosen) ?? null;
  return (
    <section aria-labelledby="letters-heading">
      <h2 id="letters-heading">Letters and email</h2>
      <p>
        Email partners and patrons get these letters when the desk moves their requests on. They go
        through your SMTP server, or, with none set, are written as .eml files for you to send.
      </p>
      {letters.error !== null && (
        <ErrorAlert message={letters.error} onRetry={() => void loadLetters()} />
      )}
      {email && <EmailServerForm saved={email} />}
      <div className="settings-form">
        <h3 id="letter-editor-heading">Letters</h3>
        {letters.list && (
          <div className="settings-field">
            <label htmlFor="letter-choice">Letter</label>
            <select
              id="letter-choice"
              value={chosen}
              onChange={(event) => setChosen(event.target.value as LetterEntry['name'])}
            >
              {letters.list.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.edited ? `${l.name} (edited)` : l.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {entry && (
          // A fresh editor (and draft) for each letter chosen.
          <LetterEditor key={entry.name} entry={entry} placeholders={letters.placeholders} />
        )}
      </div>
    </section>
  );
}
