import { useId, type FormEvent } from 'react';

/**
 * The list's Find box: Enter (or the Find button) searches. Uncontrolled; the parent keys it by
 * the applied text so clearing the filters clears the box too.
 */
export function FindBox({
  label,
  placeholder,
  initial,
  onFind,
}: {
  label: string;
  placeholder: string;
  initial: string;
  onFind: (text: string) => void;
}) {
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get('find');
    onFind(typeof text === 'string' ? text : '');
  }
  return (
    <form role="search" className="find-box" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="find-row">
        <input
          id={id}
          name="find"
          type="search"
          defaultValue={initial}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit">Find</button>
      </div>
    </form>
  );
}
