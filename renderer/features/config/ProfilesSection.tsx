import type { WorkflowProfileRow } from '../../../shared/api/contract-config.ts';
import { stepLabel } from '../../../shared/domain/workflow-profiles.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ChangeButton, SavedNote, useEditableList } from '../../ui/editable-list.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/**
 * Settings → Workflow profiles for a Manager: which optional steps (Will Supply, Conditional, …)
 * apply to the partners that follow each profile. The desk's row actions follow a change at once.
 * PartnersSection loads the profiles with the partners.
 */
export function ProfilesSection() {
  const profiles = useDesk((state) => state.config.profiles);
  const list = useEditableList<WorkflowProfileRow>();

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
                  <ChangeButton name={profile.name} onClick={() => list.edit(profile)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SavedNote message={list.saved} />
      {list.editing ? (
        <ProfileForm
          key={`edit-${list.editing.id}`}
          editing={list.editing}
          onSaved={(message) => list.done(message, false)}
          onCancel={list.cancel}
        />
      ) : (
        <ProfileForm
          key={list.addKey}
          editing={null}
          onSaved={(message) => list.done(message, true)}
        />
      )}
    </section>
  );
}
