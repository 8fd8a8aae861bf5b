import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { isoToday } from '../../classes.server.ts';
import { classPages } from '../subjects.server.ts';
import type { PageServerLoad } from './$types';

const ReportingPeriodsQuery = graphql(`
  query ClassroomReportingPeriods($yearId: ID!) {
    reportingPeriods(yearId: $yearId) {
      id
      name
      kind
      startsOn
      endsOn
      gradeLevels
    }
  }
`);

// Only the summary's columns: one query per subject page (issue 6: mind the request count).
const JournalSummaryQuery = graphql(`
  query ClassroomJournalSummary($assignmentId: ID!, $periodId: ID!) {
    journalPage(assignmentId: $assignmentId, periodId: $periodId) {
      lessons {
        id
        status
      }
      students {
        average
        markCount
        leftOn
        student {
          id
          lastName
          firstName
        }
      }
    }
  }
`);

export const load: PageServerLoad = async ({ locals, parent, request, url }) => {
  const { schoolClass } = await parent();
  const t = messagesFor(locals.locale);
  const api = createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });
  const [pages, periodsResult] = await Promise.all([
    classPages(api, schoolClass),
    api.query({ query: ReportingPeriodsQuery, variables: { yearId: schoolClass.year.id } }),
  ]);
  // Quarters for grades 2–9 and halves for 10–11 can live in one year: keep this class's.
  const periods = (periodsResult.data?.reportingPeriods ?? []).filter(
    (p) => p.gradeLevels.length === 0 || p.gradeLevels.includes(schoolClass.gradeLevel),
  );
  const today = isoToday();
  const asked = url.searchParams.get('period');
  const period =
    periods.find((p) => p.id === asked) ??
    periods.find((p) => p.kind !== 'YEAR' && p.startsOn <= today && today <= p.endsOn) ??
    periods.filter((p) => p.kind !== 'YEAR' && p.startsOn <= today).at(-1) ??
    periods[0] ??
    null;

  const columns = period
    ? await Promise.all(
        pages.map(async (page) => {
          try {
            const { data } = await api.query({
              query: JournalSummaryQuery,
              variables: { assignmentId: page.id, periodId: period.id },
            });
            return { page, summary: data.journalPage, error: null };
          } catch (thrown) {
            const apiError = apiErrorOf(thrown);
            if (!apiError) {
              console.error('classbook: reading a class journal page failed', thrown);
            }
            return { page, summary: null, error: apiError?.message ?? t.errors.unexpected };
          }
        }),
      )
    : [];

  return { periods, period, columns };
};
