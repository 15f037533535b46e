import {
  findProfileByName,
  getProfile,
  insertProfile,
  listProfiles,
  updateProfile,
} from '../../db/repositories/workflow-profiles-repository.ts';
import type { WorkflowProfileRow } from '../../shared/api/contract-config.ts';
import type { ParsedInput } from '../../shared/api/contract.ts';
import { DeskError } from '../../shared/api/result.ts';
import { stepCodes, stepLabel } from '../../shared/domain/workflow-profiles.ts';
import type { DeskContext } from './desk-context.ts';

/**
 * Settings → Workflow profiles (issue "9 · Configuration", part 2): which optional steps apply to
 * the partners that follow a profile. The desk reads a request's profile each time it offers a row
 * action or makes a transition, so a saved change applies at once.
 */

type SaveInput = ParsedInput<'profiles.save'>;

function refuse(
  code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND',
  path: string,
  message: string,
): DeskError {
  return new DeskError(code, message, [{ path, message }]);
}

export function listWorkflowProfiles(ctx: DeskContext): Promise<WorkflowProfileRow[]> {
  return ctx.gate.read(listProfiles);
}

/** The steps in the order Settings lists them, each once; an unknown step is refused by name. */
function checkedSteps(input: SaveInput): string[] {
  const known = stepCodes(input.type);
  const unknown = input.steps.filter((step) => !known.includes(step));
  if (unknown.length > 0) {
    const kind = input.type.toLowerCase();
    const allowed = known.map((code) => `${code} (${stepLabel(input.type, code)})`).join(', ');
    throw refuse(
      'INVALID_INPUT',
      'steps',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a step' : 'are not steps'} of a ${kind} profile: choose from ${allowed}.`,
    );
  }
  return known.filter((code) => input.steps.includes(code));
}

/**
 * Adds a profile (no `id`) or changes one. Names are unique in any letter case (imports and
 * partners name profiles); the seed's two keep their names, since a partner that names no profile
 * follows them by name; a profile partners follow keeps its type.
 */
export async function saveWorkflowProfile(
  ctx: DeskContext,
  input: SaveInput,
): Promise<WorkflowProfileRow> {
  const steps = checkedSteps(input);
  return ctx.gate.transaction(async (tx) => {
    const namesake = await findProfileByName(tx, input.name);
    if (namesake && namesake.id !== input.id) {
      throw refuse(
        'CONFLICT',
        'name',
        `A profile called "${namesake.name}" exists already: choose another name, or edit "${namesake.name}" instead.`,
      );
    }
    const values = { name: input.name, type: input.type, steps };
    if (input.id === undefined) {
      const id = await insertProfile(tx, values);
      return (await getProfile(tx, id)) as WorkflowProfileRow;
    }
    const before = await getProfile(tx, input.id);
    if (!before) {
      throw refuse(
        'NOT_FOUND',
        'id',
        'That workflow profile is no longer in this desk: reload Settings and try again.',
      );
    }
    if (before.builtin && before.name !== input.name) {
      throw refuse(
        'INVALID_INPUT',
        'name',
        `"${before.name}" is one of the desk's two built-in profiles and keeps its name: partners that name no profile follow it. Change its steps, or add a new profile under another name.`,
      );
    }
    if (before.type !== input.type && before.partners > 0) {
      throw refuse(
        'INVALID_INPUT',
        'type',
        `"${before.name}" is a ${before.type.toLowerCase()} profile that ${before.partners} partner(s) follow, so it stays ${before.type.toLowerCase()}: add a new ${input.type.toLowerCase()} profile instead.`,
      );
    }
    await updateProfile(tx, before.id, values);
    return (await getProfile(tx, before.id)) as WorkflowProfileRow;
  });
}
