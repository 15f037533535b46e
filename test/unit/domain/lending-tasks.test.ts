import { describe, expect, it } from 'vitest';
import {
  isClosedLending,
  lendingRowActions,
  type TaskFacts,
  type Viewer,
} from '../../../shared/domain/lending-tasks.ts';
import { LENDING_STATUS_CODES } from '../../../shared/domain/statuses.ts';
import {
  DEFAULT_LENDING_PROFILE,
  type WorkflowProfile,
} from '../../../shared/domain/workflow-profiles.ts';

/** The task list's row actions by role, assignment, status, format and workflow profile. */

const MANAGER: Viewer = { operatorId: 1, name: 'Ada', manager: true, setupMode: false };
const OPERATOR: Viewer = { operatorId: 2, name: 'Bo', manager: false, setupMode: false };
const SETUP: Viewer = { operatorId: null, name: null, manager: true, setupMode: true };

const task = (facts: Partial<TaskFacts> = {}): TaskFacts => ({
  status: 'CREATED',
  requestedFormat: 'PHYSICAL',
  assignedTo: null,
  ...facts,
});
const profile = (...steps: string[]): WorkflowProfile => ({ name: 'Test', type: 'LENDING', steps });

describe('lendingRowActions by role and assignment', () => {
  it("gives an unassigned new request the seed's actions, in menu order", () => {
    expect(lendingRowActions(task(), OPERATOR, undefined)).toEqual([
      'EDIT',
      'ASSIGN_TO_ME',
      'REASSIGN',
      'WILL_SUPPLY',
      'CONDITIONAL',
      'REJECT',
      'SHIP',
      'DUPLICATE',
      'LOCATE',
      'MORE_DETAILS',
    ]);
  });

  it("lets an Operator release and edit their own task, and not take someone else's", () => {
    const own = lendingRowActions(task({ assignedTo: 2 }), OPERATOR, undefined);
    expect(own).toEqual(expect.arrayContaining(['EDIT', 'REASSIGN', 'RELEASE']));
    expect(own).not.toContain('ASSIGN_TO_ME');
    const others = lendingRowActions(task({ assignedTo: 3 }), OPERATOR, undefined);
    for (const action of ['EDIT', 'ASSIGN_TO_ME', 'REASSIGN', 'RELEASE'] as const) {
      expect(others).not.toContain(action);
    }
    expect(others).toEqual(expect.arrayContaining(['DUPLICATE', 'MORE_DETAILS']));
  });

  it("lets a Manager take over, reassign or release anyone's task", () => {
    expect(lendingRowActions(task({ assignedTo: 3 }), MANAGER, undefined)).toEqual(
      expect.arrayContaining(['EDIT', 'ASSIGN_TO_ME', 'REASSIGN', 'RELEASE']),
    );
  });

  it('offers no assignment in setup mode, where there is nobody to assign to', () => {
    const actions = lendingRowActions(task(), SETUP, undefined);
    expect(actions).toContain('EDIT');
    expect(actions).not.toContain('ASSIGN_TO_ME');
    expect(actions).not.toContain('REASSIGN');
  });

  it('offers Remove and Reactivate on closed requests, and only to a Manager', () => {
    for (const status of LENDING_STATUS_CODES) {
      const closed = isClosedLending(status);
      for (const [viewer, manager] of [
        [MANAGER, true],
        [SETUP, true],
        [OPERATOR, false],
      ] as const) {
        const actions = lendingRowActions(task({ status }), viewer, undefined);
        expect(actions.includes('REMOVE'), `${status}`).toBe(closed && manager);
        expect(actions.includes('REACTIVATE'), `${status}`).toBe(closed && manager);
      }
    }
    expect(lendingRowActions(task({ status: 'COMPLETED' }), MANAGER, undefined)).toEqual([
      'DUPLICATE',
      'MORE_DETAILS',
      'REMOVE',
      'REACTIVATE',
    ]);
    expect(lendingRowActions(task({ status: 'COMPLETED' }), OPERATOR, undefined)).toEqual([
      'DUPLICATE',
      'MORE_DETAILS',
    ]);
  });
});

describe("lendingRowActions by status, format and the partner's workflow profile", () => {
  it("leaves out Will Supply where the profile lacks it (the seed's Peer to Peer Lending)", () => {
    const actions = lendingRowActions(task(), OPERATOR, DEFAULT_LENDING_PROFILE);
    expect(actions).not.toContain('WILL_SUPPLY');
    expect(actions).toContain('CONDITIONAL');
    expect(lendingRowActions(task(), OPERATOR, profile('WILL_SUPPLY'))).toContain('WILL_SUPPLY');
    expect(lendingRowActions(task(), OPERATOR, profile('WILL_SUPPLY'))).not.toContain(
      'CONDITIONAL',
    );
  });

  it('offers Checked In for a lent item only with the Lender check in step', () => {
    const lent = task({ status: 'RECEIVED_BY_PARTNER' });
    expect(lendingRowActions(lent, OPERATOR, profile('LENDER_CHECK_IN'))).toContain('CHECKED_IN');
    expect(lendingRowActions(lent, OPERATOR, profile())).not.toContain('CHECKED_IN');
    expect(lendingRowActions(task(), OPERATOR, undefined)).not.toContain('CHECKED_IN');
  });

  it('offers Renew with the Staff renewal step, on a loan that can be renewed', () => {
    const lent = task({ status: 'RENEW_REQUESTED' });
    expect(lendingRowActions(lent, OPERATOR, profile('STAFF_RENEWAL'))).toContain('RENEW');
    expect(lendingRowActions(lent, OPERATOR, profile())).not.toContain('RENEW');
    expect(lendingRowActions(task(), OPERATOR, profile('STAFF_RENEWAL'))).not.toContain('RENEW');
  });

  it('ships a non-returnable request with Ship non-returnable, never Ship item', () => {
    const copy = lendingRowActions(
      task({ requestedFormat: 'PHYSICAL_NON_RETURNABLE' }),
      OPERATOR,
      undefined,
    );
    expect(copy).toContain('SHIP_NON_RETURNABLE');
    expect(copy).not.toContain('SHIP');
    expect(lendingRowActions(task(), OPERATOR, undefined)).not.toContain('SHIP_NON_RETURNABLE');
  });

  it('offers Locate while a request is new or Locate failed, and not once it is shipped', () => {
    expect(lendingRowActions(task({ status: 'LOCATE_FAILED' }), OPERATOR, undefined)).toContain(
      'LOCATE',
    );
    expect(
      lendingRowActions(task({ status: 'SHIPPED_PHYSICALLY' }), OPERATOR, undefined),
    ).not.toContain('LOCATE');
  });
});
