import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskClient } from '../../../shared/api/client.ts';
import {
  call,
  openBorrowingDesk,
  refusal,
  type BorrowingDesk,
} from '../../helpers/borrowing-desk.ts';
import { deskStaff } from '../../helpers/task-operators.ts';

/** Settings → Workflow profiles, and the desk following a partner's profile once saved. */

let desk: BorrowingDesk;
let grace: DeskClient;
let ada: DeskClient;

beforeEach(async () => {
  desk = await openBorrowingDesk({ printer: 'none' });
  ({ grace, ada } = await deskStaff(desk));
});
afterEach(() => desk.dispose());

async function actionsOf(client: DeskClient, requestId: string): Promise<readonly string[]> {
  const list = await call(client, 'lending.list', { activity: 'ALL', find: requestId });
  const row = list.rows.find((r) => r.requestId === requestId);
  if (!row) throw new Error(`${requestId} is not listed`);
  return row.actions;
}

describe('the seed profiles', () => {
  it('lists both, with their steps and how many partners follow them', async () => {
    const profiles = await call(ada, 'profiles.list', {});
    expect(profiles.map((p) => [p.name, p.type, p.builtin])).toEqual([
      ['Peer to Peer Borrowing', 'BORROWING', true],
      ['Peer to Peer Lending', 'LENDING', true],
    ]);
    const lending = profiles.find((p) => p.type === 'LENDING');
    expect(lending?.steps).not.toContain('WILL_SUPPLY');
    expect(lending?.partners).toBe(3);
  });
});

describe('adding a profile and giving it to a partner', () => {
  it("offers Will Supply on that partner's requests only", async () => {
    expect(await actionsOf(ada, 'L-2001')).not.toContain('WILL_SUPPLY');
    await call(grace, 'profiles.save', {
      name: 'Buffalo Lending',
      type: 'LENDING',
      steps: ['WILL_SUPPLY', 'CONDITIONAL', 'LENDER_CHECK_IN'],
    });
    const [buffalo] = (await call(grace, 'partners.config', {})).filter(
      (p) => p.code === 'SUNYBUF',
    );
    if (!buffalo) throw new Error('SUNYBUF is not in the fixture');
    await call(grace, 'partners.save', {
      editing: 'SUNYBUF',
      code: buffalo.code,
      name: buffalo.name,
      protocol: buffalo.protocol,
      endpoint: buffalo.endpoint,
      address: buffalo.address,
      lendingWorkflow: 'buffalo lending',
    });
    expect(await actionsOf(ada, 'L-2001')).toContain('WILL_SUPPLY');
    const others = desk.rows<{ request_id: string }>(
      `SELECT request_id FROM lending_requests r JOIN partners p ON p.id = r.partner_id
       WHERE p.code <> 'SUNYBUF' AND r.status = 'CREATED' LIMIT 1`,
    );
    for (const { request_id } of others) {
      expect(await actionsOf(ada, request_id)).not.toContain('WILL_SUPPLY');
    }
  });

  it("changes a seed profile's steps, which the desk follows at once", async () => {
    const lending = (await call(ada, 'profiles.list', {})).find((p) => p.type === 'LENDING');
    if (!lending) throw new Error('no seed lending profile');
    const saved = await call(grace, 'profiles.save', {
      id: lending.id,
      name: lending.name,
      type: 'LENDING',
      steps: [...lending.steps, 'WILL_SUPPLY'],
    });
    expect(saved.steps).toContain('WILL_SUPPLY');
    expect(await actionsOf(ada, 'L-2001')).toContain('WILL_SUPPLY');
  });
});

describe('refusing a profile that cannot be', () => {
  it('refuses a step of the other type, naming it and the steps there are', async () => {
    const error = await refusal(grace, 'profiles.save', {
      name: 'Odd',
      type: 'LENDING',
      steps: ['CANCELLED_BY_PATRON'],
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('CANCELLED_BY_PATRON is not a step of a lending profile');
    expect(error.message).toContain('WILL_SUPPLY (Will Supply)');
  });

  it('refuses a name another profile has, in any letter case', async () => {
    const error = await refusal(grace, 'profiles.save', {
      name: 'peer to peer lending',
      type: 'LENDING',
      steps: [],
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('A profile called "Peer to Peer Lending" exists already');
  });

  it("keeps the seed profiles' names and the type of a profile partners follow", async () => {
    const [borrowing] = await call(ada, 'profiles.list', {});
    if (!borrowing) throw new Error('no seed profiles');
    const renamed = await refusal(grace, 'profiles.save', {
      id: borrowing.id,
      name: 'Borrowing',
      type: 'BORROWING',
      steps: borrowing.steps,
    });
    expect(renamed.message).toContain('keeps its name');
    const retyped = await refusal(grace, 'profiles.save', {
      id: borrowing.id,
      name: borrowing.name,
      type: 'LENDING',
      steps: [],
    });
    expect(retyped.message).toContain('so it stays borrowing');
  });

  it('refuses an Operator, and saves nothing', async () => {
    const error = await refusal(ada, 'profiles.save', { name: 'Mine', type: 'LENDING', steps: [] });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Adding or changing workflow profiles needs a');
    expect(desk.count('workflow_profiles')).toBe(2);
  });
});
