import { graphql } from '#lib/graphql/index.ts';
import { apiFor, diaryFailure } from './diary.server.ts';
import { addDays, isoDateOrNull, mondayOf } from './format.ts';
import type { PageServerLoad } from './$types';

const DiaryWeekQuery = graphql(`
  query DiaryWeek($studentId: ID!, $weekOf: String!) {
    diaryWeek(studentId: $studentId, weekOf: $weekOf) {
      startsOn
      endsOn
      student {
        id
        lastName
        firstName
      }
      days {
        date
        weekday
        schoolClass {
          id
          name
        }
        lessons {
          lessonId
          lessonNumber
          startsAt
          endsAt
          room
          status
          change
          changeNote
          topic
          subject {
            id
            name
          }
          teacher {
            id
            lastName
            firstName
            middleName
          }
          workType {
            id
            name
          }
          homework {
            id
            text
            dueOn
          }
          marks {
            id
            value
            weight
            comment
            workType {
              id
              name
            }
          }
          attendance {
            id
            status
            minutesLate
            reason
          }
        }
      }
      announcements {
        id
        title
        body
        publishedAt
        author {
          id
          lastName
          firstName
          middleName
        }
      }
    }
  }
`);

/** `/diary?student=<id>&week=<YYYY-MM-DD>`: one week of the diary; default this week (R-DRY-2). */
export const load: PageServerLoad = async ({ locals, request, url, parent }) => {
  const { studentId, today } = await parent();
  if (!studentId) {
    const monday = mondayOf(today);
    return {
      week: null,
      monday,
      previousMonday: addDays(monday, -7),
      nextMonday: addDays(monday, 7),
    };
  }
  // A week that is not a date (a mistyped link) shows this week rather than an error.
  const monday = mondayOf(isoDateOrNull(url.searchParams.get('week')) ?? today);
  try {
    const { data } = await apiFor(locals, request).query({
      query: DiaryWeekQuery,
      variables: { studentId, weekOf: monday },
    });
    return {
      week: data.diaryWeek,
      monday,
      previousMonday: addDays(monday, -7),
      nextMonday: addDays(monday, 7),
    };
  } catch (thrown) {
    diaryFailure(thrown, locals, 'reading the diary week');
  }
};
