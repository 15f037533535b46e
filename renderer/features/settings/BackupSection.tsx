import { useEffect, useState, type FormEvent } from 'react';
import type { BackupStatus } from '../../../shared/api/contract-backup.ts';
import { describeRequests, describeSize } from '../../../shared/backup/backup-text.ts';
import type { FieldIssue } from '../../../shared/api/result.ts';
import type { BackupSettings } from '../../../shared/settings/backup-settings.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatInstant } from '../../ui/format-date.ts';
import { FormNotice } from '../../ui/form-notice.tsx';

type FieldName = 'keep' | 'folder';
type FieldErrors = Partial<Record<FieldName, string>>;

/** What the daily backup last did, in one sentence. */
function lastBackupText(status: BackupStatus): string {
  const run = status.lastRun;
  if (run === null) return 'None yet.';
  const when = formatInstant(run.at);
  if (run.error !== null) return `Failed on ${when}: ${run.error}`;
  if (run.file === null) return `None on ${when}: automatic backups were off.`;
  return `${when}: ${run.file} (${describeSize(run.bytes)}, ${describeRequests(run)})`;
}

/** The desk's refusal, field by field: its issues are at `backup.<field>`. */
function fieldErrorsOf(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.path.replace(/^backup\./, '');
    if (name === 'keep' || name === 'folder') errors[name] ??= issue.message;
  }
  return errors;
}

/**
 * Settings → Backup for a Manager: where backups go, how many daily ones are kept (0 turns them
 * off), and what the last daily backup did. Backing up by hand and restoring are command-line
 * tasks (`rs-desk backup`, `rs-desk restore`), named here so a manager knows they exist.
 */
export function BackupSection({ saved }: { saved: BackupSettings }) {
  const backup = useDesk((state) => state.backup);
  const load = useDesk((state) => state.loadBackupStatus);
  const updateSetting = useDesk((state) => state.updateSetting);
  const [keep, setKeep] = useState(String(saved.keep));
  const [folder, setFolder] = useState(saved.folder ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ saved: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setNotice(null);
    const count = Number(keep);
    const result = await updateSetting({
      key: 'backup',
      value: {
        // Text that is not a number goes as it is, so the refusal says what is wrong with it.
        keep: keep.trim() !== '' && Number.isFinite(count) ? count : keep,
        ...(folder.trim() === '' ? {} : { folder: folder.trim() }),
      },
    });
    setSaving(false);
    if (!result.ok) {
      const fieldErrors = fieldErrorsOf(result.error.issues ?? []);
      setErrors(fieldErrors);
      const marked = Object.keys(fieldErrors).length > 0;
      setNotice({
        saved: false,
        text: `Backup settings were not saved: ${marked ? 'correct the fields marked below.' : result.error.message}`,
      });
      return;
    }
    setErrors({});
    setKeep(String(result.value.backup.keep));
    setFolder(result.value.backup.folder ?? '');
    setNotice({ saved: true, text: 'Backup settings saved.' });
    void load();
  }

  const field = (name: FieldName) => ({
    id: `backup-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name]
      ? `backup-${name}-hint backup-${name}-error`
      : `backup-${name}-hint`,
  });

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p>
        Once a day (as the day starts, or when the desk first opens that day) RS Desk copies its
        database into the backups folder while the desk keeps working. To make a copy at any time,
        run <code>rs-desk backup</code>; to put one back, close RS Desk and run{' '}
        <code>rs-desk restore FILE</code>, which keeps the database it replaces.
      </p>
      {backup.error !== null && <ErrorAlert message={backup.error} onRetry={() => void load()} />}
      {backup.status && (
        <dl className="fields">
          <div>
            <dt>Backups folder</dt>
            <dd className="code">{backup.status.folder}</dd>
          </div>
          <div>
            <dt>Automatic backups</dt>
            <dd>
              {backup.status.keep === 0
                ? 'Off'
                : `The newest ${backup.status.keep} are kept; ${backup.status.automaticCount} in the folder now.`}
            </dd>
          </div>
          <div>
            <dt>Last automatic backup</dt>
            <dd>{lastBackupText(backup.status)}</dd>
          </div>
        </dl>
      )}
      <form
        className="settings-form"
        aria-labelledby="backup-settings-heading"
        noValidate
        onSubmit={(event) => void save(event)}
      >
        <h3 id="backup-settings-heading">Automatic backups</h3>
        <div className="settings-field">
          <label htmlFor="backup-keep">Automatic backups to keep</label>
          <input
            {...field('keep')}
            className="code"
            inputMode="numeric"
            autoComplete="off"
            value={keep}
            onChange={(event) => setKeep(event.target.value)}
          />
          <p id="backup-keep-hint" className="field-hint">
            The newest are kept and older ones deleted (0 to 365; 0 turns automatic backups off).
            Backups made with rs-desk backup and the copies a restore keeps are never deleted.
          </p>
          {errors.keep && (
            <p id="backup-keep-error" className="field-error">
              Automatic backups to keep: {errors.keep}
            </p>
          )}
        </div>
        <div className="settings-field">
          <label htmlFor="backup-folder">Backups folder</label>
          <input
            {...field('folder')}
            className="code"
            size={50}
            autoComplete="off"
            spellCheck={false}
            value={folder}
            onChange={(event) => setFolder(event.target.value)}
          />
          <p id="backup-folder-hint" className="field-hint">
            A full path on this computer, best on another disk; leave empty for the backups folder
            in the data directory.
          </p>
          {errors.folder && (
            <p id="backup-folder-error" className="field-error">
              Backups folder: {errors.folder}
            </p>
          )}
        </div>
        <p>
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save backup settings'}
          </button>
        </p>
        {notice && <FormNotice ok={notice.saved} text={notice.text} />}
      </form>
    </section>
  );
}
