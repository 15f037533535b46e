import { useId, useState } from 'react';
import { useDesk } from '../../app/use-desk.ts';

/** Hands the browser a file to save, as a download link would. */
function download(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Settings → Export configuration: the partners and their workflow profiles as an import file, so
 * `rs-desk import` sets a second desk up the same way. Security codes stay out unless asked for.
 */
export function ConfigExportSection() {
  const exportConfig = useDesk((state) => state.exportConfig);
  const id = useId();
  const [withCodes, setWithCodes] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  async function run(): Promise<void> {
    const result = await exportConfig({ includeSecurityCodes: withCodes });
    if (!result.ok) {
      setMessage({ text: `Nothing was exported: ${result.error.message}`, failed: true });
      return;
    }
    download(result.value.fileName, result.value.json);
    setMessage({ text: `Saved as ${result.value.fileName}.`, failed: false });
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Export configuration</h2>
      <p>
        The partners and the workflow profiles they follow, as a file a second desk imports with
        rs-desk import.
      </p>
      <div className="settings-field checkbox-field">
        <input
          id={`${id}-codes`}
          type="checkbox"
          checked={withCodes}
          onChange={(event) => setWithCodes(event.target.checked)}
        />
        <label htmlFor={`${id}-codes`}>
          Include the ISO 18626 security codes (keep the file as safe as a password)
        </label>
      </div>
      <p className="form-buttons">
        <button type="button" onClick={() => void run()}>
          Export configuration
        </button>
      </p>
      {message !== null && (
        <p
          className={message.failed ? 'field-error' : 'settings-saved'}
          role={message.failed ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
