import { asc, eq, sql } from 'drizzle-orm';
import type { OperatorRole } from '../../shared/api/contract-operators.ts';
import type { Orm } from '../database.ts';
import { preparedQuery } from '../prepared.ts';
import { operators } from '../schema.ts';

/**
 * The desk's operators. A row keeps the PIN only as its hash (`pinHash`, written by
 * electron/services/operator-pin.ts); callers turn rows into the API's Operator, which never
 * carries it.
 */

export type OperatorRow = typeof operators.$inferSelect;

/** What an operator save writes: `pinHash` null removes the PIN, absent keeps it. */
export interface OperatorValues {
  readonly name: string;
  readonly role: OperatorRole;
  readonly active: boolean;
  readonly pinHash?: string | null;
}

/** An operator by id, active or not. */
export async function getOperator(db: Orm, id: number): Promise<OperatorRow | undefined> {
  return preparedQuery(db, operatorById).get({ id });
}

const operatorById = (db: Orm) =>
  db
    .select()
    .from(operators)
    .where(eq(operators.id, sql.placeholder('id')))
    .prepare();

/** Whether any active operator exists; none means the desk is in setup mode. */
export async function hasActiveOperators(db: Orm): Promise<boolean> {
  return preparedQuery(db, anyActive).get() !== undefined;
}

// Asked on every call a window makes (session-viewer.ts), so built once.
const anyActive = (db: Orm) =>
  db
    .select({ id: operators.id })
    .from(operators)
    .where(eq(operators.active, true))
    .limit(1)
    .prepare();

/** Operators by name: only the active ones (the sign-in roster) or every one (Settings). */
export async function listOperators(
  db: Orm,
  which: 'active' | 'all' = 'all',
): Promise<OperatorRow[]> {
  const query = db.select().from(operators);
  return (which === 'active' ? query.where(eq(operators.active, true)) : query)
    .orderBy(asc(operators.name))
    .all();
}

/** Adds an operator and answers the stored row. */
export async function insertOperator(db: Orm, values: OperatorValues): Promise<OperatorRow> {
  return db
    .insert(operators)
    .values({ ...values, pinHash: values.pinHash ?? null })
    .returning()
    .get();
}

/** Changes an operator; the PIN hash only when `pinHash` is given. */
export async function updateOperator(
  db: Orm,
  id: number,
  values: OperatorValues,
): Promise<OperatorRow | undefined> {
  return db.update(operators).set(values).where(eq(operators.id, id)).returning().get();
}
