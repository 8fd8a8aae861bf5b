import { describe, expect, it } from 'vitest';
import { LessonStatus } from '../journal/lesson.entity.js';
import { TimetableChangeKind } from '../timetable/timetable-change.entity.js';
import {
  isoWeekday,
  weekEntries,
  weekOf,
  type ChangeRow,
  type LessonRow,
  type PageDay,
  type SlotRow,
} from './diary-timetable.js';

// The week of Monday 14 September 2026.
const MON = '2026-09-14';
const TUE = '2026-09-15';
const WED = '2026-09-16';

const page = (day: string, assignmentId = 'maths', extra: Partial<PageDay> = {}): PageDay => ({
  day,
  assignmentId,
  current: true,
  inTerm: true,
  ...extra,
});
const slot = (id: string, weekday: number, lessonNumber: number, extra: Partial<SlotRow> = {}) => ({
  id,
  assignmentId: 'maths',
  weekday,
  lessonNumber,
  room: '101',
  validFrom: '2026-09-01',
  validTo: null,
  ...extra,
});
const change = (kind: TimetableChangeKind, date: string, extra: Partial<ChangeRow> = {}) => ({
  id: `${kind}-${date}`,
  date,
  kind,
  slotId: null,
  assignmentId: 'maths',
  lessonNumber: 1,
  substituteTeacherId: null,
  room: null,
  note: null,
  ...extra,
});
const lesson = (date: string, extra: Partial<LessonRow> = {}): LessonRow => ({
  id: `lesson-${date}`,
  assignmentId: 'maths',
  date,
  lessonNumber: 1,
  status: LessonStatus.HELD,
  topic: 'Дроби',
  conductingTeacherId: 'teacher',
  workTypeId: null,
  ...extra,
});
const week = [MON, TUE, WED].map((d) => page(d));

describe('diary week arithmetic', () => {
  it('finds the ISO week of a date, Monday to Sunday', () => {
    expect(weekOf('2026-09-17')).toMatchObject({ monday: MON, sunday: '2026-09-20' });
    expect(weekOf('2026-09-20').monday).toBe(MON);
    expect(weekOf(MON).days).toHaveLength(7);
    expect([isoWeekday(MON), isoWeekday('2026-09-20')]).toEqual([1, 7]);
    // Across a year boundary.
    expect(weekOf('2027-01-01')).toMatchObject({ monday: '2026-12-28', sunday: '2027-01-03' });
  });

  it('R-YEAR-4: the weekly timetable runs on term days while the page is kept', () => {
    const entries = weekEntries(
      [page(MON), page(TUE, 'maths', { inTerm: false }), page(WED, 'maths', { current: false })],
      [slot('s1', 1, 2), slot('s2', 2, 1), slot('s3', 3, 1), slot('old', 1, 3, { validTo: MON })],
      [],
      [],
    );
    expect(entries.map((e) => [e.date, e.lessonNumber, e.status, e.room])).toEqual([
      [MON, 2, LessonStatus.PLANNED, '101'],
    ]);
  });

  it('R-YEAR-4: published changes: cancelled, substitute, room, moved within the week, added', () => {
    const entries = weekEntries(
      week,
      [slot('mon1', 1, 1), slot('tue1', 2, 1), slot('wed1', 3, 1)],
      [
        change(TimetableChangeKind.CANCELLED, MON, { slotId: 'mon1', note: 'Болезнь' }),
        change(TimetableChangeKind.SUBSTITUTION, TUE, { substituteTeacherId: 'sub' }),
        change(TimetableChangeKind.ROOM_CHANGE, TUE, { room: 'Спортзал' }),
        change(TimetableChangeKind.MOVED, MON, { slotId: 'wed1', lessonNumber: 5 }),
        change(TimetableChangeKind.ADDED, WED, { lessonNumber: 7, room: '202' }),
      ],
      [],
    );
    expect(
      entries.map((e) => [e.date, e.lessonNumber, e.status, e.change, e.teacherId, e.room]),
    ).toEqual([
      [MON, 1, LessonStatus.CANCELLED, TimetableChangeKind.CANCELLED, null, '101'],
      [MON, 5, LessonStatus.PLANNED, TimetableChangeKind.MOVED, null, '101'],
      [TUE, 1, LessonStatus.PLANNED, TimetableChangeKind.ROOM_CHANGE, 'sub', 'Спортзал'],
      [WED, 7, LessonStatus.PLANNED, TimetableChangeKind.ADDED, null, '202'],
    ]);
    expect(entries[0]!.changeNote).toBe('Болезнь');
  });

  it('R-JRN-1: a recorded lesson wins over the timetable; one outside it is shown too', () => {
    const entries = weekEntries(
      week,
      [slot('mon1', 1, 1), slot('tue1', 2, 1)],
      [change(TimetableChangeKind.CANCELLED, TUE, { slotId: 'tue1' })],
      [
        lesson(MON, { conductingTeacherId: 'sub' }),
        lesson(TUE, { status: LessonStatus.PLANNED, topic: null }),
        lesson(WED, { lessonNumber: null, status: LessonStatus.CANCELLED }),
        lesson(WED, { id: 'not-mine', assignmentId: 'english' }),
      ],
    );
    expect(entries.map((e) => [e.date, e.lessonNumber, e.status, e.lessonId, e.teacherId])).toEqual(
      [
        [MON, 1, LessonStatus.HELD, `lesson-${MON}`, 'sub'],
        // Recorded as only planned: the published cancellation still shows.
        [TUE, 1, LessonStatus.CANCELLED, `lesson-${TUE}`, 'teacher'],
        [WED, null, LessonStatus.CANCELLED, `lesson-${WED}`, 'teacher'],
      ],
    );
    expect(entries[0]).toMatchObject({ room: '101', topic: 'Дроби' });
  });
});
