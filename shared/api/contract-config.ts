import { z } from 'zod';
import { partnerSummary } from './contract-shared.ts';

/**
 * The desk's configuration (issue "9 · Configuration"): partners, workflow profiles and the export
 * a second desk is set up from. Every change is Manager only; an Operator may read the profiles,
 * since the desk's row actions follow them. contract.ts spreads these methods into the one table.
 */

/** Optional text from a form: blank reads as "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

const days = (max: number, what: string) =>
  z
    .number()
    .int(`${what} in whole days`)
    .min(0, `${what} of 0 days or more`)
    .max(max, `${what} of at most ${max} days`)
    .nullish()
    .transform((v) => v ?? null);

/** A partner as Settings edits it: the summary plus its ISO account, never its security code. */
export const partnerConfig = partnerSummary.extend({
  accountId: z.string().nullable(),
  /** Whether an ISO 18626 security code is stored (the code itself never leaves the desk). */
  securityCodeSet: z.boolean(),
});
export type PartnerConfig = z.infer<typeof partnerConfig>;

export const partnerInput = z.strictObject({
  /** The code of the partner being changed; absent adds a new partner. */
  editing: z.string().trim().min(1).max(200).optional(),
  code: z
    .string()
    .trim()
    .min(1, 'a code, such as SUNYALB')
    .max(40)
    .regex(/^\S+$/, 'a code without spaces, such as SUNYALB'),
  name: z.string().trim().min(1, 'a name').max(200),
  symbol: optionalText(40),
  protocol: z.enum(['iso18626', 'email']),
  endpoint: optionalText(500),
  email: optionalText(200),
  isoVersion: z.enum(['1.2', '2021']).default('1.2'),
  accountId: optionalText(200),
  /** A new security code; null removes it; absent keeps the stored one. */
  securityCode: z.string().trim().max(200).nullable().optional(),
  address: z
    .strictObject({
      line1: optionalText(200),
      line2: optionalText(200),
      locality: optionalText(200),
      region: optionalText(100),
      postalCode: optionalText(40),
      country: optionalText(100),
    })
    .prefault({}),
  /** Profile names; null or absent takes the seed's profile of that type. */
  lendingWorkflow: optionalText(100),
  borrowingWorkflow: optionalText(100),
  expiryDays: days(365, 'an expiry'),
  loanPeriodDays: days(730, 'a loan period'),
  active: z.boolean().default(true),
});
export type PartnerInput = z.input<typeof partnerInput>;

export const PROFILE_TYPES = ['BORROWING', 'LENDING'] as const;

export const workflowProfileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(PROFILE_TYPES),
  /** Step codes (shared/domain/workflow-profiles.ts). */
  steps: z.array(z.string()),
  /** One of the seed's two profiles: its steps may change, its name may not. */
  builtin: z.boolean(),
  /** How many partners follow it. */
  partners: z.number().int(),
});
export type WorkflowProfileRow = z.infer<typeof workflowProfileSchema>;

const rotaPartner = z.object({ code: z.string(), name: z.string(), active: z.boolean() });

export const rotaTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The lenders in the order a request is offered to them. */
  partners: z.array(rotaPartner),
});
export type RotaTemplate = z.infer<typeof rotaTemplateSchema>;

const requestRota = z.object({
  requestId: z.string(),
  rota: z.array(rotaPartner.extend({ current: z.boolean() })),
  /** Where the request stands in its rota, in a sentence. */
  message: z.string(),
});
export type RequestRota = z.infer<typeof requestRota>;

/** Partner codes in the order they are tried: each once. */
const rotaCodes = z
  .array(z.string().trim().min(1).max(200))
  .min(1, 'at least one partner')
  .max(30, 'at most 30 partners');

export const configMethods = {
  /** Every partner with its ISO account and whether a security code is set (Settings → Partners). */
  'partners.config': {
    access: 'manager',
    input: z.strictObject({}),
    output: z.array(partnerConfig),
  },
  /**
   * Adds a partner (no `editing`) or changes one. ISO 18626 partners need an endpoint, email
   * partners an address; the profiles named must exist and be of the right type.
   */
  'partners.save': { access: 'manager', input: partnerInput, output: partnerConfig },
  /** Every workflow profile, with its steps and how many partners follow it. */
  'profiles.list': { input: z.strictObject({}), output: z.array(workflowProfileSchema) },
  /** Adds (no `id`) or changes a workflow profile. */
  'profiles.save': {
    access: 'manager',
    input: z.strictObject({
      id: z.number().int().positive().optional(),
      name: z.string().trim().min(1, 'a name').max(100),
      type: z.enum(PROFILE_TYPES),
      steps: z.array(z.string().trim().min(1).max(40)).max(40),
    }),
    output: workflowProfileSchema,
  },
  /** Every rota template: a named list of lenders a borrowing request is offered to in turn. */
  'rotas.list': { input: z.strictObject({}), output: z.array(rotaTemplateSchema) },
  /** Adds (no `id`) or changes a rota template. */
  'rotas.save': {
    access: 'manager',
    input: z.strictObject({
      id: z.number().int().positive().optional(),
      name: z.string().trim().min(1, 'a name').max(100),
      partners: rotaCodes,
    }),
    output: rotaTemplateSchema,
  },
  /** A borrowing request's rota, with the lender it is with now; empty when it has none. */
  'borrowing.rota': {
    input: z.strictObject({ requestId: z.string().trim().min(1).max(200) }),
    output: requestRota,
  },
  /**
   * Gives a borrowing request its rota: the lenders it goes to in turn when one cannot supply.
   * The lender it is with now stays current (first, when the list leaves it out).
   */
  'borrowing.setRota': {
    input: z.strictObject({ requestId: z.string().trim().min(1).max(200), partners: rotaCodes }),
    output: requestRota,
  },
  /**
   * The desk's partners and workflow profiles as an import file (DESIGN.md §6), so a second desk
   * is set up the same way. Security codes only when asked for.
   */
  'config.export': {
    access: 'manager',
    input: z.strictObject({ includeSecurityCodes: z.boolean().default(false) }),
    output: z.object({ fileName: z.string(), json: z.string() }),
  },
} as const;
