// The access matrix (issue 3): every root field of the schema, found by introspection, asked by
// every role and by nobody, against the table below. A new Query, Mutation or Subscription field
// fails this test until it is added to the table, so nothing can ship unguarded.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Role } from '../src/modules/people/role-assignment.entity.js';
import { ApiScope } from '../src/modules/api-clients/index.js';
import { buildBareSchema } from '../src/core/schema.js';
import { createPerson, createSchool, uniqueLogin } from './factories/index.js';
import { sessionFor } from './factories/journal.js';
import { gql, startTestApp, type TestApp } from './harness.js';

// API_CLIENT: an analytics tool's token with every scope for the school (issue 8); its column is
// API_CLIENT_READS below, since no role-based row lets it through by itself.
type Who = Role | 'ANONYMOUS' | 'API_CLIENT';
const ROLES = Object.values(Role);
const EVERYONE: Who[] = ['ANONYMOUS', ...ROLES];
const STAFF_TEACHING = [Role.TEACHER, Role.DEPUTY, Role.DIRECTOR, Role.ADMINISTRATOR];
const RECORD_KEEPERS = [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR, Role.RECORDS_CLERK];

/** Who gets past the permission layer for each root field (the service then checks ownership). */
const EXPECTED: Record<string, Who[]> = {
  'Query.me': EVERYONE,
  'Query.classDashboard': STAFF_TEACHING,
  'Query.disputedOperations': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.reportCompromise': ROLES,
  'Mutation.voidOperations': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.compromiseReports': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.myDigestSubscription': [Role.PARENT],
  'Mutation.setDigestSubscription': [Role.PARENT],
  'Query.myThreads': ROLES,
  'Query.thread': ROLES,
  'Query.messageRecipients': ROLES,
  'Query.overdueThreads': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  // Journal control and the monthly activity report (issue 7).
  'Query.journalControl': STAFF_TEACHING,
  'Query.journalControlList': STAFF_TEACHING,
  'Query.userActivity': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.startThread': ROLES,
  'Mutation.sendMessage': ROLES,
  'Mutation.markThreadRead': ROLES,
  'Subscription.messageReceived': ROLES,
  'Query.classAnnouncements': ROLES,
  'Mutation.publishAnnouncement': STAFF_TEACHING,
  'Subscription.announcementPublished': ROLES,
  'Subscription.threadRead': ROLES,
  'Query.myJournalPages': [Role.TEACHER],
  'Query.journalPage': STAFF_TEACHING,
  'Query.history': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.myStudents': ROLES,
  'Query.diaryWeek': [Role.STUDENT, Role.PARENT, ...STAFF_TEACHING],
  'Query.diaryPeriods': [Role.STUDENT, Role.PARENT, ...STAFF_TEACHING],
  'Query.diaryPeriod': [Role.STUDENT, Role.PARENT, ...STAFF_TEACHING],
  // Reports (issue 7): staff who read journals; the clerk files the summary sheet; families
  // reach only the explanation of their own child's average (the service checks whose).
  'Query.performanceReport': STAFF_TEACHING,
  'Query.attendanceReport': STAFF_TEACHING,
  'Query.summarySheet': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Query.explainAverage': [...STAFF_TEACHING, Role.STUDENT, Role.PARENT],
  'Mutation.signIn': EVERYONE,
  'Mutation.redeemInvitation': EVERYONE,
  // Sign-in defences (issue 8).
  'Mutation.signInSecondFactor': EVERYONE,
  'Mutation.beginTotpEnrolment': [
    Role.ADMINISTRATOR,
    Role.DIRECTOR,
    Role.DEPUTY,
    Role.RECORDS_CLERK,
    Role.TEACHER,
  ],
  'Mutation.confirmTotpEnrolment': [
    Role.ADMINISTRATOR,
    Role.DIRECTOR,
    Role.DEPUTY,
    Role.RECORDS_CLERK,
    Role.TEACHER,
  ],
  'Mutation.disableTotp': ROLES,
  'Mutation.signOut': ROLES,
  'Mutation.signOutEverywhere': ROLES,
  'Mutation.createSocketTicket': ROLES,
  'Mutation.issueInvitation': [Role.ADMINISTRATOR, Role.DIRECTOR, Role.DEPUTY, Role.TEACHER],
  'Mutation.createStaffAccount': [Role.ADMINISTRATOR],
  'Mutation.setMarks': [Role.TEACHER],
  'Subscription.studentJournalChanged': [...STAFF_TEACHING, Role.STUDENT, Role.PARENT],
  'Subscription.journalPageChanged': STAFF_TEACHING,
  'Subscription.classJournalChanged': STAFF_TEACHING,
  'Subscription.classDashboardChanged': STAFF_TEACHING,
  'Mutation.setAttendance': [Role.TEACHER],
  'Mutation.setPeriodMarks': [Role.TEACHER],
  'Mutation.assignSubstitute': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.createLesson': [Role.TEACHER],
  'Mutation.updateLesson': [Role.TEACHER],
  'Mutation.cancelLesson': [Role.TEACHER],
  'Mutation.correctAttendance': [Role.TEACHER],
  // The year's set-up (issue 4): staff read, the administration writes.
  'Query.academicYears': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Query.reportingPeriods': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Query.schoolClasses': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Query.subjects': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Query.workTypes': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Query.curriculum': STAFF_TEACHING,
  'Query.teachingAssignments': STAFF_TEACHING,
  'Query.plannedTopics': STAFF_TEACHING,
  'Mutation.createAcademicYear': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.createReportingPeriod': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.updateReportingPeriod': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.closeReportingPeriod': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.createSchoolClass': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.updateSchoolClass': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.createSubject': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.setCurriculum': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.assignTeacher': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.changeTeacher': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.copyYearStructure': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  // Year end (issue 7, R-DATA-2): the administration closes, corrects and archives.
  'Mutation.closeAcademicYear': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.correctClosedYearRecord': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.archiveAcademicYear': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.yearArchives': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.setPlannedTopics': STAFF_TEACHING,
  'Mutation.importPlannedTopics': STAFF_TEACHING,
  // People (issue 4): the clerk and the administration import lists; the service keeps staff
  // lists to the administrator. Staff roles are the administrator's (R-ROLE-1).
  'Mutation.importPeople': [Role.RECORDS_CLERK, Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.staff': [Role.RECORDS_CLERK, Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.grantRole': [Role.ADMINISTRATOR],
  'Mutation.revokeRole': [Role.ADMINISTRATOR],
  // Student movement and personal data (issue 4): the records clerk and the administration; the
  // class teacher (a TEACHER, checked per class by the service) keeps their class's families.
  'Query.classRoster': [Role.TEACHER, ...RECORD_KEEPERS],
  'Query.personalData': ROLES,
  'Query.enrolmentHistory': ROLES,
  'Mutation.admitStudent': RECORD_KEEPERS,
  'Mutation.transferStudent': RECORD_KEEPERS,
  'Mutation.departStudent': RECORD_KEEPERS,
  'Mutation.createStudent': RECORD_KEEPERS,
  'Mutation.createParent': [Role.TEACHER, ...RECORD_KEEPERS],
  'Mutation.linkGuardian': [Role.TEACHER, ...RECORD_KEEPERS],
  'Mutation.unlinkGuardian': [Role.TEACHER, ...RECORD_KEEPERS],
  'Mutation.updatePersonalData': [Role.TEACHER, ...RECORD_KEEPERS],
  'Mutation.setMyLocale': ROLES,
  // Subgroups (R-YEAR-2, R-ROLE-6): staff read; the administration, the class teacher and the
  // subject's teachers split a class (the service checks which class).
  'Query.subgroups': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Mutation.createSubgroup': STAFF_TEACHING,
  'Mutation.setSubgroupMembers': STAFF_TEACHING,
  'Mutation.moveToSubgroup': STAFF_TEACHING,
  // The timetable (R-YEAR-4): staff read, the administration writes; families read it in the diary.
  'Query.timetable': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Query.bellTimes': [...STAFF_TEACHING, Role.RECORDS_CLERK],
  'Mutation.setBellTimes': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.createTimetableSlot': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.updateTimetableSlot': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.endTimetableSlot': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.publishTimetableChange': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  // API access for analytics tools (issue 8): the administration manages clients and pages
  // through connections; API clients read the connections (API_CLIENT_READS).
  'Query.apiClients': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.createApiClient': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Mutation.revokeApiClient': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.marksConnection': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.attendanceConnection': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.lessonsConnection': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
  'Query.studentsConnection': [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR],
};

/**
 * The root fields an API client with every scope gets past the gate on (issue 8): read-only
 * queries of school data. Never a mutation or subscription, never the account's own lists, the
 * audit trail, staff, archives or the administration's tools.
 */
const API_CLIENT_READS = new Set([
  'Query.journalPage',
  'Query.diaryWeek',
  'Query.diaryPeriods',
  'Query.diaryPeriod',
  'Query.explainAverage',
  'Query.performanceReport',
  'Query.attendanceReport',
  'Query.summarySheet',
  'Query.journalControl',
  'Query.journalControlList',
  'Query.academicYears',
  'Query.reportingPeriods',
  'Query.schoolClasses',
  'Query.subjects',
  'Query.workTypes',
  'Query.curriculum',
  'Query.teachingAssignments',
  'Query.plannedTopics',
  'Query.subgroups',
  'Query.timetable',
  'Query.bellTimes',
  'Query.classRoster',
  'Query.personalData',
  'Query.enrolmentHistory',
  'Query.classAnnouncements',
  'Query.overdueThreads',
  'Query.marksConnection',
  'Query.attendanceConnection',
  'Query.lessonsConnection',
  'Query.studentsConnection',
]);

const expectedFor = (key: string, who: Who): boolean =>
  who === 'API_CLIENT' ? API_CLIENT_READS.has(key) : (EXPECTED[key]?.includes(who) ?? false);

/** Everyone the matrix asks as: the roles, nobody, and an API client. */
const CALLERS: Who[] = [...EVERYONE, 'API_CLIENT'];

/** A value of the right shape for any input type: the point is the gate, not the data. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) {
    return sample(type.ofType);
  }
  if (isListType(type)) {
    return [sample(type.ofType)];
  }
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  if (isEnumType(type)) {
    return type.getValues()[0]?.value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return '00000000-0000-4000-8000-000000000000';
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTimeISO':
        return '2026-01-01T00:00:00.000Z';
      default:
        return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

function operationFor(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
) {
  const args = field.args;
  const vars = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const pass = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return {
    query: `${kind}${vars ? `(${vars})` : ''} { ${field.name}${pass ? `(${pass})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])),
  };
}

const DENIED = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
const PASSWORD = 'matrix password 1';

/**
 * Fields whose service answers made-up arguments with a code the gate also uses: they get real
 * ones (signIn refuses a wrong password with UNAUTHENTICATED, as it must).
 */
const realArgs: Record<string, (who: Who) => Record<string, unknown>> = {
  'Mutation.signIn': (who) => ({
    input: {
      login: people[who === 'ANONYMOUS' || who === 'API_CLIENT' ? Role.TEACHER : who]!.login,
      password: PASSWORD,
    },
  }),
};

let app: TestApp;
const people: Partial<Record<Role, Awaited<ReturnType<typeof createPerson>>>> = {};
const rootFields: { kind: 'query' | 'mutation' | 'subscription'; type: GraphQLObjectType }[] = [];

let apiToken: string;

/** A fresh session per request for people; the one API token for the API client. */
async function tokenFor(who: Who): Promise<string | null> {
  if (who === 'ANONYMOUS') {
    return null;
  }
  return who === 'API_CLIENT' ? apiToken : sessionFor(app.orm.em.fork(), people[who]!);
}

beforeAll(async () => {
  // The API client asks every field in a row: well past the default rate limit.
  app = await startTestApp({ apiRateLimit: { points: 100_000, windowSeconds: 60 } });
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  for (const role of ROLES) {
    people[role] = await createPerson(em, {
      school,
      roles: [role],
      login: uniqueLogin(role.toLowerCase()),
      password: PASSWORD,
    });
  }
  const created = await gql<{ createApiClient: { token: string } }>(
    app.url,
    `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { token } }`,
    { input: { name: 'matrix', schoolIds: [school.id], scopes: Object.values(ApiScope) } },
    { token: await sessionFor(em, people[Role.DIRECTOR]!) },
  );
  apiToken = created.data!.createApiClient.token;
  const schema = await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } });
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const) {
    if (type) {
      rootFields.push({ kind, type });
    }
  }
});

afterAll(async () => {
  await app?.close();
});

describe('access matrix', () => {
  it('lists every root field of the schema, and only those', () => {
    const inSchema = rootFields.flatMap(({ type }) =>
      Object.keys(type.getFields()).map((f) => `${type.name}.${f}`),
    );
    expect(inSchema.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('lets through exactly the roles in the table, for every query and mutation', async () => {
    const mismatches: string[] = [];
    for (const { kind, type } of rootFields) {
      if (kind === 'subscription') {
        continue; // over graphql-ws: the next test
      }
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const { query, variables } = operationFor(kind, field);
        for (const who of CALLERS) {
          // A fresh session per request: signOut must not end the next request's session.
          const token = await tokenFor(who);
          const r = await gql(app.url, query, realArgs[key]?.(who) ?? variables, { token });
          const code = r.errors?.[0]?.extensions?.code;
          const blockedAtGate = typeof code === 'string' && DENIED.has(code);
          const expected = expectedFor(key, who);
          if (blockedAtGate === expected) {
            mismatches.push(
              `${key} as ${who}: ${blockedAtGate ? `refused (${String(code)})` : 'let through'}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets through exactly the roles in the table, for every subscription (over graphql-ws)', async () => {
    const mismatches: string[] = [];
    for (const { kind, type } of rootFields) {
      if (kind !== 'subscription') {
        continue;
      }
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const { query, variables } = operationFor(kind, field);
        await Promise.all(
          CALLERS.map(async (who) => {
            const token = await tokenFor(who);
            const code = await firstSocketCode(token, query, variables);
            const blockedAtGate = DENIED.has(code);
            const expected = expectedFor(key, who);
            if (blockedAtGate === expected) {
              mismatches.push(
                `${key} as ${who}: ${blockedAtGate ? `refused (${code})` : `let through (${code})`}`,
              );
            }
          }),
        );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/**
 * Subscribes over graphql-ws and answers the first error's code, or OPEN when the subscription is
 * still running after a moment (the gate let it through and the service found nothing to refuse).
 */
async function firstSocketCode(
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<string> {
  const client = createClient({
    url: app.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authToken: token } : {},
    retryAttempts: 0,
  });
  try {
    return await new Promise<string>((resolve) => {
      // Long enough that a refusal on a loaded CI machine is not taken for an open subscription.
      const timer = setTimeout(() => resolve('OPEN'), 3000);
      const done = (code: string) => {
        clearTimeout(timer);
        resolve(code);
      };
      client.subscribe(
        { query, variables },
        {
          next: (r) => {
            const code = r.errors?.[0]?.extensions?.code;
            if (r.errors) {
              done(typeof code === 'string' ? code : 'ERROR');
            }
          },
          error: (err) => {
            const e = (Array.isArray(err) ? err[0] : err) as {
              code?: number;
              extensions?: { code?: string };
            };
            // A refused connection (no session) closes the socket rather than answering an error.
            done(
              e.extensions?.code ?? (e.code === 4403 ? 'FORBIDDEN' : `CLOSED ${String(e.code)}`),
            );
          },
          complete: () => done('COMPLETE'),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}
