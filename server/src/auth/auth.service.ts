import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../core/errors.js';
import { requireId } from '../core/ids.js';
import { recordAudit, type AuditActor } from '../modules/audit/index.js';
import { Person } from '../modules/people/person.entity.js';
import { Role, RoleAssignment } from '../modules/people/role-assignment.entity.js';
import { scopeToPerson } from '../core/row-scope.js';
import { School } from '../modules/school/school.entity.js';
import { familiesOfClassTeacher, isoDate } from './access.js';
import { Invitation } from './invitation.entity.js';
import {
  dummyPasswordHash,
  hashPassword,
  PASSWORD_MAX,
  passwordProblem,
  verifyPassword,
} from './passwords.js';
import { Session } from './session.entity.js';
import { SignInChallenge } from './sign-in-challenge.entity.js';
import { SignInThrottle } from './throttle.js';
import { acceptCode, confirmedFactor, type TotpKeys } from './totp.js';
import { loadConfig, type SessionLifetimes } from '../core/config.js';
import { newInvitationCode, newSessionToken, normaliseInvitationCode, sha256 } from './tokens.js';
import { STAFF_ROLES, type Viewer } from './viewer.js';

export interface AuthSettings {
  /** Families' absolute session lifetime; `lifetimes` refines it when given. */
  sessionTtlHours: number;
  invitationTtlHours: number;
  /** Idle and absolute lifetimes by kind of account (issue 8). */
  lifetimes?: SessionLifetimes;
  /** Sign-in throttling; a schema built without one (tests of the bare schema) counts in memory. */
  throttle?: SignInThrottle;
  totp?: TotpKeys;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  token: string;
  session: Session;
}

/** The password step's result: a session, or a challenge that a TOTP code completes. */
export type SignInOutcome =
  | { kind: 'session'; issued: IssuedSession }
  | { kind: 'secondFactor'; challenge: string; expiresAt: Date };

const CHALLENGE_MINUTES = 5;
/** A device counts as known for this long after a sign-in from it. */
const KNOWN_DEVICE_DAYS = 180;

const fallbackThrottles = new WeakMap<AuthSettings, SignInThrottle>();
export function throttleOf(settings: AuthSettings): SignInThrottle {
  if (settings.throttle) {
    return settings.throttle;
  }
  let throttle = fallbackThrottles.get(settings);
  if (!throttle) {
    throttle = new SignInThrottle(loadConfig({}).throttle, { prefix: 'bare' });
    fallbackThrottles.set(settings, throttle);
  }
  return throttle;
}

function lifetimesOf(settings: AuthSettings): SessionLifetimes {
  return (
    settings.lifetimes ?? {
      ...loadConfig({}).sessionLifetimes,
      familyTtlHours: settings.sessionTtlHours,
    }
  );
}

/**
 * Staff sessions end after 2 h idle and 12 h in all (a shared staff-room computer left signed
 * in); families' after a week idle and 14 days (a parent's own phone). Configurable.
 */
async function lifetimeFor(em: EntityManager, settings: AuthSettings, person: Person) {
  const lifetimes = lifetimesOf(settings);
  // Under row security the person's own roles are visible once the operation is theirs: the
  // password (and second factor) has been checked by now.
  scopeToPerson(person.id);
  const staff = await em.count(RoleAssignment, {
    person,
    revokedAt: null,
    role: { $in: [...STAFF_ROLES] },
  });
  return staff > 0
    ? { ttlHours: lifetimes.staffTtlHours, idleMinutes: lifetimes.staffIdleMinutes }
    : { ttlHours: lifetimes.familyTtlHours, idleMinutes: lifetimes.familyIdleMinutes };
}

/** The device id a client keeps: only its hash is stored; anything odd counts as no device. */
function deviceHashOf(deviceId: string | null | undefined): string | null {
  return deviceId && deviceId.length >= 16 && deviceId.length <= 200 ? sha256(deviceId) : null;
}

async function knownDevice(
  em: EntityManager,
  person: Person | null,
  deviceHash: string | null,
): Promise<string | null> {
  if (!person || !deviceHash) {
    return null;
  }
  const since = new Date(Date.now() - KNOWN_DEVICE_DAYS * 86_400_000);
  const count = await em.count(Session, { person, deviceHash, createdAt: { $gt: since } });
  return count > 0 ? deviceHash : null;
}

export interface IssuedInvitationResult {
  code: string;
  invitation: Invitation;
}

const LOGIN_MIN = 3;
const LOGIN_MAX = 64;
const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(new RegExp(`^[a-z0-9._-]{${LOGIN_MIN},${LOGIN_MAX}}$`));

const actorOf = (viewer: Viewer): AuditActor => ({
  personId: viewer.personId,
  sessionId: viewer.sessionId,
});

/** Every place that sets a password goes through here (issue 8: auth/passwords.ts). */
export function validPassword(
  password: string,
  personal: readonly (string | null | undefined)[],
): string {
  const problem = passwordProblem(password, personal);
  if (problem) {
    throw badInput('password', problem.key, 'params' in problem ? problem.params : undefined);
  }
  return password;
}

function validLogin(login: string): string {
  const parsed = loginSchema.safeParse(login);
  if (!parsed.success) {
    throw badInput('login', 'login.format', { min: LOGIN_MIN, max: LOGIN_MAX });
  }
  return parsed.data;
}

function openSession(
  em: EntityManager,
  person: Person,
  lifetime: { ttlHours: number; idleMinutes: number },
  client: ClientInfo,
  deviceHash: string | null = null,
) {
  const token = newSessionToken();
  const session = em.create(Session, {
    person,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + lifetime.ttlHours * 3_600_000),
    idleMinutes: lifetime.idleMinutes,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    ipAddress: client.ip,
    deviceHash,
  });
  em.persist(session);
  return { token, session };
}

async function startSession(
  em: EntityManager,
  settings: AuthSettings,
  person: Person,
  client: ClientInfo,
  deviceHash: string | null,
  secondFactor: boolean,
): Promise<IssuedSession> {
  const lifetime = await lifetimeFor(em, settings, person);
  return em.transactional(async (tx) => {
    const issued = openSession(tx, person, lifetime, client, deviceHash);
    person.lastSignInAt = new Date();
    await tx.flush();
    recordAudit(
      tx,
      { personId: person.id, sessionId: issued.session.id },
      {
        entityType: 'Session',
        entityId: issued.session.id,
        action: 'signIn',
        after: { ip: client.ip, ...(secondFactor ? { secondFactor: 'totp' } : {}) },
      },
    );
    return issued;
  });
}

const invalidCredentials = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, 'auth.invalidCredentials');

/**
 * R-AUTH-1: sign in with issued credentials. Unknown login and wrong password look the same, and
 * are throttled alike (auth/throttle.ts). An account with a second factor gets a challenge that
 * `signInSecondFactor` completes with a TOTP code.
 */
export async function signIn(
  em: EntityManager,
  settings: AuthSettings,
  input: { login: string; password: string; deviceId?: string | null },
  client: ClientInfo,
): Promise<SignInOutcome> {
  const throttle = throttleOf(settings);
  const login = input.login
    .trim()
    .toLowerCase()
    .slice(0, LOGIN_MAX + 1);
  const person = await em.findOne(Person, { login }, { populate: ['passwordHash'] });
  const deviceHash = deviceHashOf(input.deviceId);
  const keys = {
    login,
    address: client.ip,
    knownDevice: await knownDevice(em, person, deviceHash),
  };
  await throttle.check(keys);
  // Over-long input is refused without hashing it (bounds the work of one request).
  const password = input.password.length > PASSWORD_MAX * 4 ? '' : input.password;
  const ok = person?.passwordHash
    ? await verifyPassword(person.passwordHash, password)
    : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
  if (!person || !ok) {
    await throttle.failed(keys);
    throw invalidCredentials();
  }
  if (await confirmedFactor(em, person.id)) {
    const challenge = newSessionToken();
    const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
    em.persist(em.create(SignInChallenge, { person, tokenHash: sha256(challenge), expiresAt }));
    await em.flush();
    return { kind: 'secondFactor', challenge, expiresAt };
  }
  await throttle.succeeded(keys);
  return {
    kind: 'session',
    issued: await startSession(em, settings, person, client, deviceHash, false),
  };
}

/** The second step: the challenge from the password step and a current TOTP code. */
export async function signInSecondFactor(
  em: EntityManager,
  settings: AuthSettings,
  input: { challenge: string; code: string; deviceId?: string | null },
  client: ClientInfo,
): Promise<IssuedSession> {
  const throttle = throttleOf(settings);
  const challenge =
    input.challenge.length <= 200
      ? await em.findOne(
          SignInChallenge,
          { tokenHash: sha256(input.challenge), usedAt: null, expiresAt: { $gt: new Date() } },
          { populate: ['person'] },
        )
      : null;
  if (!challenge) {
    throw badInput('challenge', 'auth.challengeExpired');
  }
  const person = challenge.person;
  const deviceHash = deviceHashOf(input.deviceId);
  const keys = {
    login: person.login ?? person.id,
    address: client.ip,
    knownDevice: await knownDevice(em, person, deviceHash),
  };
  await throttle.check(keys);
  const factor = await confirmedFactor(em, person.id);
  if (!factor || !(await acceptCode(em, factor, input.code, settings.totp ?? {}))) {
    await throttle.failed(keys);
    throw badInput('code', 'totp.invalidCode');
  }
  const claimed = await em.nativeUpdate(
    SignInChallenge,
    { id: challenge.id, usedAt: null },
    { usedAt: new Date() },
  );
  if (claimed !== 1) {
    throw badInput('challenge', 'auth.challengeExpired');
  }
  await throttle.succeeded(keys);
  return startSession(em, settings, person, client, deviceHash, true);
}

export async function signOut(em: EntityManager, viewer: Viewer): Promise<boolean> {
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(
      Session,
      { id: viewer.sessionId, revokedAt: null },
      { revokedAt: new Date() },
    );
    recordAudit(tx, actorOf(viewer), {
      entityType: 'Session',
      entityId: viewer.sessionId,
      action: 'signOut',
    });
  });
  return true;
}

/** R-AUTH-3(a): revokes every session of the viewer at once; returns how many were open. */
export async function signOutEverywhere(em: EntityManager, viewer: Viewer): Promise<number> {
  return em.transactional(async (tx) => {
    const count = await tx.nativeUpdate(
      Session,
      { person: viewer.personId, revokedAt: null },
      { revokedAt: new Date() },
    );
    recordAudit(tx, actorOf(viewer), {
      entityType: 'Person',
      entityId: viewer.personId,
      action: 'signOutEverywhere',
      after: { sessionsRevoked: count },
    });
    return count;
  });
}

/** A person redeems a one-time code once, setting their own login and password (R-AUTH-1). */
export async function redeemInvitation(
  em: EntityManager,
  settings: AuthSettings,
  input: { code: string; login: string; password: string },
  client: ClientInfo,
): Promise<IssuedSession> {
  const codeHash = sha256(normaliseInvitationCode(input.code));
  const login = validLogin(input.login);
  const password = validPassword(input.password, [login]);
  const passwordHash = await hashPassword(password);
  const lifetimes = lifetimesOf(settings);
  return em.transactional(async (tx) => {
    // Locked so that two people racing with the same code cannot both redeem it.
    const invitation = await tx.findOne(
      Invitation,
      { codeHash },
      { populate: ['person'], lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['i0'] },
    );
    if (!invitation || invitation.withdrawnAt) {
      throw badInput('code', 'invitation.unknown');
    }
    if (invitation.redeemedAt) {
      throw badInput('code', 'invitation.used');
    }
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw badInput('code', 'invitation.expired');
    }
    const person = invitation.person;
    validPassword(password, [login, person.firstName, person.lastName, person.middleName]);
    const taken = await tx.findOne(Person, { login, id: { $ne: person.id } });
    if (taken) {
      throw badInput('login', 'login.taken');
    }
    const before = { login: person.login ?? null };
    person.login = login;
    person.passwordHash = passwordHash;
    person.lastSignInAt = new Date();
    invitation.redeemedAt = new Date();
    // A new password ends every session opened with the old one.
    await tx.nativeUpdate(Session, { person, revokedAt: null }, { revokedAt: new Date() });
    const staff = STAFF_ROLES.includes(invitation.role);
    const issued = openSession(
      tx,
      person,
      staff
        ? { ttlHours: lifetimes.staffTtlHours, idleMinutes: lifetimes.staffIdleMinutes }
        : { ttlHours: lifetimes.familyTtlHours, idleMinutes: lifetimes.familyIdleMinutes },
      client,
    );
    await tx.flush();
    recordAudit(
      tx,
      { personId: person.id, sessionId: issued.session.id },
      {
        schoolId: invitation.school.id,
        entityType: 'Person',
        entityId: person.id,
        action: 'redeemInvitation',
        before,
        after: { login, invitationId: invitation.id },
      },
    );
    return issued;
  });
}

/**
 * R-AUTH-1: staff codes come from the administration (administrator, director, deputy); a
 * student's or parent's from the class teacher of the student's class, or the administration.
 */
export async function issueInvitation(
  em: EntityManager,
  settings: AuthSettings,
  viewer: Viewer,
  input: { personId: string; schoolId?: string | null },
): Promise<IssuedInvitationResult> {
  const personId = requireId(input.personId, 'personId');
  const schoolFilter = input.schoolId ? requireId(input.schoolId, 'schoolId') : null;
  const target = await em.findOne(Person, { id: personId });
  const targetRoles = target
    ? await em.find(RoleAssignment, { person: target, revokedAt: null }, { populate: ['school'] })
    : [];
  const viewerSchools = new Set(viewer.schoolIds());
  // A person in no school the viewer belongs to is, to the viewer, not there at all.
  const shared = targetRoles.filter(
    (r) => viewerSchools.has(r.school.id) && (!schoolFilter || r.school.id === schoolFilter),
  );
  if (!target || shared.length === 0) {
    throw notFound('personId');
  }
  const schoolIds = [...new Set(shared.map((r) => r.school.id))];
  if (schoolIds.length > 1) {
    throw badInput('schoolId', 'school.ambiguous');
  }
  const schoolId = schoolIds[0]!;
  const role = pickInvitationRole(shared.map((r) => r.role));
  const isAdministration = viewer.hasRole(schoolId, Role.ADMINISTRATOR, Role.DIRECTOR, Role.DEPUTY);
  const isFamily = role === Role.STUDENT || role === Role.PARENT;
  let allowed = isAdministration;
  if (!allowed && isFamily && viewer.hasRole(schoolId, Role.TEACHER)) {
    const families = await familiesOfClassTeacher(
      em,
      viewer.personId,
      [target.id],
      isoDate(new Date()),
    );
    allowed = families.has(target.id);
  }
  if (!allowed) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'invitation.notAllowed');
  }
  return em.transactional((tx) =>
    createInvitation(tx, settings, viewer, { person: target, schoolId, role }),
  );
}

export function pickInvitationRole(roles: Role[]): Role {
  return (
    STAFF_ROLES.find((r) => roles.includes(r)) ??
    (roles.includes(Role.STUDENT) ? Role.STUDENT : Role.PARENT)
  );
}

export async function createInvitation(
  tx: EntityManager,
  settings: AuthSettings,
  viewer: Viewer,
  args: { person: Person; schoolId: string; role: Role },
): Promise<IssuedInvitationResult> {
  const now = new Date();
  // Only the newest code works: a code given to the wrong person is withdrawn by issuing another.
  await tx.nativeUpdate(
    Invitation,
    { person: args.person, redeemedAt: null, withdrawnAt: null },
    { withdrawnAt: now },
  );
  const code = newInvitationCode();
  const invitation = tx.create(Invitation, {
    school: tx.getReference(School, args.schoolId),
    person: args.person,
    role: args.role,
    codeHash: sha256(code),
    issuedBy: tx.getReference(Person, viewer.personId),
    createdAt: now,
    expiresAt: new Date(now.getTime() + settings.invitationTtlHours * 3_600_000),
  });
  tx.persist(invitation);
  recordAudit(tx, actorOf(viewer), {
    schoolId: args.schoolId,
    entityType: 'Invitation',
    entityId: invitation.id,
    action: 'issueInvitation',
    after: {
      personId: args.person.id,
      role: args.role,
      expiresAt: invitation.expiresAt.toISOString(),
    },
  });
  await tx.flush();
  return { code, invitation };
}

/** R-ROLE-1, R-AUTH-1: the administrator creates a staff account and hands over a one-time code. */
export async function createStaffAccount(
  em: EntityManager,
  settings: AuthSettings,
  viewer: Viewer,
  input: {
    schoolId: string;
    lastName: string;
    firstName: string;
    middleName?: string | null;
    email?: string | null;
    roles: Role[];
  },
): Promise<IssuedInvitationResult> {
  requireId(input.schoolId, 'schoolId');
  if (!viewer.hasRole(input.schoolId, Role.ADMINISTRATOR)) {
    // Another school's administrator learns nothing about this school.
    throw viewer.schoolIds().includes(input.schoolId) ? forbidden() : notFound('schoolId');
  }
  const lastName = input.lastName.trim();
  const firstName = input.firstName.trim();
  if (!lastName || !firstName) {
    throw badInput(!lastName ? 'lastName' : 'firstName', 'person.nameRequired');
  }
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) {
    throw badInput('roles', 'roles.required');
  }
  if (roles.some((r) => !STAFF_ROLES.includes(r))) {
    throw badInput('roles', 'roles.staffOnly');
  }
  return em.transactional(async (tx) => {
    const person = tx.create(Person, {
      lastName,
      firstName,
      middleName: input.middleName?.trim() || null,
      email: input.email?.trim() || null,
    });
    tx.persist(person);
    const school = tx.getReference(School, input.schoolId);
    for (const role of roles) {
      tx.persist(tx.create(RoleAssignment, { school, person, role }));
    }
    recordAudit(tx, actorOf(viewer), {
      schoolId: input.schoolId,
      entityType: 'Person',
      entityId: person.id,
      action: 'createStaffAccount',
      after: { lastName, firstName, roles },
    });
    await tx.flush();
    return createInvitation(tx, settings, viewer, {
      person,
      schoolId: input.schoolId,
      role: pickInvitationRole(roles),
    });
  });
}
