import { useState } from 'react';
import type { WorkflowProfileRow } from '../../../shared/api/contract-config.ts';
import { stepLabel } from '../../../shared/domain/workflow-profiles.ts';
import { useDesk } from '../../app/use-desk.ts';
import { TableHead } from '../../ui/TableHead.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/**
 * Settings → Workflow profiles for a Manager: which optional steps (Will Supply, Conditional, …)
 * apply to the partners that follow each profile. The desk's row actions follow a change at once.
 * PartnersSection loads the profiles with the partners.
 */
export function ProfilesSection() {
  const profiles = useDesk((state) => state.config.profiles);
  const [editing, setEditing] = useState<WorkflowProfileRow | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [added, setAdded] = useState(0);

  function done(message: string, wasNew: boolean): void {
    setSaved(message);
    setEditing(null);
    if (wasNew) setAdded((count) => count + 1);
  }

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Workflow profiles</h2>
      {profiles && profiles.length > 0 && (
        <table className="results">
          <TableHead
            caption="Workflow profiles"
            columns={['Name', 'Type', 'Optional steps', 'Partners']}
            actions="Change"
          />
          <tbody>
            {profiles.map((profile) => (
              <tr key={profile.id}>
                <td>{profile.name}</td>
                <td>{profile.type === 'LENDING' ? 'Lending' : 'Borrowing'}</td>
                <td>
                  {profile.steps.map((step) => stepLabel(profile.type, step)).join(', ') || 'None'}
                </td>
                <td>{profile.partners}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Change ${profile.name}`}
                    onClick={() => {
                      setSaved(null);
                      setEditing(profile);
                    }}
                  >
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {saved !== null && (
        <p className="settings-saved" role="status">
          {saved}
        </p>
      )}
      {editing ? (
        <ProfileForm
          key={`edit-${editing.id}`}
          editing={editing}
          onSaved={(message) => done(message, false)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <ProfileForm
          key={`new-${added}`}
          editing={null}
          onSaved={(message) => done(message, true)}
        />
      )}
    </section>
  );
}
