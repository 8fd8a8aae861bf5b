// The year's rosters, classes, periods and marks as a OneRoster 1.2 CSV bundle, so a school can
// leave without lock-in (issue 7, R-RPT-4). docs/oneroster.md says how each of our records maps.
//
// No GraphQL operation returns a whole year of a school at once, so this reads the database
// directly. It is therefore for the school's administration only, checked here explicitly: a
// caller with another role in the school gets FORBIDDEN, anyone else NOT_FOUND.
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import type { Locale } from '../../core/messages.js';
import { scaleRange } from '../journal/grading.js';
import { Mark } from '../journal/mark.entity.js';
import { PeriodMark, PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import { Enrolment } from '../people/enrolment.entity.js';
import { Guardianship, GuardianshipKind } from '../people/guardianship.entity.js';
import type { Person } from '../people/person.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import { SubgroupMembership } from '../year/subgroup-membership.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { label } from './labels.js';

/** Column lists of the OneRoster 1.2 CSV binding, in the binding's order. */
export const ONEROSTER_COLUMNS = {
  'orgs.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'name',
    'type',
    'identifier',
    'parentSourcedId',
  ],
  'academicSessions.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'type',
    'startDate',
    'endDate',
    'parentSourcedId',
    'schoolYear',
  ],
  'courses.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'schoolYearSourcedId',
    'title',
    'courseCode',
    'grades',
    'orgSourcedId',
    'subjects',
    'subjectCodes',
  ],
  'classes.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'grades',
    'courseSourcedId',
    'classCode',
    'classType',
    'location',
    'schoolSourcedId',
    'termSourcedIds',
    'subjects',
    'subjectCodes',
    'periods',
  ],
  'users.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'resourceSourcedIds',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
  ],
  'roles.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'userSourcedId',
    'roleType',
    'role',
    'beginDate',
    'endDate',
    'orgSourcedId',
    'userProfileSourcedId',
  ],
  'enrollments.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
    'primary',
    'beginDate',
    'endDate',
  ],
  'categories.csv': ['sourcedId', 'status', 'dateLastModified', 'title', 'weight'],
  'lineItems.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'description',
    'assignDate',
    'dueDate',
    'classSourcedId',
    'categorySourcedId',
    'gradingPeriodSourcedId',
    'resultValueMin',
    'resultValueMax',
    'schoolSourcedId',
  ],
  // The two metadata.classbook.* columns are our documented extension (docs/oneroster.md).
  'results.csv': [
    'sourcedId',
    'status',
    'dateLastModified',
    'lineItemSourcedId',
    'studentSourcedId',
    'scoreStatus',
    'score',
    'scoreDate',
    'comment',
    'classSourcedId',
    'scoreScaleSourcedId',
    'missing',
    'incomplete',
    'late',
    'inProgress',
    'metadata.classbook.special',
    'metadata.classbook.weight',
  ],
} as const;

type FileName = keyof typeof ONEROSTER_COLUMNS;
type Row<F extends FileName> = Partial<Record<(typeof ONEROSTER_COLUMNS)[F][number], string>>;

/** Every file the manifest names, in the binding's order; those we write are `bulk`. */
const MANIFEST_FILES = [
  'academicSessions',
  'categories',
  'classes',
  'classResources',
  'courses',
  'courseResources',
  'demographics',
  'enrollments',
  'lineItemLearningObjectiveIds',
  'lineItems',
  'lineItemScoreScales',
  'orgs',
  'resources',
  'resultLearningObjectiveIds',
  'results',
  'resultScoreScales',
  'roles',
  'scoreScales',
  'userProfiles',
  'users',
  'userResources',
] as const;

/** Categories of our own for marks without a work type and for period marks. */
export const LESSON_CATEGORY = 'classbook-lesson';
export const PERIOD_MARK_CATEGORY = 'classbook-period-mark';

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const grade = (level: number) => String(level).padStart(2, '0');

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const dayBefore = (date: string) => addDays(date, -1);
const dayAfter = (date: string) => addDays(date, 1);

/** [from, until) spans, `null` for open ends; the overlap or null when there is none. */
function overlap(
  a: { from: string; until: string | null },
  b: { from: string | null; until: string | null },
): { from: string; until: string | null } | null {
  const from = b.from && b.from > a.from ? b.from : a.from;
  const until =
    a.until === null ? b.until : b.until === null ? a.until : a.until < b.until ? a.until : b.until;
  return until !== null && until <= from ? null : { from, until };
}

function csv<F extends FileName>(file: F, rows: Row<F>[]): Uint8Array {
  const columns = ONEROSTER_COLUMNS[file] as readonly string[];
  const records = rows.map((row: Record<string, string | undefined>) =>
    columns.map((c) => row[c] ?? ''),
  );
  return strToU8(stringify([columns, ...records], { record_delimiter: 'windows' }));
}

async function yearForAdministration(em: EntityManager, viewer: Viewer, yearId: string) {
  const year = await em.findOne(AcademicYear, yearId, { populate: ['school'] });
  if (!year || !viewer.schoolIds().includes(year.school.id)) {
    throw notFound('yearId');
  }
  if (!viewer.hasRole(year.school.id, ...ADMINISTRATION)) {
    throw forbidden();
  }
  return year;
}

/** The bundle for `?yearId=`: a ZIP of manifest.csv and the OneRoster 1.2 CSV files. */
export async function buildOneRosterZip(
  em: EntityManager,
  viewer: Viewer,
  query: Record<string, string>,
  locale: Locale = 'ru',
): Promise<{ body: Buffer; fileName: string }> {
  const parsed = z.object({ yearId: z.uuid() }).safeParse(query);
  if (!parsed.success) {
    throw badInput('yearId', 'document.params', { fields: 'yearId' });
  }
  const year = await yearForAdministration(em, viewer, parsed.data.yearId);
  const files = await oneRosterFiles(em, year, locale);
  const zipped = zipSync(files, { level: 6 });
  return {
    body: Buffer.from(zipped),
    fileName: `OneRoster ${year.school.shortName} ${year.name}`,
  };
}

/** The bundle's files by name. Pure reading: no permission check (the caller made it). */
export async function oneRosterFiles(
  em: EntityManager,
  year: AcademicYear,
  locale: Locale,
): Promise<Record<string, Uint8Array>> {
  const school = year.school;
  const [periods, assignments, enrolments, memberships, workTypes, marks, periodMarks] =
    await Promise.all([
      em.find(ReportingPeriod, { year }, { orderBy: { startsOn: 'asc', kind: 'asc' } }),
      em.find(
        TeachingAssignment,
        { year },
        {
          populate: ['subject', 'schoolClass', 'subgroup', 'teacher', 'individualStudent'],
          orderBy: { schoolClass: { gradeLevel: 'asc', letter: 'asc' }, id: 'asc' },
        },
      ),
      em.find(
        Enrolment,
        { schoolClass: { year } },
        { populate: ['student'], orderBy: { startsOn: 'asc', id: 'asc' } },
      ),
      em.find(
        SubgroupMembership,
        { subgroup: { schoolClass: { year } } },
        { populate: ['student'], orderBy: { startsOn: 'asc', id: 'asc' } },
      ),
      em.find(WorkType, { school }, { orderBy: { code: 'asc' } }),
      em.find(
        Mark,
        { lesson: { assignment: { year } } },
        { populate: ['lesson', 'lesson.workType', 'workType'], orderBy: { id: 'asc' } },
      ),
      em.find(PeriodMark, { period: { year } }, { orderBy: { id: 'asc' } }),
    ]);

  const studentIds = [...new Set(enrolments.map((e) => e.student.id))];
  const guardianships = studentIds.length
    ? await em.find(
        Guardianship,
        { school, student: { $in: studentIds } },
        { populate: ['guardian'], orderBy: { id: 'asc' } },
      )
    : [];

  const modified = (e: { createdAt: Date; updatedAt?: Date }) => stamp(e.updatedAt ?? e.createdAt);
  const base = (e: { createdAt: Date; updatedAt?: Date }) => ({
    status: 'active',
    dateLastModified: modified(e),
  });

  // Orgs and sessions.
  const orgs: Row<'orgs.csv'>[] = [
    {
      sourcedId: school.id,
      ...base(school),
      name: school.name,
      type: 'school',
      identifier: school.shortName,
    },
  ];
  const sessions: Row<'academicSessions.csv'>[] = [
    {
      sourcedId: year.id,
      ...base(year),
      title: year.name,
      type: 'schoolYear',
      startDate: year.startsOn,
      endDate: year.endsOn,
      schoolYear: year.endsOn.slice(0, 4),
    },
    ...periods.map((p) => ({
      sourcedId: p.id,
      ...base(p),
      title: p.name,
      type: 'gradingPeriod',
      startDate: p.startsOn,
      endDate: p.endsOn,
      parentSourcedId: year.id,
      schoolYear: year.endsOn.slice(0, 4),
    })),
  ];

  // Courses: a subject taught this year; classes: a journal page (teaching assignment).
  const courseId = (subjectId: string) => `${subjectId}_${year.id}`;
  const courses = new Map<string, Row<'courses.csv'>>();
  const courseGrades = new Map<string, Set<number>>();
  for (const a of assignments) {
    const id = courseId(a.subject.id);
    courseGrades.set(id, (courseGrades.get(id) ?? new Set()).add(a.schoolClass.gradeLevel));
    courses.set(id, {
      sourcedId: id,
      ...base(a.subject),
      schoolYearSourcedId: year.id,
      title: a.subject.name,
      courseCode: a.subject.shortName,
      orgSourcedId: school.id,
      subjects: a.subject.name,
    });
  }
  for (const [id, row] of courses) {
    row.grades = [...courseGrades.get(id)!]
      .sort((x, y) => x - y)
      .map(grade)
      .join(',');
  }
  const classTitle = (a: TeachingAssignment) =>
    [
      a.schoolClass.name,
      a.subject.name,
      a.subgroup?.name,
      a.individualStudent
        ? `${a.individualStudent.lastName} ${a.individualStudent.firstName}`
        : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const classes: Row<'classes.csv'>[] = assignments.map((a) => ({
    sourcedId: a.id,
    ...base(a),
    title: classTitle(a),
    grades: grade(a.schoolClass.gradeLevel),
    courseSourcedId: courseId(a.subject.id),
    classCode: `${a.schoolClass.name}-${a.subject.shortName}`,
    classType: 'scheduled',
    schoolSourcedId: school.id,
    termSourcedIds: year.id,
    subjects: a.subject.name,
  }));

  // Enrolments: who is on each page, and when (our ends are exclusive, OneRoster's inclusive).
  const enrollments: Row<'enrollments.csv'>[] = [];
  const pagesOf = new Map<string, { assignmentId: string; from: string; until: string | null }[]>();
  const users = new Map<string, { person: Person; roles: Set<string>; grades: Set<number> }>();
  const addUser = (person: Person, role: string, gradeLevel?: number) => {
    const user = users.get(person.id) ?? { person, roles: new Set(), grades: new Set() };
    user.roles.add(role);
    if (gradeLevel !== undefined) {
      user.grades.add(gradeLevel);
    }
    users.set(person.id, user);
  };
  const enrolStudent = (
    a: TeachingAssignment,
    sourcedId: string,
    student: Person,
    span: { from: string; until: string | null },
    record: { createdAt: Date; updatedAt?: Date },
  ) => {
    const on = overlap(span, { from: a.startsOn ?? null, until: a.endsOn ?? null });
    if (!on) {
      return;
    }
    enrollments.push({
      sourcedId,
      ...base(record),
      classSourcedId: a.id,
      schoolSourcedId: school.id,
      userSourcedId: student.id,
      role: 'student',
      primary: 'false',
      beginDate: on.from,
      endDate: on.until ? dayBefore(on.until) : '',
    });
    addUser(student, 'student', a.schoolClass.gradeLevel);
    const key = `${student.id}:${a.subject.id}`;
    pagesOf.set(key, [...(pagesOf.get(key) ?? []), { assignmentId: a.id, ...on }]);
  };
  for (const a of assignments) {
    enrollments.push({
      sourcedId: `${a.id}_teacher`,
      ...base(a),
      classSourcedId: a.id,
      schoolSourcedId: school.id,
      userSourcedId: a.teacher.id,
      role: 'teacher',
      primary: 'true',
      beginDate: a.startsOn ?? year.startsOn,
      endDate: a.endsOn ? dayBefore(a.endsOn) : year.endsOn,
    });
    addUser(a.teacher, 'teacher');
    const inClass = enrolments.filter((e) => e.schoolClass.id === a.schoolClass.id);
    if (a.subgroup) {
      for (const m of memberships.filter((m) => m.subgroup.id === a.subgroup!.id)) {
        enrolStudent(
          a,
          `${a.id}_${m.id}`,
          m.student,
          { from: m.startsOn, until: m.endsOn ?? null },
          m,
        );
      }
    } else {
      for (const e of inClass) {
        if (a.individualStudent && e.student.id !== a.individualStudent.id) {
          continue;
        }
        enrolStudent(
          a,
          `${a.id}_${e.id}`,
          e.student,
          { from: e.startsOn, until: e.endsOn ?? null },
          e,
        );
      }
    }
  }
  // Students enrolled in a class of the year but on no page yet are still on the roster.
  for (const e of enrolments) {
    addUser(e.student, 'student', e.schoolClass.gradeLevel);
  }

  // Parents: agents of their children (OneRoster's agents), role parent or guardian.
  const agents = new Map<string, Set<string>>();
  for (const g of guardianships) {
    addUser(g.guardian, g.kind === GuardianshipKind.GUARDIAN ? 'guardian' : 'parent');
    agents.set(g.student.id, (agents.get(g.student.id) ?? new Set()).add(g.guardian.id));
    agents.set(g.guardian.id, (agents.get(g.guardian.id) ?? new Set()).add(g.student.id));
  }

  const people = [...users.values()].sort(
    (x, y) =>
      x.person.lastName.localeCompare(y.person.lastName, 'ru') ||
      x.person.firstName.localeCompare(y.person.firstName, 'ru') ||
      x.person.id.localeCompare(y.person.id),
  );
  const usersCsv: Row<'users.csv'>[] = people.map(({ person, grades }) => ({
    sourcedId: person.id,
    ...base(person),
    enabledUser: String(Boolean(person.login)),
    username: person.login ?? '',
    givenName: person.firstName,
    familyName: person.lastName,
    middleName: person.middleName ?? '',
    email: person.email ?? '',
    phone: person.phone ?? '',
    agentSourcedIds: [...(agents.get(person.id) ?? [])].sort().join(','),
    grades: [...grades]
      .sort((x, y) => x - y)
      .map(grade)
      .join(','),
    primaryOrgSourcedId: school.id,
  }));
  const rolesCsv: Row<'roles.csv'>[] = people.flatMap(({ person, roles }) =>
    [...roles].sort().map((role) => ({
      sourcedId: `${person.id}_${role}`,
      ...base(person),
      userSourcedId: person.id,
      roleType: 'primary',
      role,
      orgSourcedId: school.id,
    })),
  );

  // Gradebook: work types are categories; a lesson's marks of one work type are a line item.
  const categories: Row<'categories.csv'>[] = [
    ...workTypes.map((w) => ({
      sourcedId: w.id,
      ...base(w),
      title: w.name,
      weight: String(w.weight),
    })),
    {
      sourcedId: LESSON_CATEGORY,
      ...base(year),
      title: label(locale, 'lessonNumber'),
      weight: '1',
    },
    {
      sourcedId: PERIOD_MARK_CATEGORY,
      ...base(year),
      title: label(locale, 'periodMark'),
      weight: '',
    },
  ];
  const range = scaleRange(school.gradingScale);
  const assignmentsById = new Map(assignments.map((a) => [a.id, a]));
  const gradingPeriodOn = (date: string, gradeLevel: number) =>
    periods.find(
      (p) =>
        p.kind !== PeriodKind.YEAR &&
        p.startsOn <= date &&
        date <= p.endsOn &&
        p.gradeLevels.includes(gradeLevel),
    ) ??
    periods.find(
      (p) => p.startsOn <= date && date <= p.endsOn && p.gradeLevels.includes(gradeLevel),
    );

  const lineItems = new Map<string, Row<'lineItems.csv'>>();
  const results: Row<'results.csv'>[] = [];
  for (const m of marks) {
    const lesson = m.lesson;
    const a = assignmentsById.get(lesson.assignment.id);
    if (!a) {
      continue;
    }
    const workType = m.workType ?? lesson.workType ?? null;
    const itemId = workType ? `${lesson.id}_${workType.id}` : lesson.id;
    if (!lineItems.has(itemId)) {
      lineItems.set(itemId, {
        sourcedId: itemId,
        ...base(lesson),
        title: [lesson.date, workType?.name].filter(Boolean).join(' '),
        description: lesson.topic ?? '',
        assignDate: lesson.date,
        dueDate: lesson.date,
        classSourcedId: a.id,
        categorySourcedId: workType?.id ?? LESSON_CATEGORY,
        gradingPeriodSourcedId: gradingPeriodOn(lesson.date, a.schoolClass.gradeLevel)?.id ?? '',
        resultValueMin: String(range.min),
        resultValueMax: String(range.max),
        schoolSourcedId: school.id,
      });
    }
    results.push({
      sourcedId: m.id,
      ...base(m),
      lineItemSourcedId: itemId,
      studentSourcedId: m.student.id,
      scoreStatus: 'fully graded',
      score: String(m.numericValue),
      scoreDate: lesson.date,
      comment: m.comment ?? '',
      classSourcedId: a.id,
      'metadata.classbook.weight': String(m.weight),
    });
  }

  // Period marks go to the page the student was on when the period ended (or last before it).
  const periodsById = new Map(periods.map((p) => [p.id, p]));
  for (const pm of periodMarks) {
    const period = periodsById.get(pm.period.id);
    if (!period) {
      continue;
    }
    const periodSpan = { from: period.startsOn, until: dayAfter(period.endsOn) };
    const pages = (pagesOf.get(`${pm.student.id}:${pm.subject.id}`) ?? []).filter(
      (p) => overlap(periodSpan, p) !== null,
    );
    const page =
      pages.find((p) => p.from <= period.endsOn && (p.until === null || p.until > period.endsOn)) ??
      pages.at(-1);
    const a = page ? assignmentsById.get(page.assignmentId) : undefined;
    if (!a) {
      continue;
    }
    const itemId = `${a.id}_${period.id}`;
    if (!lineItems.has(itemId)) {
      lineItems.set(itemId, {
        sourcedId: itemId,
        ...base(period),
        title: period.name,
        description: '',
        assignDate: period.startsOn,
        dueDate: period.endsOn,
        classSourcedId: a.id,
        categorySourcedId: PERIOD_MARK_CATEGORY,
        gradingPeriodSourcedId: period.id,
        resultValueMin: String(range.min),
        resultValueMax: String(range.max),
        schoolSourcedId: school.id,
      });
    }
    const special = pm.special ?? null;
    results.push({
      sourcedId: pm.id,
      ...base(pm),
      lineItemSourcedId: itemId,
      studentSourcedId: pm.student.id,
      // OneRoster has `exempt`; "not attested" has no status of its own: our extension says it.
      scoreStatus:
        special === PeriodMarkSpecial.EXEMPT
          ? 'exempt'
          : special === PeriodMarkSpecial.NOT_ATTESTED
            ? 'not submitted'
            : 'fully graded',
      score:
        pm.numericValue === null || pm.numericValue === undefined ? '' : String(pm.numericValue),
      scoreDate: period.endsOn,
      classSourcedId: a.id,
      'metadata.classbook.special': special ?? '',
    });
  }

  const written: Record<string, Uint8Array> = {
    'orgs.csv': csv('orgs.csv', orgs),
    'academicSessions.csv': csv('academicSessions.csv', sessions),
    'courses.csv': csv('courses.csv', [...courses.values()]),
    'classes.csv': csv('classes.csv', classes),
    'users.csv': csv('users.csv', usersCsv),
    'roles.csv': csv('roles.csv', rolesCsv),
    'enrollments.csv': csv('enrollments.csv', enrollments),
    'categories.csv': csv('categories.csv', categories),
    'lineItems.csv': csv('lineItems.csv', [...lineItems.values()]),
    'results.csv': csv('results.csv', results),
  };
  const manifest = [
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
    ...MANIFEST_FILES.map((f) => [`file.${f}`, `${f}.csv` in written ? 'bulk' : 'absent']),
    ['source.systemName', 'Classbook'],
    ['source.systemCode', school.shortName],
  ];
  return {
    'manifest.csv': strToU8(stringify(manifest, { record_delimiter: 'windows' })),
    ...written,
  };
}
