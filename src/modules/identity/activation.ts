import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: codes are read off paper and typed on phones.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time activation code such as `K7QM-2XHP-9RTD` (about 59 bits). */
export function newActivationCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

const normalize = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function hashActivationCode(code: string): string {
  return createHash('sha256').update(normalize(code)).digest('hex');
}

export function activationCodeMatches(code: string, hash: string): boolean {
  const a = Buffer.from(hashActivationCode(code), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
