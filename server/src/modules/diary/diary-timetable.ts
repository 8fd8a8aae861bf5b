import { assertUnreachable } from '../../core/errors.js';
import { LessonStatus } from '../journal/lesson.entity.js';
import { TimetableChangeKind } from '../timetable/timetable-change.entity.js';

/**
 * Timetable arithmetic for one student's week, free of the database: which lessons the weekly
 * timetable promises, what the published changes do to them, and how recorded lessons take over
 * (R-YEAR-4, R-DRY-2). Dates are `YYYY-MM-DD`; weekdays are ISO (1 Monday … 7 Sunday).
 */

/** A journal page (teaching assignment) that reaches the student on one day. */
export interface PageDay {
  day: string;
  assignmentId: string;
  /** The page's teacher keeps it that day (assignment validity, half-open). */
  current: boolean;
  /** A school day of a reporting period: the weekly timetable does not run in the holidays. */
  inTerm: boolean;
}

export interface SlotRow {
  id: string;
  assignmentId: string;
  weekday: number;
  lessonNumber: number;
  room: string | null;
  validFrom: string;
  /** Exclusive; null: to the end of the year. */
  validTo: string | null;
}

export interface ChangeRow {
  id: string;
  date: string;
  kind: TimetableChangeKind;
  slotId: string | null;
  assignmentId: string;
  lessonNumber: number;
  substituteTeacherId: string | null;
  room: string | null;
  note: string | null;
}

export interface LessonRow {
  id: string;
  assignmentId: string;
  date: string;
  lessonNumber: number | null;
  status: LessonStatus;
  topic: string | null;
  conductingTeacherId: string;
  workTypeId: string | null;
}

export interface WeekEntry {
  date: string;
  assignmentId: string;
  lessonNumber: number | null;
  /** Null: the page's own teacher. */
  teacherId: string | null;
  room: string | null;
  status: LessonStatus;
  change: TimetableChangeKind | null;
  changeNote: string | null;
  /** The slot of the weekly timetable the entry comes from, if any. */
  slotId: string | null;
  /** The recorded lesson, once there is one. */
  lessonId: string | null;
  topic: string | null;
  workTypeId: string | null;
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday and Sunday of the ISO week containing `date`. */
export function weekOf(date: string): { monday: string; sunday: string; days: string[] } {
  const monday = addDays(date, 1 - isoWeekday(date));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { monday, sunday: days[6]!, days };
}

const slotRuns = (slot: SlotRow, day: string) =>
  slot.weekday === isoWeekday(day) &&
  slot.validFrom <= day &&
  (slot.validTo === null || slot.validTo > day);

const keyOf = (date: string, assignmentId: string, lessonNumber: number | null, id = '') =>
  `${date}|${assignmentId}|${lessonNumber ?? `-${id}`}`;

/**
 * The week's lessons of the pages in `pages`, in date and lesson-number order:
 * 1. the weekly timetable (slots) on term days while the page's teacher keeps it;
 * 2. published changes of that week on top: cancelled, substitute, another room, moved, added.
 *    A move is read within its ISO week: the slot's regular lesson of that week gives way to the
 *    lesson at the new place (the change row carries only the new place);
 * 3. recorded lessons last: a lesson row is what happened (held, cancelled, topic, who taught);
 *    a row still PLANNED keeps what the timetable says about cancellation.
 * Changes and lessons of pages not reaching the student that day are ignored.
 */
export function weekEntries(
  pages: readonly PageDay[],
  slots: readonly SlotRow[],
  changes: readonly ChangeRow[],
  lessons: readonly LessonRow[],
): WeekEntry[] {
  const reaches = new Map(pages.map((p) => [`${p.day}|${p.assignmentId}`, p]));
  const entries = new Map<string, WeekEntry>();
  const blank = (date: string, assignmentId: string, lessonNumber: number | null): WeekEntry => ({
    date,
    assignmentId,
    lessonNumber,
    teacherId: null,
    room: null,
    status: LessonStatus.PLANNED,
    change: null,
    changeNote: null,
    slotId: null,
    lessonId: null,
    topic: null,
    workTypeId: null,
  });

  for (const page of pages) {
    if (!page.current || !page.inTerm) {
      continue;
    }
    for (const slot of slots) {
      if (slot.assignmentId === page.assignmentId && slotRuns(slot, page.day)) {
        entries.set(keyOf(page.day, page.assignmentId, slot.lessonNumber), {
          ...blank(page.day, page.assignmentId, slot.lessonNumber),
          room: slot.room,
          slotId: slot.id,
        });
      }
    }
  }

  const published = changes.filter((c) => reaches.has(`${c.date}|${c.assignmentId}`));
  // New places first, so that a substitution or room change at a moved lesson finds it.
  const placing = (c: ChangeRow) =>
    c.kind === TimetableChangeKind.MOVED || c.kind === TimetableChangeKind.ADDED ? 0 : 1;
  for (const change of [...published].sort((a, b) => placing(a) - placing(b))) {
    const key = keyOf(change.date, change.assignmentId, change.lessonNumber);
    const applied = { change: change.kind, changeNote: change.note };
    switch (change.kind) {
      case TimetableChangeKind.MOVED:
      case TimetableChangeKind.ADDED: {
        let room = change.room;
        if (change.kind === TimetableChangeKind.MOVED && change.slotId) {
          for (const [k, e] of entries) {
            if (e.slotId === change.slotId && e.change === null) {
              room ??= e.room;
              entries.delete(k);
            }
          }
        }
        entries.set(key, {
          ...blank(change.date, change.assignmentId, change.lessonNumber),
          ...applied,
          room,
          teacherId: change.substituteTeacherId,
          slotId: change.slotId,
        });
        break;
      }
      case TimetableChangeKind.CANCELLED:
      case TimetableChangeKind.SUBSTITUTION:
      case TimetableChangeKind.ROOM_CHANGE: {
        const target =
          entries.get(key) ?? blank(change.date, change.assignmentId, change.lessonNumber);
        entries.set(key, {
          ...target,
          ...applied,
          status:
            change.kind === TimetableChangeKind.CANCELLED ? LessonStatus.CANCELLED : target.status,
          teacherId: change.substituteTeacherId ?? target.teacherId,
          room: change.kind === TimetableChangeKind.ROOM_CHANGE ? change.room : target.room,
        });
        break;
      }
      default:
        assertUnreachable(change.kind);
    }
  }

  for (const lesson of lessons) {
    if (!reaches.has(`${lesson.date}|${lesson.assignmentId}`)) {
      continue;
    }
    const key = keyOf(lesson.date, lesson.assignmentId, lesson.lessonNumber, lesson.id);
    const planned =
      entries.get(key) ?? blank(lesson.date, lesson.assignmentId, lesson.lessonNumber);
    const recorded = lesson.status !== LessonStatus.PLANNED;
    entries.set(key, {
      ...planned,
      status: recorded ? lesson.status : planned.status,
      teacherId: recorded
        ? lesson.conductingTeacherId
        : (planned.teacherId ?? lesson.conductingTeacherId),
      lessonId: lesson.id,
      topic: lesson.topic,
      workTypeId: lesson.workTypeId,
    });
  }

  return [...entries.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.lessonNumber ?? Number.MAX_SAFE_INTEGER) - (b.lessonNumber ?? Number.MAX_SAFE_INTEGER) ||
      a.assignmentId.localeCompare(b.assignmentId) ||
      (a.lessonId ?? '').localeCompare(b.lessonId ?? ''),
  );
}
