import { useEffect } from 'react';
import { ROLE_LABELS, type Operator } from '../../../shared/api/contract-operators.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ChangeButton, SavedNote, useEditableList } from '../../ui/editable-list.tsx';
import { TableHead } from '../../ui/TableHead.tsx';
import { OperatorForm } from './OperatorForm.tsx';

/**
 * Settings → Operators (Manager only): who may sign in at the desk, their role, PIN and whether
 * they are active. In setup mode it explains that the first operator ends it.
 */
export function OperatorsSection() {
  const all = useDesk((state) => state.operators.all);
  const listError = useDesk((state) => state.operators.listError);
  const setupMode = useDesk((state) => state.operators.session?.setupMode ?? false);
  const loadOperators = useDesk((state) => state.loadOperators);
  const list = useEditableList<Operator>();

  useEffect(() => {
    void loadOperators();
  }, [loadOperators]);

  return (
    <section aria-labelledby="operators-heading">
      <h2 id="operators-heading">Operators</h2>
      {setupMode ? (
        <p>
          No operators yet, so the desk is in setup mode: whoever is at it may do everything,
          without signing in. Add the first operator, a {ROLE_LABELS.MANAGER}, to end setup mode;
          this window is then signed in as them, and everyone else chooses their name when the desk
          opens.
        </p>
      ) : (
        <p>
          Staff choose their name when the desk opens; a PIN, if set, is asked for then. Only a{' '}
          {ROLE_LABELS.MANAGER} sees tasks assigned to others, reassigns other people&apos;s tasks,
          removes or reactivates requests, and changes settings and operators.
        </p>
      )}
      {listError !== null && (
        <ErrorAlert message={listError} onRetry={() => void loadOperators()} />
      )}
      {all && all.length > 0 && (
        <table className="results">
          <TableHead
            caption="Operators"
            columns={['Name', 'Role', 'PIN', 'Active']}
            actions="Change"
          />
          <tbody>
            {all.map((operator) => (
              <tr key={operator.id}>
                <td>{operator.name}</td>
                <td>{ROLE_LABELS[operator.role]}</td>
                <td>{operator.hasPin ? 'Set' : 'None'}</td>
                <td>{operator.active ? 'Yes' : 'No'}</td>
                <td>
                  <ChangeButton name={operator.name} onClick={() => list.edit(operator)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SavedNote message={list.saved} />
      {list.editing ? (
        <OperatorForm
          key={`edit-${list.editing.id}`}
          editing={list.editing}
          firstOperator={false}
          onSaved={(message) => list.done(message, false)}
          onCancel={list.cancel}
        />
      ) : (
        <OperatorForm
          key={list.addKey}
          editing={null}
          firstOperator={setupMode}
          onSaved={(message) => list.done(message, true)}
        />
      )}
    </section>
  );
}
