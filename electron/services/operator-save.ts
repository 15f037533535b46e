import {
  insertOperator,
  listOperators,
  updateOperator,
  type OperatorRow,
  type OperatorValues,
} from '../../db/repositories/operators-repository.ts';
import { ROLE_LABELS } from '../../shared/api/contract-operators.ts';
import type { ParsedInput } from '../../shared/api/contract.ts';
import { DeskError } from '../../shared/api/result.ts';
import type { DeskContext } from './desk-context.ts';
import { hashPin } from './operator-pin.ts';

type SaveInput = ParsedInput<'operators.save'>;

const MANAGER = ROLE_LABELS.MANAGER;

/** Names match whatever their case ("ada lovelace" is Ada Lovelace), but accents count. */
function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

function refuse(
  code: 'CONFLICT' | 'INVALID_INPUT',
  field: 'name' | 'role' | 'active',
  message: string,
): DeskError {
  return new DeskError(code, message, [{ path: field, message }]);
}

/**
 * The roles rule: while operators exist, at least one active Manager must be among them, so
 * someone can always manage the desk. In setup mode that means the first operator is an active
 * Manager; after it, the last active Manager cannot be demoted or deactivated.
 */
function checkManagersRemain(
  everyone: readonly OperatorRow[],
  input: SaveInput,
  before: OperatorRow | undefined,
): void {
  const setupMode = !everyone.some((o) => o.active);
  if (setupMode) {
    if (input.role !== 'MANAGER') {
      throw refuse(
        'INVALID_INPUT',
        'role',
        `The desk has no operators yet, so the first one must be a ${MANAGER}: someone has to manage the desk once setup mode ends. Choose ${MANAGER} for ${input.name}.`,
      );
    }
    if (!input.active) {
      throw refuse(
        'INVALID_INPUT',
        'active',
        `The desk has no operators yet, so the first one must be active: ${input.name} is the manager who ends setup mode. Tick Active and save again.`,
      );
    }
    return;
  }
  const managersLeft = everyone.filter(
    (o) => o.active && o.role === 'MANAGER' && o.id !== before?.id,
  );
  const staysManager = input.active && input.role === 'MANAGER';
  if (before?.active && before.role === 'MANAGER' && !staysManager && managersLeft.length === 0) {
    throw refuse(
      'CONFLICT',
      input.active ? 'role' : 'active',
      `${before.name} is the last active ${MANAGER}, so they cannot be ${input.active ? 'made an Operator' : 'deactivated'}: without a manager nobody could manage operators or settings. Make someone else a manager first.`,
    );
  }
}

/**
 * Adds (no `id`) or changes an operator in one transaction, after checking the name is free and a
 * manager remains. The PIN is hashed before the transaction opens: scrypt is slow on purpose.
 */
export async function saveOperator(
  ctx: DeskContext,
  input: SaveInput,
): Promise<{ row: OperatorRow; endsSetupMode: boolean }> {
  const pinHash = typeof input.pin === 'string' ? await hashPin(input.pin) : input.pin;
  const values: OperatorValues = {
    name: input.name,
    role: input.role,
    active: input.active,
    ...(pinHash === undefined ? {} : { pinHash }),
  };
  return ctx.gate.transaction(async (tx) => {
    const everyone = await listOperators(tx, 'all');
    const before = input.id === undefined ? undefined : everyone.find((o) => o.id === input.id);
    if (input.id !== undefined && !before) {
      throw new DeskError(
        'NOT_FOUND',
        `The desk has no operator number ${input.id}; open Settings → Operators again to see who there is.`,
      );
    }
    const clash = everyone.find((o) => o.id !== input.id && sameName(o.name, input.name));
    if (clash) {
      throw refuse(
        'CONFLICT',
        'name',
        `There is already an operator named ${clash.name}; give ${input.id === undefined ? 'the new operator' : 'this operator'} a different name (add an initial), or change ${clash.name} instead.`,
      );
    }
    checkManagersRemain(everyone, input, before);
    const setupMode = !everyone.some((o) => o.active);
    const row = before
      ? await updateOperator(tx, before.id, values)
      : await insertOperator(tx, values);
    if (!row) throw new Error(`operator ${input.id} vanished while it was being saved`);
    return { row, endsSetupMode: setupMode && row.active };
  });
}
