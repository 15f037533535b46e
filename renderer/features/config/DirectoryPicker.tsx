import { useId, useState } from 'react';
import type { PartnerInput } from '../../../shared/api/contract-config.ts';
import { readPartnerDirectory } from '../../../shared/config/partner-directory.ts';

/**
 * Copying a partner from a partner directory file (JSON in the import format) instead of typing
 * it: choose the file, then the partner; the Add a partner form fills in for checking and saving.
 */
export function DirectoryPicker({ onPick }: { onPick: (partner: PartnerInput) => void }) {
  const id = useId();
  const [entries, setEntries] = useState<readonly PartnerInput[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  async function read(file: File): Promise<void> {
    const reading = readPartnerDirectory(await file.text(), file.name);
    if (reading.ok) {
      setEntries(reading.partners);
      setProblem(null);
    } else {
      setEntries([]);
      setProblem(reading.message);
    }
  }

  return (
    <div className="settings-form">
      <h3>Copy a partner from a directory file</h3>
      <div className="settings-field">
        <label htmlFor={`${id}-file`}>Partner directory file (JSON)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void read(file);
          }}
        />
      </div>
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {entries.length > 0 && (
        <div className="settings-field">
          <label htmlFor={`${id}-entry`}>Partner to copy</label>
          <select
            id={`${id}-entry`}
            value=""
            onChange={(event) => {
              const entry = entries.find((e) => e.code === event.target.value);
              if (entry) onPick(entry);
            }}
          >
            <option value="">Choose a partner…</option>
            {entries.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name} ({entry.code})
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
