import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import {
  apiFor,
  firstEmpty,
  formValues,
  loadFailed,
  missing,
  optional,
  refused,
  requireAccess,
} from '../admin.server.ts';
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
  createSubject: async ({ locals, request }) => {
    const scope = requireAccess(locals, (a) => a.writeStructure);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['name']);
    if (empty) {
      return missing(locals, 'createSubject', empty, values);
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: CreateSubject,
        variables: {
          input: {
            schoolId: scope.schoolId,
            name: values['name'] ?? '',
            shortName: optional(values['shortName']),
          },
        },
      });
    } catch (thrown) {
      return refused(locals, 'createSubject', thrown, values);
    }
    return { action: 'createSubject', notice: messagesFor(locals.locale).admin.subjects.created };
  },
};
