// The --quick school (4 classes: 5А, 6А, 7А, 8А), built in memory: its structure counted by hand
// from plan.ts, and the same rows on every build.
import { describe, expect, it } from 'vitest';
import { buildSchool, termDays } from './school.js';

const quick = () =>
  buildSchool({ seed: 7, index: 1, classes: 4, passwordHash: 'x', withLogins: true });

const count = (b: ReturnType<typeof quick>, table: Parameters<typeof b.tables.get>[0]) =>
  b.tables.get(table)!.length;

describe('bench school generator', () => {
  const built = quick();
  // A build takes a second or two; more on a busy machine.

  it('builds 4 classes of 25 students, each enrolled once', () => {
    expect(count(built, 'school_class')).toBe(4);
    const students = built.tables.get('role_assignment')!.filter((r) => r.role === 'STUDENT');
    expect(students).toHaveLength(100);
    // No parallel class in the quick school, so nobody moves: one enrolment each.
    expect(count(built, 'enrolment')).toBe(100);
  });

  it('plans the curriculum, pages and timetable of grades 5–8', () => {
    // Subjects: grade 5 has 9, grade 6 10, grade 7 12, grade 8 13; English is split in two.
    expect(count(built, 'curriculum_item')).toBe(44);
    expect(count(built, 'subgroup')).toBe(8);
    expect(count(built, 'subgroup_membership')).toBe(100);
    expect(count(built, 'teaching_assignment')).toBe(48);
    // Weekly page-hours: 28 + 31 + 33 + 34 (the two English groups count separately).
    expect(count(built, 'timetable_slot')).toBe(126);
    expect(count(built, 'planned_topic')).toBe(126 * 34);
  });

  it('keeps a whole year: 4 quarters and the year, 169 school days', () => {
    expect(count(built, 'reporting_period')).toBe(5);
    expect(termDays()).toHaveLength(169);
    expect(count(built, 'lesson')).toBeGreaterThan(126 * 33);
    expect(count(built, 'lesson')).toBeLessThan(126 * 35);
  });

  it('gives the runner its accounts and the page of 5А maths', () => {
    const logins = built.tables
      .get('person')!
      .map((p) => p.login)
      .filter(Boolean)
      .sort();
    expect(logins).toEqual([
      'bench-admin',
      'bench-clerk',
      'bench-deputy',
      'bench-director',
      'bench-parent',
      'bench-student',
      'bench-teacher',
    ]);
    const page = built.tables
      .get('teaching_assignment')!
      .find((a) => a.id === built.context.assignmentId)!;
    expect(page.teacher_id).toBe(built.context.teacherId);
    expect(page.school_class_id).toBe(built.context.schoolClassId);
  });

  it('produces the same rows on every build (seeded)', () => {
    const again = quick();
    for (const table of ['person', 'lesson', 'mark', 'attendance', 'period_mark'] as const) {
      expect(JSON.stringify(again.tables.get(table))).toBe(JSON.stringify(built.tables.get(table)));
    }
  }, 60_000);
});
