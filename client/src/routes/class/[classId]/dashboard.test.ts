import { describe, expect, it } from 'vitest';
import type {
  ClassDashboardEventFieldsFragment,
  ClassDashboardFieldsFragment,
} from '#lib/graphql/graphql.ts';
import { applyDashboardEvent, dashboardState, type DashboardState } from './dashboard.ts';

const DAY = '2026-11-30';
const masha = { id: 's1', lastName: 'Петрова', firstName: 'Маша' };
const ivan = { id: 's2', lastName: 'Соколов', firstName: 'Иван' };
const maths = { id: 'subj-m', name: 'Математика' };

const loaded: ClassDashboardFieldsFragment = {
  date: DAY,
  unreadFromParents: 1,
  absences: [
    {
      id: 'a1',
      lessonId: 'l1',
      studentId: masha.id,
      status: 'ABSENT',
      minutesLate: null,
      reason: null,
      student: masha,
      lesson: { id: 'l1', lessonNumber: 1, assignmentId: 'page-m' },
    },
  ],
  marks: [
    {
      id: 'm1',
      value: '2',
      lessonId: 'l1',
      studentId: ivan.id,
      student: ivan,
      lesson: { id: 'l1', lessonNumber: 1, assignmentId: 'page-m' },
    },
  ],
  lowMarks: [{ id: 'm1' }],
  lessonsMissingRecords: [
    { id: 'l1', assignmentId: 'page-m', lessonNumber: 1, topic: 'Дроби', homework: [] },
  ],
};

const state = (): DashboardState => dashboardState(loaded, new Map([['page-m', 'Математика']]));

function journalEvent(
  kind: ClassDashboardEventFieldsFragment['kind'],
  journal: Partial<NonNullable<ClassDashboardEventFieldsFragment['journal']>>,
  extra: Partial<ClassDashboardEventFieldsFragment> = {},
): ClassDashboardEventFieldsFragment {
  return {
    kind,
    date: DAY,
    lowMark: null,
    unreadFromParents: null,
    lesson: null,
    journal: {
      kind: 'ATTENDANCE_SET',
      markId: null,
      lessonId: 'l2',
      studentId: ivan.id,
      value: null,
      attendanceStatus: null,
      minutesLate: null,
      reason: null,
      student: ivan,
      lesson: { id: 'l2', lessonNumber: 2 },
      subject: maths,
      ...journal,
    },
    ...extra,
  };
}

describe('the class dashboard state (issue 6)', () => {
  it('names each row’s subject from the class’s pages and marks the low ones', () => {
    const s = state();
    expect(s.absences).toEqual([
      expect.objectContaining({ studentName: 'Петрова Маша', subject: 'Математика' }),
    ]);
    expect(s.marks).toEqual([expect.objectContaining({ id: 'm1', low: true })]);
    expect(s.missing).toEqual([
      expect.objectContaining({ lessonId: 'l1', hasTopic: true, hasHomework: false }),
    ]);
  });

  it('adds a late, replaces it when changed and drops it when removed', () => {
    let s = applyDashboardEvent(
      state(),
      journalEvent('ATTENDANCE_SET', { attendanceStatus: 'LATE', minutesLate: 5 }),
    );
    expect(s.absences.map((a) => [a.studentName, a.status, a.minutesLate])).toEqual([
      ['Петрова Маша', 'ABSENT', null],
      ['Соколов Иван', 'LATE', 5],
    ]);
    s = applyDashboardEvent(
      s,
      journalEvent('ATTENDANCE_SET', { attendanceStatus: 'ABSENT', reason: 'ILLNESS' }),
    );
    expect(s.absences).toHaveLength(2);
    expect(s.absences[1]).toMatchObject({ status: 'ABSENT', reason: 'ILLNESS' });
    s = applyDashboardEvent(s, journalEvent('ATTENDANCE_REMOVED', {}));
    expect(s.absences.map((a) => a.studentName)).toEqual(['Петрова Маша']);
  });

  it('moves a mark in and out of the low marks, and removes it', () => {
    let s = applyDashboardEvent(
      state(),
      journalEvent(
        'MARK_CHANGED',
        { markId: 'm1', value: '4', lessonId: 'l1' },
        { lowMark: false },
      ),
    );
    expect(s.marks).toEqual([expect.objectContaining({ id: 'm1', value: '4', low: false })]);
    s = applyDashboardEvent(s, journalEvent('MARK_REMOVED', { markId: 'm1' }));
    expect(s.marks).toEqual([]);
  });

  it('drops a lesson once it has its records and takes the unread count as sent', () => {
    let s = applyDashboardEvent(state(), {
      kind: 'LESSON_UPDATED',
      date: DAY,
      lowMark: null,
      unreadFromParents: null,
      journal: null,
      lesson: {
        lessonId: 'l1',
        lessonNumber: 1,
        topic: 'Дроби',
        hasHomework: true,
        missingRecords: false,
        subject: maths,
      },
    });
    expect(s.missing).toEqual([]);
    s = applyDashboardEvent(s, {
      kind: 'PARENT_MESSAGE',
      date: DAY,
      lowMark: null,
      unreadFromParents: 3,
      journal: null,
      lesson: null,
    });
    expect(s.unreadFromParents).toBe(3);
  });

  it('ignores changes of another day, except the unread count', () => {
    const s = applyDashboardEvent(
      state(),
      journalEvent(
        'ATTENDANCE_SET',
        { attendanceStatus: 'ABSENT' },
        { date: '2026-11-27', unreadFromParents: 0 },
      ),
    );
    expect(s.absences).toHaveLength(1);
    expect(s.unreadFromParents).toBe(0);
  });
});
