import type { FilterChip } from './list-selectors.ts';

/** The filters in force, each removable, and one button to clear them all. */
export function ActiveFilters<Facet extends string>({
  chips,
  onRemove,
  onClear,
}: {
  chips: readonly FilterChip<Facet>[];
  onRemove: (chip: FilterChip<Facet>) => void;
  onClear: () => void;
}) {
  if (chips.length === 0) return null;
  return (
    <div className="active-filters">
      <span className="active-filters-title">Filtered by:</span>
      <ul>
        {chips.map((chip) => (
          <li key={`${chip.facet}:${chip.filter.value}`}>
            <button type="button" className="chip" onClick={() => onRemove(chip)}>
              <span className="visually-hidden">Remove filter </span>
              {chip.text}
              <span aria-hidden="true"> ×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onClear}>
        Clear all filters
      </button>
    </div>
  );
}
