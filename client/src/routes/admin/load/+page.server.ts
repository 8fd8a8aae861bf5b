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

const LoadQuery = graphql(`
  query AdminTeacherLoad($yearId: ID!, $schoolClassId: ID, $schoolId: ID!) {
    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {
      id
      startsOn
      endsOn
      schoolClass {
        id
        name
        gradeLevel
        letter
      }
      subject {
        id
        name
      }
      subgroup {
        id
        name
      }
      individualStudent {
        id
        lastName
        firstName
      }
      teacher {
        id
        lastName
        firstName
        middleName
      }
    }
    subjects(schoolId: $schoolId) {
      id
      name
    }
  }
`);

const AssignTeacher = graphql(`
  mutation AdminAssignTeacher($input: AssignTeacherInput!) {
    assignTeacher(input: $input) {
      id
    }
  }
`);

const ChangeTeacher = graphql(`
  mutation AdminChangeTeacher($input: ChangeTeacherInput!) {
    changeTeacher(input: $input) {
      id
    }
  }
`);

export const load: PageServerLoad = async ({ locals, request, url }) => {
  const scope = requireAccess(locals, (a) => a.readLoad);
  const api = apiFor(locals, request);
  try {
    const { years, year } = await yearsOf(api, scope.schoolId, url);
    if (!year) {
      return {
        years,
        year,
        classes: [],
        schoolClassId: null,
        assignments: [],
        subjects: [],
        teachers: [],
      };
    }
    const classes = await classesOf(api, year.id);
    const schoolClassId = classes.find((c) => c.id === url.searchParams.get('class'))?.id ?? null;
    const [{ data }, teachers] = await Promise.all([
      api.query({
        query: LoadQuery,
        variables: { yearId: year.id, schoolClassId, schoolId: scope.schoolId },
      }),
      scope.access.writeStructure ? teachersOf(api, scope.schoolId) : [],
    ]);
    const assignments = [...data.teachingAssignments].sort(
      (a, b) =>
        a.schoolClass.gradeLevel - b.schoolClass.gradeLevel ||
        a.schoolClass.letter.localeCompare(b.schoolClass.letter) ||
        a.subject.name.localeCompare(b.subject.name) ||
        (a.startsOn ?? '').localeCompare(b.startsOn ?? ''),
    );
    return {
      years,
      year,
      classes,
      schoolClassId,
      assignments,
      subjects: [...data.subjects].sort((a, b) => a.name.localeCompare(b.name)),
      teachers,
    };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  assignTeacher: formAction({
    name: 'assignTeacher',
    allowed: (a) => a.writeStructure,
    required: ['schoolClassId', 'subjectId', 'teacherId'],
    run: (api, values) =>
      api.mutate({
        mutation: AssignTeacher,
        variables: {
          input: {
            schoolClassId: values['schoolClassId'] ?? '',
            subjectId: values['subjectId'] ?? '',
            teacherId: values['teacherId'] ?? '',
            startsOn: optional(values['startsOn']),
          },
        },
      }),
    notice: (t) => t.load.assigned,
  }),

  changeTeacher: formAction({
    name: 'changeTeacher',
    allowed: (a) => a.writeStructure,
    required: ['teacherId', 'from', 'reason'],
    run: (api, values) =>
      api.mutate({
        mutation: ChangeTeacher,
        variables: {
          input: {
            assignmentId: values['_row'] ?? '',
            teacherId: values['teacherId'] ?? '',
            from: values['from'] ?? '',
            reason: values['reason'] ?? '',
          },
        },
      }),
    notice: (t) => t.load.changed,
    keepRow: true,
  }),
};
