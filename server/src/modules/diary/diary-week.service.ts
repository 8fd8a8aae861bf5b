import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { Attendance } from '../journal/attendance.entity.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { isoDateInput } from '../journal/text-inputs.js';
import { BellTime } from '../timetable/bell-time.entity.js';
import { TimetableChange } from '../timetable/timetable-change.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import { weekEntries, weekOf, isoWeekday, type PageDay } from './diary-timetable.js';
import { reachParam, requireReach } from './diary.service.js';
import type { DiaryDay, DiaryLesson, DiaryMark, DiaryWeek } from './diary.types.js';

interface PageRow {
  day: string;
  school_class_id: string;
  school_id: string;
  assignment_id: string | null;
  subject_id: string | null;
  teacher_id: string | null;
  current: boolean;
  in_term: boolean;
}

/**
 * For each day of the week: the class the student was in (enrolments are half-open, so a move on
 * day D shows the new class from D on) and the journal pages reaching them that day — the whole
 * class, their subgroup, or them alone (R-YEAR-2, R-YEAR-5). Days outside the viewer's reach are
 * left out. A day is "in term" inside a reporting period of the class's grade level (or, when
 * the school defined none, inside the school year): the timetable does not run in the holidays.
 */
async function pagesOfWeek(
  em: EntityManager,
  studentId: string,
  monday: string,
  sunday: string,
  classes: string | null,
): Promise<PageRow[]> {
  return em.getConnection().execute<PageRow[]>(
    `select to_char(d.day, 'YYYY-MM-DD') as day, c.id as school_class_id, c.school_id,
            a.id as assignment_id, a.subject_id, a.teacher_id,
            coalesce((a.starts_on is null or a.starts_on <= d.day)
                     and (a.ends_on is null or a.ends_on > d.day), false) as current,
            d.day between y.starts_on and y.ends_on
              and (exists (select 1 from reporting_period p
                            where p.year_id = c.year_id and p.kind <> 'YEAR'
                              and c.grade_level = any(p.grade_levels)
                              and d.day between p.starts_on and p.ends_on)
                   or not exists (select 1 from reporting_period p
                                   where p.year_id = c.year_id and p.kind <> 'YEAR'
                                     and c.grade_level = any(p.grade_levels))) as in_term
       from (select g::date as day from generate_series(?::date, ?::date, interval '1 day') g) d
       join enrolment e
         on e.student_id = ? and e.starts_on <= d.day and (e.ends_on is null or e.ends_on > d.day)
       join school_class c on c.id = e.school_class_id
       join academic_year y on y.id = c.year_id
       left join teaching_assignment a
         on a.school_class_id = c.id
        and (a.individual_student_id is null or a.individual_student_id = e.student_id)
        and (a.subgroup_id is null or exists (
              select 1 from subgroup_membership m
               where m.subgroup_id = a.subgroup_id and m.student_id = e.student_id
                 and m.starts_on <= d.day and (m.ends_on is null or m.ends_on > d.day)))
      where (?::uuid[] is null or c.id = any(?::uuid[]))`,
    [monday, sunday, studentId, classes, classes],
  );
}

const hhmm = (time: string | undefined) => (time ? time.slice(0, 5) : null);

/**
 * One week of a student's diary (R-DRY-2): the timetable with the week's published changes, the
 * lessons as recorded, homework, and the student's OWN marks and attendance — never a classmate's.
 * A constant number of SQL statements, however many lessons the week has.
 */
export async function readDiaryWeek(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
  weekOfInput: string,
): Promise<DiaryWeek> {
  const { monday, sunday, days } = weekOf(isoDateInput(weekOfInput, 'weekOf'));
  const { studentId, reach } = await requireReach(em, viewer, studentIdInput);
  const rows = await pagesOfWeek(em, studentId, monday, sunday, reachParam(reach));

  const assignmentIds = [
    ...new Set(rows.map((r) => r.assignment_id).filter((id): id is string => id !== null)),
  ];
  const [slots, changes, lessons] =
    assignmentIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          em.find(TimetableSlot, {
            assignment: { $in: assignmentIds },
            validFrom: { $lte: sunday },
            $or: [{ validTo: null }, { validTo: { $gt: monday } }],
          }),
          em.find(TimetableChange, {
            assignment: { $in: assignmentIds },
            date: { $gte: monday, $lte: sunday },
            // Drafts are for staff planning; the diary shows what was published (R-YEAR-4).
            publishedAt: { $ne: null },
          }),
          em.find(Lesson, {
            assignment: { $in: assignmentIds },
            date: { $gte: monday, $lte: sunday },
          }),
        ]);

  const pages: PageDay[] = rows
    .filter((r) => r.assignment_id !== null)
    .map((r) => ({
      day: r.day,
      assignmentId: r.assignment_id!,
      current: r.current,
      inTerm: r.in_term,
    }));
  const entries = weekEntries(
    pages,
    slots.map((s) => ({
      id: s.id,
      assignmentId: s.assignment.id,
      weekday: s.weekday,
      lessonNumber: s.lessonNumber,
      room: s.room ?? null,
      validFrom: s.validFrom,
      validTo: s.validTo ?? null,
    })),
    changes.map((c) => ({
      id: c.id,
      date: c.date,
      kind: c.kind,
      slotId: c.slot?.id ?? null,
      assignmentId: c.assignment.id,
      lessonNumber: c.lessonNumber,
      substituteTeacherId: c.substituteTeacher?.id ?? null,
      room: c.room ?? null,
      note: c.note ?? null,
    })),
    lessons.map((l) => ({
      id: l.id,
      assignmentId: l.assignment.id,
      date: l.date,
      lessonNumber: l.lessonNumber ?? null,
      status: l.status,
      topic: l.topic ?? null,
      conductingTeacherId: l.conductingTeacher.id,
      workTypeId: l.workType?.id ?? null,
    })),
  );

  const lessonIds = entries.map((e) => e.lessonId).filter((id): id is string => id !== null);
  const schoolIds = [...new Set(rows.map((r) => r.school_id))];
  const [marks, attendance, bells] = await Promise.all([
    lessonIds.length === 0
      ? []
      : em.find(
          Mark,
          { student: studentId, lesson: { $in: lessonIds } },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        ),
    lessonIds.length === 0
      ? []
      : em.find(Attendance, { student: studentId, lesson: { $in: lessonIds } }),
    schoolIds.length === 0 ? [] : em.find(BellTime, { school: { $in: schoolIds } }),
  ]);

  const page = new Map(rows.map((r) => [r.assignment_id, r]));
  const classOn = new Map(rows.map((r) => [r.day, r]));
  const bell = new Map(bells.map((b) => [`${b.school.id}|${b.lessonNumber}`, b]));
  const absence = new Map(attendance.map((a) => [a.lesson.id, a]));
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const marksOf = new Map<string, DiaryMark[]>();
  for (const m of marks) {
    const lesson = lessonById.get(m.lesson.id)!;
    const list = marksOf.get(lesson.id) ?? [];
    list.push(diaryMark(m, lesson));
    marksOf.set(lesson.id, list);
  }

  const byDay = new Map<string, DiaryLesson[]>(days.map((d) => [d, []]));
  for (const e of entries) {
    const p = page.get(e.assignmentId)!;
    const time = e.lessonNumber === null ? undefined : bell.get(`${p.school_id}|${e.lessonNumber}`);
    byDay.get(e.date)?.push({
      date: e.date,
      lessonNumber: e.lessonNumber,
      startsAt: hhmm(time?.startsAt),
      endsAt: hhmm(time?.endsAt),
      room: e.room,
      status: e.status,
      change: e.change,
      changeNote: e.changeNote,
      lessonId: e.lessonId,
      topic: e.topic,
      marks: e.lessonId ? (marksOf.get(e.lessonId) ?? []) : [],
      attendance: e.lessonId ? (absence.get(e.lessonId) ?? null) : null,
      subjectId: p.subject_id!,
      teacherId: e.teacherId ?? p.teacher_id!,
      workTypeId: e.workTypeId,
    });
  }

  return {
    studentId,
    startsOn: monday,
    endsOn: sunday,
    days: days.map((date): DiaryDay => ({
      date,
      weekday: isoWeekday(date),
      schoolClassId: classOn.get(date)?.school_class_id ?? null,
      lessons: byDay.get(date) ?? [],
    })),
  };
}

/** A mark as the diary shows it: its own work type, or else the lesson's (R-JRN-3). */
export function diaryMark(
  m: Mark,
  lesson: { id: string; date: string; workType?: { id: string } | null },
): DiaryMark {
  return {
    id: m.id,
    lessonId: lesson.id,
    date: lesson.date,
    value: m.value,
    weight: m.weight,
    comment: m.comment ?? null,
    workTypeId: m.workType?.id ?? lesson.workType?.id ?? null,
    numericValue: m.numericValue,
  };
}
