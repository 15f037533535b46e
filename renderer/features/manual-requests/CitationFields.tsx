import { FORMATS, type Format } from '../../../shared/domain/statuses.ts';
import { ManualField } from './ManualField.tsx';

type Citation = { title: string; author: string; isbn: string; neededBy: string };

/**
 * What both manual request forms ask about the item itself: title, author, ISBN, format and the
 * date it is needed by. Ids hang off the form's own `id`; only title and needed-by show a refusal.
 */
export function CitationFields({
  id,
  values,
  set,
  errorOf,
  formatLabel,
  format,
  onFormat,
}: {
  id: string;
  values: Citation;
  set: (field: keyof Citation) => (value: string) => void;
  errorOf: (field: keyof Citation) => string | undefined;
  formatLabel: string;
  format: Format;
  onFormat: (format: Format) => void;
}) {
  return (
    <>
      <ManualField
        id={`${id}-title`}
        label="Title"
        value={values.title}
        onChange={set('title')}
        error={errorOf('title')}
      />
      <ManualField
        id={`${id}-author`}
        label="Author"
        value={values.author}
        onChange={set('author')}
      />
      <ManualField id={`${id}-isbn`} label="ISBN" value={values.isbn} onChange={set('isbn')} />
      <div className="settings-field">
        <label htmlFor={`${id}-format`}>{formatLabel}</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(e) => onFormat(e.target.value as Format)}
        >
          {Object.entries(FORMATS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <ManualField
        id={`${id}-needed`}
        label="Needed by"
        type="date"
        value={values.neededBy}
        onChange={set('neededBy')}
        error={errorOf('neededBy')}
      />
    </>
  );
}
