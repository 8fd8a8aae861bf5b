import { graphql } from '#lib/graphql/index.ts';
import { apiFor, isoToday, reportFailure, yearContext } from '../reports.server.ts';
import type { PageServerLoad } from './$types';

graphql(`
  fragment AbsenceCountsFields on AbsenceCounts {
    total
    illness
    excused
    unexcused
    other
    noReason
    late
  }
`);

const AttendanceQuery = graphql(`
  query AttendanceReport($input: AttendanceReportInput!) {
    attendanceReport(input: $input) {
      from
      to
      restricted
      total {
        ...AbsenceCountsFields
      }
      classes {
        schoolClassId
        className
        counts {
          ...AbsenceCountsFields
        }
        students {
          studentId
          name
          counts {
            ...AbsenceCountsFields
          }
        }
      }
    }
  }
`);

/** `/reports/attendance?from=&to=&class=`; default: this month so far. */
export const load: PageServerLoad = async ({ locals, request, url }) => {
  const context = await yearContext(locals, request);
  const today = isoToday();
  const from = url.searchParams.get('from') || `${today.slice(0, 8)}01`;
  const to = url.searchParams.get('to') || today;
  const classId = url.searchParams.get('class') || null;
  if (!context) {
    return { context, report: null, from, to, classId };
  }
  try {
    const { data } = await apiFor(locals, request).query({
      query: AttendanceQuery,
      variables: { input: { from, to, schoolClassId: classId, schoolId: context.school.id } },
    });
    return { context, report: data.attendanceReport, from, to, classId };
  } catch (thrown) {
    reportFailure(thrown, locals, 'reading the attendance report');
  }
};
