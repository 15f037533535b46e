import type { Session } from '../../shared/api/dispatch.ts';
import type { Viewer } from '../../shared/domain/lending-tasks.ts';
import type { Orm } from '../../db/database.ts';
import { getOperator, hasActiveOperators } from '../../db/repositories/operators-repository.ts';

/**
 * Who a session is, read fresh on every call (a Manager may have changed their role or signed them
 * out meanwhile): the signed-in active operator, or nobody. In setup mode, when no active operator
 * exists, everyone has Manager rights.
 */
export async function viewerOf(db: Orm, session: Session): Promise<Viewer> {
  const operator =
    session.operatorId === null ? undefined : await getOperator(db, session.operatorId);
  if (operator?.active) {
    return {
      operatorId: operator.id,
      name: operator.name,
      manager: operator.role === 'MANAGER',
      setupMode: false,
    };
  }
  const setupMode = !(await hasActiveOperators(db));
  return { operatorId: null, name: null, manager: setupMode, setupMode };
}
