import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256 random bits, URL-safe: the bearer token a client holds. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens and codes are stored only as SHA-256: they are random, so no slow hash is needed. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

// Crockford's alphabet: no I, L, O, U, so a code read aloud or copied from paper survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time invitation code like `K7Q2-9XMD-4HRT` (60 bits), typed by a parent on a phone. */
export function newInvitationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Accepts the code as people type it: any case, spaces or no dashes, O for 0, I/L for 1. */
export function normaliseInvitationCode(input: string): string {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return raw.length === 12 ? [raw.slice(0, 4), raw.slice(4, 8), raw.slice(8)].join('-') : raw;
}
