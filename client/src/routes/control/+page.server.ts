import { journalApi, loadFailed } from '#lib/components/journal/api.server.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { PageServerLoad } from './$types';
import { monthOf } from './range.ts';

// The report is counts only: what lies behind a figure is asked when its cell is opened
// (list.ts). A year's lists were 2.8 MB of a 3.4 MB answer that few cells are ever opened of.
graphql(`
  fragment ControlCounts on ControlFigures {
    lessonsHeld
    lessonsPlanned
    completion
    lessonsWithoutTopic {
      count
    }
    lessonsWithoutHomework {
      count
    }
    lateMarks {
      count
    }
    lateWrittenMarks {
      count
    }
    lessonsWithoutAttendance {
      count
    }
    studentsWithoutMarks {
      count
      total
      share
    }
    studentsWithOneMark {
      count
      total
      share
    }
    periodMarksMissing {
      count
    }
    periodMarksLate {
      count
    }
  }
`);

graphql(`
  fragment ControlSignInCounts on ControlSignInFigure {
    total
    signedIn
    share
    notSignedIn {
      personId
      name
    }
  }
`);

const JournalControlQuery = graphql(`
  query JournalControl($input: JournalControlInput!) {
    journalControl(input: $input) {
      from
      to
      schoolId
      total {
        ...ControlCounts
        unansweredMessages {
          count
        }
        signIns {
          students {
            total
            signedIn
            share
          }
          parents {
            total
            signedIn
            share
          }
        }
      }
      classes {
        schoolClassId
        className
        ...ControlCounts
        signIns {
          students {
            ...ControlSignInCounts
          }
          parents {
            ...ControlSignInCounts
          }
        }
      }
      teachers {
        teacherId
        teacherName
        ...ControlCounts
        unansweredMessages {
          count
          threads {
            threadId
            subject
            parentName
            sentAt
            answeredAt
          }
        }
      }
      pages {
        assignmentId
        schoolClassId
        className
        subjectName
        audience
        teacherId
        teacherName
        ...ControlCounts
      }
    }
  }
`);

const ADMINISTRATION = ['DIRECTOR', 'DEPUTY', 'ADMINISTRATOR'];

// R-CTL-1: the administration controls the whole school, a teacher their own pages (the API
// decides; the page only picks the school and the range, default the current month).
export const load: PageServerLoad = async ({ locals, request, url }) => {
  const api = journalApi(locals, request);
  const viewer = locals.viewer!;
  const schools = [
    ...new Map(
      viewer.roles
        .filter((r) => r.role === 'TEACHER' || ADMINISTRATION.includes(r.role))
        .sort(
          (a, b) =>
            Number(ADMINISTRATION.includes(b.role)) - Number(ADMINISTRATION.includes(a.role)),
        )
        .map((r) => [r.school.id, r.school.name]),
    ),
  ].map(([id, name]) => ({ id, name }));
  const month = monthOf(new Date().toISOString().slice(0, 10));
  const from = url.searchParams.get('from') || month.from;
  const to = url.searchParams.get('to') || month.to;
  const schoolId = url.searchParams.get('school') || schools[0]?.id || null;
  const administration = viewer.roles.some(
    (r) => r.school.id === schoolId && ADMINISTRATION.includes(r.role),
  );
  const base = { from, to, schoolId, schools, administration };
  try {
    const { data } = await api.query({
      query: JournalControlQuery,
      variables: { input: { from, to, schoolId } },
    });
    return { ...base, control: data?.journalControl ?? null, problem: null };
  } catch (thrown) {
    const apiError = apiErrorOf(thrown);
    // A range the API refuses is the person's to fix on this page, not an error page.
    if (apiError?.code === 'BAD_USER_INPUT') {
      return { ...base, control: null, problem: apiError.message };
    }
    loadFailed(locals, thrown);
  }
};
