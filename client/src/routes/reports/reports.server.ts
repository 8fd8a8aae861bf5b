import { error, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';

/** The API as the person of this request (a new client per request, STYLE.md habit 6). */
export const apiFor = (locals: App.Locals, request: Request) =>
  createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });

/**
 * What a report query threw → the page the person sees: NOT_FOUND and FORBIDDEN (another
 * school's class, a class you neither lead nor teach, another family's child) are one refusal
 * page; bad input shows the API's own words; anything else is logged and "try later".
 */
export function reportFailure(thrown: unknown, locals: App.Locals, what: string): never {
  const t = messagesFor(locals.locale).reports;
  const apiError = apiErrorOf(thrown);
  if (apiError?.code === 'NOT_FOUND' || apiError?.code === 'FORBIDDEN') {
    error(404, t.refused);
  }
  if (apiError?.code === 'UNAUTHENTICATED') {
    redirect(303, '/signin');
  }
  if (apiError?.code === 'BAD_USER_INPUT') {
    error(400, apiError.message);
  }
  console.error(`classbook: ${what} failed`, thrown);
  error(503, t.unavailable);
}

const ReportsYearQuery = graphql(`
  query ReportsYears($schoolId: ID!) {
    academicYears(schoolId: $schoolId) {
      id
      name
      startsOn
      endsOn
    }
  }
`);

const ReportsYearContextQuery = graphql(`
  query ReportsYearContext($yearId: ID!) {
    reportingPeriods(yearId: $yearId) {
      id
      name
      kind
      startsOn
      endsOn
    }
    schoolClasses(yearId: $yearId) {
      id
      name
      gradeLevel
    }
  }
`);

const REPORT_ROLES = new Set(['DIRECTOR', 'DEPUTY', 'ADMINISTRATOR', 'RECORDS_CLERK', 'TEACHER']);

/** Today as YYYY-MM-DD on this server's clock. */
export const isoToday = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * The staff member's school, its current year (the one containing today, else the newest), and
 * the year's periods and classes for the pickers. Null for someone with no staff role.
 */
export async function yearContext(locals: App.Locals, request: Request) {
  const school = locals.viewer?.roles.find((r) => REPORT_ROLES.has(r.role))?.school;
  if (!school) {
    return null;
  }
  const api = apiFor(locals, request);
  try {
    const years = (await api.query({ query: ReportsYearQuery, variables: { schoolId: school.id } }))
      .data.academicYears;
    const today = isoToday();
    const year = years.find((y) => y.startsOn <= today && today <= y.endsOn) ?? years.at(-1);
    if (!year) {
      return { school, year: null, periods: [], classes: [] };
    }
    const { data } = await api.query({
      query: ReportsYearContextQuery,
      variables: { yearId: year.id },
    });
    const classes = [...data.schoolClasses].sort(
      (a, b) => a.gradeLevel - b.gradeLevel || a.name.localeCompare(b.name, 'ru'),
    );
    return { school, year, periods: data.reportingPeriods, classes };
  } catch (thrown) {
    reportFailure(thrown, locals, 'reading the reports context');
  }
}
