import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomString(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A Stripe-looking id such as `pi_3Q2x...`: prefix, then 24 random characters. */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(24)}`;
}
