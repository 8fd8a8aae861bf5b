// Issue 8, "Bad input": a schema-aware fuzz test. Thousands of seeded random operations, built from
// the emitted schema, with wrong types, huge strings, deep nesting, unicode, extreme numbers and
// foreign ids, run as several roles of school A against two seeded schools. Every response must
// be free of 5xx, stack traces and internals, carry only known error codes, show nothing of
// school B (or, to a family, of another family), and an operation that failed must not have
// written anything.
//
// Reproduce a failure with the printed seed: FUZZ_SEED=<seed> (and FUZZ_RUNS=<n> to shorten).
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../src/core/errors.js';
import { Person } from '../src/modules/people/person.entity.js';
import { Role } from '../src/modules/people/role-assignment.entity.js';
import { School } from '../src/modules/school/school.entity.js';
import { createControlSchool, type ControlSchool } from './factories/control.js';
import { createPerson } from './factories/index.js';
import { sessionFor } from './factories/journal.js';
import { startTestApp, type TestApp } from './harness.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

const schema = buildSchema(
  readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'),
);

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
type Rng = ReturnType<typeof prng>;

// --- the world: two schools, roles of school A, sentinels that must not leak -------------------

type RoleName = 'anonymous' | 'parent' | 'student' | 'teacher' | 'admin';
const ROLES: RoleName[] = ['anonymous', 'parent', 'student', 'teacher', 'admin'];

interface World {
  a: ControlSchool;
  b: ControlSchool;
  admin: Person;
  /** Ids of school A (own ids for staff), of school B, and of another family in school A. */
  ownIds: string[];
  foreignIds: string[];
  otherFamilyIds: string[];
  /** Text of school B that no school A caller may see; of family 3 that family 1 may not see. */
  schoolBSentinels: string[];
  otherFamilySentinels: string[];
  ownPools: Record<string, string[]>;
  foreignPools: Record<string, string[]>;
  /** School A's own names, which its staff do see: proof that answers carry data at all. */
  ownSentinels: string[];
}

const SCHOOL_B_NAME = 'Гимназия Сентинел-Б';
const SCHOOL_B_SURNAME = 'Сентинелов';
const OTHER_FAMILY_SURNAME = 'Чужесемьев';

async function seedWorld(app: TestApp): Promise<World> {
  const em = app.orm.em.fork();
  const a = await createControlSchool(em);
  const b = await createControlSchool(em);
  const admin = await createPerson(em, {
    school: a.school,
    roles: [Role.ADMINISTRATOR],
    lastName: 'Админова',
    firstName: 'Алла',
  });
  const people = (s: ControlSchool) => [s.deputy, s.t1, s.t2, ...s.students, ...s.parents];
  const idsOf = (s: ControlSchool) => [
    s.school.id,
    s.class5a.id,
    s.class6b.id,
    s.math.id,
    s.russian.id,
    s.math6.id,
    s.periodId,
    s.class5a.year.id,
    ...people(s).map((p) => p.id),
    ...Object.values(s.lessons).map((l) => l.id),
    ...Object.values(s.threads).map((t) => t.id),
  ];
  await em.nativeUpdate(School, { id: b.school.id }, { name: SCHOOL_B_NAME });
  await em.nativeUpdate(
    Person,
    { id: { $in: people(b).map((p) => p.id) } },
    { lastName: SCHOOL_B_SURNAME },
  );
  // Family 3 of school A (student s3 and parent p3): the parent and student roles are family 1.
  const otherFamily = [a.students[2]!, a.parents[2]!];
  await em.nativeUpdate(
    Person,
    { id: { $in: otherFamily.map((p) => p.id) } },
    { lastName: OTHER_FAMILY_SURNAME },
  );
  const foreignIds = idsOf(b);
  return {
    a,
    b,
    admin,
    ownIds: [...idsOf(a), admin.id],
    foreignIds,
    otherFamilyIds: otherFamily.map((p) => p.id),
    schoolBSentinels: [SCHOOL_B_NAME, SCHOOL_B_SURNAME, b.school.shortName, ...foreignIds],
    otherFamilySentinels: [OTHER_FAMILY_SURNAME, ...otherFamily.map((p) => p.id)],
    ownPools: idPools(a, admin),
    foreignPools: idPools(b),
    ownSentinels: [
      a.school.name,
      a.t1.lastName,
      a.t2.lastName,
      a.deputy.lastName,
      a.students[0]!.lastName,
      a.students[1]!.lastName,
      'Дроби',
      'Падежи',
      'Математика',
    ],
  };
}

async function tokensFor(app: TestApp, world: World): Promise<Record<RoleName, string | null>> {
  const em = app.orm.em.fork();
  return {
    anonymous: null,
    parent: await sessionFor(em, world.a.parents[0]!),
    student: await sessionFor(em, world.a.students[0]!),
    teacher: await sessionFor(em, world.a.t1),
    admin: await sessionFor(em, world.admin),
  };
}

// --- values -------------------------------------------------------------------------------------

const HUGE = 'я'.repeat(50_000); // 100 kB in UTF-8
const NASTY_STRINGS = [
  '',
  ' ',
  '   \t\n',
  'Тема урока',
  '5',
  '-1',
  '2025-10-06',
  '2025-02-30',
  '0000-00-00',
  '9999-12-31',
  '2025-13-01',
  '10:00',
  HUGE,
  '\u202Eтекст справа налево\u202C',
  'שלום עולם مرحبا',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  'a\u0000b',
  '\u0000',
  'x\uD800y',
  '\uDC00',
  '\uFEFF\u200B',
  '../../etc/passwd',
  '%s%n%x',
  '${7*7}{{7*7}}',
  'O\'Reilly "quoted" \\ back',
  '<script>alert(1)</script>',
];
const NASTY_INTS = [0, 1, 2, 5, -1, 2147483647, -2147483648, 2147483648, 1e20, 1.5, -0.5, 99999];
const NASTY_FLOATS = [0, -0, 1.5, -1e308, 1e308, 5e-324, 3.14159, -7, 2 ** 53 + 1];
const DATE_TIMES = [
  '2025-10-06T10:00:00Z',
  '2025-10-01T00:00:00.000Z',
  '1970-01-01T00:00:00Z',
  '2999-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2025-10-06',
  'not a date',
  '2025-02-30T25:61:00Z',
];
const MALFORMED_IDS = [
  '',
  'zzz',
  '0',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  '1 or 1=1',
  'a\u0000b',
  HUGE,
];
const WRONG_TYPES: unknown[] = [true, 42, -1.5, 'строка', [], [1, 'x'], {}, { id: 1 }, null, HUGE];

/** An array nested `levels` deep: coercion of lists must not blow the stack. */
const deepList = (levels: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) {
    value = [value];
  }
  return value;
};

/** Ids by what an argument or input field is called, so that many operations hit real rows. */
function idPools(s: ControlSchool, admin?: Person): Record<string, string[]> {
  const students = s.students.map((p) => p.id);
  const teachers = [s.t1.id, s.t2.id];
  const people = [s.deputy.id, ...teachers, ...students, ...s.parents.map((p) => p.id)];
  return {
    schoolId: [s.school.id],
    schoolClassId: [s.class5a.id, s.class6b.id],
    assignmentId: [s.math.id, s.russian.id, s.math6.id],
    periodId: [s.periodId],
    yearId: [s.class5a.year.id],
    lessonId: Object.values(s.lessons).map((l) => l.id),
    threadId: Object.values(s.threads).map((t) => t.id),
    studentId: students,
    teacherId: teachers,
    personId: admin ? [...people, admin.id] : people,
    guardianId: s.parents.map((p) => p.id),
    recipientIds: people,
  };
}

/**
 * A value for an input of scalar type `name` called `field`. Clean operations get plausible
 * values (own ids of the right kind, sane dates and numbers) so they reach the services; the
 * others get anything.
 */
function scalarValue(rng: Rng, world: World, name: string, field: string, clean: boolean): unknown {
  if (clean) {
    switch (name) {
      case 'ID': {
        const pool = world.ownPools[field] ?? world.ownIds;
        return rng.chance(0.85)
          ? rng.pick(pool)
          : rng.pick(world.foreignPools[field] ?? world.foreignIds);
      }
      case 'Int':
        return 1 + rng.int(5);
      case 'Float':
        return rng.pick([1, 1.5, 4]);
      case 'Boolean':
        return rng.chance(0.5);
      case 'DateTimeISO':
        return rng.pick(['2025-10-06T10:00:00Z', '2025-10-01T00:00:00Z']);
      case 'JSONObject':
        return {};
      default:
        return /month/i.test(field)
          ? '2025-10'
          : /date|On$|^on$|from|^to$|weekOf/i.test(field)
            ? rng.pick(['2025-10-06', '2025-10-13', '2025-09-01', '2025-10-31'])
            : /value/i.test(field)
              ? rng.pick(['5', '4', '3', 'Н'])
              : rng.pick(['Тема урока', 'Проверка', 'ok']);
    }
  }
  if (rng.chance(0.05)) {
    return rng.pick(WRONG_TYPES);
  }
  switch (name) {
    case 'ID': {
      const r = rng.next();
      const own = world.ownPools[field] ?? world.ownIds;
      const foreign = world.foreignPools[field] ?? world.foreignIds;
      return r < 0.4
        ? rng.pick(own)
        : r < 0.62
          ? rng.pick(foreign)
          : r < 0.7
            ? rng.pick(world.otherFamilyIds)
            : r < 0.73
              ? rng.pick(own).toUpperCase()
              : r < 0.95
                ? rng.pick(MALFORMED_IDS)
                : rng.pick(WRONG_TYPES);
    }
    case 'Int':
      return rng.pick(NASTY_INTS);
    case 'Float':
      return rng.pick(NASTY_FLOATS);
    case 'Boolean':
      return rng.chance(0.9) ? rng.chance(0.5) : rng.pick(['true', 0, 1]);
    case 'DateTimeISO':
      return rng.pick(DATE_TIMES);
    case 'JSONObject':
      return rng.pick([{}, { a: 1 }, { nested: { deep: [1, 2, 3] } }, 'x', [1]]);
    default:
      return rng.pick(NASTY_STRINGS);
  }
}

function inputValue(
  rng: Rng,
  world: World,
  type: GraphQLInputType,
  field: string,
  clean: boolean,
  depth = 0,
): unknown {
  if (isNonNullType(type)) {
    return !clean && rng.chance(0.02)
      ? null
      : inputValue(rng, world, type.ofType, field, clean, depth);
  }
  if (!clean && rng.chance(0.05)) {
    return null;
  }
  if (isListType(type)) {
    if (!clean && rng.chance(0.02)) {
      return deepList(2000);
    }
    if (!clean && rng.chance(0.05)) {
      return inputValue(rng, world, type.ofType, field, clean, depth + 1); // one for a list
    }
    const length = clean ? 1 + rng.int(2) : rng.chance(0.03) ? 300 : rng.int(4);
    return Array.from({ length }, () =>
      inputValue(rng, world, type.ofType, field, clean, depth + 1),
    );
  }
  if (isEnumType(type)) {
    return clean || rng.chance(0.9)
      ? rng.pick(type.getValues()).name
      : rng.pick(['NOPE', 'daily', '', 5]);
  }
  if (isInputObjectType(type)) {
    if (!clean && (depth > 6 || rng.chance(0.02))) {
      return rng.pick(WRONG_TYPES);
    }
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (required ? clean || rng.chance(0.96) : rng.chance(0.5)) {
        value[f.name] = inputValue(rng, world, f.type, f.name, clean, depth + 1);
      }
    }
    if (!clean && rng.chance(0.03)) {
      value.notAField = 'x';
    }
    return value;
  }
  return scalarValue(rng, world, (type as GraphQLNamedType).name, field, clean);
}

// --- operations ---------------------------------------------------------------------------------

interface Operation {
  index: number;
  role: RoleName;
  kind: 'query' | 'mutation' | 'subscription' | 'raw';
  rootField: string | null;
  /** The JSON body as sent (raw operations may not be an object at all). */
  body: string;
  contentType: string;
}

class OperationBuilder {
  private readonly varDefs: string[] = [];
  readonly variables: Record<string, unknown> = {};

  constructor(
    private readonly rng: Rng,
    private readonly world: World,
    /** Plausible values everywhere, so the operation reaches the services. */
    private readonly clean: boolean,
  ) {}

  private args(args: readonly GraphQLArgument[]): string {
    const parts: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!(required ? this.clean || this.rng.chance(0.97) : this.rng.chance(0.5))) {
        continue;
      }
      const value = inputValue(this.rng, this.world, arg.type, arg.name, this.clean);
      const named = getNamedType(arg.type);
      if (
        !this.clean &&
        this.rng.chance(0.12) &&
        typeof value === 'string' &&
        value.length < 200 &&
        !isEnumType(named)
      ) {
        // Inline literals go through validation instead of variable coercion.
        parts.push(`${arg.name}: ${JSON.stringify(value)}`);
        continue;
      }
      const name = `v${this.varDefs.length}`;
      const declared =
        !this.clean && this.rng.chance(0.04)
          ? this.rng.pick(['String', 'Int!', '[ID]', 'Boolean', 'ID!'])
          : String(arg.type);
      this.varDefs.push(`$${name}: ${declared}`);
      if (this.clean || !this.rng.chance(0.02)) {
        this.variables[name] = value;
      }
      parts.push(`${arg.name}: $${name}`);
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  field(field: GraphQLField<unknown, unknown>, depth: number, maxDepth: number): string {
    return `${field.name}${this.args(field.args)}${this.selection(field.type, depth + 1, maxDepth)}`;
  }

  selection(type: GraphQLOutputType, depth: number, maxDepth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) {
      return '';
    }
    if (isUnionType(named) || isInterfaceType(named)) {
      const possible = schema.getPossibleTypes(named);
      const fragments = possible
        .filter(() => this.rng.chance(0.5))
        .map((t) => `... on ${t.name} ${this.selection(t, depth, maxDepth)}`);
      return `{ __typename ${fragments.join(' ')} }`;
    }
    if (!isObjectType(named)) {
      return '';
    }
    const fields = Object.values(named.getFields());
    const chosen: string[] = [];
    for (const f of fields) {
      const leaf = isLeafType(getNamedType(f.type));
      const p = leaf ? 0.45 : depth < maxDepth ? 0.3 : 0;
      if (this.rng.chance(p)) {
        chosen.push(this.field(f, depth, maxDepth));
      }
    }
    if (this.rng.chance(0.03) && chosen[0]) {
      chosen.push(`again: ${chosen[0]}`);
    }
    if (chosen.length === 0) {
      const leaf = fields.find((f) => isLeafType(getNamedType(f.type)));
      chosen.push(leaf ? leaf.name : '__typename');
    }
    return `{ ${chosen.join(' ')} }`;
  }

  document(kind: 'query' | 'mutation' | 'subscription', body: string): string {
    const defs = this.varDefs.length ? `(${this.varDefs.join(', ')})` : '';
    return `${kind} Fuzz${defs} { ${body} }`;
  }
}

const rawOperations = (rng: Rng): { body: string; contentType?: string } => {
  const nested = (levels: number) =>
    `{ me ${'{ person '.repeat(levels)}{ id }${' }'.repeat(levels)} }`;
  const choices: (() => { body: string; contentType?: string })[] = [
    () => ({ body: JSON.stringify({ query: nested(200) }) }),
    () => ({ body: JSON.stringify({ query: `{ me { ${'__typename '.repeat(6000)} } }` }) }),
    () => ({
      body: JSON.stringify([{ query: '{ me { person { id } } }' }, { query: '{ __typename }' }]),
    }),
    () => ({ body: JSON.stringify({ query: rng.pick(NASTY_STRINGS) }) }),
    () => ({ body: JSON.stringify({ query: 42, variables: [] }) }),
    () => ({ body: JSON.stringify({ query: '{ __typename }', variables: 'x' }) }),
    () => ({ body: '{"query": "{ me { id } ' }),
    () => ({ body: `{"query":"{ __typename }","x":"${'y'.repeat(1_100_000)}"}` }),
    () => ({ body: JSON.stringify({ query: '{ __schema { types { name } } }' }) }),
    () => ({
      body: JSON.stringify({ query: '{ __type(name: "Query") { name fields { name } } }' }),
    }),
    () => ({ body: JSON.stringify({ query: '{ mee { idd } }' }) }),
    () => ({
      body: JSON.stringify({ query: 'query A { me { person { id } } } query B { __typename }' }),
    }),
    () => ({
      body: JSON.stringify({
        query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { person { id } }`).join(' ')} }`,
      }),
    }),
    () => ({
      body: JSON.stringify({
        query: `{ me { person { id ${'@include(if: true) '.repeat(60)} } } }`,
      }),
    }),
    () => ({ body: 'query=%7B__typename%7D', contentType: 'application/x-www-form-urlencoded' }),
  ];
  return rng.pick(choices)();
};

function generate(seed: number, runs: number, world: World): Operation[] {
  const rng = prng(seed);
  const queries = Object.values(schema.getQueryType()!.getFields());
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const subscriptions = Object.values(schema.getSubscriptionType()!.getFields());
  const ops: Operation[] = [];
  for (let index = 0; index < runs; index++) {
    const role = rng.pick(ROLES);
    const r = rng.next();
    if (r < 0.04) {
      const raw = rawOperations(rng);
      ops.push({
        index,
        role,
        kind: 'raw',
        rootField: null,
        body: raw.body,
        contentType: raw.contentType ?? 'application/json',
      });
      continue;
    }
    const kind = r < 0.55 ? 'query' : r < 0.98 ? 'mutation' : 'subscription';
    // Mutations that change who may see whom come in the last tenth only, so the family
    // sentinels hold for most of the run.
    const late = index >= runs * 0.9;
    const root = rng.pick(
      kind === 'query'
        ? queries
        : kind === 'mutation'
          ? late
            ? mutations
            : mutations.filter((m) => !RELATIONSHIP_CHANGING.has(m.name))
          : subscriptions,
    );
    const clean = rng.chance(0.4);
    const builder = new OperationBuilder(rng, world, clean);
    // Mostly shallow, now and then past the depth limit.
    const maxDepth = !clean && rng.chance(0.03) ? 14 : 1 + rng.int(4);
    const query = builder.document(kind, builder.field(root, 0, maxDepth));
    ops.push({
      index,
      role,
      kind,
      rootField: root.name,
      body: JSON.stringify({ query, variables: builder.variables }),
      contentType: 'application/json',
    });
  }
  return ops;
}

// --- checks -------------------------------------------------------------------------------------

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** What an internal error, stack or database message looks like once it has leaked. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\]]+ \(|\bat (?:file:\/\/)?\/[\w/.-]+:\d+/],
  ['source path', /\/(?:work|home|src|app|node_modules)\/[\w./-]*\.(?:ts|js|mjs|cjs)\b/],
  ['stacktrace field', /"stacktrace"/i],
  [
    'error class',
    /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|DriverException|\w+Exception|QueryFailedError|ValidationError)\b/,
  ],
  [
    'database message',
    /syntax error at or near|relation "|column "\w+" (?:of|does)|violates (?:foreign key|not-null|check|unique) constraint|duplicate key value|invalid input syntax for|out of range for type|invalid byte sequence|\bpg_\w+|select [\w".*, ]+ from "/i,
  ],
];

// A succeeded mutation of these may end sessions (tokens are renewed) or change who may see whom
// (the family sentinels are then no longer a fair test).
const SESSION_ENDING = new Set([
  'signOut',
  'signOutEverywhere',
  'reportCompromise',
  'voidOperations',
  'revokeRole',
  'setMyLocale',
]);
// Acting on oneself is not acting on school B, whatever ids the input also carried.
const ACTS_ON_SELF = new Set(['signOut', 'signOutEverywhere', 'createSocketTicket', 'setMyLocale']);
const RELATIONSHIP_CHANGING = new Set([
  'grantRole',
  'revokeRole',
  'linkGuardian',
  'unlinkGuardian',
  'transferStudent',
  'admitStudent',
  'departStudent',
  'voidOperations',
]);

interface Failure {
  seed: number;
  index: number;
  role: RoleName;
  reason: string;
  body: string;
  response: string;
}

const shorten = (text: string, max = 1500) =>
  text
    .replace(
      /(.)\1{199,}/gu,
      (run, ch: string) => `<${JSON.stringify(ch)} × ${run.length / ch.length}>`,
    )
    .slice(0, max);

/** Per-table digests of everything the API may write, but sessions and the audit log. */
async function checksumQuery(app: TestApp): Promise<string> {
  const conn = app.orm.em.fork().getConnection();
  const tables = await conn.execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('session', 'socket_ticket', 'audit_event', 'mikro_orm_migrations')
      order by table_name`,
  );
  const parts = tables.map(
    ({ table_name: t }) =>
      `select '${t}' as t, count(*) as n, coalesce(sum(hashtextextended(x::text, 0)), 0) as h from "${t}" x`,
  );
  return `select string_agg(t || ':' || n || ':' || h, ',' order by t) as sum from (${parts.join(' union all ')}) s`;
}

describe(`fuzz (issue 8), seed ${SEED}, ${RUNS} operations`, () => {
  let app: TestApp;
  let world: World;
  let tokens: Record<RoleName, string | null>;
  let sumSql: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await seedWorld(app);
    tokens = await tokensFor(app, world);
    sumSql = await checksumQuery(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const checksum = async () => {
    const rows = await app.orm.em.fork().getConnection().execute<{ sum: string }[]>(sumSql);
    return rows[0]!.sum;
  };

  it('answers every operation safely', { timeout: 600_000 }, async () => {
    const ops = generate(SEED, RUNS, world);
    const failures: Failure[] = [];
    const codesSeen = new Map<string, number>();
    let familyChecked = true;
    let familyCheckedUntil = ops.length;
    const succeededBy: Record<RoleName, number> = {
      anonymous: 0,
      parent: 0,
      student: 0,
      teacher: 0,
      admin: 0,
    };
    let ownDataSeen = 0;
    const slowest: [number, Operation][] = [];

    /**
     * Sends one operation and checks its answer: whether it ran at all (an answer without `data`
     * was refused before execution) and whether its root field succeeded.
     */
    const run = async (op: Operation): Promise<{ executed: boolean; succeeded: boolean }> => {
      const fail = (reason: string, response: string) =>
        failures.push({
          seed: SEED,
          index: op.index,
          role: op.role,
          reason,
          body: op.body,
          response,
        });
      const token = tokens[op.role];
      const started = performance.now();
      let status: number;
      let text: string;
      try {
        const res = await fetch(app.url, {
          method: 'POST',
          headers: {
            'content-type': op.contentType,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: op.body,
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        fail(`request failed: ${String(err)}`, '');
        return { executed: true, succeeded: false };
      }
      slowest.push([performance.now() - started, op]);
      if (status >= 500) {
        fail(`status ${status}`, text);
      }
      for (const [what, pattern] of LEAKS) {
        if (pattern.test(text)) {
          fail(`leaks a ${what}`, text);
        }
      }
      let json: {
        data?: Record<string, unknown> | null;
        errors?: { extensions?: { code?: string } }[];
      };
      try {
        json = JSON.parse(text) as typeof json;
      } catch {
        fail('answer is not JSON', text);
        return { executed: true, succeeded: false };
      }
      for (const e of json.errors ?? []) {
        const code = e.extensions?.code ?? '(none)';
        codesSeen.set(code, (codesSeen.get(code) ?? 0) + 1);
        if (!KNOWN_CODES.has(code)) {
          fail(`unknown or internal error code ${code}`, JSON.stringify(e));
        }
      }
      // Whatever the caller did not send themselves must not come back (ids are echoed in
      // coercion errors, so an id counts only when the request did not carry it).
      const sent = op.body.toLowerCase();
      const unseen = (sentinels: string[]) =>
        sentinels.filter((s) => text.includes(s) && !sent.includes(s.toLowerCase()));
      const schoolB = unseen(world.schoolBSentinels);
      if (schoolB.length > 0) {
        fail(`shows school B to a school A ${op.role}: ${schoolB.join(', ')}`, text);
      }
      if (familyChecked && ['parent', 'student', 'anonymous'].includes(op.role)) {
        const family = unseen(world.otherFamilySentinels);
        if (family.length > 0) {
          fail(`shows another family to a ${op.role}: ${family.join(', ')}`, text);
        }
      }
      const rootData = op.rootField ? json.data?.[op.rootField] : undefined;
      const succeeded = rootData !== undefined && rootData !== null;
      if (succeeded) {
        succeededBy[op.role]++;
      }
      // The sentinel checks mean something only if school A's own data does come back.
      if (
        world.ownSentinels.some((own) => text.includes(own) && !sent.includes(own.toLowerCase()))
      ) {
        ownDataSeen++;
      }
      if (op.kind === 'mutation' && succeeded) {
        const foreign = world.foreignIds.filter((id) => sent.includes(id));
        if (foreign.length > 0 && !ACTS_ON_SELF.has(op.rootField!)) {
          fail(`a ${op.role} of school A acted with school B ids: ${foreign.join(', ')}`, text);
        }
      }
      return { executed: 'data' in json, succeeded };
    };

    // Mutations one at a time, each followed by a checksum: one that failed must have written
    // nothing. Reads run a few at once (they must write nothing either, checked per batch).
    let before = await checksum();
    for (let i = 0; i < ops.length;) {
      const op = ops[i]!;
      if (op.kind === 'mutation') {
        i++;
        const { executed, succeeded } = await run(op);
        if (!executed) {
          continue; // refused before execution (parse, validation, variables): nothing ran
        }
        const after = await checksum();
        if (after !== before && !succeeded) {
          failures.push({
            seed: SEED,
            index: op.index,
            role: op.role,
            reason: `${op.rootField} failed but changed the database`,
            body: op.body,
            response: '',
          });
        }
        before = after;
        if (succeeded && familyChecked && RELATIONSHIP_CHANGING.has(op.rootField!)) {
          familyChecked = false;
          familyCheckedUntil = op.index;
        }
        if (succeeded && SESSION_ENDING.has(op.rootField!)) {
          tokens = await tokensFor(app, world);
        }
        continue;
      }
      const batch: Operation[] = [];
      while (i < ops.length && ops[i]!.kind !== 'mutation' && batch.length < 8) {
        batch.push(ops[i++]!);
      }
      await Promise.all(batch.map(run));
      const after = await checksum();
      if (after !== before) {
        failures.push({
          seed: SEED,
          index: batch[0]!.index,
          role: batch[0]!.role,
          reason: `reads #${batch.map((o) => o.index).join(', #')} changed the database`,
          body: batch.map((o) => o.body).join('\n'),
          response: '',
        });
      }
      before = after;
    }
    console.info(
      `fuzz seed ${SEED}: ${ops.length} operations; succeeded ${JSON.stringify(succeededBy)}; answers with school A data ${ownDataSeen}; error codes ${JSON.stringify(Object.fromEntries(codesSeen))}; family check ${familyChecked ? 'to the end' : `until a relationship change at #${familyCheckedUntil}`}`,
    );
    console.info(
      `slowest: ${slowest
        .sort((x, y) => y[0] - x[0])
        .slice(0, 8)
        .map(([ms, o]) => `#${o.index} ${o.kind} ${o.rootField ?? ''} ${Math.round(ms)} ms`)
        .join(', ')}`,
    );
    // A run where the signed-in roles never got an answer would prove nothing.
    if (RUNS >= 500) {
      for (const role of ['parent', 'student', 'teacher', 'admin'] as const) {
        expect(succeededBy[role], role).toBeGreaterThan(0);
      }
      expect(ownDataSeen).toBeGreaterThan(0);
    }
    if (failures.length > 0) {
      const shown = failures
        .slice(0, 15)
        .map(
          (f) =>
            `#${f.index} as ${f.role}: ${f.reason}\n  request: ${shorten(f.body)}\n  answer: ${shorten(f.response, 800)}`,
        )
        .join('\n\n');
      expect.fail(
        `${failures.length} failures with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}:\n\n${shown}`,
      );
    }
  });
});
