import { z } from 'zod';

/** Schemas more than one part of the contract uses (kept apart so the parts do not import each other). */
export const requestKind = z.enum(['borrowing', 'lending']);
