// One benchmark school, built in memory from a seeded PRNG: people, year structure, timetable and
// a whole kept year of journal records. `writeSchool` (load.ts) streams it into PostgreSQL.
import {
  FEMALE_NAMES,
  MALE_NAMES,
  SURNAMES,
  TOPICS,
  feminine,
  patronymic,
} from '../../server/seeds/demo-data.js';
import type { Cell } from './copy.js';
import {
  BELLS,
  HOLIDAYS,
  LESSON_MINUTES,
  PRIMARY_SUBJECTS,
  QUARTERS,
  SUBJECTS,
  TIME_ZONE,
  UTC_OFFSET_HOURS,
  WORK_TYPES,
  YEAR,
  classList,
  type SubjectPlan,
} from './plan.js';
import { Prng } from './prng.js';

export const STUDENTS_PER_CLASS = 25;
/** Teachers per class: 60 for a 40-class school. */
const TEACHERS_PER_CLASS = 1.5;
const MAX_TEACHER_LOAD = 26;
const WEEKDAYS = 5;
/** Students who move to a parallel class during the year (R-YEAR-5), on this day. */
const MOVE_DATE = '2026-01-19';
/** The diary week the runner reads (a full week in the third quarter). */
export const DIARY_WEEK_OF = '2026-02-11';

type Row = Record<string, Cell>;

export interface BenchLogins {
  teacher: string;
  parent: string;
  deputy: string;
  director: string;
  student: string;
}

export interface BenchContext {
  schoolId: string;
  yearId: string;
  /** The bench teacher's class (5А in every size). */
  schoolClassId: string;
  periods: { id: string; kind: 'QUARTER' | 'YEAR'; number: number; name: string }[];
  /** The bench teacher's journal page: 5А, Математика. */
  assignmentId: string;
  subjectId: string;
  teacherId: string;
  /** The bench parent's child (in 5А) and that child's sibling in the next grade, if any. */
  studentId: string;
  siblingId: string | null;
  diaryWeekOf: string;
  logins: BenchLogins;
}

/** Rows per table, in an order that satisfies every foreign key when written as listed. */
export const TABLE_ORDER = [
  'school',
  'academic_year',
  'reporting_period',
  'bell_time',
  'person',
  'role_assignment',
  'work_type',
  'subject',
  'school_class',
  'guardianship',
  'enrolment',
  'curriculum_item',
  'subgroup',
  'subgroup_membership',
  'teaching_assignment',
  'planned_topic',
  'timetable_slot',
  'lesson',
  'homework',
  'attendance',
  'mark',
  'period_mark',
  'message_thread',
  'thread_participant',
  'message',
  'announcement',
  'session',
  'audit_event',
] as const;
export type Table = (typeof TABLE_ORDER)[number];

export interface BuiltSchool {
  tables: Map<Table, Row[]>;
  context: BenchContext;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayMs = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => isoOf(toDay(iso) + n * dayMs);
/** 1 = Monday … 7 = Sunday. */
const weekdayOf = (iso: string) => ((new Date(toDay(iso)).getUTCDay() + 6) % 7) + 1;
/** A local (school time zone) wall-clock moment as a UTC instant. */
const at = (iso: string, hour: number, minute = 0) =>
  new Date(toDay(iso) + ((hour - UTC_OFFSET_HOURS) * 60 + minute) * 60_000);
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const lessonEnd = (date: string, n: number) =>
  at(date, 0, minutesOf(BELLS[n - 1]!) + LESSON_MINUTES);

export function termDays(): string[] {
  const out: string[] = [];
  for (const [from, to] of QUARTERS) {
    for (let d: string = from; d <= to; d = addDays(d, 1)) {
      if (weekdayOf(d) <= WEEKDAYS && !HOLIDAYS.has(d)) {
        out.push(d);
      }
    }
  }
  return out;
}

interface Teacher {
  id: string;
  specialism: string;
  load: number;
}

interface Page {
  id: string;
  classIndex: number;
  subject: SubjectPlan;
  subjectId: string;
  teacher: Teacher;
  subgroupId: string | null;
  group: number;
  hours: number;
  topics: { id: string; title: string }[];
}

interface Span {
  id: string;
  from: string;
  to: string | null;
}

const within = (s: Span, date: string) => s.from <= date && (s.to === null || date < s.to);

export function buildSchool(options: {
  seed: number;
  index: number;
  classes: number;
  passwordHash: string;
  withLogins: boolean;
}): BuiltSchool {
  const rng = new Prng(options.seed * 1000 + options.index);
  const tables = new Map<Table, Row[]>(TABLE_ORDER.map((t) => [t, []]));
  const add = (table: Table, row: Row): string => {
    const id = rng.uuid();
    tables.get(table)!.push({ id, ...row });
    return id;
  };
  const created = (d: Date) => ({ created_at: d });

  const schoolNo = 100 + options.index;
  const schoolId = add('school', {
    name: `МБОУ «СОШ № ${schoolNo}» (бенчмарк)`,
    short_name: `СОШ № ${schoolNo}`,
    grading_scale: 'FIVE_POINT',
    languages: ['ru'],
    time_zone: TIME_ZONE,
    min_marks_for_period_mark: 3,
    ...created(at('2025-06-01', 10)),
  });
  const school = { school_id: schoolId };
  const setupAt = at('2025-08-25', 10);
  const yearId = add('academic_year', {
    ...school,
    name: YEAR.name,
    starts_on: YEAR.startsOn,
    ends_on: YEAR.endsOn,
    ...created(setupAt),
  });
  const allGrades = Array.from({ length: 11 }, (_, i) => i + 1);
  const quarterIds = QUARTERS.map(([from, to], i) =>
    add('reporting_period', {
      ...school,
      year_id: yearId,
      kind: 'QUARTER',
      number: i + 1,
      name: `${i + 1} четверть`,
      starts_on: from,
      ends_on: to,
      grade_levels: allGrades,
      closed_at: null,
      ...created(setupAt),
    }),
  );
  const yearPeriodId = add('reporting_period', {
    ...school,
    year_id: yearId,
    kind: 'YEAR',
    number: 1,
    name: 'Год',
    starts_on: YEAR.startsOn,
    ends_on: YEAR.endsOn,
    grade_levels: allGrades,
    closed_at: null,
    ...created(setupAt),
  });
  BELLS.forEach((startsAt, i) => {
    const end = minutesOf(startsAt) + LESSON_MINUTES;
    add('bell_time', {
      ...school,
      lesson_number: i + 1,
      starts_at: startsAt,
      ends_at: `${pad(Math.floor(end / 60))}:${pad(end % 60)}`,
      ...created(setupAt),
    });
  });
  const workTypeIds = new Map<string, string>();
  for (const w of WORK_TYPES) {
    workTypeIds.set(
      w.code,
      add('work_type', {
        ...school,
        code: w.code,
        name: w.name,
        weight: w.weight,
        is_written: w.isWritten,
        ...created(setupAt),
      }),
    );
  }
  const weightOf = new Map(WORK_TYPES.map((w) => [workTypeIds.get(w.code)!, w.weight]));
  const writtenIds = new Set(
    WORK_TYPES.filter((w) => w.isWritten).map((w) => workTypeIds.get(w.code)!),
  );
  const subjectIds = new Map<string, string>();
  for (const s of SUBJECTS) {
    subjectIds.set(
      s.name,
      add('subject', { ...school, name: s.name, short_name: s.short, ...created(setupAt) }),
    );
  }

  // People.
  const persons = tables.get('person')!;
  const person = (
    sex: 'm' | 'f',
    extra: { lastName?: string; birthDate?: string | null; login?: string } = {},
  ): string => {
    const surname = extra.lastName ?? rng.pick(SURNAMES);
    const login = options.withLogins ? (extra.login ?? null) : null;
    return add('person', {
      last_name: sex === 'f' ? feminine(surname) : surname,
      first_name: rng.pick(sex === 'f' ? FEMALE_NAMES : MALE_NAMES),
      middle_name: patronymic(rng.pick(MALE_NAMES), sex),
      birth_date: extra.birthDate ?? null,
      email: null,
      phone: null,
      login,
      password_hash: login ? options.passwordHash : null,
      locale: 'ru',
      last_sign_in_at: null,
      ...created(at('2025-08-20', 12)),
    });
  };
  const role = (personId: string, r: string) =>
    add('role_assignment', {
      ...school,
      person_id: personId,
      role: r,
      revoked_at: null,
      ...created(setupAt),
    });
  const staff = new Map<string, string>();
  for (const [key, r, sex] of [
    ['deputy', 'DEPUTY', 'f'],
    ['director', 'DIRECTOR', 'm'],
    ['admin', 'ADMINISTRATOR', 'm'],
    ['clerk', 'RECORDS_CLERK', 'f'],
  ] as const) {
    const id = person(sex, { login: `bench-${key}` });
    role(id, r);
    staff.set(key, id);
  }

  const classes = classList(options.classes);
  const benchClass = Math.max(
    0,
    classes.findIndex((c) => c.grade === 5),
  );
  const siblingClass = classes.findIndex((c) => c.grade === classes[benchClass]!.grade + 1);
  const classIds = classes.map((c) =>
    add('school_class', {
      ...school,
      year_id: yearId,
      grade_level: c.grade,
      letter: c.letter,
      class_teacher_id: null,
      ...created(setupAt),
    }),
  );
  const classRows = tables.get('school_class')!;

  // Students with their families; a few families have children in two classes.
  interface Student {
    id: string;
    ability: number;
    spans: Span[];
    guardians: string[];
  }
  const rosters: Student[][] = classes.map(() => []);
  const families: { guardians: string[]; classIndex: number }[] = [];
  const studentById = new Map<string, Student>();
  classes.forEach((c, ci) => {
    for (let i = 0; i < STUDENTS_PER_CLASS; i++) {
      const sex = i % 2 === 0 ? 'm' : 'f';
      const surname = rng.pick(SURNAMES);
      const birthYear = 2025 - 6 - c.grade - (rng.chance(0.3) ? 1 : 0);
      const isBench = ci === benchClass && i === 0;
      const id = person(sex, {
        lastName: surname,
        birthDate: `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`,
        ...(isBench ? { login: 'bench-student' } : {}),
      });
      role(id, 'STUDENT');
      let family: { guardians: string[]; classIndex: number } | undefined;
      if (ci === siblingClass && i === 0) {
        family = families[0]; // the bench parent's family: see below
      } else if (families.length > 10 && rng.chance(0.04)) {
        const candidate = rng.pick(families);
        family = candidate.classIndex !== ci ? candidate : undefined;
      }
      if (!family) {
        const guardians = [
          person('f', { lastName: surname, ...(isBench ? { login: 'bench-parent' } : {}) }),
        ];
        role(guardians[0]!, 'PARENT');
        if (rng.chance(0.72)) {
          const father = person('m', { lastName: surname });
          role(father, 'PARENT');
          guardians.push(father);
        }
        family = { guardians, classIndex: ci };
        // The bench parent's family comes first so the sibling (next grade) can join it.
        if (isBench) {
          families.unshift(family);
        } else {
          families.push(family);
        }
      }
      family.guardians.forEach((g, k) =>
        add('guardianship', {
          ...school,
          guardian_id: g,
          student_id: id,
          kind: k === 0 ? 'MOTHER' : 'FATHER',
          ...created(setupAt),
        }),
      );
      const s: Student = {
        id,
        ability: rng.float(-1, 1),
        spans: [{ id: classIds[ci]!, from: YEAR.startsOn, to: null }],
        guardians: family.guardians,
      };
      rosters[ci]!.push(s);
      studentById.set(id, s);
    }
  });
  // Movement: the last student of every eighth class moves to the parallel class in January.
  const moves: { student: Student; from: number; to: number }[] = [];
  classes.forEach((c, ci) => {
    if (ci % 8 === 1 && classes[ci + 1]?.grade === c.grade) {
      const student = rosters[ci]![STUDENTS_PER_CLASS - 1]!;
      student.spans = [
        { id: classIds[ci]!, from: YEAR.startsOn, to: MOVE_DATE },
        { id: classIds[ci + 1]!, from: MOVE_DATE, to: null },
      ];
      moves.push({ student, from: ci, to: ci + 1 });
    }
  });
  const classMembers: Span[][] = classes.map(() => []);
  for (const roster of rosters) {
    for (const s of roster) {
      s.spans.forEach((span, k) => {
        const ci = classIds.indexOf(span.id);
        classMembers[ci]!.push({ id: s.id, from: span.from, to: span.to });
        add('enrolment', {
          ...school,
          student_id: s.id,
          school_class_id: span.id,
          starts_on: span.from,
          ends_on: span.to,
          admission_kind:
            k > 0 ? 'TRANSFER_IN' : classes[ci]!.grade === 1 ? 'ADMISSION' : 'PROMOTION',
          departure_kind: span.to ? 'TRANSFER_OUT' : null,
          note: k > 0 ? 'Перевод в параллельный класс' : null,
          ...created(setupAt),
        });
      });
    }
  }

  // Curriculum, subgroups and journal pages, with teachers by specialism.
  interface Bundle {
    key: string;
    specialism: string;
    classIndex: number;
    group: number;
    hours: number;
    subjects: SubjectPlan[];
  }
  const bundles = new Map<string, Bundle>();
  classes.forEach((c, ci) => {
    for (const s of SUBJECTS) {
      const hours = s.hours[c.grade];
      if (!hours) {
        continue;
      }
      const specialism = c.grade <= 4 && PRIMARY_SUBJECTS.has(s.name) ? 'primary' : s.specialism;
      for (let g = 0; g < (s.split ? 2 : 1); g++) {
        const key = `${specialism}|${ci}|${g}`;
        const b = bundles.get(key) ?? {
          key,
          specialism,
          classIndex: ci,
          group: g,
          hours: 0,
          subjects: [],
        };
        b.hours += hours;
        b.subjects.push(s);
        bundles.set(key, b);
      }
    }
  });
  const totals = new Map<string, number>();
  for (const b of bundles.values()) {
    totals.set(b.specialism, (totals.get(b.specialism) ?? 0) + b.hours);
  }
  const primaryClasses = classes.filter((c) => c.grade <= 4).length;
  const teacherCount = new Map<string, number>();
  for (const [spec, hours] of totals) {
    const min = spec === 'primary' ? primaryClasses : Math.ceil(hours / MAX_TEACHER_LOAD);
    teacherCount.set(spec, Math.max(min, spec === 'eng' ? 2 : 1));
  }
  const target = Math.round(TEACHERS_PER_CLASS * options.classes);
  let spare = target - [...teacherCount.values()].reduce((a, b) => a + b, 0);
  // Spare posts go to the specialism with the highest load per teacher, one at a time.
  while (spare > 0) {
    let best: string | null = null;
    let bestLoad = 0;
    for (const [spec, n] of teacherCount) {
      const load = totals.get(spec)! / n;
      if (spec !== 'primary' && load > bestLoad) {
        best = spec;
        bestLoad = load;
      }
    }
    if (!best) {
      break;
    }
    teacherCount.set(best, teacherCount.get(best)! + 1);
    spare--;
  }
  const teachers: Teacher[] = [];
  const specialisms = [...teacherCount.keys()].sort();
  for (const spec of specialisms) {
    for (let i = 0; i < teacherCount.get(spec)!; i++) {
      const isBench = spec === 'math' && i === 0;
      const id = person(rng.chance(0.8) ? 'f' : 'm', isBench ? { login: 'bench-teacher' } : {});
      role(id, 'TEACHER');
      teachers.push({ id, specialism: spec, load: 0 });
    }
  }
  const bundleTeacher = new Map<string, Teacher>();
  // The bench teacher takes 5А's maths first, then bundles go to the least-loaded colleague.
  const ordered = [...bundles.values()].sort(
    (a, b) =>
      Number(b.specialism === 'math' && b.classIndex === benchClass) -
        Number(a.specialism === 'math' && a.classIndex === benchClass) ||
      b.hours - a.hours ||
      a.key.localeCompare(b.key),
  );
  for (const b of ordered) {
    const other =
      b.group === 1 ? bundleTeacher.get(`${b.specialism}|${b.classIndex}|0`) : undefined;
    const candidates = teachers
      .filter((t) => t.specialism === b.specialism && t !== other)
      .sort((x, y) => x.load - y.load);
    const t = candidates[0]!;
    t.load += b.hours;
    bundleTeacher.set(b.key, t);
  }

  const pages: Page[] = [];
  const subgroupMembers = new Map<string, Span[]>();
  classes.forEach((c, ci) => {
    for (const s of SUBJECTS) {
      const hours = s.hours[c.grade];
      if (!hours) {
        continue;
      }
      const subjectId = subjectIds.get(s.name)!;
      add('curriculum_item', {
        ...school,
        school_class_id: classIds[ci]!,
        subject_id: subjectId,
        period_id: null,
        planned_lessons: hours * 34,
        ...created(setupAt),
      });
      const specialism = c.grade <= 4 && PRIMARY_SUBJECTS.has(s.name) ? 'primary' : s.specialism;
      for (let g = 0; g < (s.split ? 2 : 1); g++) {
        let subgroupId: string | null = null;
        if (s.split) {
          subgroupId = add('subgroup', {
            ...school,
            school_class_id: classIds[ci]!,
            subject_id: subjectId,
            name: `${g + 1} группа`,
            ...created(setupAt),
          });
          const members: Span[] = [];
          classMembers[ci]!.forEach((m) => {
            const position = rosters[ci]!.findIndex((r) => r.id === m.id);
            // Roster parity splits a class; a newcomer joins the first group.
            if ((position >= 0 ? position % 2 : 0) === g) {
              members.push(m);
            }
          });
          for (const m of members) {
            add('subgroup_membership', {
              ...school,
              subgroup_id: subgroupId,
              student_id: m.id,
              starts_on: m.from,
              ends_on: m.to,
              ...created(setupAt),
            });
          }
          subgroupMembers.set(subgroupId, members);
        }
        const teacher = bundleTeacher.get(`${specialism}|${ci}|${g}`)!;
        const assignmentId = add('teaching_assignment', {
          ...school,
          year_id: yearId,
          teacher_id: teacher.id,
          subject_id: subjectId,
          school_class_id: classIds[ci]!,
          subgroup_id: subgroupId,
          individual_student_id: null,
          starts_on: null,
          ends_on: null,
          ...created(setupAt),
        });
        const titles = TOPICS[s.name] ?? [s.name];
        const count = hours * 34;
        const topics = Array.from({ length: count }, (_, t) => {
          const title = `${titles[Math.floor((t * titles.length) / count)]}. Урок ${t + 1}`;
          return {
            id: add('planned_topic', {
              ...school,
              assignment_id: assignmentId,
              position: t + 1,
              title,
              planned_hours: 1,
              ...created(setupAt),
            }),
            title,
          };
        });
        pages.push({
          id: assignmentId,
          classIndex: ci,
          subject: s,
          subjectId,
          teacher,
          subgroupId,
          group: g,
          hours,
          topics,
        });
      }
    }
  });
  // Class teachers: the primary teacher in grades 1–4, else the first whole-class teacher free.
  const leading = new Set<string>();
  classes.forEach((_, ci) => {
    const page = pages.find(
      (p) => p.classIndex === ci && !p.subgroupId && !leading.has(p.teacher.id),
    );
    if (page) {
      leading.add(page.teacher.id);
      classRows[ci]!.class_teacher_id = page.teacher.id;
    }
  });

  // Timetable: each page's weekly hours, no class or teacher in two places, a subject once a day
  // where possible; the two halves of a split subject at the same time.
  const classBusy = new Set<string>();
  const teacherBusy = new Set<string>();
  const slotsByWeekday = new Map<number, { page: Page; lessonNumber: number }[]>();
  classes.forEach((_, ci) => {
    const units = new Map<string, Page[]>();
    for (const p of pages.filter((x) => x.classIndex === ci)) {
      units.set(p.subject.name, [...(units.get(p.subject.name) ?? []), p]);
    }
    const items: { unit: Page[]; hour: number; u: number }[] = [];
    const list = [...units.values()];
    const maxHours = Math.max(...list.map((u) => u[0]!.hours));
    for (let h = 0; h < maxHours; h++) {
      list.forEach((unit, u) => {
        if (h < unit[0]!.hours) {
          items.push({ unit, hour: h, u });
        }
      });
    }
    const daysOf = new Map<string, Set<number>>();
    for (const { unit, hour, u } of items) {
      const used = daysOf.get(unit[0]!.subject.name) ?? new Set<number>();
      let placed = false;
      for (const [sameDayOk, maxLesson] of [
        [false, 7],
        [true, 7],
        [true, BELLS.length],
      ] as const) {
        for (let k = 0; k < WEEKDAYS && !placed; k++) {
          const wd = ((u + hour + k) % WEEKDAYS) + 1;
          if (!sameDayOk && used.has(wd)) {
            continue;
          }
          for (let n = 1; n <= maxLesson && !placed; n++) {
            const key = `${wd}/${n}`;
            if (
              classBusy.has(`${ci}@${key}`) ||
              unit.some((p) => teacherBusy.has(`${p.teacher.id}@${key}`))
            ) {
              continue;
            }
            classBusy.add(`${ci}@${key}`);
            used.add(wd);
            for (const p of unit) {
              teacherBusy.add(`${p.teacher.id}@${key}`);
              slotsByWeekday.set(wd, [
                ...(slotsByWeekday.get(wd) ?? []),
                { page: p, lessonNumber: n },
              ]);
              add('timetable_slot', {
                ...school,
                year_id: yearId,
                assignment_id: p.id,
                weekday: wd,
                lesson_number: n,
                room: String(100 + ci * 2 + p.group),
                valid_from: YEAR.startsOn,
                valid_to: null,
                ...created(setupAt),
              });
            }
            placed = true;
          }
        }
        if (placed) {
          break;
        }
      }
      if (!placed) {
        throw new Error(`bench timetable: no slot for ${unit[0]!.subject.name} in class ${ci}`);
      }
      daysOf.set(unit[0]!.subject.name, used);
    }
  });

  // The kept year: lessons in plan order, homework, absences, lateness and marks.
  const days = termDays();
  const audienceOf = (page: Page): Span[] =>
    page.subgroupId ? subgroupMembers.get(page.subgroupId)! : classMembers[page.classIndex]!;
  const quarterOf = (date: string) => QUARTERS.findIndex(([a, b]) => date >= a && date <= b);
  const illUntil = new Map<string, { until: number; reason: string }>();
  const cursor = new Map<string, number>();
  const pendingHomework = new Map<string, Row>();
  // (student, subject, quarter) → marks, for the period marks.
  const marksFor = new Map<string, { value: number; weight: number }[]>();
  const wt = (code: string) => workTypeIds.get(code)!;
  const allStudents = [...studentById.values()];
  days.forEach((date, dayIndex) => {
    const absentToday = new Map<string, string>();
    for (const s of allStudents) {
      const ill = illUntil.get(s.id);
      if (ill && ill.until >= dayIndex) {
        absentToday.set(s.id, ill.reason);
      } else if (rng.chance(0.0115)) {
        const reason = rng.chance(0.85) ? 'ILLNESS' : 'EXCUSED';
        illUntil.set(s.id, { until: dayIndex + rng.int(2, 5), reason });
        absentToday.set(s.id, reason);
      }
    }
    const q = quarterOf(date);
    for (const slot of slotsByWeekday.get(weekdayOf(date)) ?? []) {
      const page = slot.page;
      const n = slot.lessonNumber;
      const position = cursor.get(page.id) ?? 0;
      cursor.set(page.id, position + 1);
      const ends = lessonEnd(date, n);
      const cancelled = rng.chance(0.004);
      const noTopic = !cancelled && rng.chance(0.01);
      const topic = page.topics[position % page.topics.length]!;
      const isTest = (position + 1) % 8 === 0 && page.subject.name !== 'Физическая культура';
      const workType = isTest
        ? page.subject.name === 'Русский язык'
          ? wt('dictation')
          : ['Физика', 'Химия', 'Биология'].includes(page.subject.name)
            ? wt('lab')
            : wt('test')
        : (position + 1) % 5 === 0 && page.subject.name !== 'Физическая культура'
          ? wt('independent')
          : wt('oral');
      // Most lessons are entered right after the bell; a few days later (R-JRN-3, R-JRN-4).
      const enteredAt = rng.chance(0.03)
        ? new Date(ends.getTime() + rng.int(1, 3) * dayMs)
        : new Date(ends.getTime() + rng.int(2, 20) * 60_000);
      const lessonId = add('lesson', {
        ...school,
        assignment_id: page.id,
        date,
        lesson_number: n,
        conducting_teacher_id: page.teacher.id,
        planned_topic_id: cancelled || noTopic ? null : topic.id,
        topic: cancelled || noTopic ? null : topic.title,
        work_type_id: cancelled ? null : workType,
        status: cancelled ? 'CANCELLED' : 'HELD',
        entered_by_id: page.teacher.id,
        updated_at: enteredAt,
        ...created(enteredAt),
      });
      // R-CTL-1 "attendance not recorded": the register is taken at the start of nearly every
      // held lesson; about 1 % are left untaken (below).
      const lessonRow = tables.get('lesson')!.at(-1)!;
      const startsAt = at(date, 0, minutesOf(BELLS[n - 1]!) + 5);
      lessonRow.attendance_taken_at = cancelled ? null : startsAt;
      const attendanceBefore = tables.get('attendance')!.length;
      const pending = pendingHomework.get(page.id);
      if (pending && !cancelled) {
        pending.due_on = date;
        pendingHomework.delete(page.id);
      }
      if (cancelled) {
        continue;
      }
      if (!page.subject.noHomework && rng.chance(0.85)) {
        const hwAt = rng.chance(0.06)
          ? new Date(ends.getTime() + rng.int(2, 30) * 3_600_000)
          : new Date(ends.getTime() + rng.int(5, 60) * 60_000);
        const first = rng.int(1, 300);
        const row: Row = {
          ...school,
          lesson_id: lessonId,
          text: `§ ${Math.ceil((position + 1) / 2)}, упр. ${first}–${first + rng.int(1, 4)}`,
          due_on: null,
          entered_by_id: page.teacher.id,
          updated_at: hwAt,
          ...created(hwAt),
        };
        add('homework', row);
        pendingHomework.set(page.id, tables.get('homework')!.at(-1)!);
      }
      const markChance = isTest ? 0.9 : workType === wt('independent') ? 0.6 : 0.36;
      const written = writtenIds.has(workType);
      const weight = weightOf.get(workType)!;
      for (const member of audienceOf(page)) {
        if (!within(member, date)) {
          continue;
        }
        const reason =
          absentToday.get(member.id) ??
          (rng.chance(0.004) ? rng.pick(['UNEXCUSED', 'OTHER']) : null);
        if (reason) {
          add('attendance', {
            ...school,
            lesson_id: lessonId,
            student_id: member.id,
            status: 'ABSENT',
            reason,
            minutes_late: null,
            entered_by_id: page.teacher.id,
            updated_at: startsAt,
            corrected_by_id: null,
            corrected_at: null,
            ...created(startsAt),
          });
          continue;
        }
        if (rng.chance(0.01)) {
          add('attendance', {
            ...school,
            lesson_id: lessonId,
            student_id: member.id,
            status: 'LATE',
            reason: null,
            minutes_late: rng.int(2, 15),
            entered_by_id: page.teacher.id,
            updated_at: startsAt,
            corrected_by_id: null,
            corrected_at: null,
            ...created(startsAt),
          });
        }
        if (!rng.chance(markChance)) {
          continue;
        }
        const student = studentById.get(member.id)!;
        const value = Math.max(
          2,
          Math.min(5, Math.round(3.9 + student.ability * 0.9 + rng.float(-1.2, 1.2))),
        );
        // Written work is checked within a week, a few later (R-JRN-3); oral marks on the day.
        const late = written
          ? rng.chance(0.05)
            ? rng.int(8, 14)
            : rng.int(0, 5)
          : rng.chance(0.03)
            ? rng.int(1, 3)
            : 0;
        const markAt = late
          ? at(addDays(date, late), rng.int(16, 21), rng.int(0, 59))
          : new Date(ends.getTime() + rng.int(0, 180) * 60_000);
        add('mark', {
          ...school,
          lesson_id: lessonId,
          student_id: member.id,
          value: String(value),
          numeric_value: value,
          work_type_id: workType,
          weight,
          comment: null,
          entered_by_id: page.teacher.id,
          updated_at: markAt,
          ...created(markAt),
        });
        const key = `${member.id}|${page.subjectId}|${q}`;
        const list = marksFor.get(key);
        if (list) {
          list.push({ value, weight });
        } else {
          marksFor.set(key, [{ value, weight }]);
        }
      }
      // About 1 % of held lessons: the register was never taken, so nothing about who was absent
      // was recorded either. Chosen without the PRNG, so every other generated row stays as it was.
      if (position % 97 === 41) {
        lessonRow.attendance_taken_at = null;
        tables.get('attendance')!.length = attendanceBefore;
      }
    }
  });

  // Period marks: each quarter's weighted mean (with the school's minimum of 3 marks, else
  // "not attested"), then the year's from the quarters. A few are entered late (R-JRN-5).
  const periodMarkDone = new Set<string>();
  const quarterValues = new Map<string, number[]>();
  const yearTeacher = new Map<string, { teacher: string; studentId: string; subjectId: string }>();
  QUARTERS.forEach(([, end], q) => {
    for (const page of pages) {
      for (const member of audienceOf(page)) {
        if (!within(member, end)) {
          continue;
        }
        const key = `${member.id}|${page.subjectId}|${q}`;
        if (periodMarkDone.has(key)) {
          continue;
        }
        periodMarkDone.add(key);
        const marks = marksFor.get(key) ?? [];
        const weights = marks.reduce((a, m) => a + m.weight, 0);
        const mean = marks.reduce((a, m) => a + m.value * m.weight, 0) / (weights || 1);
        const enough = marks.length >= 3;
        const enteredAt = rng.chance(0.03)
          ? at(addDays(end, rng.int(3, 10)), 15)
          : at(addDays(end, -rng.int(0, 4)), rng.int(14, 18));
        add('period_mark', {
          ...school,
          student_id: member.id,
          subject_id: page.subjectId,
          period_id: quarterIds[q]!,
          value: enough ? String(Math.round(mean)) : null,
          numeric_value: enough ? Math.round(mean) : null,
          special: enough ? null : 'NOT_ATTESTED',
          entered_by_id: page.teacher.id,
          updated_at: enteredAt,
          ...created(enteredAt),
        });
        const yk = `${member.id}|${page.subjectId}`;
        if (enough) {
          quarterValues.set(yk, [...(quarterValues.get(yk) ?? []), Math.round(mean)]);
        }
        yearTeacher.set(yk, {
          teacher: page.teacher.id,
          studentId: member.id,
          subjectId: page.subjectId,
        });
      }
    }
  });
  for (const [yk, info] of yearTeacher) {
    const values = quarterValues.get(yk) ?? [];
    const value = values.length
      ? Math.round(values.reduce((a, b) => a + b, 0) / values.length)
      : null;
    const enteredAt = at(addDays(YEAR.endsOn, -rng.int(2, 6)), 15);
    add('period_mark', {
      ...school,
      student_id: info.studentId,
      subject_id: info.subjectId,
      period_id: yearPeriodId,
      value: value === null ? null : String(value),
      numeric_value: value,
      special: value === null ? 'NOT_ATTESTED' : null,
      entered_by_id: info.teacher,
      updated_at: enteredAt,
      ...created(enteredAt),
    });
  }

  // Correspondence: parents write to the class teacher; some letters stay unanswered (R-MSG-2).
  const subjects = [
    'Пропуск уроков',
    'Домашнее задание',
    'Оценка за контрольную',
    'Справка после болезни',
    'Родительское собрание',
    'Экскурсия',
  ];
  classes.forEach((_, ci) => {
    const classTeacher = classRows[ci]!.class_teacher_id as string | null;
    if (!classTeacher) {
      return;
    }
    for (let k = 0; k < 4; k++) {
      const student = rng.pick(rosters[ci]!);
      const parent = student.guardians[0]!;
      const date = rng.pick(days);
      const sent: { author: string; at: Date }[] = [
        { author: parent, at: at(date, 19, rng.int(0, 59)) },
      ];
      if (rng.chance(0.85)) {
        sent.push({
          author: classTeacher,
          at: at(addDays(date, rng.int(0, 2)), 21, rng.int(0, 59)),
        });
        if (rng.chance(0.3)) {
          sent.push({ author: parent, at: at(addDays(date, 3), 20, rng.int(0, 59)) });
          sent.push({ author: classTeacher, at: at(addDays(date, 4), 18, rng.int(0, 59)) });
        }
      }
      const last = sent.at(-1)!.at;
      const threadId = add('message_thread', {
        ...school,
        subject: `${rng.pick(subjects)} (${date})`,
        created_by_id: parent,
        school_class_id: classIds[ci]!,
        last_message_at: last,
        ...created(sent[0]!.at),
      });
      const teacherRead = sent.length > 1 ? last : null;
      add('thread_participant', {
        ...school,
        thread_id: threadId,
        person_id: parent,
        last_read_at: last,
        ...created(sent[0]!.at),
      });
      add('thread_participant', {
        ...school,
        thread_id: threadId,
        person_id: classTeacher,
        last_read_at: teacherRead,
        ...created(sent[0]!.at),
      });
      for (const m of sent) {
        add('message', {
          ...school,
          thread_id: threadId,
          author_id: m.author,
          body:
            m.author === parent
              ? 'Здравствуйте! У меня вопрос по учёбе ребёнка.'
              : 'Здравствуйте! Спасибо, ответила.',
          sent_at: m.at,
          ...created(m.at),
        });
      }
    }
    for (const [title, date] of [
      ['Родительское собрание', '2025-09-18'],
      ['Итоги четверти', '2025-12-22'],
    ] as const) {
      add('announcement', {
        ...school,
        school_class_id: classIds[ci]!,
        author_id: classTeacher,
        title,
        body: `${title}: ${classes[ci]!.grade}${classes[ci]!.letter}, ${date}, 18:30.`,
        published_at: at(date, 12),
        audience: 'BOTH',
        ...created(at(date, 11)),
      });
    }
  });

  // Sign-ins (R-RPT-1, R-CTL-1): teachers on most school days, parents and students weekly.
  const lastSignIn = new Map<string, Date>();
  const signIn = (personId: string, when: Date) => {
    const sessionId = add('session', {
      person_id: personId,
      token_hash: rng.hex32() + rng.hex32(),
      expires_at: new Date(when.getTime() + 14 * dayMs),
      last_seen_at: new Date(when.getTime() + rng.int(1, 60) * 60_000),
      revoked_at: null,
      user_agent: 'Mozilla/5.0 (bench)',
      ip_address: '10.0.0.1',
      ...created(when),
    });
    add('audit_event', {
      school_id: null,
      actor_id: personId,
      session_id: sessionId,
      occurred_at: when,
      entity_type: 'Session',
      entity_id: sessionId,
      action: 'signIn',
      before: null,
      after: JSON.stringify({ ip: '10.0.0.1' }),
      reason: null,
      ...created(when),
    });
    lastSignIn.set(personId, when);
  };
  const staffAndTeachers = [...teachers.map((t) => t.id), ...staff.values()];
  const parents = [...new Set(families.flatMap((f) => f.guardians))];
  days.forEach((date, dayIndex) => {
    for (const id of staffAndTeachers) {
      if (rng.chance(0.9)) {
        signIn(id, at(date, 7, rng.int(40, 80)));
      }
    }
    if (dayIndex % 5 === 0) {
      for (const id of parents) {
        if (rng.chance(0.5)) {
          signIn(id, at(addDays(date, rng.int(0, 4)), rng.int(18, 22), rng.int(0, 59)));
        }
      }
      for (const s of allStudents) {
        if (rng.chance(0.3)) {
          signIn(s.id, at(addDays(date, rng.int(0, 4)), rng.int(15, 20), rng.int(0, 59)));
        }
      }
    }
  });
  for (const p of persons) {
    p.last_sign_in_at = lastSignIn.get(p.id as string) ?? null;
  }

  const benchPage = pages.find(
    (p) => p.classIndex === benchClass && p.subject.name === 'Математика',
  )!;
  const sibling = siblingClass >= 0 ? rosters[siblingClass]![0]!.id : null;
  return {
    tables,
    context: {
      schoolId,
      yearId,
      schoolClassId: classIds[benchClass]!,
      periods: [
        ...quarterIds.map((id, i) => ({
          id,
          kind: 'QUARTER' as const,
          number: i + 1,
          name: `${i + 1} четверть`,
        })),
        { id: yearPeriodId, kind: 'YEAR' as const, number: 1, name: 'Год' },
      ],
      assignmentId: benchPage.id,
      subjectId: benchPage.subjectId,
      teacherId: benchPage.teacher.id,
      studentId: rosters[benchClass]![0]!.id,
      siblingId: sibling,
      diaryWeekOf: DIARY_WEEK_OF,
      logins: {
        teacher: 'bench-teacher',
        parent: 'bench-parent',
        deputy: 'bench-deputy',
        director: 'bench-director',
        student: 'bench-student',
      },
    },
  };
}
