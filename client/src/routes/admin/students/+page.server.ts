import { messagesFor } from '#lib/i18n/index.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { AdmissionKind, DepartureKind, GuardianshipKind } from '#lib/graphql/graphql.ts';
import {
  apiFor,
  firstEmpty,
  formAction,
  formValues,
  loadFailed,
  missing,
  optional,
  refused,
  requireAccess,
  yearsOf,
} from '../admin.server.ts';
import { isoDate } from '../access.ts';
import type { Actions, PageServerLoad } from './$types';

const ClassesQuery = graphql(`
  query AdminStudentClasses($yearId: ID!) {
    schoolClasses(yearId: $yearId) {
      id
      name
      gradeLevel
      letter
    }
  }
`);

const RosterQuery = graphql(`
  query AdminClassRoster($schoolClassId: ID!, $on: String!) {
    classRoster(schoolClassId: $schoolClassId, on: $on) {
      id
      startsOn
      endsOn
      admissionKind
      student {
        id
        lastName
        firstName
        middleName
        personalData {
          personId
          guardians {
            id
            kind
            guardian {
              id
              lastName
              firstName
              middleName
            }
          }
        }
      }
    }
  }
`);

const StudentQuery = graphql(`
  query AdminStudentCard($studentId: ID!) {
    personalData(personId: $studentId) {
      personId
      lastName
      firstName
      middleName
      birthDate
      email
      phone
      guardians {
        id
        kind
        guardian {
          id
          lastName
          firstName
          middleName
        }
      }
    }
    enrolmentHistory(studentId: $studentId) {
      id
      startsOn
      endsOn
      admissionKind
      departureKind
      note
      schoolClass {
        id
        name
      }
    }
  }
`);

const CreateStudent = graphql(`
  mutation AdminCreateStudent($input: CreateStudentInput!) {
    createStudent(input: $input) {
      id
    }
  }
`);

const AdmitStudent = graphql(`
  mutation AdminAdmitStudent($input: AdmitStudentInput!) {
    admitStudent(input: $input) {
      id
    }
  }
`);

const TransferStudent = graphql(`
  mutation AdminTransferStudent($input: TransferStudentInput!) {
    transferStudent(input: $input) {
      id
      startsOn
      schoolClass {
        id
        name
      }
    }
  }
`);

const DepartStudent = graphql(`
  mutation AdminDepartStudent($input: DepartStudentInput!) {
    departStudent(input: $input) {
      id
    }
  }
`);

const CreateParent = graphql(`
  mutation AdminCreateParent($input: CreateParentInput!) {
    createParent(input: $input) {
      id
    }
  }
`);

const LinkGuardian = graphql(`
  mutation AdminLinkGuardian($input: LinkGuardianInput!) {
    linkGuardian(input: $input) {
      id
    }
  }
`);

const UnlinkGuardian = graphql(`
  mutation AdminUnlinkGuardian($input: UnlinkGuardianInput!) {
    unlinkGuardian(input: $input)
  }
`);

const ADMISSION_KINDS: readonly AdmissionKind[] = ['ADMISSION', 'TRANSFER_IN', 'PROMOTION'];
const DEPARTURE_KINDS: readonly DepartureKind[] = [
  'DEPARTURE',
  'TRANSFER_OUT',
  'GRADUATION',
  'PROMOTION',
];
const GUARDIANSHIP_KINDS: readonly GuardianshipKind[] = ['MOTHER', 'FATHER', 'GUARDIAN', 'OTHER'];

const oneOf = <T extends string>(options: readonly T[], value: string | undefined): T | null =>
  options.find((o) => o === value) ?? null;

export const load: PageServerLoad = async ({ locals, request, url }) => {
  const scope = requireAccess(locals, (a) => a.keepRecords);
  const api = apiFor(locals, request);
  try {
    const { years, year } = await yearsOf(api, scope.schoolId, url);
    if (!year) {
      return {
        years,
        year,
        classes: [],
        schoolClass: null,
        on: isoDate(new Date()),
        roster: [],
        student: null,
        studentError: null,
        knownParents: [],
        admissionKinds: ADMISSION_KINDS,
        departureKinds: DEPARTURE_KINDS,
        guardianshipKinds: GUARDIANSHIP_KINDS,
      };
    }
    const classes = [
      ...(await api.query({ query: ClassesQuery, variables: { yearId: year.id } })).data
        .schoolClasses,
    ].sort((a, b) => a.gradeLevel - b.gradeLevel || a.letter.localeCompare(b.letter));
    const schoolClass =
      classes.find((c) => c.id === url.searchParams.get('class')) ?? classes[0] ?? null;

    // The roster's date: as asked, else today kept inside the year.
    const today = isoDate(new Date());
    const asked = url.searchParams.get('on');
    const on =
      asked && /^\d{4}-\d{2}-\d{2}$/.test(asked)
        ? asked
        : today < year.startsOn
          ? year.startsOn
          : today > year.endsOn
            ? year.endsOn
            : today;

    const roster = schoolClass
      ? (
          await api.query({
            query: RosterQuery,
            variables: { schoolClassId: schoolClass.id, on },
          })
        ).data.classRoster
      : [];

    const studentId = url.searchParams.get('student');
    let student = null;
    let studentError: string | null = null;
    if (studentId) {
      try {
        const { data } = await api.query({ query: StudentQuery, variables: { studentId } });
        student = { data: data.personalData, history: data.enrolmentHistory };
      } catch (thrown) {
        const apiError = apiErrorOf(thrown);
        if (!apiError || apiError.code === 'UNAUTHENTICATED') {
          throw thrown;
        }
        studentError = messagesFor(locals.locale).admin.students.notFound;
      }
    }

    // Parents the school already knows through this class, for linking a brother or sister.
    const linked = new Set(student?.data.guardians.map((g) => g.guardian.id) ?? []);
    const knownParents = new Map<
      string,
      { id: string; lastName: string; firstName: string; middleName?: string | null }
    >();
    for (const row of roster) {
      for (const g of row.student.personalData?.guardians ?? []) {
        if (!linked.has(g.guardian.id) && g.guardian.id !== studentId) {
          knownParents.set(g.guardian.id, g.guardian);
        }
      }
    }

    return {
      years,
      year,
      classes,
      schoolClass,
      on,
      roster: [...roster].sort((a, b) =>
        `${a.student.lastName} ${a.student.firstName}`.localeCompare(
          `${b.student.lastName} ${b.student.firstName}`,
        ),
      ),
      student,
      studentError,
      knownParents: [...knownParents.values()].sort((a, b) => a.lastName.localeCompare(b.lastName)),
      admissionKinds: ADMISSION_KINDS,
      departureKinds: DEPARTURE_KINDS,
      guardianshipKinds: GUARDIANSHIP_KINDS,
    };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  createStudent: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.keepRecords);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['lastName', 'firstName', 'from', 'reason']);
    if (empty) {
      return missing(locals, 'createStudent', empty, values);
    }
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: CreateStudent,
        variables: {
          input: {
            schoolClassId: values['schoolClassId'] ?? '',
            lastName: values['lastName'] ?? '',
            firstName: values['firstName'] ?? '',
            middleName: optional(values['middleName']),
            birthDate: optional(values['birthDate']),
            email: optional(values['email']),
            phone: optional(values['phone']),
            from: values['from'] ?? '',
            reason: values['reason'] ?? '',
          },
        },
      });
      return {
        action: 'createStudent',
        notice: messagesFor(locals.locale).admin.students.created,
        studentId: data.createStudent.id,
      };
    } catch (thrown) {
      return refused(locals, 'createStudent', thrown, values);
    }
  },

  admitStudent: formAction({
    name: 'admitStudent',
    allowed: (a) => a.keepRecords,
    required: ['schoolClassId', 'from', 'reason'],
    run: (api, values) =>
      api.mutate({
        mutation: AdmitStudent,
        variables: {
          input: {
            studentId: values['studentId'] ?? '',
            schoolClassId: values['schoolClassId'] ?? '',
            from: values['from'] ?? '',
            kind: oneOf(ADMISSION_KINDS, values['kind']),
            reason: values['reason'] ?? '',
            note: optional(values['note']),
          },
        },
      }),
    notice: (t) => t.students.admitted,
  }),

  transferStudent: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.keepRecords);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['toSchoolClassId', 'from', 'reason']);
    if (empty) {
      return missing(locals, 'transferStudent', empty, values);
    }
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: TransferStudent,
        variables: {
          input: {
            studentId: values['studentId'] ?? '',
            toSchoolClassId: values['toSchoolClassId'] ?? '',
            from: values['from'] ?? '',
            reason: values['reason'] ?? '',
            note: optional(values['note']),
          },
        },
      });
      const enrolment = data.transferStudent;
      return {
        action: 'transferStudent',
        notice: messagesFor(locals.locale).admin.students.transferred,
        goTo: {
          classId: enrolment.schoolClass.id,
          className: enrolment.schoolClass.name,
          on: enrolment.startsOn,
        },
      };
    } catch (thrown) {
      return refused(locals, 'transferStudent', thrown, values);
    }
  },

  departStudent: formAction({
    name: 'departStudent',
    allowed: (a) => a.keepRecords,
    required: ['from', 'reason'],
    run: (api, values) =>
      api.mutate({
        mutation: DepartStudent,
        variables: {
          input: {
            studentId: values['studentId'] ?? '',
            from: values['from'] ?? '',
            kind: oneOf(DEPARTURE_KINDS, values['kind']),
            reason: values['reason'] ?? '',
            note: optional(values['note']),
          },
        },
      }),
    notice: (t) => t.students.departed,
  }),

  createParent: formAction({
    name: 'createParent',
    allowed: (a) => a.keepRecords,
    required: ['lastName', 'firstName'],
    run: (api, values, scope) =>
      api.mutate({
        mutation: CreateParent,
        variables: {
          input: {
            schoolId: scope.schoolId,
            studentId: values['studentId'] ?? '',
            kind: oneOf(GUARDIANSHIP_KINDS, values['kind']),
            lastName: values['lastName'] ?? '',
            firstName: values['firstName'] ?? '',
            middleName: optional(values['middleName']),
            email: optional(values['email']),
            phone: optional(values['phone']),
          },
        },
      }),
    notice: (t) => t.students.parentCreated,
  }),

  linkGuardian: formAction({
    name: 'linkGuardian',
    allowed: (a) => a.keepRecords,
    required: ['guardianId', 'kind'],
    run: (api, values) =>
      api.mutate({
        mutation: LinkGuardian,
        variables: {
          input: {
            studentId: values['studentId'] ?? '',
            guardianId: values['guardianId'] ?? '',
            kind: oneOf(GUARDIANSHIP_KINDS, values['kind']) ?? 'OTHER',
          },
        },
      }),
    notice: (t) => t.students.linked,
  }),

  unlinkGuardian: formAction({
    name: 'unlinkGuardian',
    allowed: (a) => a.keepRecords,
    required: ['reason'],
    run: (api, values) =>
      api.mutate({
        mutation: UnlinkGuardian,
        variables: {
          input: {
            studentId: values['studentId'] ?? '',
            guardianId: values['_row'] ?? '',
            reason: values['reason'] ?? '',
          },
        },
      }),
    notice: (t) => t.students.unlinked,
  }),
};
