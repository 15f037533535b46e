import { z } from 'zod';

/**
 * Operators and who is at the desk (issue "5 · Lending desk", part 1): staff pick who they are when
 * the desk opens, with an optional PIN. Roles are the seed's Fulfillment Services Operator and
 * Manager. A desk with no operators yet runs in setup mode: whoever is at it may do everything, so
 * a fresh data directory is usable at once, until a manager adds the first operator.
 * contract.ts spreads these methods into the one table.
 */

export const OPERATOR_ROLES = ['OPERATOR', 'MANAGER'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];
export const ROLE_LABELS: Readonly<Record<OperatorRole, string>> = {
  OPERATOR: 'Fulfillment Services Operator',
  MANAGER: 'Fulfillment Services Manager',
};

const operatorName = z.string().trim().min(1, 'a name').max(80);
/** 4 to 8 digits: typed on a desk keypad, never shown. */
const pin = z.string().regex(/^\d{4,8}$/, 'a PIN of 4 to 8 digits');

export const operatorSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(OPERATOR_ROLES),
  /** Whether signing in as them asks for a PIN. */
  hasPin: z.boolean(),
  active: z.boolean(),
});
export type Operator = z.infer<typeof operatorSchema>;

/** Who this window is signed in as, and what that lets them do. */
export const sessionStateSchema = z.object({
  operator: operatorSchema.nullable(),
  /** No active operator exists yet: everyone may do everything until a manager is added. */
  setupMode: z.boolean(),
  /** Manager rights: a signed-in Manager, or anyone in setup mode. */
  manager: z.boolean(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const operatorMethods = {
  /** The active operators to choose from when the desk opens (no PIN hashes, ever). */
  'operators.roster': {
    access: 'open',
    input: z.strictObject({}),
    output: z.object({ setupMode: z.boolean(), operators: z.array(operatorSchema) }),
  },
  /** Who this window is signed in as. */
  'session.current': { access: 'open', input: z.strictObject({}), output: sessionStateSchema },
  /**
   * Signs this window in. A wrong PIN is refused (UNAUTHORIZED) and, after five in a row, the
   * operator is locked for a minute.
   */
  'session.signIn': {
    access: 'open',
    input: z.strictObject({
      operatorId: z.number().int().positive(),
      pin: z.string().max(20).optional(),
    }),
    output: sessionStateSchema,
  },
  'session.signOut': { access: 'open', input: z.strictObject({}), output: sessionStateSchema },
  /** Every operator, inactive ones too (Settings → Operators). Manager only. */
  'operators.list': {
    access: 'manager',
    input: z.strictObject({}),
    output: z.array(operatorSchema),
  },
  /**
   * Adds (no `id`) or changes an operator. Manager only; in setup mode the first operator must be
   * a Manager, and this window is signed in as them. `pin`: a new PIN, null to remove it, absent to
   * keep it. The last active Manager cannot be demoted or deactivated.
   */
  'operators.save': {
    access: 'manager',
    input: z.strictObject({
      id: z.number().int().positive().optional(),
      name: operatorName,
      role: z.enum(OPERATOR_ROLES),
      pin: pin.nullable().optional(),
      active: z.boolean().default(true),
    }),
    output: z.object({ operator: operatorSchema, session: sessionStateSchema }),
  },
} as const;
