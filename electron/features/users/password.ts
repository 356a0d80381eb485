import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt cost: N=2^15, r=8, p=1 (about 32 MiB and ~50 ms per check); stored with the hash so it can grow later.
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 8;

/** "scrypt$N$r$p$salt$hash" (base64 salt and hash). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEM });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash that no password matches, checked when the username is unknown so timing does not reveal
 * which names exist. Made once from a random password nobody kept, rather than at every start:
 * every CLI command and database thread loads this module, and a scrypt costs each ~50 ms or more.
 */
export const DUMMY_HASH = 'scrypt$32768$8$1$hkO3MI4kI/OMXL06n8mdNw==$RqkBTk4YnqpgcSGjZy+43xl/TF5THUJgEzPrVgntGzU=';
