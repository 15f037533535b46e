import { describe, expect, it } from 'vitest';
import {
  BORROWING_STATUS_CODES,
  LENDING_STATUS_CODES,
  statusCodes,
  type RequestKind,
} from '../../../shared/domain/statuses.ts';
import {
  actionCodes,
  availableActions,
  BORROWING_ACTIONS,
  LENDING_ACTIONS,
  transition,
} from '../../../shared/domain/transitions.ts';
import {
  DEFAULT_BORROWING_PROFILE,
  DEFAULT_LENDING_PROFILE,
  type WorkflowProfile,
} from '../../../shared/domain/workflow-profiles.ts';

// DESIGN.md §4, copied as the contract states it: the four scan screens' transitions.
const DESK_CONTRACT: Record<string, { kind: RequestKind; from: string[]; to: string }> = {
  RECEIVE: {
    kind: 'borrowing',
    from: ['SENT', 'WILL_SUPPLY', 'SHIPPED_PHYSICALLY'],
    to: 'RECEIVED',
  },
  RETURN_TO_PARTNER: {
    kind: 'borrowing',
    from: ['RECEIVED', 'LOANED', 'RETURNED_BY_PATRON', 'RENEWED', 'RECALLED', 'OVERDUE'],
    to: 'RETURNED_TO_PARTNER',
  },
  SHIP: {
    kind: 'lending',
    from: ['CREATED', 'WILL_SUPPLY', 'BEING_PROCESSED'],
    to: 'SHIPPED_PHYSICALLY',
  },
  SCAN_IN: {
    kind: 'lending',
    from: [
      'SHIPPED_PHYSICALLY',
      'RECEIVED_BY_PARTNER',
      'RENEW_REQUESTED',
      'RECALLED',
      'OVERDUE',
      'RETURNED_BY_PARTNER',
    ],
    to: 'COMPLETED',
  },
};

describe('desk transitions (DESIGN.md §4)', () => {
  for (const [action, rule] of Object.entries(DESK_CONTRACT)) {
    for (const status of statusCodes(rule.kind)) {
      const allowed = rule.from.includes(status);
      it(`${action} from ${status} is ${allowed ? `allowed, to ${rule.to}` : 'refused with the reason'}`, () => {
        const result = transition(rule.kind, status, action);
        if (allowed) {
          expect(result).toEqual({ ok: true, from: status, to: rule.to });
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.reason).toBe('WRONG_STATUS');
            expect(result.message).toMatch(/not possible while the request is/);
          }
        }
      });
    }
  }

  it('refuses to receive a request that is already received, naming its status', () => {
    const result = transition('borrowing', 'RECEIVED', 'RECEIVE');
    expect(result).toMatchObject({ ok: false, reason: 'WRONG_STATUS' });
    if (!result.ok) expect(result.message).toContain('Physically received by library');
  });
});

describe('every status × every action', () => {
  const kinds: [RequestKind, readonly string[], WorkflowProfile][] = [
    ['borrowing', BORROWING_STATUS_CODES, DEFAULT_BORROWING_PROFILE],
    ['lending', LENDING_STATUS_CODES, DEFAULT_LENDING_PROFILE],
  ];
  for (const [kind, statuses, profile] of kinds) {
    const rules: Record<string, { from: readonly string[]; to: string; step?: string }> =
      kind === 'borrowing' ? BORROWING_ACTIONS : LENDING_ACTIONS;
    it(`${kind}: each pair either moves to a known status or says why not`, () => {
      let checked = 0;
      for (const status of statuses) {
        for (const action of actionCodes(kind)) {
          const rule = rules[action]!;
          const result = transition(kind, status, action, profile);
          const gated = rule.step !== undefined && !profile.steps.includes(rule.step);
          if (gated) {
            expect(result).toMatchObject({ ok: false, reason: 'NOT_IN_PROFILE' });
          } else if (rule.from.includes(status)) {
            expect(result).toEqual({ ok: true, from: status, to: rule.to });
            expect(statuses).toContain(rule.to);
          } else {
            expect(result).toMatchObject({ ok: false, reason: 'WRONG_STATUS' });
          }
          checked += 1;
        }
      }
      expect(checked).toBe(statuses.length * actionCodes(kind).length);
    });
  }

  it('names every from-status and to-status with a real status code', () => {
    for (const rule of Object.values(BORROWING_ACTIONS)) {
      for (const s of [...rule.from, rule.to]) expect(BORROWING_STATUS_CODES).toContain(s);
    }
    for (const rule of Object.values(LENDING_ACTIONS)) {
      for (const s of [...rule.from, rule.to]) expect(LENDING_STATUS_CODES).toContain(s);
    }
  });

  it('refuses an action that does not exist', () => {
    expect(transition('lending', 'CREATED', 'TELEPORT')).toMatchObject({
      ok: false,
      reason: 'UNKNOWN_ACTION',
    });
  });
});

describe('workflow profiles gate optional steps', () => {
  it('the seed lending profile has no Will Supply step, so Will Supply is refused and says why', () => {
    const result = transition('lending', 'CREATED', 'WILL_SUPPLY', DEFAULT_LENDING_PROFILE);
    expect(result).toMatchObject({ ok: false, reason: 'NOT_IN_PROFILE' });
    if (!result.ok) expect(result.message).toContain('Peer to Peer Lending');
  });

  it('a profile that includes Will Supply allows it', () => {
    const profile = {
      ...DEFAULT_LENDING_PROFILE,
      steps: [...DEFAULT_LENDING_PROFILE.steps, 'WILL_SUPPLY'],
    };
    expect(transition('lending', 'CREATED', 'WILL_SUPPLY', profile)).toEqual({
      ok: true,
      from: 'CREATED',
      to: 'WILL_SUPPLY',
    });
  });

  it('desk actions are never gated by a profile', () => {
    const empty: WorkflowProfile = { name: 'Bare', type: 'LENDING', steps: [] };
    expect(transition('lending', 'CREATED', 'SHIP', empty).ok).toBe(true);
    expect(transition('lending', 'SHIPPED_PHYSICALLY', 'SCAN_IN', empty).ok).toBe(true);
  });

  it('lists the row actions a received borrowing request offers', () => {
    const actions = availableActions('borrowing', 'RECEIVED', DEFAULT_BORROWING_PROFILE);
    expect(actions).toEqual(expect.arrayContaining(['RETURN_TO_PARTNER', 'LOAN_TO_PATRON']));
    expect(actions).not.toContain('RECEIVE');
  });

  it('the seed borrowing profile has the eleven steps of the WRLC guide', () => {
    expect(DEFAULT_BORROWING_PROFILE.steps).toHaveLength(11);
    expect(DEFAULT_LENDING_PROFILE.steps).toHaveLength(6);
  });
});
