import { useRef, useState } from 'react';
import { FORMATS } from '../../../shared/domain/lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import { editFormOf, editInput, type EditForm } from './lending-action-forms.ts';
import type { LendingActionDialog } from './lending-actions-slice.ts';
import { NoteField } from './NoteFields.tsx';

/**
 * Edit: the request's attributes as the seed's Request Attribute fields list them. Only what staff
 * changed is sent, so an edit never overwrites a field someone else changed meanwhile.
 */
export function EditRequestDialog({ dialog }: { dialog: LendingActionDialog }) {
  const submit = useDesk((state) => state.submitLendingForm);
  const [edited, setEdited] = useState<EditForm | null>(null);
  const titleField = useRef<HTMLInputElement>(null);
  const { target, detail } = dialog;
  const before = detail ? editFormOf(detail) : null;
  const form = edited ?? before;
  const fields = dialog.error?.fields ?? {};
  const change = (part: Partial<EditForm>) => {
    if (form) setEdited({ ...form, ...part });
  };

  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Edit ${target.requestId}`}
      lead="Correct what the partner sent; only the fields you change are saved."
      submitLabel="Save"
      savingLabel="Saving…"
      initialFocus={titleField}
      ready={form !== null}
      onSubmit={() => {
        if (!form || !before) return;
        void submit('lending.edit', editInput(target.requestId, before, form));
      }}
    >
      {form && (
        <>
          <FormField label="Title" error={fields.title}>
            {(control) => (
              <input
                {...control}
                ref={titleField}
                type="text"
                autoComplete="off"
                value={form.title}
                onChange={(event) => change({ title: event.target.value })}
              />
            )}
          </FormField>
          <div className="dialog-row dialog-notes">
            <FormField label="Author" error={fields.author}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="off"
                  value={form.author}
                  onChange={(event) => change({ author: event.target.value })}
                />
              )}
            </FormField>
            <FormField label="ISBN" error={fields.isbn}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="code"
                  autoComplete="off"
                  spellCheck={false}
                  value={form.isbn}
                  onChange={(event) => change({ isbn: event.target.value })}
                />
              )}
            </FormField>
          </div>
          <div className="dialog-row dialog-notes">
            <FormField label="Requested format" error={fields.requestedFormat}>
              {(control) => (
                <select
                  {...control}
                  value={form.requestedFormat}
                  onChange={(event) => change({ requestedFormat: event.target.value })}
                >
                  {Object.entries(FORMATS).map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label="Level of service" error={fields.levelOfService}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  autoComplete="off"
                  value={form.levelOfService}
                  onChange={(event) => change({ levelOfService: event.target.value })}
                />
              )}
            </FormField>
            <FormField label="Needed by" error={fields.neededBy}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={form.neededBy}
                  onChange={(event) => change({ neededBy: event.target.value })}
                />
              )}
            </FormField>
          </div>
          <NoteField
            label="Note"
            value={form.note}
            error={fields.note}
            onChange={(note) => change({ note })}
          />
        </>
      )}
    </ActionDialogFrame>
  );
}
