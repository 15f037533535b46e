import { useState } from 'react';

/**
 * The Settings sections that list records above one form (Operators, Workflow profiles, Rotas):
 * Change puts a record in the form, Cancel or a save returns it to "Add", and the last save's
 * message stays on show. A fresh Add form follows each addition (its key changes).
 */
export interface EditableList<T> {
  readonly editing: T | null;
  /** What the last save said, until the next Change. */
  readonly saved: string | null;
  /** The key for the Add form: a new one after each addition, so its fields start empty. */
  readonly addKey: string;
  readonly edit: (record: T) => void;
  readonly cancel: () => void;
  readonly done: (message: string, wasNew: boolean) => void;
}

export function useEditableList<T>(): EditableList<T> {
  const [editing, setEditing] = useState<T | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  return {
    editing,
    saved,
    addKey: `new-${added}`,
    edit: (record) => {
      setSaved(null);
      setEditing(record);
    },
    cancel: () => setEditing(null),
    done: (message, wasNew) => {
      setSaved(message);
      setEditing(null);
      if (wasNew) setAdded((count) => count + 1);
    },
  };
}

/** A row's Change button, named for its record so each is told apart by ear. */
export function ChangeButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" className="secondary" aria-label={`Change ${name}`} onClick={onClick}>
      Change
    </button>
  );
}

/** What the last save said. */
export function SavedNote({ message }: { message: string | null }) {
  return message === null ? null : (
    <p className="settings-saved" role="status">
      {message}
    </p>
  );
}

/**
 * The foot of a record's form: Save changes (or Add …), Cancel while changing one, and the desk's
 * refusal when it gave no field of its own.
 */
export function RecordFormButtons({
  saving,
  editing,
  addLabel,
  onCancel,
  refusal,
}: {
  saving: boolean;
  editing: boolean;
  /** "Add operator", "Add profile", … */
  addLabel: string;
  onCancel: (() => void) | undefined;
  refusal: string | null;
}) {
  return (
    <>
      <p className="form-buttons">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : addLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </p>
      {refusal !== null && (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
