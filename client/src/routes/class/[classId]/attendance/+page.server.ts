import { fail } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { AbsenceReason, AttendanceStatus } from '#lib/graphql/graphql.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { isoToday } from '../../classes.server.ts';
import { subjectsByPage } from '../subjects.server.ts';
import type { Actions, PageServerLoad } from './$types';
import { addDays, isIsoDate, mondayOf } from './week.ts';

// A day's absences and lates of the whole class, as the dashboard has them: six small queries
// for a school week instead of one journal page per subject.
const DayAbsencesQuery = graphql(`
  query ClassroomDayAbsences($schoolClassId: ID!, $date: String!) {
    classDashboard(schoolClassId: $schoolClassId, date: $date) {
      date
      absences {
        id
        version
        lessonId
        studentId
        status
        minutesLate
        reason
        correctedAt
        student {
          id
          lastName
          firstName
        }
        lesson {
          id
          lessonNumber
          assignmentId
        }
      }
    }
  }
`);

const CorrectAttendanceMutation = graphql(`
  mutation ClassroomCorrectAttendance($input: CorrectAttendanceInput!) {
    correctAttendance(input: $input) {
      attendance {
        id
        status
        reason
        version
      }
    }
  }
`);

const STATUSES: readonly string[] = ['ABSENT', 'LATE'] satisfies AttendanceStatus[];
const REASONS: readonly string[] = [
  'ILLNESS',
  'EXCUSED',
  'UNEXCUSED',
  'OTHER',
] satisfies AbsenceReason[];

const apiFor = (locals: App.Locals, request: Request) =>
  createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });

export const load: PageServerLoad = async ({ locals, parent, request, url }) => {
  const { schoolClass } = await parent();
  const api = apiFor(locals, request);
  const today = isoToday();
  const asked = url.searchParams.get('week');
  const monday = mondayOf(isIsoDate(asked) ? asked : today);
  // Monday to Saturday; days still ahead have nothing to correct.
  const dates = [0, 1, 2, 3, 4, 5].map((n) => addDays(monday, n)).filter((d) => d <= today);
  const [days, subjects] = await Promise.all([
    Promise.all(
      dates.map(async (date) => {
        const { data } = await api.query({
          query: DayAbsencesQuery,
          variables: { schoolClassId: schoolClass.id, date },
        });
        return data.classDashboard;
      }),
    ),
    subjectsByPage(api, schoolClass),
  ]);
  return {
    monday,
    previousWeek: addDays(monday, -7),
    nextWeek: addDays(monday, 7) <= today ? addDays(monday, 7) : null,
    days: days.map((day) => ({
      date: day.date,
      absences: day.absences
        .map((a) => ({ ...a, subject: subjects.get(a.lesson.assignmentId) ?? null }))
        .sort(
          (a, b) =>
            (a.lesson.lessonNumber ?? 0) - (b.lesson.lessonNumber ?? 0) ||
            a.student.lastName.localeCompare(b.student.lastName, 'ru'),
        ),
    })),
  };
};

export const actions: Actions = {
  // R-JRN-2: the class teacher corrects a record with a reason kept in the audit trail.
  correct: async ({ locals, request }) => {
    const t = messagesFor(locals.locale);
    const form = await request.formData();
    const lessonId = textField(form, 'lessonId');
    const studentId = textField(form, 'studentId');
    const key = `${lessonId}:${studentId}`;
    const status = textField(form, 'status');
    const reason = textField(form, 'reason');
    const note = textField(form, 'note').trim();
    const version = Number(textField(form, 'version'));
    if (!note) {
      return fail(400, { key, field: 'note', error: t.classroom.attendance.noteRequired });
    }
    const present = status === 'PRESENT';
    try {
      await apiFor(locals, request).mutate({
        mutation: CorrectAttendanceMutation,
        variables: {
          input: {
            lessonId,
            studentId,
            note,
            status: !present && STATUSES.includes(status) ? (status as AttendanceStatus) : null,
            reason: !present && REASONS.includes(reason) ? (reason as AbsenceReason) : null,
            version: Number.isInteger(version) ? version : null,
          },
        },
      });
    } catch (thrown) {
      const apiError = apiErrorOf(thrown);
      if (!apiError) {
        console.error('classbook: correctAttendance failed', thrown);
      }
      const field = apiError?.field?.replace(/^input\./, '') ?? null;
      return fail(apiError?.code === 'BAD_USER_INPUT' ? 400 : 409, {
        key,
        field,
        error: apiError?.message ?? t.errors.unexpected,
      });
    }
    return { key, saved: true };
  },
};
