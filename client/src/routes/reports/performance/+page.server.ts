import { graphql } from '#lib/graphql/index.ts';
import { apiFor, isoToday, reportFailure, yearContext } from '../reports.server.ts';
import type { PageServerLoad } from './$types';

graphql(`
  fragment PerformanceRowFields on PerformanceRow {
    kind
    id
    label
    attested
    exempt
    successRate
    qualityRate
    averageMark
    excellentCount
    singleGoodCount
    singleSatisfactoryCount
    failingCount
    excellent {
      id
      name
      className
      subjects
    }
    singleGood {
      id
      name
      className
      subjects
    }
    singleSatisfactory {
      id
      name
      className
      subjects
    }
    failing {
      id
      name
      className
      subjects
    }
  }
`);

const PerformanceQuery = graphql(`
  query PerformanceReport($input: PerformanceReportInput!) {
    performanceReport(input: $input) {
      periodId
      periodName
      periodKind
      restricted
      total {
        ...PerformanceRowFields
      }
      byClass {
        ...PerformanceRowFields
      }
      bySubject {
        ...PerformanceRowFields
      }
      byTeacher {
        ...PerformanceRowFields
      }
    }
  }
`);

/** `/reports/performance?period=<id>&class=<id>` (R-RPT-2); default: the current period. */
export const load: PageServerLoad = async ({ locals, request, url }) => {
  const context = await yearContext(locals, request);
  if (!context?.year) {
    return { context, report: null, periodId: null, classId: null };
  }
  const today = isoToday();
  const periodId =
    url.searchParams.get('period') ??
    (
      context.periods.find((p) => p.kind !== 'YEAR' && p.startsOn <= today && today <= p.endsOn) ??
      context.periods.find((p) => p.kind !== 'YEAR' && p.startsOn <= today) ??
      context.periods[0]
    )?.id ??
    null;
  const classId = url.searchParams.get('class') || null;
  if (!periodId) {
    return { context, report: null, periodId, classId };
  }
  try {
    const { data } = await apiFor(locals, request).query({
      query: PerformanceQuery,
      variables: { input: { periodId, schoolClassId: classId } },
    });
    return { context, report: data.performanceReport, periodId, classId };
  } catch (thrown) {
    reportFailure(thrown, locals, 'reading the performance report');
  }
};
