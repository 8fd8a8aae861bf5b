import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import {
  Arg,
  Ctx,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  type ClassType,
} from 'type-graphql';
import { ADMINISTRATION, requireViewer, type Viewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Attendance } from '../journal/attendance.entity.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { isoDateInput } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';

/**
 * Relay-style connections over the lists an analytics tool pages through (issue 8). Keyset
 * pagination: the cursor is an opaque base64url of the row's sort key, and the next page starts
 * strictly after it, so rows are neither skipped nor repeated while the tool pages (OFFSET would
 * shift under inserts) and a page costs the same at the end of a year as at its start.
 */
export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page of a connection stands.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether rows follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last row of this page: pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

function connectionOf<T extends object>(node: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque: pass it as `after` to start after this row.' })
    cursor!: string;

    @Field(() => node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s (keyset pagination).` })
  class Connection implements Page<T> {
    @Field(() => [Edge], { description: 'The rows of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [node], { description: 'The rows of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more follow, and from where.' })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, {
      description: 'How many rows the whole list has (one more statement: ask only when needed).',
    })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return Connection;
}

export const MarkConnection = connectionOf(Mark, 'Mark', 'mark');
export const AttendanceConnection = connectionOf(Attendance, 'Attendance', 'attendance record');
export const LessonConnection = connectionOf(Lesson, 'Lesson', 'lesson');
export const StudentConnection = connectionOf(Person, 'Student', 'student');

type Key = [string, string] | [string];

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, size: number): Key {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === size &&
      key.every((part) => typeof part === 'string' && part.length <= 64)
    ) {
      if (size === 2) {
        isoDateInput(key[0] as string, 'after');
      }
      requireId(key[size - 1] as string, 'after');
      return key as Key;
    }
  } catch {
    // fall through: any malformed cursor is the caller's input error
  }
  throw badInput('after', 'connection.cursor');
}

function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw badInput('first', 'connection.first', { max: MAX_PAGE_SIZE });
  }
  return n;
}

/** Connections are the administration's reading (and API clients', which read as it). */
function requireSchool(viewer: Viewer, schoolIdInput: string): string {
  const schoolId = requireId(schoolIdInput, 'schoolId');
  if (!viewer.hasRole(schoolId, ...ADMINISTRATION)) {
    throw notFound('schoolId');
  }
  return schoolId;
}

function dateRange(fromInput: string, toInput: string): [string, string] {
  const from = isoDateInput(fromInput, 'from');
  const to = isoDateInput(toInput, 'to');
  if (from > to) {
    throw badInput('to', 'reports.rangeReversed');
  }
  return [from, to];
}

/**
 * One page of a keyset query: `select` has `id` and `k` (the leading sort key, a date) for rows
 * matching the filter, with `{after}` where the cursor condition goes; the rows are then loaded
 * by id in one statement. Two statements a page, whatever its size; nested fields go through the
 * per-operation dataloaders.
 */
async function page<T extends { id: string }>(
  em: EntityManager,
  cls: EntityClass<T>,
  q: {
    select: string;
    params: unknown[];
    keyed: boolean;
    after: string | null | undefined;
    first: number | null | undefined;
  },
): Promise<Page<T>> {
  const first = pageSize(q.first);
  const key = q.after ? decodeCursor(q.after, q.keyed ? 2 : 1) : null;
  const condition = !key ? 'true' : q.keyed ? '(k, id) > (?::date, ?::uuid)' : 'id > ?::uuid';
  const rows = await em.execute<{ id: string; k: string | null }[]>(
    `select id, k::text as k from (${q.select}) s where ${condition} order by ${q.keyed ? 'k, id' : 'id'} limit ?`,
    [...q.params, ...(key ?? []), first + 1],
  );
  const pageRows = rows.slice(0, first);
  const entities = (await em.find(cls, { id: { $in: pageRows.map((r) => r.id) } } as never)) as T[];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const edges = pageRows.map((r) => ({
    cursor: encodeCursor(q.keyed ? [r.k!, r.id] : [r.id]),
    node: byId.get(r.id)!,
  }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
    count: async () => {
      const [row] = await em.execute<{ n: string }[]>(
        `select count(*) as n from (${q.select}) s`,
        q.params,
      );
      return Number(row?.n ?? 0);
    },
  };
}

const datedSql = (table: 'mark' | 'attendance') =>
  `select x.id, l.date as k from ${table} x join lesson l on l.id = x.lesson_id
    where x.school_id = ? and l.date between ?::date and ?::date`;

const firstArg = { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 100).` };
const afterArg = { nullable: true, description: 'The endCursor of the previous page.' };

@Resolver()
export class ConnectionsResolver {
  @Query(() => MarkConnection, {
    description: `A school's marks at lessons from \`from\` to \`to\` (YYYY-MM-DD), by lesson date: keyset pages of at most ${MAX_PAGE_SIZE}. The administration and API clients with MARKS.`,
  })
  async marksConnection(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Arg('from', () => String, { description: 'First lesson date (YYYY-MM-DD).' }) from: string,
    @Arg('to', () => String, { description: 'Last lesson date (YYYY-MM-DD).' }) to: string,
    @Arg('first', () => Int, firstArg) first: number | null,
    @Arg('after', () => String, afterArg) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const school = requireSchool(requireViewer(ctx), schoolId);
    const sql = datedSql('mark');
    const params = [school, ...dateRange(from, to)];
    return Object.assign(
      new MarkConnection(),
      await page(ctx.em, Mark, { select: sql, params, keyed: true, after, first }),
    );
  }

  @Query(() => AttendanceConnection, {
    description: `A school's attendance records at lessons from \`from\` to \`to\` (YYYY-MM-DD), by lesson date: keyset pages of at most ${MAX_PAGE_SIZE}. The administration and API clients with ATTENDANCE.`,
  })
  async attendanceConnection(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Arg('from', () => String, { description: 'First lesson date (YYYY-MM-DD).' }) from: string,
    @Arg('to', () => String, { description: 'Last lesson date (YYYY-MM-DD).' }) to: string,
    @Arg('first', () => Int, firstArg) first: number | null,
    @Arg('after', () => String, afterArg) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const school = requireSchool(requireViewer(ctx), schoolId);
    const sql = datedSql('attendance');
    const params = [school, ...dateRange(from, to)];
    return Object.assign(
      new AttendanceConnection(),
      await page(ctx.em, Attendance, {
        select: sql,
        params,
        keyed: true,
        after,
        first,
      }),
    );
  }

  @Query(() => LessonConnection, {
    description: `A school's lessons (held, planned and cancelled) from \`from\` to \`to\` (YYYY-MM-DD), by date: keyset pages of at most ${MAX_PAGE_SIZE}. The administration and API clients with STRUCTURE.`,
  })
  async lessonsConnection(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Arg('from', () => String, { description: 'First date (YYYY-MM-DD).' }) from: string,
    @Arg('to', () => String, { description: 'Last date (YYYY-MM-DD).' }) to: string,
    @Arg('first', () => Int, firstArg) first: number | null,
    @Arg('after', () => String, afterArg) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const school = requireSchool(requireViewer(ctx), schoolId);
    const sql = `select l.id, l.date as k from lesson l
                  where l.school_id = ? and l.date between ?::date and ?::date`;
    const params = [school, ...dateRange(from, to)];
    return Object.assign(
      new LessonConnection(),
      await page(ctx.em, Lesson, { select: sql, params, keyed: true, after, first }),
    );
  }

  @Query(() => StudentConnection, {
    description: `A school's students — enrolled on \`on\` (YYYY-MM-DD), or ever when omitted — by id: keyset pages of at most ${MAX_PAGE_SIZE}. Names only; personal data needs CONTACTS. The administration and API clients with STRUCTURE.`,
  })
  async studentsConnection(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Arg('on', () => String, { nullable: true, description: 'Enrolled on this day.' })
    on: string | null,
    @Arg('first', () => Int, firstArg) first: number | null,
    @Arg('after', () => String, afterArg) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const school = requireSchool(requireViewer(ctx), schoolId);
    const day = on ? isoDateInput(on, 'on') : null;
    const sql = `select p.id, null::date as k from person p
                  where exists (select 1 from enrolment e
                                 where e.student_id = p.id and e.school_id = ?
                                   ${day ? 'and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)' : ''})`;
    const params = [school, ...(day ? [day, day] : [])];
    return Object.assign(
      new StudentConnection(),
      await page(ctx.em, Person, {
        select: sql,
        params,
        keyed: false,
        after,
        first,
      }),
    );
  }
}
