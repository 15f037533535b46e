import { useId, useState } from 'react';
import type { FacetOption } from './list-selectors.ts';

/**
 * One facet (Status, Partner, …): each value with its count; pressing one toggles its filter.
 * A `collapsible` group (the lending task list has eleven) shows its values only when opened,
 * and starts open when asked or when one of its values is an active filter.
 */
export function FacetGroup({
  title,
  options,
  onToggle,
  collapsible,
}: {
  title: string;
  options: readonly FacetOption[];
  onToggle: (option: FacetOption) => void;
  collapsible?: { readonly startOpen: boolean };
}) {
  const headingId = useId();
  const valuesId = useId();
  const [open, setOpen] = useState(
    () => !collapsible || collapsible.startOpen || options.some((o) => o.active),
  );
  const values =
    options.length === 0 ? (
      <p className="muted" id={valuesId} hidden={!open}>
        None
      </p>
    ) : (
      <ul id={valuesId} hidden={!open}>
        {options.map((option) => (
          <li key={option.value}>
            <button type="button" aria-pressed={option.active} onClick={() => onToggle(option)}>
              <span className="facet-label">{option.label}</span>
              {option.count !== null && <span className="facet-count">({option.count})</span>}
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="facet-group" role="group" aria-labelledby={headingId}>
      {collapsible ? (
        <h2 id={headingId}>
          <button
            type="button"
            className="facet-toggle"
            aria-expanded={open}
            aria-controls={valuesId}
            onClick={() => setOpen((was) => !was)}
          >
            <span className="facet-arrow" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            {title}
          </button>
        </h2>
      ) : (
        <h2 id={headingId}>{title}</h2>
      )}
      {values}
    </div>
  );
}
