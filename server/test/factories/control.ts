// The hand-built school of the control tests (R-CTL-1, R-RPT-1). Every timestamp is chosen; the
// right answers are worked out by hand in the tests, in the school's time zone (Europe/Moscow,
// UTC+3). The range under control is October 2025.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from '../../src/modules/audit/audit-event.entity.js';
import { Homework } from '../../src/modules/journal/homework.entity.js';
import { Lesson, LessonStatus } from '../../src/modules/journal/lesson.entity.js';
import { Mark } from '../../src/modules/journal/mark.entity.js';
import { PeriodMark } from '../../src/modules/journal/period-mark.entity.js';
import { Message } from '../../src/modules/messages/message.entity.js';
import { MessageThread } from '../../src/modules/messages/message-thread.entity.js';
import { ThreadParticipant } from '../../src/modules/messages/thread-participant.entity.js';
import { Guardianship, GuardianshipKind } from '../../src/modules/people/guardianship.entity.js';
import type { Person } from '../../src/modules/people/person.entity.js';
import { Role } from '../../src/modules/people/role-assignment.entity.js';
import type { School } from '../../src/modules/school/school.entity.js';
import { BellTime } from '../../src/modules/timetable/bell-time.entity.js';
import { CurriculumItem } from '../../src/modules/year/curriculum-item.entity.js';
import type { SchoolClass } from '../../src/modules/year/school-class.entity.js';
import type { TeachingAssignment } from '../../src/modules/year/teaching-assignment.entity.js';
import type { WorkType } from '../../src/modules/year/work-type.entity.js';
import { createClass, createPerson, createSchool, createYear } from './index.js';
import {
  createAssignment,
  createPeriod,
  createSubgroup,
  createSubject,
  createWorkType,
  enrol,
  sessionFor,
} from './journal.js';

const at = (iso: string) => new Date(iso);

export interface ControlSchool {
  school: School;
  class5a: SchoolClass;
  class6b: SchoolClass;
  deputy: Person;
  t1: Person;
  t2: Person;
  students: Person[];
  parents: Person[];
  math: TeachingAssignment;
  russian: TeachingAssignment;
  math6: TeachingAssignment;
  lessons: Record<'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M6' | 'R1' | 'R2', Lesson>;
  threads: Record<'late' | 'waiting' | 'recent' | 'answered', MessageThread>;
  periodId: string;
  tokens: Record<'deputy' | 't1' | 't2' | 'student' | 'parent' | 'clerk', string>;
}

export async function createControlSchool(em: EntityManager): Promise<ControlSchool> {
  const school = await createSchool(em);
  const year = await createYear(em, school, '2025/2026');
  const q1 = await createPeriod(em, year, {
    number: 1,
    startsOn: '2025-09-01',
    endsOn: '2025-10-26',
  });
  const q2 = await createPeriod(em, year, {
    number: 2,
    startsOn: '2025-11-05',
    endsOn: '2025-12-28',
  });
  const person = (lastName: string, firstName: string, roles: Role[]) =>
    createPerson(em, { school, roles, lastName, firstName });
  const deputy = await person('Директорова', 'Дарья', [Role.DEPUTY]);
  const t1 = await person('Алексеева', 'Анна', [Role.TEACHER]);
  const t2 = await person('Борисова', 'Вера', [Role.TEACHER]);
  const clerk = await person('Делова', 'Ольга', [Role.RECORDS_CLERK]);
  const class5a = await createClass(em, {
    school,
    year,
    gradeLevel: 5,
    letter: 'А',
    classTeacher: t2,
  });
  const class6b = await createClass(em, { school, year, gradeLevel: 6, letter: 'Б' });
  const names = ['Андреев', 'Быков', 'Волков', 'Громов', 'Дымов'];
  const students: Person[] = [];
  const parents: Person[] = [];
  for (const [i, last] of names.entries()) {
    const s = await person(last, `Ученик${i + 1}`, [Role.STUDENT]);
    const p = await person(last, `Родитель${i + 1}`, [Role.PARENT]);
    em.persist(
      em.create(Guardianship, { school, guardian: p, student: s, kind: GuardianshipKind.MOTHER }),
    );
    students.push(s);
    parents.push(p);
  }
  const [s1, s2, s3, s4, s5] = students as [Person, Person, Person, Person, Person];
  await enrol(em, s1, class5a, '2025-09-01');
  await enrol(em, s2, class5a, '2025-09-01');
  await enrol(em, s3, class5a, '2025-09-01');
  // A newcomer in the range, and a leaver whose last day was 30 September.
  await enrol(em, s4, class5a, '2025-10-20');
  await enrol(em, s5, class5a, '2025-09-01', '2025-10-01');

  const mathSubject = await createSubject(em, school, 'Математика');
  const russianSubject = await createSubject(em, school, 'Русский язык');
  const written = await createWorkType(em, school, { name: 'Контрольная', isWritten: true });
  const group = await createSubgroup(em, class5a, russianSubject, [s1, s2]);
  const math = await createAssignment(em, {
    teacher: t1,
    subject: mathSubject,
    schoolClass: class5a,
  });
  const russian = await createAssignment(em, {
    teacher: t2,
    subject: russianSubject,
    schoolClass: class5a,
    subgroup: group,
  });
  const math6 = await createAssignment(em, {
    teacher: t1,
    subject: mathSubject,
    schoolClass: class6b,
  });

  // Lesson 1: 08:30–09:15, lesson 2: 09:25–10:10, Moscow time.
  em.persist(
    em.create(BellTime, { school, lessonNumber: 1, startsAt: '08:30:00', endsAt: '09:15:00' }),
  );
  em.persist(
    em.create(BellTime, { school, lessonNumber: 2, startsAt: '09:25:00', endsAt: '10:10:00' }),
  );
  // Mathematics 5А: 16 lessons in each quarter; Russian: 68 for the year (no quarter rows).
  em.persist(
    em.create(CurriculumItem, {
      school,
      schoolClass: class5a,
      subject: mathSubject,
      period: q1,
      plannedLessons: 16,
    }),
  );
  em.persist(
    em.create(CurriculumItem, {
      school,
      schoolClass: class5a,
      subject: mathSubject,
      period: q2,
      plannedLessons: 16,
    }),
  );
  em.persist(
    em.create(CurriculumItem, {
      school,
      schoolClass: class5a,
      subject: russianSubject,
      period: null,
      plannedLessons: 68,
    }),
  );

  const lesson = (
    assignment: TeachingAssignment,
    spec: {
      date: string;
      number: number | null;
      topic: string | null;
      createdAt: string;
      status?: LessonStatus;
      workType?: WorkType;
      attendanceTakenAt?: string;
    },
  ) => {
    const l = em.create(Lesson, {
      school,
      assignment,
      date: spec.date,
      lessonNumber: spec.number,
      conductingTeacher: assignment.teacher,
      status: spec.status ?? LessonStatus.HELD,
      topic: spec.topic,
      workType: spec.workType ?? null,
      createdAt: at(spec.createdAt),
      attendanceTakenAt: spec.attendanceTakenAt ? at(spec.attendanceTakenAt) : null,
    });
    em.persist(l);
    return l;
  };
  const lessons = {
    M1: lesson(math, {
      date: '2025-10-06',
      number: 1,
      topic: 'Дроби',
      createdAt: '2025-10-06T10:00:00Z',
      attendanceTakenAt: '2025-10-06T05:40:00Z',
    }),
    M2: lesson(math, {
      date: '2025-10-08',
      number: 2,
      topic: null,
      createdAt: '2025-10-09T08:00:00Z',
      attendanceTakenAt: '2025-10-09T08:00:00Z',
    }),
    M3: lesson(math, {
      date: '2025-10-13',
      number: 1,
      topic: 'Контрольная работа',
      workType: written,
      createdAt: '2025-10-13T20:30:00Z',
    }),
    M4: lesson(math, {
      date: '2025-10-15',
      number: 1,
      topic: null,
      status: LessonStatus.CANCELLED,
      createdAt: '2025-10-15T05:00:00Z',
    }),
    M5: lesson(math, {
      date: '2025-09-29',
      number: 1,
      topic: null,
      createdAt: '2025-09-29T06:00:00Z',
    }),
    M6: lesson(math, {
      date: '2025-10-27',
      number: null,
      topic: 'Повторение',
      createdAt: '2025-10-27T21:30:00Z',
      attendanceTakenAt: '2025-10-27T21:30:00Z',
    }),
    R1: lesson(russian, {
      date: '2025-10-07',
      number: 2,
      topic: 'Падежи',
      createdAt: '2025-10-07T07:00:00Z',
      attendanceTakenAt: '2025-10-07T06:30:00Z',
    }),
    R2: lesson(russian, {
      date: '2025-10-09',
      number: 1,
      topic: '   ',
      createdAt: '2025-10-06T12:00:00Z',
    }),
  };
  const homework = (l: Lesson, createdAt: string) =>
    em.persist(
      em.create(Homework, {
        school,
        lesson: l,
        text: 'Упражнения',
        enteredBy: l.conductingTeacher,
        createdAt: at(createdAt),
      }),
    );
  homework(lessons.M1, '2025-10-06T06:30:00Z'); // 09:30, due 10:45: in time
  homework(lessons.M3, '2025-10-13T07:50:00Z'); // 10:50, due 10:45: late
  homework(lessons.M6, '2025-10-27T20:00:00Z'); // 23:00 on the day, no bell time: in time
  homework(lessons.R1, '2025-10-07T07:30:00Z'); // 10:30, due 11:40: in time

  const mark = (
    l: Lesson,
    student: Person,
    value: string,
    createdAt: string,
    workType?: WorkType,
  ) =>
    em.persist(
      em.create(Mark, {
        school,
        lesson: l,
        student,
        value,
        numericValue: Number(value),
        workType: workType ?? null,
        enteredBy: l.conductingTeacher,
        createdAt: at(createdAt),
      }),
    );
  mark(lessons.M1, s1, '5', '2025-10-06T10:00:00Z');
  mark(lessons.M1, s2, '4', '2025-10-07T09:00:00Z'); // next day: late
  mark(lessons.M2, s1, '4', '2025-10-10T09:00:00Z', written); // written work: 2 days is fine
  mark(lessons.M3, s1, '3', '2025-10-20T10:00:00Z'); // day 7: in time
  mark(lessons.M3, s3, '2', '2025-10-21T10:00:00Z'); // day 8: late
  mark(lessons.M3, s2, '5', '2025-10-20T22:30:00Z'); // 01:30 on day 8 in Moscow: late
  mark(lessons.M6, s1, '5', '2025-10-27T21:30:00Z'); // 00:30 next day in Moscow: late
  mark(lessons.R1, s1, '5', '2025-10-07T08:00:00Z');
  // Outside the range: not counted.
  mark(lessons.M5, s3, '4', '2025-10-03T08:00:00Z');

  const periodMark = (student: Person, subject: typeof mathSubject, createdAt: string) =>
    em.persist(
      em.create(PeriodMark, {
        school,
        student,
        subject,
        period: q1,
        value: '4',
        numericValue: 4,
        enteredBy: t1,
        createdAt: at(createdAt),
      }),
    );
  periodMark(s1, mathSubject, '2025-10-27T09:00:00Z');
  periodMark(s2, mathSubject, '2025-10-31T10:00:00Z'); // 5 days after: late
  periodMark(s3, mathSubject, '2025-10-30T20:00:00Z'); // 23:00 on day 4: in time
  periodMark(s1, russianSubject, '2025-10-26T09:00:00Z');

  const [p1, p2, p3] = parents as [Person, Person, Person];
  const thread = (subject: string, people: Person[], messages: [Person, string][]) => {
    const t = em.create(MessageThread, { school, subject, createdBy: messages[0]![0] });
    em.persist(t);
    for (const who of people) {
      em.persist(em.create(ThreadParticipant, { school, thread: t, person: who }));
    }
    for (const [author, sentAt] of messages) {
      em.persist(em.create(Message, { school, thread: t, author, body: '…', sentAt: at(sentAt) }));
    }
    return t;
  };
  const threads = {
    // Answered after 10 days: the deadline (9 Oct) passed in the range.
    late: thread(
      'Оценка за контрольную',
      [p1, t1],
      [
        [p1, '2025-10-02T10:00:00Z'],
        [t1, '2025-10-12T10:00:00Z'],
      ],
    ),
    // Two messages in a run, never answered: one request, due 27 Oct.
    waiting: thread(
      'Домашнее задание',
      [p2, t2],
      [
        [p2, '2025-10-20T10:00:00Z'],
        [p2, '2025-10-22T10:00:00Z'],
      ],
    ),
    // Unanswered, but due only on 5 November.
    recent: thread('Экскурсия', [p3, t1], [[p3, '2025-10-29T10:00:00Z']]),
    // Answered in two days.
    answered: thread(
      'Пропуск',
      [p1, t2],
      [
        [p1, '2025-10-03T10:00:00Z'],
        [t2, '2025-10-05T10:00:00Z'],
      ],
    ),
  };

  const audit = (actor: Person, action: string, occurredAt: string, schoolId: string | null) =>
    em.persist(
      em.create(AuditEvent, {
        schoolId,
        actorId: actor.id,
        entityType: action === 'signIn' ? 'Session' : 'Mark',
        entityId: actor.id,
        action,
        occurredAt: at(occurredAt),
      }),
    );
  audit(s1, 'signIn', '2025-10-05T12:00:00Z', null);
  audit(p1, 'signIn', '2025-10-10T12:00:00Z', null);
  audit(p2, 'signIn', '2025-09-30T12:00:00Z', null); // before the range
  audit(s3, 'signIn', '2025-10-31T20:00:00Z', null); // 23:00 on 31 Oct in Moscow: in
  audit(p3, 'signIn', '2025-10-31T21:30:00Z', null); // 00:30 on 1 Nov in Moscow: out
  audit(t1, 'signIn', '2025-10-01T05:00:00Z', null);
  audit(t1, 'signIn', '2025-10-15T05:00:00Z', null);
  audit(deputy, 'signIn', '2025-10-02T05:00:00Z', null);
  audit(t1, 'create', '2025-10-06T10:00:00Z', school.id);
  audit(t1, 'create', '2025-10-07T09:00:00Z', school.id);
  audit(t1, 'update', '2025-10-20T10:00:00Z', school.id);
  audit(t2, 'update', '2025-10-07T08:00:00Z', school.id);
  audit(deputy, 'create', '2025-11-02T08:00:00Z', school.id); // November
  await em.flush();

  const tokens = {
    deputy: await sessionFor(em, deputy),
    t1: await sessionFor(em, t1),
    t2: await sessionFor(em, t2),
    student: await sessionFor(em, s1),
    parent: await sessionFor(em, p1),
    clerk: await sessionFor(em, clerk),
  };
  return {
    school,
    class5a,
    class6b,
    deputy,
    t1,
    t2,
    students,
    parents,
    math,
    russian,
    math6,
    lessons,
    threads,
    periodId: q1.id,
    tokens,
  };
}
