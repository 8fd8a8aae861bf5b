import { error } from '@sveltejs/kit';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { apiFor, reportFailure } from '../reports.server.ts';
import type { PageServerLoad } from './$types';

const ExplainQuery = graphql(`
  query ExplainAverage($input: ExplainAverageInput!) {
    explainAverage(input: $input) {
      studentId
      studentName
      subjectName
      periodName
      marks {
        id
        date
        lessonNumber
        topic
        workType
        value
        numericValue
        weight
      }
      average
      weightedAverage
      proposedMark
      enoughMarks
      minMarks
      periodMark
      periodMarkSpecial
    }
  }
`);

/**
 * `/reports/explain?student=&subject=&period=` (or `assignment=` instead of `subject=`): the
 * marks behind an average. Reached from the summary sheet (staff) and the diary's marks (the
 * student and their parents); the API refuses anyone else's child with NOT_FOUND.
 */
export const load: PageServerLoad = async ({ locals, request, url }) => {
  const p = url.searchParams;
  const studentId = p.get('student');
  const periodId = p.get('period');
  if (!studentId || !periodId) {
    error(404, messagesFor(locals.locale).reports.refused);
  }
  try {
    const { data } = await apiFor(locals, request).query({
      query: ExplainQuery,
      variables: {
        input: {
          studentId,
          periodId,
          assignmentId: p.get('assignment'),
          subjectId: p.get('assignment') ? null : p.get('subject'),
        },
      },
    });
    return {
      explanation: data.explainAverage,
      periodId,
      studentId,
      assignmentId: p.get('assignment'),
      subjectId: p.get('subject'),
      fromClass: p.get('class'),
    };
  } catch (thrown) {
    reportFailure(thrown, locals, 'explaining an average');
  }
};
