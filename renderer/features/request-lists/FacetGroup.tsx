import { useId } from 'react';
import type { FacetOption } from './list-selectors.ts';

/** One facet (Status or Partner): each value with its count; pressing one toggles its filter. */
export function FacetGroup({
  title,
  options,
  onToggle,
}: {
  title: string;
  options: readonly FacetOption[];
  onToggle: (option: FacetOption) => void;
}) {
  const headingId = useId();
  return (
    <div className="facet-group" role="group" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {options.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul>
          {options.map((option) => (
            <li key={option.value}>
              <button type="button" aria-pressed={option.active} onClick={() => onToggle(option)}>
                <span className="facet-label">{option.label}</span>
                {option.count !== null && <span className="facet-count">({option.count})</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
