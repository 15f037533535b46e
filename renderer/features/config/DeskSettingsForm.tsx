import { useState, type FormEvent } from 'react';
import type { Input } from '../../../shared/api/contract.ts';
import { deskSettingsSchema, type DeskSettings } from '../../../shared/settings/desk-settings.ts';
import { useDesk } from '../../app/use-desk.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type DeskFields = Pick<
  DeskSettings,
  'institution' | 'deskName' | 'holdShelfDays' | 'closedWeekdays'
>;

/** Why a value was refused, and what to do, for the one field that holds it. */
const REFUSALS: Readonly<Record<keyof DeskFields, string>> = {
  institution: 'the institution needs a name of 1 to 200 characters.',
  deskName: 'the desk needs a name of 1 to 200 characters.',
  holdShelfDays: 'hold-shelf days must be a whole number from 1 to 90.',
  closedWeekdays: 'at least one weekday must stay open.',
};

/**
 * Settings → Desk for a Manager: the institution and desk name the slips and header print, how
 * long the hold shelf keeps an item, and the weekdays the desk is closed (Hold Until skips them).
 * Every changed setting is checked against its schema before any is saved, so a refused value
 * leaves all four as they were; the desk checks each again as it stores it.
 */
export function DeskSettingsForm({ settings }: { settings: DeskSettings }) {
  const updateSetting = useDesk((state) => state.updateSetting);
  const [values, setValues] = useState<DeskFields>({
    institution: settings.institution,
    deskName: settings.deskName,
    holdShelfDays: settings.holdShelfDays,
    closedWeekdays: settings.closedWeekdays,
  });
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const change = (part: Partial<DeskFields>) => setValues((v) => ({ ...v, ...part }));

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    const updates: Input<'settings.update'>[] = [];
    if (values.institution !== settings.institution)
      updates.push({ key: 'institution', value: values.institution });
    if (values.deskName !== settings.deskName)
      updates.push({ key: 'deskName', value: values.deskName });
    if (values.holdShelfDays !== settings.holdShelfDays)
      updates.push({ key: 'holdShelfDays', value: values.holdShelfDays });
    if (values.closedWeekdays.join() !== settings.closedWeekdays.join())
      updates.push({ key: 'closedWeekdays', value: values.closedWeekdays });
    const refused = updates.find((u) => !deskSettingsSchema[u.key].safeParse(u.value).success);
    if (refused) {
      setSaving(false);
      setMessage({ text: `Not saved: ${REFUSALS[refused.key as keyof DeskFields]}`, failed: true });
      return;
    }
    for (const update of updates) {
      const result = await updateSetting(update);
      if (!result.ok) {
        setSaving(false);
        setMessage({ text: `Not saved: ${result.error.message}`, failed: true });
        return;
      }
    }
    setSaving(false);
    setMessage({
      text: updates.length > 0 ? 'Desk settings saved.' : 'Nothing changed.',
      failed: false,
    });
  }

  function toggleDay(day: number, closed: boolean): void {
    const others = values.closedWeekdays.filter((d) => d !== day);
    change({ closedWeekdays: closed ? [...others, day].sort((a, b) => a - b) : others });
  }

  return (
    <form
      className="settings-form"
      aria-labelledby="desk-settings-heading"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <h3 id="desk-settings-heading">Desk settings</h3>
      <div className="settings-field">
        <label htmlFor="desk-institution">Institution</label>
        <input
          id="desk-institution"
          value={values.institution}
          onChange={(event) => change({ institution: event.target.value })}
        />
      </div>
      <div className="settings-field">
        <label htmlFor="desk-name">Desk name</label>
        <input
          id="desk-name"
          value={values.deskName}
          onChange={(event) => change({ deskName: event.target.value })}
        />
      </div>
      <div className="settings-field">
        <label htmlFor="desk-hold-shelf">Hold shelf (days)</label>
        <input
          id="desk-hold-shelf"
          type="number"
          min={1}
          max={90}
          value={values.holdShelfDays}
          onChange={(event) => change({ holdShelfDays: Number(event.target.value) })}
        />
        <p className="field-hint">How long a received item waits for its patron: 1 to 90 days.</p>
      </div>
      <fieldset className="settings-fieldset">
        <legend>Closed on</legend>
        {WEEKDAYS.map((name, day) => (
          <div className="settings-field checkbox-field" key={name}>
            <input
              id={`desk-closed-${day}`}
              type="checkbox"
              checked={values.closedWeekdays.includes(day)}
              onChange={(event) => toggleDay(day, event.target.checked)}
            />
            <label htmlFor={`desk-closed-${day}`}>{name}</label>
          </div>
        ))}
      </fieldset>
      <p className="form-buttons">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save desk settings'}
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
    </form>
  );
}
