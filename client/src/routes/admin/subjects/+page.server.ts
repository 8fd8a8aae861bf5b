import { graphql } from '#lib/graphql/index.ts';
import { apiFor, formAction, loadFailed, optional, requireAccess } from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

const SubjectsQuery = graphql(`
  query AdminSubjects($schoolId: ID!) {
    subjects(schoolId: $schoolId) {
      id
      name
      shortName
    }
  }
`);

const CreateSubject = graphql(`
  mutation AdminCreateSubject($input: CreateSubjectInput!) {
    createSubject(input: $input) {
      id
    }
  }
`);

export const load: PageServerLoad = async ({ locals, request }) => {
  const scope = requireAccess(locals, (a) => a.readStructure);
  try {
    const { data } = await apiFor(locals, request).query({
      query: SubjectsQuery,
      variables: { schoolId: scope.schoolId },
    });
    return { subjects: [...data.subjects].sort((a, b) => a.name.localeCompare(b.name)) };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  createSubject: formAction({
    name: 'createSubject',
    allowed: (a) => a.writeStructure,
    required: ['name'],
    run: (api, values, scope) =>
      api.mutate({
        mutation: CreateSubject,
        variables: {
          input: {
            schoolId: scope.schoolId,
            name: values['name'] ?? '',
            shortName: optional(values['shortName']),
          },
        },
      }),
    notice: (t) => t.subjects.created,
  }),
};
