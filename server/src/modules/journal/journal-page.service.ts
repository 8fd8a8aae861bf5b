import type { EntityManager } from '@mikro-orm/postgresql';
import { PAGE_ACCESS_COLUMNS, pageAccessOf, pageAccessParams } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import type { Loaders } from '../../core/loaders.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Subject } from '../year/subject.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { Attendance } from './attendance.entity.js';
import { Homework } from './homework.entity.js';
import { averages } from './grading.js';
import type { JournalPage, JournalStudent } from './journal-page.types.js';
import { Lesson } from './lesson.entity.js';
import type { Mark } from './mark.entity.js';
import type { PeriodMark } from './period-mark.entity.js';

/**
 * The journal pages the viewer keeps, in every school they teach at, for the year of `on`: rows
 * not ended by `on` (one that starts later in the year is listed, the teacher prepares it). A row
 * ended by a change of teacher drops out of the list; its page stays readable by id (READ).
 */
export async function myJournalPages(
  em: EntityManager,
  viewer: Viewer,
  on: string,
): Promise<TeachingAssignment[]> {
  const schools = viewer.schoolIds(Role.TEACHER);
  if (schools.length === 0) {
    return [];
  }
  return em.find(
    TeachingAssignment,
    {
      teacher: viewer.personId,
      school: { $in: schools },
      year: { startsOn: { $lte: on }, endsOn: { $gte: on } },
      $or: [{ endsOn: null }, { endsOn: { $gt: on } }],
    },
    { orderBy: { schoolClass: { gradeLevel: 'asc', letter: 'asc' }, subject: { name: 'asc' } } },
  );
}

interface RosterRow {
  student_id: string;
  enrolled_from: string;
  left_on: string | null;
}

/**
 * SQL and parameters: who is on the page during the period — the class (or subgroup, or individual
 * student) as it was on each day, so a newcomer starts late and a leaver stops early (R-YEAR-5).
 */
function rosterQuery(
  assignment: Pick<TeachingAssignment, 'schoolClass' | 'subgroup' | 'individualStudent'>,
  period: Pick<ReportingPeriod, 'startsOn' | 'endsOn'>,
): { sql: string; params: unknown[] } {
  const periodEnd = nextDay(period.endsOn);
  return {
    sql: `with spans as (
       select e.student_id,
              greatest(e.starts_on, coalesce(m.starts_on, e.starts_on)) as starts_on,
              nullif(least(coalesce(e.ends_on, 'infinity'), coalesce(m.ends_on, 'infinity')),
                     'infinity') as ends_on
         from enrolment e
         left join subgroup_membership m
           on ?::uuid is not null and m.subgroup_id = ?::uuid and m.student_id = e.student_id
        where e.school_class_id = ?
          and (?::uuid is null or m.id is not null)
          and (?::uuid is null or e.student_id = ?::uuid)
     )
     select s.student_id,
            to_char(greatest(min(s.starts_on), ?::date), 'YYYY-MM-DD') as enrolled_from,
            case when bool_or(s.ends_on is null) or max(s.ends_on) >= ?::date then null
                 else to_char(max(s.ends_on), 'YYYY-MM-DD') end as left_on
       from spans s
      where s.starts_on < ?::date and (s.ends_on is null or s.ends_on > ?::date)
        and (s.ends_on is null or s.ends_on > s.starts_on)
      group by s.student_id`,
    params: [
      assignment.subgroup?.id ?? null,
      assignment.subgroup?.id ?? null,
      assignment.schoolClass.id,
      assignment.subgroup?.id ?? null,
      assignment.individualStudent?.id ?? null,
      assignment.individualStudent?.id ?? null,
      period.startsOn,
      periodEnd,
      periodEnd,
      period.startsOn,
    ],
  };
}

/** Who is on the page during the period (see `rosterQuery`). */
export async function roster(
  em: EntityManager,
  assignment: TeachingAssignment,
  period: ReportingPeriod,
): Promise<RosterRow[]> {
  const { sql, params } = rosterQuery(assignment, period);
  return em.execute<RosterRow[]>(sql, params);
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * SQL: a JSON object of the row `alias` as the GraphQL types read it — `props` under their own
 * names (columns in snake_case) and each of `refs` (many-to-one) as `{ id }` or null. With
 * `selected`, only the props whose names are in it (and `id` and `always`) are read.
 */
function rowJson(
  alias: string,
  props: readonly string[],
  refs: readonly string[] = [],
  selected?: ReadonlySet<string>,
  always: readonly string[] = [],
): string {
  const read = (p: string) => !selected || p === 'id' || selected.has(p) || always.includes(p);
  const pairs = [
    ...['id', 'createdAt', ...props].filter(read).map((p) => `'${p}', ${alias}.${snake(p)}`),
    ...refs.map(
      (r) =>
        `'${r}', case when ${alias}.${snake(r)}_id is null then null else json_build_object('id', ${alias}.${snake(r)}_id) end`,
    ),
  ];
  return `json_build_object(${pairs.join(', ')})`;
}

// What each of the page's types exposes in GraphQL, and the references its field resolvers follow
// (journal.resolver.ts); never person.password_hash. A field added to one of these types must be
// added here too, or the page answers null for it.
const PERSON = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'email',
  'phone',
  'login',
  'locale',
  'lastSignInAt',
  'version',
];
const LESSON_JSON = rowJson(
  'l',
  ['date', 'lessonNumber', 'topic', 'status', 'updatedAt', 'version'],
  ['assignment', 'conductingTeacher', 'plannedTopic', 'workType'],
);
/**
 * A page's marks and attendance, the bulk of its rows (a year's page: thousands of marks): only the
 * fields the operation selects somewhere, by name (issue 9: a mark's timestamps and comment were a
 * third of its JSON, built by PostgreSQL and parsed here for nothing). These rows are reached only
 * through the page's own `marks` and `attendance` (never primed into the loaders), and their
 * references (`{ id }`) are always read for the field resolvers; so is what the averages need.
 */
const MARK_PROPS = ['value', 'numericValue', 'weight', 'comment', 'updatedAt', 'version'];
const markJson = (selected?: ReadonlySet<string>) =>
  rowJson('m', MARK_PROPS, ['lesson', 'student', 'workType'], selected, ['numericValue', 'weight']);
const ATTENDANCE_PROPS = ['status', 'reason', 'minutesLate', 'updatedAt', 'correctedAt', 'version'];
const attendanceJson = (selected?: ReadonlySet<string>) =>
  rowJson('x', ATTENDANCE_PROPS, ['lesson', 'student'], selected);
const PERIOD_MARK_JSON = rowJson('pm', ['value', 'special', 'updatedAt', 'version'], ['student']);
const HOMEWORK_JSON = rowJson('h', ['text', 'dueOn', 'updatedAt', 'version'], ['lesson']);
const WORK_TYPE_JSON = rowJson('w', ['code', 'name', 'weight', 'isWritten']);
// The head: what TeachingAssignment, SchoolClass, Subject and ReportingPeriod expose and follow.
const ASSIGNMENT_JSON = rowJson(
  'a',
  ['startsOn', 'endsOn'],
  ['school', 'year', 'teacher', 'subject', 'schoolClass', 'subgroup', 'individualStudent'],
);
// SchoolClass.name is the entity's getter: type-graphql resolves it on a SchoolClass it makes from
// the row (a getter-only property could not take a value from the row).
const SCHOOL_CLASS_JSON = rowJson(
  'c',
  ['gradeLevel', 'letter'],
  ['school', 'year', 'classTeacher'],
);
const SUBJECT_JSON = rowJson('s', ['name', 'shortName'], ['school']);
const PERIOD_JSON = rowJson(
  'p',
  ['kind', 'number', 'name', 'startsOn', 'endsOn', 'gradeLevels', 'closedAt'],
  ['school', 'year'],
);

/** SQL: the JSON array of `json` over `rest` (never null). */
const agg = (json: string, rest: string) =>
  `(select coalesce(json_agg(${json}), '[]'::json) ${rest})`;

/** The page's head as plain rows shaped like the entities (see the head statement). */
type AssignmentRow = Pick<
  TeachingAssignment,
  | 'id'
  | 'createdAt'
  | 'school'
  | 'year'
  | 'teacher'
  | 'subject'
  | 'schoolClass'
  | 'subgroup'
  | 'individualStudent'
  | 'startsOn'
  | 'endsOn'
>;
type PeriodRow = Pick<
  ReportingPeriod,
  | 'id'
  | 'createdAt'
  | 'school'
  | 'year'
  | 'kind'
  | 'number'
  | 'name'
  | 'startsOn'
  | 'endsOn'
  | 'gradeLevels'
  | 'closedAt'
>;

interface PageHead {
  school_id: string;
  teaches: boolean;
  leads: boolean;
  substitutes: boolean;
  assignment: AssignmentRow;
  school_class: SchoolClass;
  subject: Subject;
  teacher: Person;
  period: PeriodRow | null;
  min_marks_for_period_mark: number;
}

interface PageBody {
  students: {
    enrolledFrom: string;
    leftOn: string | null;
    student: Person;
    periodMark: PeriodMark | null;
  }[];
  lessons: Lesson[];
  homework: Homework[];
  marks: Mark[];
  attendance: Attendance[];
  work_types: WorkType[];
}

/**
 * A journal page in two statements (issue 9: ≤ 5 per request with the viewer and its row scope,
 * whatever the class size): the page, the viewer's access and the period; then the roster, lessons,
 * homework, marks, attendance, period marks and work types as JSON. The rows are plain objects
 * shaped like the entities (the GraphQL types read their fields and `{ id }` references), not
 * managed entities: hydrating a year's marks into the identity map was most of the page's node CPU
 * (BENCHMARKS.md). They are primed into the operation's loaders, so the field resolvers that follow
 * a lesson's work type or homework, a mark's student and so on issue no statement.
 */
export async function readJournalPage(
  em: EntityManager,
  loaders: Loaders,
  viewer: Viewer,
  assignmentIdInput: string,
  periodIdInput: string,
  /** Every field name the operation selects anywhere (core/selection.ts); none: every field. */
  selected?: ReadonlySet<string>,
): Promise<JournalPage> {
  const assignmentId = requireId(assignmentIdInput, 'assignmentId');
  const periodId = requireId(periodIdInput, 'periodId');
  const [head] = await em.execute<PageHead[]>(
    `select a.school_id, ${PAGE_ACCESS_COLUMNS},
            ${ASSIGNMENT_JSON} as assignment, ${SCHOOL_CLASS_JSON} as school_class,
            ${SUBJECT_JSON} as subject, ${rowJson('t', PERSON)} as teacher,
            (select ${PERIOD_JSON} from reporting_period p where p.id = ?) as period,
            sc.min_marks_for_period_mark
       from teaching_assignment a
       join school_class c on c.id = a.school_class_id
       join subject s on s.id = a.subject_id
       join person t on t.id = a.teacher_id
       join school sc on sc.id = a.school_id
      where a.id = ?`,
    [...pageAccessParams(viewer), periodId, assignmentId],
  );
  const access = head ? pageAccessOf(viewer, head) : null;
  if (!head || !access) {
    // Out of reach and missing look the same: no probing for ids (STYLE: permissions).
    throw notFound('assignmentId');
  }
  // Plain rows, not entities (issue 9): the page is read-only, and its types' field resolvers read
  // their fields and `{ id }` references only (structurally typed roots in journal.resolver.ts and
  // year.resolver.ts, so type-graphql does not copy them into entity instances either).
  const { assignment, period, school_class: schoolClass } = head;
  if (!period || period.school.id !== assignment.school.id) {
    throw notFound('periodId');
  }
  if (period.year.id !== assignment.year.id) {
    throw badInput('periodId', 'journal.periodOfAnotherYear');
  }
  if (!period.gradeLevels.includes(schoolClass.gradeLevel)) {
    throw badInput('periodId', 'journal.periodNotForGrade');
  }
  loaders.prime(SchoolClass, [schoolClass]);
  loaders.prime(Subject, [head.subject]);
  loaders.prime(Person, [head.teacher]);

  const inLessons = 'where lesson_id in (select id from lessons)';
  const { sql, params } = rosterQuery(assignment, period);
  const [body] = await em.execute<PageBody[]>(
    `with roster as (${sql}),
     lessons as (select * from lesson l where l.assignment_id = ? and l.date >= ? and l.date <= ?)
     select ${agg(
       `json_build_object('enrolledFrom', r.enrolled_from, 'leftOn', r.left_on,
          'student', ${rowJson('t', PERSON)},
          'periodMark', (select ${PERIOD_MARK_JSON} from period_mark pm
                          where pm.period_id = ? and pm.subject_id = ? and pm.student_id = r.student_id
                          limit 1))`,
       'from roster r join person t on t.id = r.student_id',
     )} as students,
       ${agg(`${LESSON_JSON} order by l.date, l.lesson_number`, 'from lessons l')} as lessons,
       ${agg(`${HOMEWORK_JSON} order by h.created_at, h.id`, `from homework h ${inLessons}`)} as homework,
       ${agg(`${markJson(selected)} order by m.created_at, m.id`, `from mark m ${inLessons}`)} as marks,
       ${agg(`${attendanceJson(selected)} order by x.created_at, x.id`, `from attendance x ${inLessons}`)} as attendance,
       ${agg(
         WORK_TYPE_JSON,
         `from work_type w where w.id in (select work_type_id from lessons
                                        union select work_type_id from mark ${inLessons})`,
       )} as work_types`,
    [...params, assignment.id, period.startsOn, period.endsOn, period.id, assignment.subject.id],
  );
  const { lessons, marks, attendance } = body!;
  loaders.prime(
    Person,
    body!.students.map((s) => s.student),
  );
  loaders.prime(WorkType, body!.work_types);
  loaders.prime(Lesson, lessons);
  const homework = new Map<string, Homework[]>(lessons.map((l) => [l.id, []]));
  for (const h of body!.homework) {
    homework.get(h.lesson.id)?.push(h);
  }
  loaders.primeChildren(Homework, 'lesson', homework);

  const marksOf = new Map<string, Mark[]>();
  for (const m of marks) {
    const own = marksOf.get(m.student.id);
    if (own) {
      own.push(m);
    } else {
      marksOf.set(m.student.id, [m]);
    }
  }
  const minMarks = head.min_marks_for_period_mark;
  const students: JournalStudent[] = body!.students
    .map(({ student, enrolledFrom, leftOn, periodMark }) => {
      const own = marksOf.get(student.id) ?? [];
      const avg = averages(own.map((m) => ({ value: m.numericValue, weight: m.weight })));
      return {
        student,
        enrolledFrom,
        leftOn,
        markCount: own.length,
        average: avg.plain,
        weightedAverage: avg.weighted,
        enoughMarksForPeriodMark: own.length >= minMarks,
        periodMark,
      };
    })
    .sort((a, b) => byName(a.student, b.student));
  return {
    assignment,
    period,
    access,
    minMarksForPeriodMark: minMarks,
    students,
    lessons,
    marks,
    attendance,
  };
}

const names = new Intl.Collator('ru');

function byName(a: Person, b: Person): number {
  return (
    names.compare(a.lastName, b.lastName) ||
    names.compare(a.firstName, b.firstName) ||
    a.id.localeCompare(b.id)
  );
}

/** `YYYY-MM-DD` + 1 day: periods are inclusive, enrolments half-open. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
