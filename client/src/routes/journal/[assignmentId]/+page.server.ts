import { error, isHttpError, redirect } from '@sveltejs/kit';
import { journalApi, loadFailed } from '#lib/components/journal/api.server.ts';
import { defaultPeriod, periodsOfGrade, todayIso } from '#lib/components/journal/journal.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import type { PageServerLoad } from './$types';

graphql(`
  fragment GridMark on Mark {
    id
    lessonId
    studentId
    value
    version
    weight
    comment
    workType {
      id
      name
    }
  }
`);

graphql(`
  fragment GridAttendance on Attendance {
    id
    lessonId
    studentId
    status
    minutesLate
    reason
    version
  }
`);

graphql(`
  fragment GridLesson on Lesson {
    id
    date
    lessonNumber
    topic
    status
    version
    workType {
      id
      name
    }
    plannedTopic {
      id
      title
    }
  }
`);

const JournalGridQuery = graphql(`
  query JournalGrid($assignmentId: ID!, $periodId: ID!) {
    journalPage(assignmentId: $assignmentId, periodId: $periodId) {
      access
      minMarksForPeriodMark
      period {
        id
        name
        startsOn
        endsOn
        closedAt
      }
      assignment {
        id
        subject {
          id
          name
        }
        schoolClass {
          id
          name
          gradeLevel
          year {
            id
            name
            closedAt
          }
        }
        subgroup {
          id
          name
        }
        teacher {
          id
          lastName
          firstName
          middleName
        }
        school {
          id
          gradingScale
        }
      }
      students {
        student {
          id
          lastName
          firstName
        }
        enrolledFrom
        leftOn
        markCount
        enoughMarksForPeriodMark
        periodMark {
          id
          value
          special
          version
        }
      }
      lessons {
        ...GridLesson
      }
      marks {
        ...GridMark
      }
      attendance {
        ...GridAttendance
      }
    }
  }
`);

const PeriodsQuery = graphql(`
  query JournalPeriods($yearId: ID!) {
    reportingPeriods(yearId: $yearId) {
      id
      name
      kind
      startsOn
      endsOn
      gradeLevels
      closedAt
    }
  }
`);

const YearsQuery = graphql(`
  query JournalYears($schoolId: ID!) {
    academicYears(schoolId: $schoolId) {
      id
      startsOn
      endsOn
    }
  }
`);

const YearPagesQuery = graphql(`
  query JournalYearPages($yearId: ID!) {
    teachingAssignments(yearId: $yearId) {
      id
      schoolClass {
        id
        gradeLevel
      }
    }
    reportingPeriods(yearId: $yearId) {
      id
      startsOn
      endsOn
      gradeLevels
    }
  }
`);

const STAFF = new Set(['TEACHER', 'DIRECTOR', 'DEPUTY', 'ADMINISTRATOR']);

/**
 * Without ?period the page opens on the current period of its class's grade: found through the
 * year's load (teachers and the administration read it), then a redirect, so the URL is shareable.
 */
async function currentPeriodOf(
  api: ReturnType<typeof journalApi>,
  locals: App.Locals,
  assignmentId: string,
): Promise<string> {
  const today = todayIso();
  const schools = [
    ...new Set(locals.viewer!.roles.filter((r) => STAFF.has(r.role)).map((r) => r.school.id)),
  ];
  for (const schoolId of schools) {
    const { data } = await api.query({ query: YearsQuery, variables: { schoolId } });
    for (const year of [...data.academicYears].sort((a, b) =>
      // The year containing today first, then the newest.
      a.startsOn <= today && today <= a.endsOn ? -1 : b.startsOn.localeCompare(a.startsOn),
    )) {
      const pages = await api.query({ query: YearPagesQuery, variables: { yearId: year.id } });
      const page = pages.data.teachingAssignments.find((a) => a.id === assignmentId);
      if (page) {
        const period = defaultPeriod(
          periodsOfGrade(pages.data.reportingPeriods, page.schoolClass.gradeLevel),
          today,
        );
        if (period) {
          return period.id;
        }
      }
    }
  }
  error(404, messagesFor(locals.locale).journal.pageNotFound);
}

export const load: PageServerLoad = async ({ locals, request, params, url }) => {
  const api = journalApi(locals, request);
  const periodId = url.searchParams.get('period');
  if (!periodId) {
    let found: string;
    try {
      found = await currentPeriodOf(api, locals, params.assignmentId);
    } catch (thrown) {
      if (isHttpError(thrown)) {
        throw thrown;
      }
      loadFailed(locals, thrown);
    }
    redirect(
      303,
      `/journal/${encodeURIComponent(params.assignmentId)}?period=${encodeURIComponent(found)}`,
    );
  }
  try {
    const { data } = await api.query({
      query: JournalGridQuery,
      variables: { assignmentId: params.assignmentId, periodId },
    });
    const page = data.journalPage;
    const periods = await api.query({
      query: PeriodsQuery,
      variables: { yearId: page.assignment.schoolClass.year.id },
    });
    return {
      page,
      periods: periodsOfGrade(
        periods.data.reportingPeriods,
        page.assignment.schoolClass.gradeLevel,
      ),
      today: todayIso(),
    };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};
