import { createApolloClient } from '#lib/apollo.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { PageServerLoad } from './$types';
import { subjectsByPage } from './subjects.server.ts';

const ClassDashboardQuery = graphql(`
  query ClassDashboard($schoolClassId: ID!) {
    classDashboard(schoolClassId: $schoolClassId) {
      ...ClassDashboardFields
    }
  }
`);

export const load: PageServerLoad = async ({ locals, parent, request }) => {
  const { schoolClass } = await parent();
  const api = createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });
  const [dashboard, subjects] = await Promise.all([
    api.query({ query: ClassDashboardQuery, variables: { schoolClassId: schoolClass.id } }),
    subjectsByPage(api, schoolClass),
  ]);
  return {
    dashboard: dashboard.data.classDashboard,
    // A plain object: load data must serialize.
    subjects: Object.fromEntries(subjects),
  };
};
