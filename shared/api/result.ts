/** The envelope every API call returns (DESIGN.md §2): errors cross IPC and HTTP intact. */

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'WRONG_KIND',
  'WRONG_STATUS',
  'CONFLICT',
  'ALREADY_DONE',
  'NOT_IN_PROFILE',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'UNKNOWN_METHOD',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an input was wrong (`scanner.minLength`) and what was wrong, for a form to show beside its field. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export interface DeskErrorBody {
  readonly code: ErrorCode;
  /** Plain words for staff: what was wrong and what to do. */
  readonly message: string;
  /** Present when the refusal is about particular fields of the input. */
  readonly issues?: readonly FieldIssue[];
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeskErrorBody };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  issues?: readonly FieldIssue[],
): Result<T> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

/** Thrown by services for expected refusals; the dispatcher turns it into an error envelope. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: readonly FieldIssue[]) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.issues = issues;
  }
}
