import { hash, verify, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's argon2id baseline (19 MiB, 2 passes): fine on a 2-core school server.
// `algorithm: 2` is Argon2id (the package's enum is a const enum, unusable across modules).
const options: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * Password rules (issue 8), after NIST SP 800-63B: length and a blocklist, no composition rules,
 * no forced rotation (a password changes when it leaks: R-AUTH-3).
 *
 * 10 characters at least: NIST's floor is 8 with a blocklist and 15 for a password that is the
 * only factor; pupils from age 7 type theirs on phones, so 15 would push them to write it down,
 * while 10 with the blocklist and sign-in throttling (auth/throttle.ts) keeps online guessing
 * hopeless. Staff can add a second factor. At most 128: enough for any passphrase, and it bounds
 * the hashing work one request can cause.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// ~49,000 most common passwords (from breach corpora), kept by the zxcvbn-ts project (MIT).
const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export type PasswordProblem =
  | { key: 'password.tooShort'; params: { min: number } }
  | { key: 'password.tooLong'; params: { max: number } }
  | { key: 'password.common' }
  | { key: 'password.personal' };

/** Why a new password is refused, or null. `personal`: the login and names of its owner. */
export function passwordProblem(
  password: string,
  personal: readonly (string | null | undefined)[] = [],
): PasswordProblem | null {
  // Counted in code points, as a person counts characters (an emoji is one).
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    return { key: 'password.tooShort', params: { min: PASSWORD_MIN } };
  }
  if (length > PASSWORD_MAX) {
    return { key: 'password.tooLong', params: { max: PASSWORD_MAX } };
  }
  const folded = password.toLowerCase();
  const squeezed = folded.replace(/[\s._-]/g, '');
  if (common.has(folded) || common.has(squeezed)) {
    return { key: 'password.common' };
  }
  const words = personal
    .map((w) => w?.toLowerCase().replace(/[\s._-]/g, ''))
    .filter((w): w is string => !!w && w.length >= 3);
  // The login or a name, alone or with a few characters added (ivanova2015, ivanova!!).
  if (words.some((w) => squeezed.includes(w) && squeezed.length - w.length < 6)) {
    return { key: 'password.personal' };
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this for an unknown login makes both failures take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('classbook-timing-equaliser');
  return dummyHash;
}
