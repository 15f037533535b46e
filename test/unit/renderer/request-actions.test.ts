import { describe, expect, it } from 'vitest';
import { rowActions } from '../../../renderer/features/request-actions/request-actions.ts';

describe('row actions of a borrowing request', () => {
  it('offers Loan to patron once received, and Returned by patron while on loan', () => {
    expect(rowActions('borrowing', 'RECEIVED').map((a) => a.label)).toEqual(['Loan to patron']);
    expect(rowActions('borrowing', 'LOANED').map((a) => a.action)).toEqual(['RETURNED_BY_PATRON']);
    expect(rowActions('borrowing', 'SHIPPED_PHYSICALLY')).toEqual([]);
    expect(rowActions('lending', 'CREATED')).toEqual([]);
  });
});
