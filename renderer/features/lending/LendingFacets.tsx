import {
  LENDING_FACETS,
  LENDING_FACET_LABELS,
  type LendingFacet,
} from '../../../shared/api/contract-lending-tasks.ts';
import { useDesk } from '../../app/use-desk.ts';
import { FacetGroup } from '../request-lists/FacetGroup.tsx';
import { lendingFacetOptions } from './lending-tasks-selectors.ts';

/** Open from the start: the facets staff filter by most (the seed: Status, Partner). */
const START_OPEN: ReadonlySet<LendingFacet> = new Set(['status', 'partner', 'requestedFormat']);

/** Every facet of the task list with its counts under the other filters; each group folds away. */
export function LendingFacets() {
  const list = useDesk((state) => state.lending);
  return (
    <aside className="facets" aria-label="Filters">
      {LENDING_FACETS.map((facet) => (
        <FacetGroup
          key={facet}
          title={LENDING_FACET_LABELS[facet]}
          options={lendingFacetOptions(list, facet)}
          onToggle={(option) => void list.toggleFilter(facet, option)}
          collapsible={{ startOpen: START_OPEN.has(facet) }}
        />
      ))}
    </aside>
  );
}
