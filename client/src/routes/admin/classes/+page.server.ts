import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import {
  apiFor,
  classesOf,
  firstEmpty,
  formValues,
  loadFailed,
  missing,
  optional,
  refused,
  requireAccess,
  teachersOf,
  yearsOf,
} from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

const CreateClass = graphql(`
  mutation AdminCreateClass($input: CreateSchoolClassInput!) {
    createSchoolClass(input: $input) {
      id
    }
  }
`);

const UpdateClass = graphql(`
  mutation AdminUpdateClass($input: UpdateSchoolClassInput!) {
    updateSchoolClass(input: $input) {
      id
    }
  }
`);

export const load: PageServerLoad = async ({ locals, request, url }) => {
  const scope = requireAccess(locals, (a) => a.readStructure);
  const api = apiFor(locals, request);
  try {
    const { years, year } = await yearsOf(api, scope.schoolId, url);
    const [classes, teachers] = await Promise.all([
      year ? classesOf(api, year.id) : [],
      // The staff list is the administration's and the clerk's; teachers are chosen only by those
      // who may change a class.
      scope.access.writeStructure ? teachersOf(api, scope.schoolId) : [],
    ]);
    return { years, year, classes, teachers };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  createClass: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.writeStructure);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['gradeLevel', 'letter']);
    if (empty) {
      return missing(locals, 'createClass', empty, values);
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: CreateClass,
        variables: {
          input: {
            yearId: values['yearId'] ?? '',
            gradeLevel: Number(values['gradeLevel']),
            letter: values['letter'] ?? '',
            classTeacherId: optional(values['classTeacherId']),
          },
        },
      });
    } catch (thrown) {
      return refused(locals, 'createClass', thrown, values);
    }
    return { action: 'createClass', notice: messagesFor(locals.locale).admin.classes.created };
  },

  changeClassTeacher: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.writeStructure);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['classTeacherId']);
    if (empty) {
      return missing(locals, 'changeClassTeacher', empty, values);
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: UpdateClass,
        variables: {
          input: {
            schoolClassId: values['_row'] ?? '',
            classTeacherId: values['classTeacherId'] ?? '',
            reason: optional(values['reason']),
          },
        },
      });
    } catch (thrown) {
      return refused(locals, 'changeClassTeacher', thrown, values);
    }
    return {
      action: 'changeClassTeacher',
      notice: messagesFor(locals.locale).admin.classes.teacherChanged,
      values: { _row: values['_row'] ?? '' },
    };
  },
};
