import { fail } from '@sveltejs/kit';
import { graphql } from '#lib/graphql/index.ts';
import type { TimetableChangeKind } from '#lib/graphql/graphql.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import {
  apiFor,
  classesOf,
  firstEmpty,
  formAction,
  formValues,
  loadFailed,
  missing,
  optional,
  refused,
  requireAccess,
  teachersOf,
  yearsOf,
} from '../admin.server.ts';
import { fill, isoDate } from '../access.ts';
import type { Actions, PageServerLoad } from './$types';

const TimetableQuery = graphql(`
  query AdminTimetable($schoolClassId: ID!, $weekOf: String!) {
    timetable(schoolClassId: $schoolClassId, weekOf: $weekOf) {
      startsOn
      endsOn
      bellTimes {
        lessonNumber
        startsAt
        endsAt
      }
      days {
        date
        weekday
        lessons {
          date
          lessonNumber
          startsAt
          endsAt
          room
          status
          change
          changeNote
          slotId
          teacher {
            id
            lastName
            firstName
            middleName
          }
          assignment {
            id
            subject {
              id
              name
            }
          }
        }
      }
      slots {
        id
        weekday
        lessonNumber
        room
        validFrom
        validTo
        assignment {
          id
          subject {
            name
          }
          teacher {
            lastName
            firstName
            middleName
          }
        }
      }
      changes {
        id
        date
        kind
        lessonNumber
        room
        note
        assignment {
          subject {
            name
          }
        }
        substituteTeacher {
          lastName
          firstName
          middleName
        }
      }
    }
  }
`);

const ClassPagesQuery = graphql(`
  query AdminClassPages($yearId: ID!, $schoolClassId: ID!) {
    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {
      id
      endsOn
      subject {
        name
      }
      subgroup {
        name
      }
      teacher {
        lastName
        firstName
        middleName
      }
    }
  }
`);

const SetBellTimes = graphql(`
  mutation AdminSetBellTimes($input: SetBellTimesInput!) {
    setBellTimes(input: $input) {
      lessonNumber
    }
  }
`);

const CreateSlot = graphql(`
  mutation AdminCreateSlot($input: CreateTimetableSlotInput!) {
    createTimetableSlot(input: $input) {
      id
    }
  }
`);

const EndSlot = graphql(`
  mutation AdminEndSlot($input: EndTimetableSlotInput!) {
    endTimetableSlot(input: $input) {
      conflicts {
        markCount
        attendanceCount
        homeworkCount
      }
    }
  }
`);

const PublishChange = graphql(`
  mutation AdminPublishChange($input: PublishTimetableChangeInput!) {
    publishTimetableChange(input: $input) {
      change {
        id
      }
      conflicts {
        markCount
        attendanceCount
        homeworkCount
      }
    }
  }
`);

const CHANGE_KINDS: readonly TimetableChangeKind[] = [
  'CANCELLED',
  'SUBSTITUTION',
  'ROOM_CHANGE',
  'MOVED',
  'ADDED',
];

/** Monday of the week of a date (YYYY-MM-DD), as the timetable counts weeks. */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday);
  return isoDate(day);
}

const shift = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return isoDate(day);
};

type Conflict = { markCount: number; attendanceCount: number; homeworkCount: number };

/** What the lessons touched already hold, summed, or null when they hold nothing. */
function conflictNotice(locale: App.Locals['locale'], conflicts: readonly Conflict[]) {
  const sum = conflicts.reduce(
    (acc, c) => ({
      marks: acc.marks + c.markCount,
      absences: acc.absences + c.attendanceCount,
      homework: acc.homework + c.homeworkCount,
    }),
    { marks: 0, absences: 0, homework: 0 },
  );
  return conflicts.length > 0 ? fill(messagesFor(locale).admin.timetable.conflicts, sum) : null;
}

export const load: PageServerLoad = async ({ locals, request, url }) => {
  const scope = requireAccess(locals, (a) => a.readStructure);
  const api = apiFor(locals, request);
  try {
    const { year } = await yearsOf(api, scope.schoolId, url);
    const asked = url.searchParams.get('week');
    const week = mondayOf(asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : isoDate(new Date()));
    const base = {
      year,
      week,
      previous: shift(week, -7),
      next: shift(week, 7),
      changeKinds: CHANGE_KINDS,
    };
    if (!year) {
      return { ...base, classes: [], schoolClass: null, timetable: null, pages: [], teachers: [] };
    }
    const classes = await classesOf(api, year.id);
    const schoolClass =
      classes.find((c) => c.id === url.searchParams.get('class')) ?? classes[0] ?? null;
    if (!schoolClass) {
      return { ...base, classes, schoolClass, timetable: null, pages: [], teachers: [] };
    }
    const write = scope.access.writeStructure;
    const [timetable, pages, teachers] = await Promise.all([
      api
        .query({
          query: TimetableQuery,
          variables: { schoolClassId: schoolClass.id, weekOf: week },
        })
        .then((r) => r.data.timetable),
      write
        ? api
            .query({
              query: ClassPagesQuery,
              variables: { yearId: year.id, schoolClassId: schoolClass.id },
            })
            .then((r) => r.data.teachingAssignments.filter((p) => !p.endsOn || p.endsOn > week))
        : [],
      write ? teachersOf(api, scope.schoolId) : [],
    ]);
    return { ...base, classes, schoolClass, timetable, pages, teachers };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  setBellTimes: async ({ locals, request }) => {
    const scope = requireAccess(locals, (a) => a.writeStructure);
    const values = formValues(await request.formData());
    const times = [];
    for (const line of (values['times'] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const parts = /^(\d{1,2})[\s.)]+(\d{1,2}:\d{2})\s*[-–—\s]\s*(\d{1,2}:\d{2})$/.exec(line);
      if (!parts) {
        return fail(400, {
          action: 'setBellTimes',
          field: 'times',
          error: `${messagesFor(locals.locale).admin.timetable.bellsBad} «${line}»`,
          values,
        });
      }
      const pad = (time: string) => time.padStart(5, '0');
      times.push({
        lessonNumber: Number(parts[1]),
        startsAt: pad(parts[2] ?? ''),
        endsAt: pad(parts[3] ?? ''),
      });
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: SetBellTimes,
        variables: { input: { schoolId: scope.schoolId, times } },
      });
    } catch (thrown) {
      return refused(locals, 'setBellTimes', thrown, values);
    }
    return {
      action: 'setBellTimes',
      notice: messagesFor(locals.locale).admin.timetable.bellsSaved,
    };
  },

  createSlot: formAction({
    name: 'createSlot',
    allowed: (a) => a.writeStructure,
    required: ['assignmentId', 'weekday', 'lessonNumber'],
    run: (api, values) =>
      api.mutate({
        mutation: CreateSlot,
        variables: {
          input: {
            assignmentId: values['assignmentId'] ?? '',
            weekday: Number(values['weekday']),
            lessonNumber: Number(values['lessonNumber']),
            room: optional(values['room']),
            validFrom: optional(values['validFrom']),
          },
        },
      }),
    notice: (t) => t.timetable.slotCreated,
  }),

  endSlot: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.writeStructure);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['from']);
    if (empty) {
      return missing(locals, 'endSlot', empty, values);
    }
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: EndSlot,
        variables: {
          input: {
            slotId: values['_row'] ?? '',
            from: values['from'] ?? '',
            reason: optional(values['reason']),
          },
        },
      });
      const t = messagesFor(locals.locale).admin.timetable;
      const conflicts = conflictNotice(locals.locale, data.endTimetableSlot.conflicts);
      return {
        action: 'endSlot',
        notice: conflicts ? `${t.slotEnded} ${conflicts}` : t.slotEnded,
        values: { _row: values['_row'] ?? '' },
      };
    } catch (thrown) {
      return refused(locals, 'endSlot', thrown, values);
    }
  },

  publishChange: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.writeStructure);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['date', 'kind']);
    if (empty) {
      return missing(locals, 'publishChange', empty, values);
    }
    const kind = CHANGE_KINDS.find((k) => k === values['kind']) ?? 'CANCELLED';
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: PublishChange,
        variables: {
          input: {
            date: values['date'] ?? '',
            kind,
            slotId: optional(values['slotId']),
            assignmentId: optional(values['assignmentId']),
            lessonNumber: values['lessonNumber'] ? Number(values['lessonNumber']) : null,
            substituteTeacherId: optional(values['substituteTeacherId']),
            room: optional(values['room']),
            note: optional(values['note']),
          },
        },
      });
      const t = messagesFor(locals.locale).admin.timetable;
      return {
        action: 'publishChange',
        notice: t.published,
        conflicts: conflictNotice(locals.locale, data.publishTimetableChange.conflicts),
      };
    } catch (thrown) {
      return refused(locals, 'publishChange', thrown, values);
    }
  },
};
