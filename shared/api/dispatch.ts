import type { z } from 'zod';
import { contract, isMethod, type Method, type Output, type ParsedInput } from './contract.ts';
import { DeskError, fail, ok, type FieldIssue, type Result } from './result.ts';

/** Who is calling: the operator signed in at this desk window, and through which transport. */
export interface Session {
  readonly id: string;
  readonly transport: 'electron' | 'http' | 'in-process';
  operatorId: number | null;
}

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  session: Session,
) => Promise<Output<M>>;
export type Handlers = { readonly [M in Method]: Handler<M> };

/**
 * Longest issue text or path a refusal repeats: zod quotes an unknown key in full, and a caller's
 * 10,000-character key (or method name) read back makes the refusal unreadable.
 */
const MAX_QUOTED = 200;
const clipped = (text: string) =>
  text.length <= MAX_QUOTED ? text : `${text.slice(0, MAX_QUOTED)}… (${text.length} characters)`;

/** Each issue with its path written `borrowingRequests[3].status`. */
export function fieldIssues(error: z.ZodError, root = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (acc, part) =>
        typeof part === 'number'
          ? `${acc}[${part}]`
          : acc
            ? `${acc}.${String(part)}`
            : String(part),
      root,
    ),
    message: clipped(issue.message),
  }));
}

/** "borrowingRequests[3].status: expected one of …" — names where the problem is. */
export function describeIssues(error: z.ZodError, root = ''): string {
  return fieldIssues(error, root)
    .slice(0, 5)
    .map(({ path, message }) => (path ? `${clipped(path)}: ${message}` : message))
    .join('; ');
}

export interface DispatchOptions {
  /** Check every result against its output schema (tests and development). */
  readonly checkOutput?: boolean;
  readonly onInternalError?: (method: string, error: unknown) => void;
}

/**
 * Validates the input against the method's schema, runs its handler, and wraps the outcome in the
 * envelope. Expected refusals (DeskError) keep their code and message; anything else becomes
 * INTERNAL with a message staff can act on, and is reported through `onInternalError`.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  session: Session,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isMethod(method)) {
    return fail('UNKNOWN_METHOD', `RS Desk has no method "${clipped(method)}".`);
  }
  const spec = contract[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail(
      'INVALID_INPUT',
      `Invalid input for ${method}: ${describeIssues(parsed.error)}.`,
      fieldIssues(parsed.error),
    );
  }
  try {
    const handler = handlers[method] as Handler<Method>;
    const value = await handler(parsed.data, session);
    if (options.checkOutput) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new Error(
          `${method} returned a value that breaks its contract: ${describeIssues(checked.error)}`,
        );
      }
    }
    return ok(value);
  } catch (error) {
    if (error instanceof DeskError) return fail(error.code, error.message, error.issues);
    options.onInternalError?.(method, error);
    const detail = error instanceof Error ? error.message : String(error);
    return fail(
      'INTERNAL',
      `RS Desk could not complete ${method} (${detail}). Nothing was changed; try again, and if it keeps happening, note the time and tell your manager.`,
    );
  }
}
