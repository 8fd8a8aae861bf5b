/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  query AdminYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.AdminYearsDocument,
    "\n  query AdminTeachers($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.AdminTeachersDocument,
    "\n  query AdminClassList($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.AdminClassListDocument,
    "\n  mutation AdminCreateClass($input: CreateSchoolClassInput!) {\n    createSchoolClass(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateClassDocument,
    "\n  mutation AdminUpdateClass($input: UpdateSchoolClassInput!) {\n    updateSchoolClass(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminUpdateClassDocument,
    "\n  query AdminTeacherLoad($yearId: ID!, $schoolClassId: ID, $schoolId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n        gradeLevel\n        letter\n      }\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    subjects(schoolId: $schoolId) {\n      id\n      name\n    }\n  }\n": typeof types.AdminTeacherLoadDocument,
    "\n  mutation AdminAssignTeacher($input: AssignTeacherInput!) {\n    assignTeacher(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminAssignTeacherDocument,
    "\n  mutation AdminChangeTeacher($input: ChangeTeacherInput!) {\n    changeTeacher(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminChangeTeacherDocument,
    "\n  query AdminStaff($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n        login\n      }\n    }\n  }\n": typeof types.AdminStaffDocument,
    "\n  mutation AdminCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      code\n      expiresAt\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.AdminCreateStaffAccountDocument,
    "\n  mutation AdminGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      roles\n    }\n  }\n": typeof types.AdminGrantRoleDocument,
    "\n  mutation AdminRevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      roles\n    }\n  }\n": typeof types.AdminRevokeRoleDocument,
    "\n  query AdminStudentClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n    }\n  }\n": typeof types.AdminStudentClassesDocument,
    "\n  query AdminClassRoster($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          personId\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminClassRosterDocument,
    "\n  query AdminStudentCard($studentId: ID!) {\n    personalData(personId: $studentId) {\n      personId\n      lastName\n      firstName\n      middleName\n      birthDate\n      email\n      phone\n      guardians {\n        id\n        kind\n        guardian {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      departureKind\n      note\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminStudentCardDocument,
    "\n  mutation AdminCreateStudent($input: CreateStudentInput!) {\n    createStudent(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateStudentDocument,
    "\n  mutation AdminAdmitStudent($input: AdmitStudentInput!) {\n    admitStudent(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminAdmitStudentDocument,
    "\n  mutation AdminTransferStudent($input: TransferStudentInput!) {\n    transferStudent(input: $input) {\n      id\n      startsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminTransferStudentDocument,
    "\n  mutation AdminDepartStudent($input: DepartStudentInput!) {\n    departStudent(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminDepartStudentDocument,
    "\n  mutation AdminCreateParent($input: CreateParentInput!) {\n    createParent(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateParentDocument,
    "\n  mutation AdminLinkGuardian($input: LinkGuardianInput!) {\n    linkGuardian(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminLinkGuardianDocument,
    "\n  mutation AdminUnlinkGuardian($input: UnlinkGuardianInput!) {\n    unlinkGuardian(input: $input)\n  }\n": typeof types.AdminUnlinkGuardianDocument,
    "\n  mutation AdminImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      dryRun\n      written\n      peopleCreated\n      enrolmentsCreated\n      guardianshipsCreated\n      rolesGranted\n      problems {\n        row\n        column\n        code\n        message\n      }\n      rows {\n        row\n        lastName\n        firstName\n        middleName\n        birthDate\n        className\n        admittedOn\n        roles\n        child {\n          id\n          lastName\n          firstName\n        }\n      }\n      invitations {\n        code\n        expiresAt\n        role\n        person {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": typeof types.AdminImportPeopleDocument,
    "\n  query AdminSubjects($schoolId: ID!) {\n    subjects(schoolId: $schoolId) {\n      id\n      name\n      shortName\n    }\n  }\n": typeof types.AdminSubjectsDocument,
    "\n  mutation AdminCreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateSubjectDocument,
    "\n  query AdminTimetable($schoolClassId: ID!, $weekOf: String!) {\n    timetable(schoolClassId: $schoolClassId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      bellTimes {\n        lessonNumber\n        startsAt\n        endsAt\n      }\n      days {\n        date\n        weekday\n        lessons {\n          date\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          slotId\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          assignment {\n            id\n            subject {\n              id\n              name\n            }\n          }\n        }\n      }\n      slots {\n        id\n        weekday\n        lessonNumber\n        room\n        validFrom\n        validTo\n        assignment {\n          id\n          subject {\n            name\n          }\n          teacher {\n            lastName\n            firstName\n            middleName\n          }\n        }\n      }\n      changes {\n        id\n        date\n        kind\n        lessonNumber\n        room\n        note\n        assignment {\n          subject {\n            name\n          }\n        }\n        substituteTeacher {\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": typeof types.AdminTimetableDocument,
    "\n  query AdminClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      endsOn\n      subject {\n        name\n      }\n      subgroup {\n        name\n      }\n      teacher {\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.AdminClassPagesDocument,
    "\n  mutation AdminSetBellTimes($input: SetBellTimesInput!) {\n    setBellTimes(input: $input) {\n      lessonNumber\n    }\n  }\n": typeof types.AdminSetBellTimesDocument,
    "\n  mutation AdminCreateSlot($input: CreateTimetableSlotInput!) {\n    createTimetableSlot(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateSlotDocument,
    "\n  mutation AdminEndSlot($input: EndTimetableSlotInput!) {\n    endTimetableSlot(input: $input) {\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n": typeof types.AdminEndSlotDocument,
    "\n  mutation AdminPublishChange($input: PublishTimetableChangeInput!) {\n    publishTimetableChange(input: $input) {\n      change {\n        id\n      }\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n": typeof types.AdminPublishChangeDocument,
    "\n  query AdminReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      kind\n      number\n      name\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n": typeof types.AdminReportingPeriodsDocument,
    "\n  mutation AdminCreateYear($input: CreateAcademicYearInput!) {\n    createAcademicYear(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateYearDocument,
    "\n  mutation AdminCreatePeriod($input: CreateReportingPeriodInput!) {\n    createReportingPeriod(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreatePeriodDocument,
    "\n  mutation AdminUpdatePeriod($input: UpdateReportingPeriodInput!) {\n    updateReportingPeriod(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminUpdatePeriodDocument,
    "\n  mutation AdminClosePeriod($input: CloseReportingPeriodInput!) {\n    closeReportingPeriod(input: $input) {\n      id\n      closedAt\n    }\n  }\n": typeof types.AdminClosePeriodDocument,
    "\n  mutation RedeemInvitation($input: RedeemInvitationInput!) {\n    redeemInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.RedeemInvitationDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  query AdminYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n": types.AdminYearsDocument,
    "\n  query AdminTeachers($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.AdminTeachersDocument,
    "\n  query AdminClassList($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.AdminClassListDocument,
    "\n  mutation AdminCreateClass($input: CreateSchoolClassInput!) {\n    createSchoolClass(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateClassDocument,
    "\n  mutation AdminUpdateClass($input: UpdateSchoolClassInput!) {\n    updateSchoolClass(input: $input) {\n      id\n    }\n  }\n": types.AdminUpdateClassDocument,
    "\n  query AdminTeacherLoad($yearId: ID!, $schoolClassId: ID, $schoolId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n        gradeLevel\n        letter\n      }\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    subjects(schoolId: $schoolId) {\n      id\n      name\n    }\n  }\n": types.AdminTeacherLoadDocument,
    "\n  mutation AdminAssignTeacher($input: AssignTeacherInput!) {\n    assignTeacher(input: $input) {\n      id\n    }\n  }\n": types.AdminAssignTeacherDocument,
    "\n  mutation AdminChangeTeacher($input: ChangeTeacherInput!) {\n    changeTeacher(input: $input) {\n      id\n    }\n  }\n": types.AdminChangeTeacherDocument,
    "\n  query AdminStaff($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n        login\n      }\n    }\n  }\n": types.AdminStaffDocument,
    "\n  mutation AdminCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      code\n      expiresAt\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.AdminCreateStaffAccountDocument,
    "\n  mutation AdminGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      roles\n    }\n  }\n": types.AdminGrantRoleDocument,
    "\n  mutation AdminRevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      roles\n    }\n  }\n": types.AdminRevokeRoleDocument,
    "\n  query AdminStudentClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n    }\n  }\n": types.AdminStudentClassesDocument,
    "\n  query AdminClassRoster($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          personId\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AdminClassRosterDocument,
    "\n  query AdminStudentCard($studentId: ID!) {\n    personalData(personId: $studentId) {\n      personId\n      lastName\n      firstName\n      middleName\n      birthDate\n      email\n      phone\n      guardians {\n        id\n        kind\n        guardian {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      departureKind\n      note\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": types.AdminStudentCardDocument,
    "\n  mutation AdminCreateStudent($input: CreateStudentInput!) {\n    createStudent(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateStudentDocument,
    "\n  mutation AdminAdmitStudent($input: AdmitStudentInput!) {\n    admitStudent(input: $input) {\n      id\n    }\n  }\n": types.AdminAdmitStudentDocument,
    "\n  mutation AdminTransferStudent($input: TransferStudentInput!) {\n    transferStudent(input: $input) {\n      id\n      startsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": types.AdminTransferStudentDocument,
    "\n  mutation AdminDepartStudent($input: DepartStudentInput!) {\n    departStudent(input: $input) {\n      id\n    }\n  }\n": types.AdminDepartStudentDocument,
    "\n  mutation AdminCreateParent($input: CreateParentInput!) {\n    createParent(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateParentDocument,
    "\n  mutation AdminLinkGuardian($input: LinkGuardianInput!) {\n    linkGuardian(input: $input) {\n      id\n    }\n  }\n": types.AdminLinkGuardianDocument,
    "\n  mutation AdminUnlinkGuardian($input: UnlinkGuardianInput!) {\n    unlinkGuardian(input: $input)\n  }\n": types.AdminUnlinkGuardianDocument,
    "\n  mutation AdminImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      dryRun\n      written\n      peopleCreated\n      enrolmentsCreated\n      guardianshipsCreated\n      rolesGranted\n      problems {\n        row\n        column\n        code\n        message\n      }\n      rows {\n        row\n        lastName\n        firstName\n        middleName\n        birthDate\n        className\n        admittedOn\n        roles\n        child {\n          id\n          lastName\n          firstName\n        }\n      }\n      invitations {\n        code\n        expiresAt\n        role\n        person {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": types.AdminImportPeopleDocument,
    "\n  query AdminSubjects($schoolId: ID!) {\n    subjects(schoolId: $schoolId) {\n      id\n      name\n      shortName\n    }\n  }\n": types.AdminSubjectsDocument,
    "\n  mutation AdminCreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateSubjectDocument,
    "\n  query AdminTimetable($schoolClassId: ID!, $weekOf: String!) {\n    timetable(schoolClassId: $schoolClassId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      bellTimes {\n        lessonNumber\n        startsAt\n        endsAt\n      }\n      days {\n        date\n        weekday\n        lessons {\n          date\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          slotId\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          assignment {\n            id\n            subject {\n              id\n              name\n            }\n          }\n        }\n      }\n      slots {\n        id\n        weekday\n        lessonNumber\n        room\n        validFrom\n        validTo\n        assignment {\n          id\n          subject {\n            name\n          }\n          teacher {\n            lastName\n            firstName\n            middleName\n          }\n        }\n      }\n      changes {\n        id\n        date\n        kind\n        lessonNumber\n        room\n        note\n        assignment {\n          subject {\n            name\n          }\n        }\n        substituteTeacher {\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": types.AdminTimetableDocument,
    "\n  query AdminClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      endsOn\n      subject {\n        name\n      }\n      subgroup {\n        name\n      }\n      teacher {\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.AdminClassPagesDocument,
    "\n  mutation AdminSetBellTimes($input: SetBellTimesInput!) {\n    setBellTimes(input: $input) {\n      lessonNumber\n    }\n  }\n": types.AdminSetBellTimesDocument,
    "\n  mutation AdminCreateSlot($input: CreateTimetableSlotInput!) {\n    createTimetableSlot(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateSlotDocument,
    "\n  mutation AdminEndSlot($input: EndTimetableSlotInput!) {\n    endTimetableSlot(input: $input) {\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n": types.AdminEndSlotDocument,
    "\n  mutation AdminPublishChange($input: PublishTimetableChangeInput!) {\n    publishTimetableChange(input: $input) {\n      change {\n        id\n      }\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n": types.AdminPublishChangeDocument,
    "\n  query AdminReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      kind\n      number\n      name\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n": types.AdminReportingPeriodsDocument,
    "\n  mutation AdminCreateYear($input: CreateAcademicYearInput!) {\n    createAcademicYear(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateYearDocument,
    "\n  mutation AdminCreatePeriod($input: CreateReportingPeriodInput!) {\n    createReportingPeriod(input: $input) {\n      id\n    }\n  }\n": types.AdminCreatePeriodDocument,
    "\n  mutation AdminUpdatePeriod($input: UpdateReportingPeriodInput!) {\n    updateReportingPeriod(input: $input) {\n      id\n    }\n  }\n": types.AdminUpdatePeriodDocument,
    "\n  mutation AdminClosePeriod($input: CloseReportingPeriodInput!) {\n    closeReportingPeriod(input: $input) {\n      id\n      closedAt\n    }\n  }\n": types.AdminClosePeriodDocument,
    "\n  mutation RedeemInvitation($input: RedeemInvitationInput!) {\n    redeemInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": types.RedeemInvitationDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": types.SignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  query AdminYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTeachers($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTeachers($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminClassList($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminClassList($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateClass($input: CreateSchoolClassInput!) {\n    createSchoolClass(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateClass($input: CreateSchoolClassInput!) {\n    createSchoolClass(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateClass($input: UpdateSchoolClassInput!) {\n    updateSchoolClass(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateClass($input: UpdateSchoolClassInput!) {\n    updateSchoolClass(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTeacherLoad($yearId: ID!, $schoolClassId: ID, $schoolId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n        gradeLevel\n        letter\n      }\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    subjects(schoolId: $schoolId) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AdminTeacherLoad($yearId: ID!, $schoolClassId: ID, $schoolId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n        gradeLevel\n        letter\n      }\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    subjects(schoolId: $schoolId) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAssignTeacher($input: AssignTeacherInput!) {\n    assignTeacher(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAssignTeacher($input: AssignTeacherInput!) {\n    assignTeacher(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeTeacher($input: ChangeTeacherInput!) {\n    changeTeacher(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminChangeTeacher($input: ChangeTeacherInput!) {\n    changeTeacher(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStaff($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n        login\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStaff($schoolId: ID) {\n    staff(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n        login\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      code\n      expiresAt\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      code\n      expiresAt\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation AdminGrantRole($input: GrantRoleInput!) {\n    grantRole(input: $input) {\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      roles\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeRole($input: RevokeRoleInput!) {\n    revokeRole(input: $input) {\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStudentClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n    }\n  }\n"): (typeof documents)["\n  query AdminStudentClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminClassRoster($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          personId\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminClassRoster($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          personId\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStudentCard($studentId: ID!) {\n    personalData(personId: $studentId) {\n      personId\n      lastName\n      firstName\n      middleName\n      birthDate\n      email\n      phone\n      guardians {\n        id\n        kind\n        guardian {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      departureKind\n      note\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStudentCard($studentId: ID!) {\n    personalData(personId: $studentId) {\n      personId\n      lastName\n      firstName\n      middleName\n      birthDate\n      email\n      phone\n      guardians {\n        id\n        kind\n        guardian {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      admissionKind\n      departureKind\n      note\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateStudent($input: CreateStudentInput!) {\n    createStudent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateStudent($input: CreateStudentInput!) {\n    createStudent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAdmitStudent($input: AdmitStudentInput!) {\n    admitStudent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAdmitStudent($input: AdmitStudentInput!) {\n    admitStudent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminTransferStudent($input: TransferStudentInput!) {\n    transferStudent(input: $input) {\n      id\n      startsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminTransferStudent($input: TransferStudentInput!) {\n    transferStudent(input: $input) {\n      id\n      startsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDepartStudent($input: DepartStudentInput!) {\n    departStudent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDepartStudent($input: DepartStudentInput!) {\n    departStudent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateParent($input: CreateParentInput!) {\n    createParent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateParent($input: CreateParentInput!) {\n    createParent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminLinkGuardian($input: LinkGuardianInput!) {\n    linkGuardian(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminLinkGuardian($input: LinkGuardianInput!) {\n    linkGuardian(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUnlinkGuardian($input: UnlinkGuardianInput!) {\n    unlinkGuardian(input: $input)\n  }\n"): (typeof documents)["\n  mutation AdminUnlinkGuardian($input: UnlinkGuardianInput!) {\n    unlinkGuardian(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      dryRun\n      written\n      peopleCreated\n      enrolmentsCreated\n      guardianshipsCreated\n      rolesGranted\n      problems {\n        row\n        column\n        code\n        message\n      }\n      rows {\n        row\n        lastName\n        firstName\n        middleName\n        birthDate\n        className\n        admittedOn\n        roles\n        child {\n          id\n          lastName\n          firstName\n        }\n      }\n      invitations {\n        code\n        expiresAt\n        role\n        person {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminImportPeople($input: ImportPeopleInput!) {\n    importPeople(input: $input) {\n      dryRun\n      written\n      peopleCreated\n      enrolmentsCreated\n      guardianshipsCreated\n      rolesGranted\n      problems {\n        row\n        column\n        code\n        message\n      }\n      rows {\n        row\n        lastName\n        firstName\n        middleName\n        birthDate\n        className\n        admittedOn\n        roles\n        child {\n          id\n          lastName\n          firstName\n        }\n      }\n      invitations {\n        code\n        expiresAt\n        role\n        person {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminSubjects($schoolId: ID!) {\n    subjects(schoolId: $schoolId) {\n      id\n      name\n      shortName\n    }\n  }\n"): (typeof documents)["\n  query AdminSubjects($schoolId: ID!) {\n    subjects(schoolId: $schoolId) {\n      id\n      name\n      shortName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateSubject($input: CreateSubjectInput!) {\n    createSubject(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTimetable($schoolClassId: ID!, $weekOf: String!) {\n    timetable(schoolClassId: $schoolClassId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      bellTimes {\n        lessonNumber\n        startsAt\n        endsAt\n      }\n      days {\n        date\n        weekday\n        lessons {\n          date\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          slotId\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          assignment {\n            id\n            subject {\n              id\n              name\n            }\n          }\n        }\n      }\n      slots {\n        id\n        weekday\n        lessonNumber\n        room\n        validFrom\n        validTo\n        assignment {\n          id\n          subject {\n            name\n          }\n          teacher {\n            lastName\n            firstName\n            middleName\n          }\n        }\n      }\n      changes {\n        id\n        date\n        kind\n        lessonNumber\n        room\n        note\n        assignment {\n          subject {\n            name\n          }\n        }\n        substituteTeacher {\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTimetable($schoolClassId: ID!, $weekOf: String!) {\n    timetable(schoolClassId: $schoolClassId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      bellTimes {\n        lessonNumber\n        startsAt\n        endsAt\n      }\n      days {\n        date\n        weekday\n        lessons {\n          date\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          slotId\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          assignment {\n            id\n            subject {\n              id\n              name\n            }\n          }\n        }\n      }\n      slots {\n        id\n        weekday\n        lessonNumber\n        room\n        validFrom\n        validTo\n        assignment {\n          id\n          subject {\n            name\n          }\n          teacher {\n            lastName\n            firstName\n            middleName\n          }\n        }\n      }\n      changes {\n        id\n        date\n        kind\n        lessonNumber\n        room\n        note\n        assignment {\n          subject {\n            name\n          }\n        }\n        substituteTeacher {\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      endsOn\n      subject {\n        name\n      }\n      subgroup {\n        name\n      }\n      teacher {\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      endsOn\n      subject {\n        name\n      }\n      subgroup {\n        name\n      }\n      teacher {\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetBellTimes($input: SetBellTimesInput!) {\n    setBellTimes(input: $input) {\n      lessonNumber\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetBellTimes($input: SetBellTimesInput!) {\n    setBellTimes(input: $input) {\n      lessonNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateSlot($input: CreateTimetableSlotInput!) {\n    createTimetableSlot(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateSlot($input: CreateTimetableSlotInput!) {\n    createTimetableSlot(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminEndSlot($input: EndTimetableSlotInput!) {\n    endTimetableSlot(input: $input) {\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminEndSlot($input: EndTimetableSlotInput!) {\n    endTimetableSlot(input: $input) {\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminPublishChange($input: PublishTimetableChangeInput!) {\n    publishTimetableChange(input: $input) {\n      change {\n        id\n      }\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminPublishChange($input: PublishTimetableChangeInput!) {\n    publishTimetableChange(input: $input) {\n      change {\n        id\n      }\n      conflicts {\n        markCount\n        attendanceCount\n        homeworkCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      kind\n      number\n      name\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      kind\n      number\n      name\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateYear($input: CreateAcademicYearInput!) {\n    createAcademicYear(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateYear($input: CreateAcademicYearInput!) {\n    createAcademicYear(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreatePeriod($input: CreateReportingPeriodInput!) {\n    createReportingPeriod(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreatePeriod($input: CreateReportingPeriodInput!) {\n    createReportingPeriod(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdatePeriod($input: UpdateReportingPeriodInput!) {\n    updateReportingPeriod(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdatePeriod($input: UpdateReportingPeriodInput!) {\n    updateReportingPeriod(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminClosePeriod($input: CloseReportingPeriodInput!) {\n    closeReportingPeriod(input: $input) {\n      id\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminClosePeriod($input: CloseReportingPeriodInput!) {\n    closeReportingPeriod(input: $input) {\n      id\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemInvitation($input: RedeemInvitationInput!) {\n    redeemInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation RedeemInvitation($input: RedeemInvitationInput!) {\n    redeemInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;