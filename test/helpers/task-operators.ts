import type { DeskClient } from '../../shared/api/client.ts';
import type { OperatorRole } from '../../shared/api/contract-operators.ts';
import type { Session } from '../../shared/api/dispatch.ts';
import { createInProcessClient } from '../../shared/api/in-process-client.ts';
import { insertOperator } from '../../db/repositories/operators-repository.ts';
import type { BorrowingDesk } from './borrowing-desk.ts';

/**
 * Operators for the task list's tests: rows added straight to the desk (as Settings → Operators
 * would save them) and desk windows already signed in as one of them.
 */

/** Adds an operator; answers their id. The desk leaves setup mode with the first active one. */
export async function addOperator(
  desk: BorrowingDesk,
  name: string,
  role: OperatorRole,
  active = true,
): Promise<number> {
  const row = await desk.desk.context.gate.transaction((tx) =>
    insertOperator(tx, { name, role, active }),
  );
  return row.id;
}

/** A desk window (its own session) signed in as `operatorId`; null is nobody signed in. */
export function windowAs(
  desk: BorrowingDesk,
  operatorId: number | null,
  sessionId = `window-of-${operatorId ?? 'nobody'}`,
): DeskClient {
  const session: Session = { id: sessionId, transport: 'in-process', operatorId };
  return createInProcessClient(
    desk.desk.handlers,
    (event, listener) => desk.desk.events.on(event, listener),
    session,
    { checkOutput: true },
  );
}

/** Ada and Ben (Operators) and Grace (a Manager), each in a desk window of their own. */
export async function deskStaff(desk: BorrowingDesk) {
  const graceId = await addOperator(desk, 'Grace Hopper', 'MANAGER');
  const adaId = await addOperator(desk, 'Ada Lovelace', 'OPERATOR');
  const benId = await addOperator(desk, 'Ben Franklin', 'OPERATOR');
  return {
    graceId,
    adaId,
    benId,
    grace: windowAs(desk, graceId),
    ada: windowAs(desk, adaId),
    ben: windowAs(desk, benId),
  };
}
