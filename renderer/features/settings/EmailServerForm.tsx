import { useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../shared/api/result.ts';
import type { EmailSettings, SmtpSecurity } from '../../../shared/settings/email-settings.ts';
import { useDesk } from '../../app/use-desk.ts';
import { FormNotice } from '../../ui/form-notice.tsx';

type FieldName = 'fromAddress' | 'fromName' | 'host' | 'port' | 'user';
type Draft = Readonly<Record<FieldName, string>> & { readonly security: SmtpSecurity };
type FieldErrors = Partial<Record<FieldName | 'security', string>>;
type Notice = { readonly ok: boolean; readonly text: string };

const FIELDS: readonly { name: FieldName; label: string; hint: string; type?: string }[] = [
  {
    name: 'fromAddress',
    label: 'From address',
    hint: 'Every letter comes from this address, and partners reply to it.',
    type: 'email',
  },
  {
    name: 'fromName',
    label: 'From name',
    hint: 'The name beside it. Empty uses the desk name and institution.',
  },
  {
    name: 'host',
    label: 'SMTP server',
    hint: 'Your mail server, like smtp.example.edu. Leave it empty to write each letter as an .eml file instead.',
  },
  { name: 'port', label: 'Port', hint: 'Usually 587 with STARTTLS, 465 with TLS, 25 with none.' },
  {
    name: 'user',
    label: 'User',
    hint: 'The SMTP login. Empty sends without logging in.',
  },
];

const SECURITY: readonly { value: SmtpSecurity; label: string }[] = [
  { value: 'STARTTLS', label: 'STARTTLS (upgrade the connection, port 587)' },
  { value: 'TLS', label: 'TLS from the start (port 465)' },
  { value: 'NONE', label: 'None (a relay on the local network, port 25)' },
];

function draftOf(saved: EmailSettings): Draft {
  return { ...saved, port: String(saved.port) };
}

function errorsOf(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.path.replace(/^email\./, '') as keyof FieldErrors;
    errors[name] ??= issue.message;
  }
  return errors;
}

/**
 * How letters leave the desk: the SMTP server, or .eml files when none is set. The password is
 * write-only: it is sent to the desk once and never shown again, only whether one is set.
 */
export function EmailServerForm({ saved }: { saved: EmailSettings }) {
  const updateSetting = useDesk((state) => state.updateSetting);
  const status = useDesk((state) => state.letters.email);
  const loadEmailStatus = useDesk((state) => state.loadEmailStatus);
  const setSmtpPassword = useDesk((state) => state.setSmtpPassword);
  const sendTestEmail = useDesk((state) => state.sendTestEmail);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [password, setPassword] = useState('');
  const [passwordNotice, setPasswordNotice] = useState<Notice | null>(null);
  const [testTo, setTestTo] = useState('');
  const [testNotice, setTestNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    const port = Number(draft.port);
    const result = await updateSetting({
      key: 'email',
      value: {
        ...draft,
        port: draft.port.trim() !== '' && Number.isFinite(port) ? port : draft.port,
      },
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(errorsOf(result.error.issues ?? []));
      setNotice({ ok: false, text: `Email settings were not saved: ${result.error.message}` });
      return;
    }
    setDraft(draftOf(result.value.email));
    setErrors({});
    const how =
      result.value.email.host === ''
        ? 'No SMTP server is set: letters are written as .eml files.'
        : `Letters go through ${result.value.email.host}.`;
    setNotice({ ok: true, text: `Email settings saved. ${how}` });
    await loadEmailStatus();
  }

  async function changePassword(value: string | null): Promise<void> {
    const result = await setSmtpPassword(value);
    setPassword('');
    setPasswordNotice(
      result.ok
        ? { ok: true, text: value === null ? 'The password was removed.' : 'The password is set.' }
        : { ok: false, text: result.error.message },
    );
  }

  async function sendTest(): Promise<void> {
    setTestNotice(null);
    setBusy(true);
    const result = await sendTestEmail(testTo);
    setBusy(false);
    setTestNotice(
      result.ok
        ? { ok: true, text: result.value.message }
        : { ok: false, text: result.error.message },
    );
  }

  const noticeOf = (n: Notice | null) => n && <FormNotice ok={n.ok} text={n.text} />;

  return (
    <div className="settings-form">
      <form aria-labelledby="email-server-heading" noValidate onSubmit={(e) => void save(e)}>
        <h3 id="email-server-heading">Email server</h3>
        {status && (
          <p className="field-hint">
            {status.sendsBy === 'smtp'
              ? 'Letters are sent through the SMTP server below.'
              : 'No SMTP server is set: each letter is written as an .eml file into '}
            {status.sendsBy === 'eml' && <span className="code">{status.mailFolder}</span>}
          </p>
        )}
        {FIELDS.map((field) => {
          const id = `email-${field.name}`;
          const error = errors[field.name];
          return (
            <div className="settings-field" key={field.name}>
              <label htmlFor={id}>{field.label}</label>
              <input
                id={id}
                type={field.type ?? 'text'}
                className={field.name === 'port' ? 'code' : undefined}
                inputMode={field.name === 'port' ? 'numeric' : undefined}
                autoComplete="off"
                spellCheck={false}
                value={draft[field.name]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
                onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
              />
              <p id={`${id}-hint`} className="field-hint">
                {field.hint}
              </p>
              {error && (
                <p id={`${id}-error`} className="field-error">
                  {field.label}: {error}
                </p>
              )}
            </div>
          );
        })}
        <div className="settings-field">
          <label htmlFor="email-security">Security</label>
          <select
            id="email-security"
            value={draft.security}
            onChange={(event) =>
              setDraft({ ...draft, security: event.target.value as SmtpSecurity })
            }
          >
            {SECURITY.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            Save email settings
          </button>
        </p>
        {noticeOf(notice)}
      </form>

      <form
        aria-labelledby="email-password-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void changePassword(password);
        }}
      >
        <h4 id="email-password-heading">SMTP password</h4>
        <p className="field-hint" role="status">
          {status?.passwordSet ? 'A password is set.' : 'No password is set.'} It is never shown
          again once set; type a new one to change it.
        </p>
        <div className="settings-field">
          <label htmlFor="email-password">New password</label>
          <input
            id="email-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <p className="row-actions">
          <button type="submit" disabled={password === ''}>
            Set password
          </button>
          {status?.passwordSet && (
            <button type="button" className="secondary" onClick={() => void changePassword(null)}>
              Remove password
            </button>
          )}
        </p>
        {noticeOf(passwordNotice)}
      </form>

      <form
        aria-labelledby="email-test-heading"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void sendTest();
        }}
      >
        <h4 id="email-test-heading">Send a test message</h4>
        <div className="settings-field">
          <label htmlFor="email-test-to">Send it to</label>
          <input
            id="email-test-to"
            type="email"
            autoComplete="off"
            value={testTo}
            onChange={(event) => setTestTo(event.target.value)}
          />
          <p className="field-hint">Uses the saved settings above: save your changes first.</p>
        </div>
        <p>
          <button type="submit" disabled={busy || testTo.trim() === ''}>
            Send test
          </button>
        </p>
        {noticeOf(testNotice)}
      </form>
    </div>
  );
}
