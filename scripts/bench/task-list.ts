import type { LendingListQuery } from '../../shared/api/contract-lending-tasks.ts';
import type { BenchData } from './bench-data.ts';
import type { CallMethod } from './desk-steps.ts';
import { figureOf, timeEach, type Figure } from './figures.ts';

/**
 * Parts d and e: the Lending Requests task list as the screen asks for it (the first page with
 * the total, tab and facet counts) for ten filters staff use, and the Find box by External
 * Identifier and by words of a title, over Activity All as staff search for an old request.
 */

/** Ten filters a lending desk uses in a day. */
export function taskListFilters(partnerCodes: readonly string[]): LendingListQuery[] {
  const [first = 'P001', second = 'P002', third = 'P003'] = partnerCodes;
  return [
    {},
    { status: ['CREATED'] },
    { partner: [first] },
    { tab: 'UNASSIGNED' },
    { printed: ['NO'] },
    { levelOfService: ['RUSH'] },
    { alerts: ['LOCATE_FAILED'] },
    { createdDate: ['UP_TO_MONTH', 'UP_TO_WEEK'] },
    { status: ['SHIPPED_PHYSICALLY', 'OVERDUE'], partner: [second, third] },
    { dueDate: ['LATER'], requestedFormat: ['PHYSICAL'] },
  ];
}

/** Each filter `rounds` times, interleaved, so no filter has the cache to itself. */
export async function measureTaskList(
  call: CallMethod,
  data: BenchData,
  rounds: number,
): Promise<Figure> {
  const filters = taskListFilters(data.partnerCodes);
  const inputs = Array.from({ length: rounds }, () => filters).flat();
  const samples = await timeEach(inputs, (filter) =>
    call('lending.list', { ...filter, limit: 50 }),
  );
  return figureOf('task_list.first_page_with_counts', samples);
}

/** Find by External Identifier, and by two words of a title, `count` of each. */
export async function measureFind(
  call: CallMethod,
  data: BenchData,
  count: number,
): Promise<Figure[]> {
  const picks = Array.from(
    { length: count },
    (_, i) => data.closedLending[(i * 7919) % data.closedLending.length],
  ).filter((p) => p !== undefined);
  const byExternalId = await timeEach(picks, (p) =>
    call('lending.list', { activity: 'ALL', find: p.externalId, limit: 50 }),
  );
  const byTitleWords = await timeEach(picks, (p) => {
    const words = p.title.split(' ');
    const find = words.length > 2 ? `${words[1]} ${words[words.length - 1]}` : p.title;
    return call('lending.list', { activity: 'ALL', find, limit: 50 });
  });
  return [
    figureOf('find.external_identifier', byExternalId),
    figureOf('find.title_words', byTitleWords),
  ];
}
