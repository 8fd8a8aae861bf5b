// R-DATA-2: after a year is closed, the writes around its journals — curriculum, planned topics,
// subgroups and the timetable — are refused like the journal writes, with `year.closed`, and
// nothing is written (no audit event either).
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedYearFixture, type ClosedYearFixture } from '../../../test/factories/year-end.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import { CurriculumItem } from '../year/curriculum-item.entity.js';
import { PlannedTopic } from '../year/planned-topic.entity.js';
import { SubgroupMembership } from '../year/subgroup-membership.entity.js';
import { Subgroup } from '../year/subgroup.entity.js';

let app: TestApp;
let em: EntityManager;
let f: ClosedYearFixture;
let subgroupId: string;
let slotId: string;

const first = <T>(r: GqlResult<T>): T => {
  if (r.errors?.length || !r.data) {
    throw new Error(`setup failed: ${JSON.stringify(r.errors)}`);
  }
  return r.data;
};
const messageOf = (r: GqlResult<unknown>) => r.errors?.[0]?.message;
const auditCount = () => em.fork().count(AuditEvent, { schoolId: f.school.id });
const run = (name: string, type: string, input: Record<string, unknown>, token: string) =>
  gql(
    app.url,
    `mutation($input: ${type}!) { ${name}(input: $input) { __typename } }`,
    { input },
    {
      token,
    },
  );

/** The refusal every closed-year write answers: BAD_USER_INPUT on the field, `year.closed`'s text. */
async function expectClosed(r: GqlResult<unknown>, field: string) {
  expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  expect(r.errors?.[0]?.extensions?.['field']).toBe(field);
  expect(messageOf(r)).toBe(closedText);
}
let closedText: string;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  f = await closedYearFixture(em, app.url, { close: false });
  // Before closing: a subgroup with the first student, a timetable slot and a plan of one topic.
  const created = first(
    await gql<{ createSubgroup: { id: string } }>(
      app.url,
      `mutation($input: CreateSubgroupInput!) { createSubgroup(input: $input) { id } }`,
      {
        input: {
          schoolClassId: f.assignment.schoolClass.id,
          subjectId: f.assignment.subject.id,
          name: '1 группа',
          from: '2025-09-01',
          studentIds: [f.students[0]!.id],
        },
      },
      { token: f.token.director },
    ),
  );
  subgroupId = created.createSubgroup.id;
  const slot = first(
    await gql<{ createTimetableSlot: { id: string } }>(
      app.url,
      `mutation($input: CreateTimetableSlotInput!) { createTimetableSlot(input: $input) { id } }`,
      { input: { assignmentId: f.assignment.id, weekday: 2, lessonNumber: 1 } },
      { token: f.token.director },
    ),
  );
  slotId = slot.createTimetableSlot.id;
  first(
    await run(
      'setPlannedTopics',
      'SetPlannedTopicsInput',
      { assignmentId: f.assignment.id, topics: [{ title: 'Натуральные числа', plannedHours: 2 }] },
      f.token.teacher,
    ),
  );
  first(
    await gql(
      app.url,
      `mutation($input: CloseAcademicYearInput!) { closeAcademicYear(input: $input) { id } }`,
      { input: { yearId: f.year.id } },
      { token: f.token.director },
    ),
  );
  // The text of `year.closed` as the journal writes already answer it (ru, the default locale).
  const journal = await gql(
    app.url,
    `mutation($input: SetMarksInput!) { setMarks(input: $input) { marks { id } } }`,
    { input: { lessonId: f.lessons[0]!.id, add: [{ studentId: f.students[0]!.id, value: '5' }] } },
    { token: f.token.teacher },
  );
  expect(codes(journal)).toEqual(['BAD_USER_INPUT']);
  closedText = messageOf(journal) ?? '';
  expect(closedText).not.toBe('');
});
afterAll(() => app?.close());

describe("a closed year's surroundings are final (R-DATA-2)", () => {
  it('R-DATA-2: setCurriculum of a class of a closed year is refused', async () => {
    const before = await auditCount();
    const r = await run(
      'setCurriculum',
      'SetCurriculumInput',
      {
        schoolClassId: f.assignment.schoolClass.id,
        items: [{ subjectId: f.assignment.subject.id, plannedLessons: 34 }],
      },
      f.token.director,
    );
    await expectClosed(r, 'schoolClassId');
    expect(
      await em.fork().count(CurriculumItem, { schoolClass: f.assignment.schoolClass.id }),
    ).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('R-DATA-2: planned topics of a closed year are neither edited nor imported, by teacher or director', async () => {
    const before = await auditCount();
    for (const token of [f.token.teacher, f.token.director]) {
      await expectClosed(
        await run(
          'setPlannedTopics',
          'SetPlannedTopicsInput',
          { assignmentId: f.assignment.id, topics: [{ title: 'Другое', plannedHours: 1 }] },
          token,
        ),
        'assignmentId',
      );
      await expectClosed(
        await run(
          'importPlannedTopics',
          'ImportPlannedTopicsInput',
          {
            assignmentId: f.assignment.id,
            format: 'CSV',
            dryRun: false,
            fileBase64: Buffer.from('Тема;Часы\nДроби;3\n').toString('base64'),
          },
          token,
        ),
        'assignmentId',
      );
    }
    const topics = await em.fork().find(PlannedTopic, { assignment: f.assignment.id });
    expect(topics.map((t) => t.title)).toEqual(['Натуральные числа']);
    expect(await auditCount()).toBe(before);
  });

  it('R-DATA-2: subgroups of a closed year are neither created, refilled nor moved between', async () => {
    const before = await auditCount();
    await expectClosed(
      await run(
        'createSubgroup',
        'CreateSubgroupInput',
        {
          schoolClassId: f.assignment.schoolClass.id,
          subjectId: f.assignment.subject.id,
          name: '2 группа',
          from: '2025-10-01',
        },
        f.token.director,
      ),
      'schoolClassId',
    );
    await expectClosed(
      await run(
        'setSubgroupMembers',
        'SetSubgroupMembersInput',
        { subgroupId, from: '2025-10-01', studentIds: [f.students[1]!.id] },
        f.token.director,
      ),
      'subgroupId',
    );
    await expectClosed(
      await run(
        'moveToSubgroup',
        'MoveToSubgroupInput',
        { subgroupId, from: '2025-10-01', studentId: f.students[1]!.id },
        f.token.director,
      ),
      'subgroupId',
    );
    const fresh = em.fork();
    expect(await fresh.count(Subgroup, { schoolClass: f.assignment.schoolClass.id })).toBe(1);
    const members = await fresh.find(SubgroupMembership, { subgroup: subgroupId });
    expect(members.map((m) => [m.student.id, m.endsOn ?? null])).toEqual([
      [f.students[0]!.id, null],
    ]);
    expect(await auditCount()).toBe(before);
  });

  it('R-DATA-2: the timetable of a closed year takes no new, changed or ended slots, nor changes', async () => {
    const before = await auditCount();
    await expectClosed(
      await run(
        'createTimetableSlot',
        'CreateTimetableSlotInput',
        { assignmentId: f.assignment.id, weekday: 4, lessonNumber: 2 },
        f.token.director,
      ),
      'assignmentId',
    );
    await expectClosed(
      await run(
        'updateTimetableSlot',
        'UpdateTimetableSlotInput',
        { slotId, from: '2025-10-01', lessonNumber: 3 },
        f.token.director,
      ),
      'slotId',
    );
    await expectClosed(
      await run(
        'endTimetableSlot',
        'EndTimetableSlotInput',
        { slotId, from: '2025-10-01' },
        f.token.director,
      ),
      'slotId',
    );
    await expectClosed(
      await run(
        'publishTimetableChange',
        'PublishTimetableChangeInput',
        { slotId, date: '2025-09-16', kind: 'CANCELLED' },
        f.token.director,
      ),
      'slotId',
    );
    const slots = await em.fork().find(TimetableSlot, { assignment: f.assignment.id });
    expect(slots.map((s) => [s.id, s.weekday, s.lessonNumber, s.validTo ?? null])).toEqual([
      [slotId, 2, 1, null],
    ]);
    expect(await auditCount()).toBe(before);
  });
});
