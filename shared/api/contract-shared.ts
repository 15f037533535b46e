import { z } from 'zod';

/** Schemas more than one part of the contract uses (kept apart so the parts do not import each other). */
export const requestKind = z.enum(['borrowing', 'lending']);

const address = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});

/** A partner as every screen shows it: never its security code. */
export const partnerSummary = z.object({
  code: z.string(),
  name: z.string(),
  symbol: z.string().nullable(),
  protocol: z.enum(['iso18626', 'email']),
  endpoint: z.string().nullable(),
  email: z.string().nullable(),
  isoVersion: z.enum(['1.2', '2021']),
  address,
  lendingWorkflow: z.string().nullable(),
  borrowingWorkflow: z.string().nullable(),
  expiryDays: z.number().int().nullable(),
  loanPeriodDays: z.number().int().nullable(),
  active: z.boolean(),
});
export type PartnerSummary = z.infer<typeof partnerSummary>;
