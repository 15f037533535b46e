import type { LendingStatus } from './statuses.ts';
import { transition } from './transitions.ts';
import { profileIncludes, type WorkflowProfile } from './workflow-profiles.ts';

/**
 * The Lending Requests task list as Alma's "Managing Resource Sharing Lending Requests" page
 * describes it: tabs by assignment, the Activity Status filter, and the row actions a request
 * offers to the person at the desk.
 */

export const LENDING_TABS = ['ALL', 'ASSIGNED_TO_ME', 'UNASSIGNED', 'ASSIGNED_TO_OTHERS'] as const;
export type LendingTab = (typeof LENDING_TABS)[number];
export const TAB_LABELS: Readonly<Record<LendingTab, string>> = {
  ALL: 'All tasks',
  ASSIGNED_TO_ME: 'Assigned to Me',
  UNASSIGNED: 'Unassigned',
  ASSIGNED_TO_OTHERS: 'Assigned to Others',
};

export const ACTIVITY_STATUSES = ['ACTIVE', 'COMPLETED', 'ALL'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_LABELS: Readonly<Record<ActivityStatus, string>> = {
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  ALL: 'All',
};

/**
 * Closed lending requests: the seed's final statuses (Shipped digitally, Request completed) and the
 * ones that end a request without a loan. Activity Status "Completed" shows these; only these may be
 * removed or reactivated. Lost and Damaged stay active: they still need staff.
 */
export const LENDING_CLOSED: readonly LendingStatus[] = [
  'COMPLETED',
  'SHIPPED_DIGITALLY',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
];

export function isClosedLending(status: string): boolean {
  return (LENDING_CLOSED as readonly string[]).includes(status);
}

export const FORMATS = {
  PHYSICAL: 'Physical',
  DIGITAL: 'Digital',
  PHYSICAL_NON_RETURNABLE: 'Physical non-returnable',
} as const;
/** The Supplied Format facet's value for a request not supplied yet. */
export const UNDEFINED_FORMAT = 'UNDEFINED';

export function formatLabel(format: string | null): string {
  if (format === null || format === UNDEFINED_FORMAT) return 'Undefined';
  // Own keys only: a value such as "valueOf" is no format, and must not find Object's method.
  return Object.hasOwn(FORMATS, format) ? (FORMATS as Record<string, string>)[format]! : format;
}

/** ISO 18626 ReasonUnfilled values offered when rejecting, with the words staff see. */
export const REJECT_REASONS = {
  NotHeld: 'Not held',
  NotOnShelf: 'Not on shelf',
  OnLoan: 'On loan',
  InProcess: 'In process',
  NotAvailableForILL: 'Not available for resource sharing',
  PoorCondition: 'Poor condition',
  PolicyProblem: 'Policy problem',
  Other: 'Other',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

/** The task list's row actions (the seed's table of links), in menu order. */
export const LENDING_ROW_ACTIONS = {
  EDIT: 'Edit',
  ASSIGN_TO_ME: 'Assign to me',
  REASSIGN: 'Reassign',
  RELEASE: 'Release assign',
  WILL_SUPPLY: 'Will Supply',
  CONDITIONAL: 'Conditional',
  REJECT: 'Reject',
  SHIP: 'Ship item',
  SHIP_NON_RETURNABLE: 'Ship non-returnable',
  CHECKED_IN: 'Checked In',
  RENEW: 'Renew',
  DUPLICATE: 'Duplicate',
  LOCATE: 'Locate',
  MORE_DETAILS: 'More details',
  REMOVE: 'Remove',
  REACTIVATE: 'Reactivate Request',
} as const;
export type LendingRowAction = keyof typeof LENDING_ROW_ACTIONS;

/** Who is asking: the signed-in operator (none in setup mode) and whether they have Manager rights. */
export interface Viewer {
  readonly operatorId: number | null;
  readonly name: string | null;
  /** A signed-in Manager, or anyone while the desk is in setup mode. */
  readonly manager: boolean;
  /** No operators exist yet: assignment means nothing until they do. */
  readonly setupMode: boolean;
}

/** What the row actions need to know about a lending request. */
export interface TaskFacts {
  readonly status: string;
  readonly requestedFormat: string;
  /** The operator the task is assigned to, or null. */
  readonly assignedTo: number | null;
}

function canMove(facts: TaskFacts, action: string, profile: WorkflowProfile | undefined): boolean {
  return transition('lending', facts.status, action, profile).ok;
}

/**
 * The row actions `viewer` may take on a request, in menu order. An optional action appears only
 * when the partner's lending workflow profile includes its step (Will Supply, Conditional, Renew,
 * Checked In); the assignment actions follow the seed's roles: an Operator works on their own and
 * unassigned tasks, a Manager on anyone's; only a Manager removes or reactivates.
 */
export function lendingRowActions(
  facts: TaskFacts,
  viewer: Viewer,
  profile: WorkflowProfile | undefined,
): LendingRowAction[] {
  const closed = isClosedLending(facts.status);
  const mine = viewer.operatorId !== null && facts.assignedTo === viewer.operatorId;
  const mayHandle = facts.assignedTo === null || mine || viewer.manager;
  const physicalShip = facts.requestedFormat !== 'PHYSICAL_NON_RETURNABLE';
  const offered: Record<LendingRowAction, boolean> = {
    EDIT: !closed && mayHandle,
    ASSIGN_TO_ME:
      !closed &&
      viewer.operatorId !== null &&
      !mine &&
      (facts.assignedTo === null || viewer.manager),
    REASSIGN: !closed && !viewer.setupMode && mayHandle,
    RELEASE: !closed && facts.assignedTo !== null && (mine || viewer.manager),
    WILL_SUPPLY: canMove(facts, 'WILL_SUPPLY', profile),
    CONDITIONAL: canMove(facts, 'CONDITIONAL', profile),
    REJECT: canMove(facts, 'REJECT', profile),
    SHIP: physicalShip && canMove(facts, 'SHIP', profile),
    SHIP_NON_RETURNABLE: !physicalShip && canMove(facts, 'SHIP', profile),
    CHECKED_IN:
      canMove(facts, 'SCAN_IN', profile) &&
      (profile === undefined || profileIncludes(profile, 'LENDER_CHECK_IN')),
    RENEW: canMove(facts, 'RENEW', profile),
    DUPLICATE: true,
    LOCATE: facts.status === 'LOCATE_FAILED' || facts.status === 'CREATED',
    MORE_DETAILS: true,
    REMOVE: closed && viewer.manager,
    REACTIVATE: closed && viewer.manager,
  };
  return (Object.keys(LENDING_ROW_ACTIONS) as LendingRowAction[]).filter((a) => offered[a]);
}
