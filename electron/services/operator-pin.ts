import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Operator PINs are stored only as salted scrypt hashes, written `scrypt$N$r$p$salt$hash` (base64),
 * so the cost travels with the hash and can be raised later without breaking stored PINs. A PIN is
 * 4 to 8 digits: the hash keeps a copied database from showing them outright, the sign-in lockout
 * (sign-in-lockout.ts) is what stops guessing at the desk.
 */

const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

interface Cost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

function derive(pin: string, salt: Buffer, cost: Cost, length = KEY_LENGTH): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, length, cost, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new salted hash of `pin`, for the operators table. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** Whether `pin` is the one `stored` was made from; compared in constant time. */
export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  if (!Object.values(cost).every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  const key = await derive(pin, Buffer.from(salt, 'base64'), cost, expected.length);
  return timingSafeEqual(key, expected);
}
