// The demo school (issue 2): one Russian school with its first quarter fully kept and the second
// under way, deterministic for a fixed seed and a fixed "today", so every demo shows the same data.
import { randomUUID } from 'node:crypto';
import { fakerRU as faker } from '@faker-js/faker';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { hashPassword } from '../src/auth/passwords.js';
import {
  AbsenceReason,
  Attendance,
  AttendanceStatus,
} from '../src/modules/journal/attendance.entity.js';
import { Homework } from '../src/modules/journal/homework.entity.js';
import { Lesson, LessonStatus } from '../src/modules/journal/lesson.entity.js';
import { Mark } from '../src/modules/journal/mark.entity.js';
import { PeriodMark } from '../src/modules/journal/period-mark.entity.js';
import { Announcement } from '../src/modules/messages/announcement.entity.js';
import { Message } from '../src/modules/messages/message.entity.js';
import { MessageThread } from '../src/modules/messages/message-thread.entity.js';
import { ThreadParticipant } from '../src/modules/messages/thread-participant.entity.js';
import { AdmissionKind, DepartureKind, Enrolment } from '../src/modules/people/enrolment.entity.js';
import { Guardianship, GuardianshipKind } from '../src/modules/people/guardianship.entity.js';
import { Person } from '../src/modules/people/person.entity.js';
import { Role, RoleAssignment } from '../src/modules/people/role-assignment.entity.js';
import { GradingScale, InstructionLanguage, School } from '../src/modules/school/school.entity.js';
import { BellTime } from '../src/modules/timetable/bell-time.entity.js';
import { TimetableSlot } from '../src/modules/timetable/timetable-slot.entity.js';
import { AcademicYear } from '../src/modules/year/academic-year.entity.js';
import { CurriculumItem } from '../src/modules/year/curriculum-item.entity.js';
import { PlannedTopic } from '../src/modules/year/planned-topic.entity.js';
import { PeriodKind, ReportingPeriod } from '../src/modules/year/reporting-period.entity.js';
import { SchoolClass } from '../src/modules/year/school-class.entity.js';
import { Subgroup } from '../src/modules/year/subgroup.entity.js';
import { SubgroupMembership } from '../src/modules/year/subgroup-membership.entity.js';
import { Subject } from '../src/modules/year/subject.entity.js';
import { TeachingAssignment } from '../src/modules/year/teaching-assignment.entity.js';
import { WorkType } from '../src/modules/year/work-type.entity.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import {
  CLASSES,
  CURRICULUM,
  FEMALE_NAMES,
  MALE_NAMES,
  SURNAMES,
  TEACHER_GROUPS,
  TOPICS,
  feminine,
  patronymic,
} from './demo-data.js';

/** The demo's "today": lessons are kept up to this day (a Friday in the second quarter). */
export const DEMO_TODAY = '2026-11-20';
const SEED = 17;
const MAX_TEACHER_LOAD = 13;
const WEEKDAYS = 5;
const LESSONS_PER_DAY = 7;

type Row = Record<string, unknown>;

/** Collects rows per entity and writes each kind with multi-row inserts, parents first. */
class Rows {
  private readonly byEntity = new Map<unknown, Row[]>();
  add(entity: unknown, row: Row): string {
    const id = randomUUID();
    const list = this.byEntity.get(entity) ?? [];
    list.push({ id, ...row });
    this.byEntity.set(entity, list);
    return id;
  }
  all(entity: unknown): Row[] {
    return this.byEntity.get(entity) ?? [];
  }
  find(entity: unknown, id: string): Row {
    const row = this.all(entity).find((r) => r.id === id);
    if (!row) {
      throw new Error(`demo seed: no ${String(entity)} ${id}`);
    }
    return row;
  }
  count(entity: unknown): number {
    return this.byEntity.get(entity)?.length ?? 0;
  }
  async write(em: EntityManager, order: unknown[]): Promise<void> {
    for (const entity of order) {
      const rows = this.byEntity.get(entity) ?? [];
      for (let i = 0; i < rows.length; i += 2000) {
        await em.insertMany(entity as never, rows.slice(i, i + 2000));
      }
    }
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
const weekday = (isoDate: string) => ((day(isoDate).getUTCDay() + 6) % 7) + 1;
/** A moment on a school day in Moscow time (UTC+3), for realistic "entered at" stamps. */
const at = (isoDate: string, hour: number, minute = 0) =>
  new Date(
    `${isoDate}T${String(hour - 3).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`,
  );

function* days(from: string, to: string) {
  for (let d = day(from); iso(d) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    yield iso(d);
  }
}

interface Teacher {
  id: string;
  group: string;
  load: number;
}

interface Page {
  id: string;
  classIndex: number;
  subject: string;
  teacher: Teacher;
  subgroupId: string | null;
  hours: number;
  topics: { id: string; title: string }[];
}

export async function seedDemoSchool(orm: MikroORM): Promise<Record<string, number>> {
  faker.seed(SEED);
  const chance = (p: number) => faker.number.float({ min: 0, max: 1 }) < p;
  const pick = <T>(items: readonly T[]) => faker.helpers.arrayElement(items);
  const rows = new Rows();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const schoolId = rows.add(School, {
    name: 'МБОУ «СОШ № 17»',
    shortName: 'СОШ № 17',
    gradingScale: GradingScale.FIVE_POINT,
    languages: [InstructionLanguage.RU],
    timeZone: 'Europe/Moscow',
    minMarksForPeriodMark: 3,
  });
  const school = { school: schoolId };
  const yearId = rows.add(AcademicYear, {
    ...school,
    name: '2026/2027',
    startsOn: '2026-09-01',
    endsOn: '2027-05-31',
  });
  const grades = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const quarters = [
    ['2026-09-01', '2026-10-25'],
    ['2026-11-05', '2026-12-28'],
    ['2027-01-12', '2027-03-21'],
    ['2027-03-30', '2027-05-31'],
  ] as const;
  const periodIds = quarters.map(([startsOn, endsOn], i) =>
    rows.add(ReportingPeriod, {
      ...school,
      year: yearId,
      kind: PeriodKind.QUARTER,
      number: i + 1,
      name: `${i + 1} четверть`,
      startsOn,
      endsOn,
      gradeLevels: grades,
    }),
  );
  rows.add(ReportingPeriod, {
    ...school,
    year: yearId,
    kind: PeriodKind.YEAR,
    number: 1,
    name: 'Год',
    startsOn: '2026-09-01',
    endsOn: '2027-05-31',
    gradeLevels: grades,
  });
  const bells = ['08:30', '09:25', '10:20', '11:25', '12:30', '13:25', '14:20'];
  bells.forEach((startsAt, i) => {
    const [h, m] = startsAt.split(':').map(Number) as [number, number];
    const end = h * 60 + m + 45;
    rows.add(BellTime, {
      ...school,
      lessonNumber: i + 1,
      startsAt,
      endsAt: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
    });
  });

  // People. Only the fixed demo accounts get logins; everyone else is issued invitations later.
  const person = (sex: 'm' | 'f', login?: string, lastName?: string): string => {
    const surname = lastName ?? pick(SURNAMES);
    return rows.add(Person, {
      lastName: sex === 'f' ? feminine(surname) : surname,
      firstName: pick(sex === 'f' ? FEMALE_NAMES : MALE_NAMES),
      middleName: patronymic(pick(MALE_NAMES), sex),
      login: login ?? null,
      passwordHash: login ? passwordHash : null,
      locale: 'ru',
    });
  };
  const role = (personId: string, r: Role) =>
    rows.add(RoleAssignment, { ...school, person: personId, role: r });
  for (const [login, r, sex] of [
    ['admin', Role.ADMINISTRATOR, 'm'],
    ['director', Role.DIRECTOR, 'f'],
    ['deputy', Role.DEPUTY, 'f'],
    ['clerk', Role.RECORDS_CLERK, 'f'],
  ] as const) {
    role(person(sex, login), r);
  }

  // Teachers by subject group, each up to MAX_TEACHER_LOAD hours a week.
  const wt = (code: string, name: string, weight: number, isWritten: boolean) =>
    rows.add(WorkType, { ...school, code, name, weight, isWritten });
  const work = {
    oral: wt('oral', 'Ответ на уроке', 1, false),
    homework: wt('homework', 'Домашняя работа', 1, false),
    independent: wt('independent', 'Самостоятельная работа', 1.5, true),
    test: wt('test', 'Контрольная работа', 2, true),
    dictation: wt('dictation', 'Диктант', 2, true),
    lab: wt('lab', 'Лабораторная работа', 1.5, true),
    practical: wt('practical', 'Практическая работа', 1.5, true),
  };
  const subjectIds = new Map<string, string>();
  for (const name of Object.keys(CURRICULUM)) {
    subjectIds.set(
      name,
      rows.add(Subject, { ...school, name, shortName: CURRICULUM[name]!.short }),
    );
  }
  const classIds = CLASSES.map(([grade, letter]) =>
    rows.add(SchoolClass, { ...school, year: yearId, gradeLevel: grade, letter }),
  );

  const teachers: Teacher[] = [];
  const loginsByGroup: Record<string, string> = { math: 'teacher', rus: 'classteacher' };
  const teacherFor = (group: string, hours: number): Teacher => {
    let found = teachers.find((t) => t.group === group && t.load + hours <= MAX_TEACHER_LOAD);
    if (!found) {
      const first = !teachers.some((t) => t.group === group);
      const login = first ? loginsByGroup[group] : undefined;
      const id = person(chance(0.8) ? 'f' : 'm', login);
      role(id, Role.TEACHER);
      found = { id, group, load: 0 };
      teachers.push(found);
    }
    found.load += hours;
    return found;
  };

  const pages: Page[] = [];
  const classTeacherOf = new Map<number, string>();
  const students: { id: string; classIndex: number; from: string; to: string | null }[] = [];
  CLASSES.forEach(([grade], classIndex) => {
    // Students first: subgroups need them.
    const roster: string[] = [];
    for (let i = 0; i < 25; i++) {
      const sex = i % 2 === 0 ? 'm' : 'f';
      const surname = pick(SURNAMES);
      const student = person(sex, undefined, surname);
      role(student, Role.STUDENT);
      roster.push(student);
      students.push({ id: student, classIndex, from: '2026-09-01', to: null });
      const mother = person('f', undefined, surname);
      role(mother, Role.PARENT);
      rows.add(Guardianship, {
        ...school,
        guardian: mother,
        student,
        kind: GuardianshipKind.MOTHER,
      });
      if (chance(0.5)) {
        const father = person('m', undefined, surname);
        role(father, Role.PARENT);
        rows.add(Guardianship, {
          ...school,
          guardian: father,
          student,
          kind: GuardianshipKind.FATHER,
        });
      }
    }
    for (const [subject, spec] of Object.entries(CURRICULUM)) {
      const hours = spec.hours[grade];
      if (!hours) {
        continue;
      }
      rows.add(CurriculumItem, {
        ...school,
        schoolClass: classIds[classIndex],
        subject: subjectIds.get(subject),
        plannedLessons: hours * 34,
      });
      const groups = spec.split ? ['1 группа', '2 группа'] : [null];
      groups.forEach((name, g) => {
        let subgroupId: string | null = null;
        if (name) {
          subgroupId = rows.add(Subgroup, {
            ...school,
            schoolClass: classIds[classIndex],
            subject: subjectIds.get(subject),
            name,
          });
          roster.forEach((student, i) => {
            if (i % 2 === g) {
              rows.add(SubgroupMembership, {
                ...school,
                subgroup: subgroupId,
                student,
                startsOn: '2026-09-01',
              });
            }
          });
        }
        const group = spec.split
          ? `${TEACHER_GROUPS[subject] ?? subject}#${g}`
          : (TEACHER_GROUPS[subject] ?? subject);
        const teacher = teacherFor(group, hours);
        const titles = TOPICS[subject] ?? [subject];
        const topics = Array.from({ length: hours * 34 }, (_, t) => {
          const title = `${titles[Math.floor((t * titles.length) / (hours * 34))]}`;
          return { title, position: t + 1 };
        });
        const pageId = rows.add(TeachingAssignment, {
          ...school,
          year: yearId,
          teacher: teacher.id,
          subject: subjectIds.get(subject),
          schoolClass: classIds[classIndex],
          subgroup: subgroupId,
        });
        pages.push({
          id: pageId,
          classIndex,
          subject,
          teacher,
          subgroupId,
          hours,
          topics: topics.map((t) => ({
            id: rows.add(PlannedTopic, {
              ...school,
              assignment: pageId,
              position: t.position,
              title: t.title,
            }),
            title: t.title,
          })),
        });
        // The class teacher: the first teacher of a whole-class page not yet leading a class
        // (for 5А, Russian comes first: the demo `classteacher`).
        if (
          !subgroupId &&
          !classTeacherOf.has(classIndex) &&
          ![...classTeacherOf.values()].includes(teacher.id)
        ) {
          classTeacherOf.set(classIndex, teacher.id);
        }
      });
    }
  });
  classIds.forEach((id, i) => {
    rows.find(SchoolClass, id).classTeacher = classTeacherOf.get(i) ?? null;
  });

  // Movement of students (R-YEAR-5): one leaves 6Б in October, one joins 7А then.
  const leaver = students.find(
    (s) => CLASSES[s.classIndex]![0] === 6 && CLASSES[s.classIndex]![1] === 'Б',
  )!;
  leaver.to = '2026-10-15';
  const newcomer = person('f');
  role(newcomer, Role.STUDENT);
  const mother = person('f');
  role(mother, Role.PARENT);
  rows.add(Guardianship, {
    ...school,
    guardian: mother,
    student: newcomer,
    kind: GuardianshipKind.MOTHER,
  });
  const class7a = CLASSES.findIndex(([g, l]) => g === 7 && l === 'А');
  students.push({ id: newcomer, classIndex: class7a, from: '2026-10-01', to: null });
  for (const s of students) {
    rows.add(Enrolment, {
      ...school,
      student: s.id,
      schoolClass: classIds[s.classIndex],
      startsOn: s.from,
      endsOn: s.to,
      admissionKind: s.from === '2026-09-01' ? AdmissionKind.PROMOTION : AdmissionKind.TRANSFER_IN,
      departureKind: s.to ? DepartureKind.TRANSFER_OUT : null,
    });
  }
  // The newcomer joins 7А's first English group.
  const group7a = pages.find((p) => p.classIndex === class7a && p.subgroupId)!;
  rows.add(SubgroupMembership, {
    ...school,
    subgroup: group7a.subgroupId,
    student: newcomer,
    startsOn: '2026-10-01',
  });

  // Timetable: every page's weekly hours placed with no class and no teacher in two places.
  const classBusy = new Set<string>();
  const teacherBusy = new Set<string>();
  const slots: { page: Page; weekday: number; lessonNumber: number }[] = [];
  CLASSES.forEach((_, classIndex) => {
    // Parallel subgroups (English) form one unit: both halves at the same time.
    const units: Page[][] = [];
    const own = pages.filter((p) => p.classIndex === classIndex);
    const bySubject = new Map<string, Page[]>();
    own.forEach((p) => bySubject.set(p.subject, [...(bySubject.get(p.subject) ?? []), p]));
    const maxHours = Math.max(...own.map((p) => p.hours));
    for (let h = 0; h < maxHours; h++) {
      for (const group of bySubject.values()) {
        if (h < group[0]!.hours) {
          units.push(group);
        }
      }
    }
    units.forEach((unit, u) => {
      for (let attempt = 0; attempt < WEEKDAYS * LESSONS_PER_DAY; attempt++) {
        const wd = ((u + Math.floor(attempt / LESSONS_PER_DAY)) % WEEKDAYS) + 1;
        const n = (attempt % LESSONS_PER_DAY) + 1;
        const key = `${wd}/${n}`;
        if (
          classBusy.has(`${classIndex}@${key}`) ||
          unit.some((p) => teacherBusy.has(`${p.teacher.id}@${key}`))
        ) {
          continue;
        }
        classBusy.add(`${classIndex}@${key}`);
        for (const p of unit) {
          teacherBusy.add(`${p.teacher.id}@${key}`);
          slots.push({ page: p, weekday: wd, lessonNumber: n });
        }
        return;
      }
      throw new Error(`demo timetable: no room for ${unit[0]!.subject} in class ${classIndex}`);
    });
  });
  for (const s of slots) {
    rows.add(TimetableSlot, {
      ...school,
      year: yearId,
      assignment: s.page.id,
      weekday: s.weekday,
      lessonNumber: s.lessonNumber,
      room: String(100 + s.page.classIndex * 3 + (s.page.subgroupId ? 1 : 0)),
      validFrom: '2026-09-01',
    });
  }

  // Lessons up to DEMO_TODAY in term time, with topics in plan order, homework, marks, absences.
  const enrolledOn = (studentId: string, date: string) => {
    const s = students.find((x) => x.id === studentId)!;
    return s.from <= date && (s.to === null || s.to > date);
  };
  const membersOf = new Map<string, string[]>();
  for (const r of rows.all(SubgroupMembership)) {
    membersOf.set(r.subgroup as string, [
      ...(membersOf.get(r.subgroup as string) ?? []),
      r.student as string,
    ]);
  }
  const audience = (page: Page) =>
    page.subgroupId
      ? (membersOf.get(page.subgroupId) ?? [])
      : students.filter((s) => s.classIndex === page.classIndex).map((s) => s.id);
  const ability = new Map(students.map((s) => [s.id, faker.number.float({ min: -1, max: 1 })]));
  const absentDays = new Set<string>();
  const topicCursor = new Map<string, number>();
  const marksByStudentPage = new Map<string, { value: number; weight: number }[]>();
  const termDays = [...days('2026-09-01', DEMO_TODAY)].filter(
    (d) => weekday(d) <= WEEKDAYS && quarters.some(([a, b]) => d >= a && d <= b),
  );
  for (const date of termDays) {
    for (const s of students) {
      if (chance(0.04)) {
        absentDays.add(`${s.id}@${date}`);
      }
    }
    for (const slot of slots.filter((x) => x.weekday === weekday(date))) {
      const page = slot.page;
      const position = topicCursor.get(page.id) ?? 0;
      topicCursor.set(page.id, position + 1);
      const topic = page.topics[position % page.topics.length]!;
      const test = (position + 1) % 8 === 0;
      const workType = test
        ? page.subject === 'Русский язык'
          ? work.dictation
          : ['Физика', 'Химия', 'Биология'].includes(page.subject)
            ? work.lab
            : work.test
        : (position + 1) % 5 === 0
          ? work.independent
          : work.oral;
      const weight = test
        ? workType === work.lab
          ? 1.5
          : 2
        : workType === work.independent
          ? 1.5
          : 1;
      const enteredAt = at(date, 8 + slot.lessonNumber, 40);
      const lessonId = rows.add(Lesson, {
        ...school,
        assignment: page.id,
        date,
        lessonNumber: slot.lessonNumber,
        conductingTeacher: page.teacher.id,
        plannedTopic: topic.id,
        topic: topic.title,
        workType,
        status: LessonStatus.HELD,
        enteredBy: page.teacher.id,
        // The register is taken at almost every lesson; the few forgotten ones are what the
        // deputy's control page finds (R-CTL-1).
        attendanceTakenAt: chance(0.985) ? enteredAt : null,
        createdAt: enteredAt,
        updatedAt: enteredAt,
      });
      // Written homework in academic subjects; none in PE, music, art, technology, safety.
      const homeworkChance = CURRICULUM[page.subject]!.noHomework ? 0 : 0.85;
      if (chance(homeworkChance)) {
        const first = faker.number.int({ min: 1, max: 300 });
        rows.add(Homework, {
          ...school,
          lesson: lessonId,
          text: `§ ${Math.ceil((position + 1) / 2)}, упр. ${first}–${first + faker.number.int({ min: 1, max: 4 })}`,
          enteredBy: page.teacher.id,
          createdAt: enteredAt,
          updatedAt: enteredAt,
        });
      }
      for (const studentId of audience(page)) {
        if (!enrolledOn(studentId, date)) {
          continue;
        }
        if (absentDays.has(`${studentId}@${date}`)) {
          rows.add(Attendance, {
            ...school,
            lesson: lessonId,
            student: studentId,
            status: AttendanceStatus.ABSENT,
            reason: pick([
              AbsenceReason.ILLNESS,
              AbsenceReason.ILLNESS,
              AbsenceReason.EXCUSED,
              AbsenceReason.UNEXCUSED,
            ]),
            enteredBy: page.teacher.id,
            createdAt: enteredAt,
            updatedAt: enteredAt,
          });
          continue;
        }
        if (chance(0.01)) {
          rows.add(Attendance, {
            ...school,
            lesson: lessonId,
            student: studentId,
            status: AttendanceStatus.LATE,
            minutesLate: faker.number.int({ min: 2, max: 15 }),
            enteredBy: page.teacher.id,
            createdAt: enteredAt,
            updatedAt: enteredAt,
          });
        }
        if (test ? chance(0.95) : chance(0.3)) {
          const base =
            3.9 + ability.get(studentId)! * 0.9 + faker.number.float({ min: -1.2, max: 1.2 });
          const value = Math.max(2, Math.min(5, Math.round(base)));
          // Written work is checked within days (R-JRN-3): entered up to 5 days later.
          const late = workType !== work.oral ? faker.number.int({ min: 0, max: 5 }) : 0;
          const markDate = iso(new Date(day(date).getTime() + late * 86_400_000));
          rows.add(Mark, {
            ...school,
            lesson: lessonId,
            student: studentId,
            value: String(value),
            numericValue: value,
            workType,
            weight,
            enteredBy: page.teacher.id,
            createdAt: at(markDate, 16, 30),
            updatedAt: at(markDate, 16, 30),
          });
          const key = `${studentId}@${page.id}@${date <= quarters[0][1] ? 0 : 1}`;
          marksByStudentPage.set(key, [...(marksByStudentPage.get(key) ?? []), { value, weight }]);
        }
      }
    }
  }

  // First-quarter marks: the weighted mean rounded, for students with the school's minimum.
  for (const page of pages) {
    for (const studentId of audience(page)) {
      const marks = marksByStudentPage.get(`${studentId}@${page.id}@0`) ?? [];
      if (!enrolledOn(studentId, quarters[0][1])) {
        continue;
      }
      const weights = marks.reduce((a, m) => a + m.weight, 0);
      const mean = marks.reduce((a, m) => a + m.value * m.weight, 0) / (weights || 1);
      rows.add(PeriodMark, {
        ...school,
        student: studentId,
        subject: subjectIds.get(page.subject),
        period: periodIds[0],
        value: marks.length >= 3 ? String(Math.round(mean)) : null,
        numericValue: marks.length >= 3 ? Math.round(mean) : null,
        special: marks.length >= 3 ? null : 'NOT_ATTESTED',
        enteredBy: page.teacher.id,
        createdAt: at('2026-10-26', 15),
        updatedAt: at('2026-10-26', 15),
      });
    }
  }

  // The demo student and parent: the first student of 5А and that student's mother.
  const demoStudent = students.find((s) => s.classIndex === 0)!.id;
  const studentRow = rows.find(Person, demoStudent);
  studentRow.login = 'student';
  studentRow.passwordHash = passwordHash;
  const demoParent = rows.all(Guardianship).find((g) => g.student === demoStudent)!
    .guardian as string;
  const parentRow = rows.find(Person, demoParent);
  parentRow.login = 'parent';
  parentRow.passwordHash = passwordHash;

  // A little correspondence and an announcement for 5А.
  const classTeacher5a = classTeacherOf.get(0)!;
  const threadId = rows.add(MessageThread, {
    ...school,
    subject: 'Пропуск уроков 12 ноября',
    createdBy: demoParent,
    schoolClass: classIds[0],
    lastMessageAt: at('2026-11-12', 19, 5),
  });
  for (const p of [demoParent, classTeacher5a]) {
    rows.add(ThreadParticipant, {
      ...school,
      thread: threadId,
      person: p,
      lastReadAt: at('2026-11-12', 19, 5),
    });
  }
  rows.add(Message, {
    ...school,
    thread: threadId,
    author: demoParent,
    body: 'Здравствуйте! Ребёнок пропустит уроки 12 ноября по болезни, справку принесём.',
    sentAt: at('2026-11-12', 18, 40),
  });
  rows.add(Message, {
    ...school,
    thread: threadId,
    author: classTeacher5a,
    body: 'Спасибо, что предупредили. Выздоравливайте!',
    sentAt: at('2026-11-12', 19, 5),
  });
  rows.add(Announcement, {
    ...school,
    schoolClass: classIds[0],
    author: classTeacher5a,
    title: 'Родительское собрание',
    body: 'Родительское собрание 5А состоится 27 ноября в 18:30 в кабинете 100.',
    publishedAt: at('2026-11-18', 12),
  });

  await orm.em.fork().transactional(async (tx) => {
    await rows.write(tx, [
      School,
      AcademicYear,
      ReportingPeriod,
      BellTime,
      Person,
      RoleAssignment,
      WorkType,
      Subject,
      SchoolClass,
      Guardianship,
      Enrolment,
      CurriculumItem,
      Subgroup,
      SubgroupMembership,
      TeachingAssignment,
      PlannedTopic,
      TimetableSlot,
      Lesson,
      Homework,
      Attendance,
      Mark,
      PeriodMark,
      MessageThread,
      ThreadParticipant,
      Message,
      Announcement,
    ]);
  });

  return {
    classes: classIds.length,
    students: students.length,
    teachers: teachers.length,
    lessons: rows.count(Lesson),
    marks: rows.count(Mark),
    absences: rows.count(Attendance),
    periodMarks: rows.count(PeriodMark),
  };
}
