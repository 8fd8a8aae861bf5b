import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import type { DiaryReach } from '../../auth/access.js';
import { Attendance } from '../journal/attendance.entity.js';
import { Homework } from '../journal/homework.entity.js';
import { isoDateInput } from '../journal/text-inputs.js';
import { AnnouncementAudience } from '../messages/announcement.entity.js';
import { Person } from '../people/person.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Subject } from '../year/subject.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { byId, entitiesOf, groupBy, personJson } from './diary-rows.js';
import {
  weekEntries,
  weekOf,
  isoWeekday,
  type ChangeRow,
  type LessonRow,
  type PageDay,
  type SlotRow,
} from './diary-timetable.js';
import { reachParam, requireReach } from './diary.service.js';
import type { DiaryDay, DiaryLesson, DiaryMark, DiaryWeek } from './diary.types.js';

/** A journal page reaching the student on a day (`PageDay`), with what the week shows of it. */
interface PageRow extends PageDay {
  schoolClassId: string;
  schoolId: string;
  assignmentId: string;
  subjectId: string;
  teacherId: string;
}

type Json = Record<string, unknown>;

/** The week in one row: a JSON array per kind, keyed as the interfaces (null when empty). */
interface WeekRow {
  /** The class of each day the student is in a class within reach. */
  days: { day: string; schoolClassId: string }[] | null;
  pages: PageRow[] | null;
  slots: SlotRow[] | null;
  changes: ChangeRow[] | null;
  lessons: LessonRow[] | null;
  marks: MarkRow[] | null;
  bells: { schoolId: string; lessonNumber: number; startsAt: string; endsAt: string }[] | null;
  attendance: Json[] | null;
  homework: Json[] | null;
  subjects: Json[] | null;
  work_types: Json[] | null;
  classes: Json[] | null;
  people: Json[] | null;
  announcements: AnnouncementRow[] | null;
}

interface MarkRow {
  id: string;
  lessonId: string;
  value: string;
  numericValue: number;
  weight: number;
  comment: string | null;
  workTypeId: string | null;
}

interface AnnouncementRow {
  id: string;
  schoolClassId: string;
  title: string;
  body: string;
  audience: AnnouncementAudience;
  authorId: string;
  publishedAt: string;
}

/**
 * Everything a diary week shows, in one statement.
 *
 * `enrolled`: each day of the week, the class the student was in (enrolments are half-open, so a
 * move on day D shows the new class from D on); days outside the viewer's reach are left out.
 * `pages`: the journal pages reaching the student each day — the whole class, their subgroup, or
 * them alone (R-YEAR-2, R-YEAR-5). A day is "in term" inside a reporting period of the class's
 * grade level (or, when the school defined none, inside the school year): the timetable does not
 * run in the holidays. Then the weekly timetable, the published changes (drafts are for staff
 * planning, R-YEAR-4) and the lessons of those pages that week; the student's OWN marks and
 * attendance at those lessons; homework, bell times, the subjects, people, work types and classes
 * shown; and the week's announcements to those classes for the reader's audiences (R-MSG-2).
 */
const WEEK_SQL = `
with enrolled as (
  select d.day, c.id as "schoolClassId", c.school_id, c.year_id, c.grade_level, e.student_id
    from (select g::date as day from generate_series(?::date, ?::date, interval '1 day') g) d
    join enrolment e
      on e.student_id = ? and e.starts_on <= d.day and (e.ends_on is null or e.ends_on > d.day)
    join school_class c on c.id = e.school_class_id
   where (?::uuid[] is null or c.id = any(?::uuid[]))
), pages as (
  select d.day, d."schoolClassId", d.school_id as "schoolId", a.id as "assignmentId",
         a.subject_id as "subjectId", a.teacher_id as "teacherId",
         (a.starts_on is null or a.starts_on <= d.day)
           and (a.ends_on is null or a.ends_on > d.day) as current,
         d.day between y.starts_on and y.ends_on
           and (exists (select 1 from reporting_period p
                         where p.year_id = d.year_id and p.kind <> 'YEAR'
                           and d.grade_level = any(p.grade_levels)
                           and d.day between p.starts_on and p.ends_on)
                or not exists (select 1 from reporting_period p
                                where p.year_id = d.year_id and p.kind <> 'YEAR'
                                  and d.grade_level = any(p.grade_levels))) as "inTerm"
    from enrolled d
    join academic_year y on y.id = d.year_id
    join teaching_assignment a
      on a.school_class_id = d."schoolClassId"
     and (a.individual_student_id is null or a.individual_student_id = d.student_id)
     and (a.subgroup_id is null or exists (
           select 1 from subgroup_membership m
            where m.subgroup_id = a.subgroup_id and m.student_id = d.student_id
              and m.starts_on <= d.day and (m.ends_on is null or m.ends_on > d.day)))
), lessons as (
  select l.id, l.assignment_id as "assignmentId", l.date, l.lesson_number as "lessonNumber",
         l.status, l.topic, l.conducting_teacher_id as "conductingTeacherId",
         l.work_type_id as "workTypeId"
    from lesson l
   where l.assignment_id in (select "assignmentId" from pages)
     and l.date between ?::date and ?::date
), changes as (
  select t.id, t.date, t.kind, t.slot_id as "slotId", t.assignment_id as "assignmentId",
         t.lesson_number as "lessonNumber", t.substitute_teacher_id as "substituteTeacherId",
         t.room, t.note
    from timetable_change t
   where t.assignment_id in (select "assignmentId" from pages)
     and t.date between ?::date and ?::date and t.published_at is not null
), marks as (
  select m.id, m.lesson_id as "lessonId", m.value, m.numeric_value::float8 as "numericValue",
         m.weight::float8 as weight, m.comment, m.work_type_id as "workTypeId", m.created_at
    from mark m
   where m.student_id = ? and m.lesson_id in (select id from lessons)
), announcements as (
  select a.id, a.school_class_id as "schoolClassId", a.title, a.body, a.audience,
         a.author_id as "authorId", a.published_at as "publishedAt"
    from announcement a join school s on s.id = a.school_id
   where a.school_class_id in (select "schoolClassId" from enrolled)
     and a.published_at is not null and a.audience::text = any(?::text[])
     and (a.published_at at time zone s.time_zone)::date between ?::date and ?::date
)
select
  (select json_agg(json_build_object('day', d.day, 'schoolClassId', d."schoolClassId"))
     from enrolled d) as days,
  (select json_agg(p) from pages p) as pages,
  (select json_agg(s) from (
     select s.id, s.assignment_id as "assignmentId", s.weekday, s.lesson_number as "lessonNumber",
            s.room, s.valid_from as "validFrom", s.valid_to as "validTo"
       from timetable_slot s
      where s.assignment_id in (select "assignmentId" from pages)
        and s.valid_from <= ?::date and (s.valid_to is null or s.valid_to > ?::date)) s) as slots,
  (select json_agg(t) from changes t) as changes,
  (select json_agg(l) from lessons l) as lessons,
  (select json_agg(m order by m.created_at, m.id) from marks m) as marks,
  (select json_agg(b) from (
     select b.school_id as "schoolId", b.lesson_number as "lessonNumber",
            b.starts_at as "startsAt", b.ends_at as "endsAt"
       from bell_time b where b.school_id in (select school_id from enrolled)) b) as bells,
  (select json_agg(to_jsonb(a)) from attendance a
    where a.student_id = ? and a.lesson_id in (select id from lessons)) as attendance,
  (select json_agg(to_jsonb(h) order by h.created_at, h.id) from homework h
    where h.lesson_id in (select id from lessons)) as homework,
  (select json_agg(to_jsonb(s)) from subject s
    where s.id in (select "subjectId" from pages)) as subjects,
  (select json_agg(to_jsonb(w)) from work_type w
    where w.id in (select "workTypeId" from lessons
                   union select "workTypeId" from marks)) as work_types,
  (select json_agg(to_jsonb(c)) from school_class c
    where c.id in (select "schoolClassId" from enrolled)) as classes,
  (select json_agg(${personJson('p')}) from person p
    where p.id in (select ?::uuid union select "teacherId" from pages
                   union select "substituteTeacherId" from changes
                   union select "conductingTeacherId" from lessons
                   union select "authorId" from announcements)) as people,
  (select json_agg(a order by a."publishedAt" desc, a.id desc) from announcements a)
    as announcements`;

const hhmm = (time: string | undefined) => (time ? time.slice(0, 5) : null);

/**
 * Which announcements the reader of a diary sees (R-MSG-2): the student those for students, a
 * guardian (the only other whole-study reach, see `diaryReach`) those for parents, staff all.
 */
function audiencesOf(viewer: Viewer, studentId: string, reach: DiaryReach): AnnouncementAudience[] {
  if (viewer.personId === studentId) {
    return [AnnouncementAudience.STUDENTS, AnnouncementAudience.BOTH];
  }
  if (reach.whole) {
    return [AnnouncementAudience.PARENTS, AnnouncementAudience.BOTH];
  }
  return Object.values(AnnouncementAudience);
}

/**
 * One week of a student's diary (R-DRY-2): the timetable with the week's published changes, the
 * lessons as recorded, homework, and the student's OWN marks and attendance — never a classmate's.
 * Two SQL statements (the viewer's reach, then the week), however many lessons the week has.
 */
export async function readDiaryWeek(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
  weekOfInput: string,
): Promise<DiaryWeek> {
  const { monday, sunday, days } = weekOf(isoDateInput(weekOfInput, 'weekOf'));
  const { studentId, reach } = await requireReach(em, viewer, studentIdInput);
  const classes = reachParam(reach);
  const audiences = `{${audiencesOf(viewer, studentId, reach).join(',')}}`;
  const [week] = await em.execute<WeekRow[]>(WEEK_SQL, [
    monday,
    sunday,
    studentId,
    classes,
    classes,
    monday,
    sunday,
    monday,
    sunday,
    studentId,
    audiences,
    monday,
    sunday,
    sunday,
    monday,
    studentId,
    studentId,
  ]);
  const pages = week!.pages ?? [];
  const lessons = week!.lessons ?? [];
  const entries = weekEntries(pages, week!.slots ?? [], week!.changes ?? [], lessons);

  const subjects = byId(entitiesOf(em, Subject, week!.subjects));
  const people = byId(entitiesOf(em, Person, week!.people));
  const workTypes = byId(entitiesOf(em, WorkType, week!.work_types));
  const schoolClasses = byId(entitiesOf(em, SchoolClass, week!.classes));
  const workType = (id: string | null) => (id ? (workTypes.get(id) ?? null) : null);
  const absence = new Map(
    entitiesOf(em, Attendance, week!.attendance).map((a) => [a.lesson.id, a]),
  );
  const homeworkOf = groupBy(entitiesOf(em, Homework, week!.homework), (h) => h.lesson.id);
  const bell = new Map((week!.bells ?? []).map((b) => [`${b.schoolId}|${b.lessonNumber}`, b]));
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const marksOf = groupBy(
    (week!.marks ?? []).map((m): DiaryMark => {
      const lesson = lessonById.get(m.lessonId)!;
      return {
        id: m.id,
        lessonId: m.lessonId,
        date: lesson.date,
        value: m.value,
        weight: m.weight,
        comment: m.comment,
        // Its own work type, or else the lesson's (R-JRN-3).
        workType: workType(m.workTypeId ?? lesson.workTypeId),
        numericValue: m.numericValue,
      };
    }),
    (m) => m.lessonId,
  );

  const page = new Map(pages.map((r) => [r.assignmentId, r]));
  const byDay = new Map<string, DiaryLesson[]>(days.map((d) => [d, []]));
  for (const e of entries) {
    const p = page.get(e.assignmentId)!;
    const time = e.lessonNumber === null ? undefined : bell.get(`${p.schoolId}|${e.lessonNumber}`);
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
      marks: (e.lessonId && marksOf.get(e.lessonId)) || [],
      attendance: (e.lessonId && absence.get(e.lessonId)) || null,
      homework: (e.lessonId && homeworkOf.get(e.lessonId)) || [],
      subject: subjects.get(p.subjectId)!,
      teacher: people.get(e.teacherId ?? p.teacherId)!,
      workType: workType(e.workTypeId),
    });
  }

  const classOn = new Map((week!.days ?? []).map((d) => [d.day, d.schoolClassId]));
  return {
    startsOn: monday,
    endsOn: sunday,
    student: people.get(studentId)!,
    days: days.map((date): DiaryDay => {
      const classId = classOn.get(date);
      return {
        date,
        weekday: isoWeekday(date),
        schoolClass: classId ? schoolClasses.get(classId)! : null,
        lessons: byDay.get(date) ?? [],
      };
    }),
    announcements: (week!.announcements ?? []).map((a) => ({
      id: a.id,
      schoolClassId: a.schoolClassId,
      title: a.title,
      body: a.body,
      audience: a.audience,
      author: people.get(a.authorId)!,
      publishedAt: new Date(a.publishedAt),
    })),
  };
}
