import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Optional per-member PIN for the scoring screen: it keeps one member from scoring under
 * another's name on a shared laptop. It is not a password (4–8 digits), but it is still stored
 * only as a salted scrypt hash: `scrypt$<salt hex>$<hash hex>`.
 */
const KEY_LENGTH = 32;
// Low cost on purpose: a PIN check must feel instant on a meeting-room laptop.
const COST = { N: 1 << 12, r: 8, p: 1 };

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_LENGTH, COST);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length, COST);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
