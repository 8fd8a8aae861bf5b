import { graphql } from '#lib/graphql/index.ts';
import {
  apiFor,
  classesOf,
  formAction,
  loadFailed,
  optional,
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
  createClass: formAction({
    name: 'createClass',
    allowed: (a) => a.writeStructure,
    required: ['gradeLevel', 'letter'],
    run: (api, values) =>
      api.mutate({
        mutation: CreateClass,
        variables: {
          input: {
            yearId: values['yearId'] ?? '',
            gradeLevel: Number(values['gradeLevel']),
            letter: values['letter'] ?? '',
            classTeacherId: optional(values['classTeacherId']),
          },
        },
      }),
    notice: (t) => t.classes.created,
  }),

  changeClassTeacher: formAction({
    name: 'changeClassTeacher',
    allowed: (a) => a.writeStructure,
    required: ['classTeacherId'],
    run: (api, values) =>
      api.mutate({
        mutation: UpdateClass,
        variables: {
          input: {
            schoolClassId: values['_row'] ?? '',
            classTeacherId: values['classTeacherId'] ?? '',
            reason: optional(values['reason']),
          },
        },
      }),
    notice: (t) => t.classes.teacherChanged,
    keepRow: true,
  }),
};
