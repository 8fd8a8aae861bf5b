import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createSchool } from '../../../test/factories/index.js';
import { sessionFor } from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import type { School } from '../school/school.entity.js';
import { Person } from './person.entity.js';
import { Role } from './role-assignment.entity.js';

const SET = `mutation($input: SetMyLocaleInput!) { setMyLocale(input: $input) { id locale } }`;

let app: TestApp;
let em: EntityManager;
let school: School;
const people: Record<string, Person> = {};
const token: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  school = await createSchool(em);
  const make = async (name: string, roles: Role[]) => {
    people[name] = await createPerson(em, { school, roles, firstName: name });
    token[name] = await sessionFor(em, people[name]);
  };
  await make('teacher', [Role.TEACHER]);
  await make('parent', [Role.PARENT]);
  await make('student', [Role.STUDENT]);
});

afterAll(async () => {
  await app?.close();
});

const setLocale = (as: string | null, locale: string) =>
  gql<{ setMyLocale: { id: string; locale: string } }>(
    app.url,
    SET,
    { input: { locale } },
    { token: as ? token[as] : null },
  );
const localeInDb = async (name: string) =>
  (await em.fork().findOneOrFail(Person, people[name]!.id)).locale;

describe('setMyLocale', () => {
  it('issue 6: every signed-in person chooses their own interface language, audited', async () => {
    for (const who of ['teacher', 'parent', 'student']) {
      const r = await setLocale(who, 'en');
      expect(r.errors).toBeUndefined();
      expect(r.data!.setMyLocale).toEqual({ id: people[who]!.id, locale: 'en' });
      expect(await localeInDb(who)).toBe('en');
    }
    const events = await em
      .fork()
      .find(AuditEvent, { action: 'setMyLocale', actorId: people.teacher!.id });
    expect(events.map((e) => [e.entityId, e.schoolId, e.before, e.after])).toEqual([
      [people.teacher!.id, school.id, { locale: 'ru' }, { locale: 'en' }],
    ]);
    const back = await setLocale('teacher', 'ru');
    expect(back.data!.setMyLocale.locale).toBe('ru');
    expect(await localeInDb('teacher')).toBe('ru');
  });

  it('issue 6: refuses a language the school does not support and changes nothing', async () => {
    const before = await localeInDb('parent');
    for (const bad of ['de', '', 'english']) {
      const r = await setLocale('parent', bad);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions?.field).toBe('locale');
    }
    expect(await localeInDb('parent')).toBe(before);
    const events = await em
      .fork()
      .find(AuditEvent, { action: 'setMyLocale', actorId: people.parent!.id });
    expect(events).toHaveLength(1);
  });

  it('issue 6: refuses an anonymous caller', async () => {
    expect(codes(await setLocale(null, 'en'))).toEqual(['UNAUTHENTICATED']);
  });
});
