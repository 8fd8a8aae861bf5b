import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Secret, TOTP } from 'otpauth';
import { badInput, DomainError, ErrorCode } from '../core/errors.js';
import { recordAudit } from '../modules/audit/index.js';
import { Person } from '../modules/people/person.entity.js';
import { verifyPassword } from './passwords.js';
import type { SignInThrottle } from './throttle.js';
import { TotpFactor } from './totp-factor.entity.js';
import { STAFF_ROLES, type Viewer } from './viewer.js';

/**
 * TOTP second factor for staff (issue 8), RFC 6238 with the parameters every authenticator app
 * understands: SHA-1, 6 digits, 30 s. A code is accepted one step either side (clock drift), and
 * only once: the step it was accepted for is stored and a code for that step or an earlier one is
 * refused (a code read over a shoulder cannot be replayed).
 */
const PERIOD = 30;
const ISSUER = 'Classbook';

export interface TotpKeys {
  /** 32-byte AES key (hex) for secrets at rest; absent: stored as plain base32. */
  encryptionKey?: string;
}

function sealSecret(base32: string, keys: TotpKeys): string {
  if (!keys.encryptionKey) {
    return base32;
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keys.encryptionKey, 'hex'), iv);
  const sealed = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((p) => p.toString('base64url')).join('.');
}

function openSecret(stored: string, keys: TotpKeys): string {
  if (!stored.startsWith('v1.')) {
    return stored;
  }
  if (!keys.encryptionKey) {
    throw new Error('a TOTP secret is encrypted but TOTP_ENCRYPTION_KEY is not set');
  }
  const [, iv, tag, sealed] = stored.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keys.encryptionKey, 'hex'), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8');
}

function totpOf(base32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(base32),
  });
}

/**
 * Checks a code against the factor and, when it is right, records its step so that it cannot be
 * used again. The conditional update makes two racing requests with one code accept it once.
 */
export async function acceptCode(
  em: EntityManager,
  factor: TotpFactor,
  code: string,
  keys: TotpKeys,
  now = Date.now(),
): Promise<boolean> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) {
    return false;
  }
  const totp = totpOf(openSecret(factor.secret, keys), 'check');
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  if (delta === null) {
    return false;
  }
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  const updated = await em.nativeUpdate(
    TotpFactor,
    { id: factor.id, $or: [{ lastStep: null }, { lastStep: { $lt: step } }] },
    { lastStep: step },
  );
  if (updated === 1) {
    factor.lastStep = step;
  }
  return updated === 1;
}

/** The confirmed factor of a person, or null: then sign-in needs only the password. */
export async function confirmedFactor(
  em: EntityManager,
  personId: string,
): Promise<TotpFactor | null> {
  return em.findOne(
    TotpFactor,
    { person: personId, confirmedAt: { $ne: null } },
    { populate: ['secret'] },
  );
}

const actorOf = (viewer: Viewer) => ({ personId: viewer.personId, sessionId: viewer.sessionId });

/** Starts (or restarts) enrolment: a new secret, shown to the person this once. */
export async function beginTotpEnrolment(
  em: EntityManager,
  keys: TotpKeys,
  viewer: Viewer,
): Promise<{ secret: string; uri: string }> {
  if (!viewer.hasAnyRole(...STAFF_ROLES)) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'totp.staffOnly');
  }
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(TotpFactor, { person: viewer.personId });
    if (existing?.confirmedAt) {
      throw new DomainError(ErrorCode.CONFLICT, 'totp.alreadyEnabled');
    }
    const secret = new Secret({ size: 20 }).base32;
    if (existing) {
      existing.secret = sealSecret(secret, keys);
      existing.lastStep = null;
    } else {
      tx.persist(
        tx.create(TotpFactor, {
          person: tx.getReference(Person, viewer.personId),
          secret: sealSecret(secret, keys),
        }),
      );
    }
    recordAudit(tx, actorOf(viewer), {
      entityType: 'Person',
      entityId: viewer.personId,
      action: 'beginTotpEnrolment',
    });
    await tx.flush();
    const label = viewer.person.login ?? viewer.person.lastName;
    return { secret, uri: totpOf(secret, label).toString() };
  });
}

/** The first correct code turns the factor on. */
export async function confirmTotpEnrolment(
  em: EntityManager,
  keys: TotpKeys,
  viewer: Viewer,
  code: string,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const factor = await tx.findOne(
      TotpFactor,
      { person: viewer.personId },
      { populate: ['secret'] },
    );
    if (!factor || factor.confirmedAt) {
      throw badInput('code', factor ? 'totp.alreadyEnabled' : 'totp.notStarted');
    }
    if (!(await acceptCode(tx, factor, code, keys))) {
      throw badInput('code', 'totp.invalidCode');
    }
    factor.confirmedAt = new Date();
    recordAudit(tx, actorOf(viewer), {
      entityType: 'Person',
      entityId: viewer.personId,
      action: 'enableTotp',
      before: { totp: false },
      after: { totp: true },
    });
    await tx.flush();
    return true;
  });
}

/**
 * Turns the factor off on proof that the person is present: a current code or the password
 * (a phone may be lost). Wrong proofs count toward sign-in throttling, so a borrowed session
 * cannot be used to guess the password here.
 */
export async function disableTotp(
  em: EntityManager,
  keys: TotpKeys,
  throttle: SignInThrottle,
  viewer: Viewer,
  input: { code?: string | null; password?: string | null },
  address: string | null,
): Promise<boolean> {
  const factor = await em.findOne(
    TotpFactor,
    { person: viewer.personId, confirmedAt: { $ne: null } },
    { populate: ['secret'] },
  );
  if (!factor) {
    throw badInput('code', 'totp.notEnabled');
  }
  if (!input.code && !input.password) {
    throw badInput('code', 'totp.proofRequired');
  }
  const throttleKeys = {
    login: viewer.person.login ?? viewer.personId,
    address,
    knownDevice: null,
  };
  await throttle.check(throttleKeys);
  let proven = false;
  if (input.code) {
    proven = await acceptCode(em, factor, input.code, keys);
  } else if (input.password) {
    const person = await em.findOneOrFail(
      Person,
      { id: viewer.personId },
      { populate: ['passwordHash'] },
    );
    proven = !!person.passwordHash && (await verifyPassword(person.passwordHash, input.password));
  }
  if (!proven) {
    await throttle.failed(throttleKeys);
    throw input.code
      ? badInput('code', 'totp.invalidCode')
      : badInput('password', 'auth.invalidCredentials');
  }
  await em.transactional(async (tx) => {
    await tx.nativeDelete(TotpFactor, { id: factor.id });
    recordAudit(tx, actorOf(viewer), {
      entityType: 'Person',
      entityId: viewer.personId,
      action: 'disableTotp',
      before: { totp: true },
      after: { totp: false, proof: input.code ? 'code' : 'password' },
    });
  });
  return true;
}

/** For the viewer's own security page. */
export async function totpEnabled(em: EntityManager, personId: string): Promise<boolean> {
  return (await em.count(TotpFactor, { person: personId, confirmedAt: { $ne: null } })) > 0;
}
