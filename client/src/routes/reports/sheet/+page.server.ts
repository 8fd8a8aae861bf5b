import { graphql } from '#lib/graphql/index.ts';
import { apiFor, reportFailure, yearContext } from '../reports.server.ts';
import type { PageServerLoad } from './$types';

const SheetQuery = graphql(`
  query SummarySheet($input: SummarySheetInput!) {
    summarySheet(input: $input) {
      schoolClassId
      className
      yearName
      classTeacherName
      restricted
      periods {
        id
        name
        kind
      }
      subjects {
        id
        name
        shortName
      }
      students {
        id
        name
        enrolledFrom
        admissionKind
        arrived
        leftOn
        departureKind
        marks {
          subjectId
          periodId
          value
          special
        }
      }
    }
  }
`);

/** `/reports/sheet?class=<id>` (R-RPT-3); default: the first class of the year. */
export const load: PageServerLoad = async ({ locals, request, url }) => {
  const context = await yearContext(locals, request);
  const classId = url.searchParams.get('class') || context?.classes[0]?.id || null;
  if (!context || !classId) {
    return { context, sheet: null, classId };
  }
  try {
    const { data } = await apiFor(locals, request).query({
      query: SheetQuery,
      variables: { input: { schoolClassId: classId } },
    });
    return { context, sheet: data.summarySheet, classId };
  } catch (thrown) {
    reportFailure(thrown, locals, 'reading the summary sheet');
  }
};
