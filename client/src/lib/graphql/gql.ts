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
    "\n  query LessonEditor($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n        }\n        subgroup {\n          id\n          name\n        }\n        school {\n          id\n        }\n      }\n      lessons {\n        id\n        date\n        lessonNumber\n        topic\n        status\n        version\n        workType {\n          id\n          name\n        }\n        plannedTopic {\n          id\n          title\n        }\n        homework {\n          id\n          text\n          dueOn\n        }\n      }\n    }\n    plannedTopics(assignmentId: $assignmentId) {\n      id\n      position\n      title\n      plannedHours\n    }\n  }\n": typeof types.LessonEditorDocument,
    "\n  query LessonWorkTypes($schoolId: ID!) {\n    workTypes(schoolId: $schoolId) {\n      id\n      name\n      weight\n    }\n  }\n": typeof types.LessonWorkTypesDocument,
    "\n  mutation EditorCreateLesson($input: CreateLessonInput!) {\n    createLesson(input: $input) {\n      id\n    }\n  }\n": typeof types.EditorCreateLessonDocument,
    "\n  mutation EditorUpdateLesson($input: UpdateLessonInput!) {\n    updateLesson(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.EditorUpdateLessonDocument,
    "\n  mutation EditorCancelLesson($input: CancelLessonInput!) {\n    cancelLesson(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.EditorCancelLessonDocument,
    "\n  subscription GridJournalPageChanged($assignmentId: ID!) {\n    journalPageChanged(assignmentId: $assignmentId) {\n      kind\n      lessonId\n      studentId\n      markId\n      value\n      attendanceId\n      attendanceStatus\n      minutesLate\n      lesson {\n        id\n        workType {\n          id\n          weight\n        }\n      }\n    }\n  }\n": typeof types.GridJournalPageChangedDocument,
    "\n  mutation GridSetMarks($input: SetMarksInput!) {\n    setMarks(input: $input) {\n      replayed\n      marks {\n        ...GridMark\n      }\n    }\n  }\n": typeof types.GridSetMarksDocument,
    "\n  mutation GridSetAttendance($input: SetAttendanceInput!) {\n    setAttendance(input: $input) {\n      replayed\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n": typeof types.GridSetAttendanceDocument,
    "\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n": typeof types.CreateSocketTicketDocument,
    "\n  fragment JournalPageLink on TeachingAssignment {\n    id\n    startsOn\n    endsOn\n    subject {\n      id\n      name\n    }\n    schoolClass {\n      id\n      name\n      gradeLevel\n      letter\n    }\n    subgroup {\n      id\n      name\n    }\n    individualStudent {\n      id\n      lastName\n      firstName\n    }\n    teacher {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n": typeof types.JournalPageLinkFragmentDoc,
    "\n  query MyJournalPages {\n    myJournalPages {\n      ...JournalPageLink\n    }\n  }\n": typeof types.MyJournalPagesDocument,
    "\n  query JournalSchoolYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.JournalSchoolYearsDocument,
    "\n  query SchoolJournalPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      ...JournalPageLink\n    }\n  }\n": typeof types.SchoolJournalPagesDocument,
    "\n  fragment GridMark on Mark {\n    id\n    lessonId\n    studentId\n    value\n    version\n    weight\n    comment\n    workType {\n      id\n      name\n    }\n  }\n": typeof types.GridMarkFragmentDoc,
    "\n  fragment GridAttendance on Attendance {\n    id\n    lessonId\n    studentId\n    status\n    minutesLate\n    reason\n    version\n  }\n": typeof types.GridAttendanceFragmentDoc,
    "\n  fragment GridLesson on Lesson {\n    id\n    date\n    lessonNumber\n    topic\n    status\n    version\n    workType {\n      id\n      name\n    }\n    plannedTopic {\n      id\n      title\n    }\n  }\n": typeof types.GridLessonFragmentDoc,
    "\n  query JournalGrid($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      minMarksForPeriodMark\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n          gradeLevel\n          year {\n            id\n            name\n          }\n        }\n        subgroup {\n          id\n          name\n        }\n        teacher {\n          id\n          lastName\n          firstName\n          middleName\n        }\n        school {\n          id\n          gradingScale\n        }\n      }\n      students {\n        student {\n          id\n          lastName\n          firstName\n        }\n        enrolledFrom\n        leftOn\n        periodMark {\n          id\n          value\n          special\n        }\n      }\n      lessons {\n        ...GridLesson\n      }\n      marks {\n        ...GridMark\n      }\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n": typeof types.JournalGridDocument,
    "\n  query JournalPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n": typeof types.JournalPeriodsDocument,
    "\n  query JournalYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.JournalYearsDocument,
    "\n  query JournalYearPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      id\n      schoolClass {\n        id\n        gradeLevel\n      }\n    }\n    reportingPeriods(yearId: $yearId) {\n      id\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n": typeof types.JournalYearPagesDocument,
    "\n  mutation RedeemInvitation($input: RedeemInvitationInput!) {\n    redeemInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.RedeemInvitationDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
};
const documents: Documents = {
    "\n  query LessonEditor($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n        }\n        subgroup {\n          id\n          name\n        }\n        school {\n          id\n        }\n      }\n      lessons {\n        id\n        date\n        lessonNumber\n        topic\n        status\n        version\n        workType {\n          id\n          name\n        }\n        plannedTopic {\n          id\n          title\n        }\n        homework {\n          id\n          text\n          dueOn\n        }\n      }\n    }\n    plannedTopics(assignmentId: $assignmentId) {\n      id\n      position\n      title\n      plannedHours\n    }\n  }\n": types.LessonEditorDocument,
    "\n  query LessonWorkTypes($schoolId: ID!) {\n    workTypes(schoolId: $schoolId) {\n      id\n      name\n      weight\n    }\n  }\n": types.LessonWorkTypesDocument,
    "\n  mutation EditorCreateLesson($input: CreateLessonInput!) {\n    createLesson(input: $input) {\n      id\n    }\n  }\n": types.EditorCreateLessonDocument,
    "\n  mutation EditorUpdateLesson($input: UpdateLessonInput!) {\n    updateLesson(input: $input) {\n      id\n      version\n    }\n  }\n": types.EditorUpdateLessonDocument,
    "\n  mutation EditorCancelLesson($input: CancelLessonInput!) {\n    cancelLesson(input: $input) {\n      id\n      status\n    }\n  }\n": types.EditorCancelLessonDocument,
    "\n  subscription GridJournalPageChanged($assignmentId: ID!) {\n    journalPageChanged(assignmentId: $assignmentId) {\n      kind\n      lessonId\n      studentId\n      markId\n      value\n      attendanceId\n      attendanceStatus\n      minutesLate\n      lesson {\n        id\n        workType {\n          id\n          weight\n        }\n      }\n    }\n  }\n": types.GridJournalPageChangedDocument,
    "\n  mutation GridSetMarks($input: SetMarksInput!) {\n    setMarks(input: $input) {\n      replayed\n      marks {\n        ...GridMark\n      }\n    }\n  }\n": types.GridSetMarksDocument,
    "\n  mutation GridSetAttendance($input: SetAttendanceInput!) {\n    setAttendance(input: $input) {\n      replayed\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n": types.GridSetAttendanceDocument,
    "\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n": types.CreateSocketTicketDocument,
    "\n  fragment JournalPageLink on TeachingAssignment {\n    id\n    startsOn\n    endsOn\n    subject {\n      id\n      name\n    }\n    schoolClass {\n      id\n      name\n      gradeLevel\n      letter\n    }\n    subgroup {\n      id\n      name\n    }\n    individualStudent {\n      id\n      lastName\n      firstName\n    }\n    teacher {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n": types.JournalPageLinkFragmentDoc,
    "\n  query MyJournalPages {\n    myJournalPages {\n      ...JournalPageLink\n    }\n  }\n": types.MyJournalPagesDocument,
    "\n  query JournalSchoolYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n": types.JournalSchoolYearsDocument,
    "\n  query SchoolJournalPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      ...JournalPageLink\n    }\n  }\n": types.SchoolJournalPagesDocument,
    "\n  fragment GridMark on Mark {\n    id\n    lessonId\n    studentId\n    value\n    version\n    weight\n    comment\n    workType {\n      id\n      name\n    }\n  }\n": types.GridMarkFragmentDoc,
    "\n  fragment GridAttendance on Attendance {\n    id\n    lessonId\n    studentId\n    status\n    minutesLate\n    reason\n    version\n  }\n": types.GridAttendanceFragmentDoc,
    "\n  fragment GridLesson on Lesson {\n    id\n    date\n    lessonNumber\n    topic\n    status\n    version\n    workType {\n      id\n      name\n    }\n    plannedTopic {\n      id\n      title\n    }\n  }\n": types.GridLessonFragmentDoc,
    "\n  query JournalGrid($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      minMarksForPeriodMark\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n          gradeLevel\n          year {\n            id\n            name\n          }\n        }\n        subgroup {\n          id\n          name\n        }\n        teacher {\n          id\n          lastName\n          firstName\n          middleName\n        }\n        school {\n          id\n          gradingScale\n        }\n      }\n      students {\n        student {\n          id\n          lastName\n          firstName\n        }\n        enrolledFrom\n        leftOn\n        periodMark {\n          id\n          value\n          special\n        }\n      }\n      lessons {\n        ...GridLesson\n      }\n      marks {\n        ...GridMark\n      }\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n": types.JournalGridDocument,
    "\n  query JournalPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n": types.JournalPeriodsDocument,
    "\n  query JournalYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n": types.JournalYearsDocument,
    "\n  query JournalYearPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      id\n      schoolClass {\n        id\n        gradeLevel\n      }\n    }\n    reportingPeriods(yearId: $yearId) {\n      id\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n": types.JournalYearPagesDocument,
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
export function graphql(source: "\n  query LessonEditor($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n        }\n        subgroup {\n          id\n          name\n        }\n        school {\n          id\n        }\n      }\n      lessons {\n        id\n        date\n        lessonNumber\n        topic\n        status\n        version\n        workType {\n          id\n          name\n        }\n        plannedTopic {\n          id\n          title\n        }\n        homework {\n          id\n          text\n          dueOn\n        }\n      }\n    }\n    plannedTopics(assignmentId: $assignmentId) {\n      id\n      position\n      title\n      plannedHours\n    }\n  }\n"): (typeof documents)["\n  query LessonEditor($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n        }\n        subgroup {\n          id\n          name\n        }\n        school {\n          id\n        }\n      }\n      lessons {\n        id\n        date\n        lessonNumber\n        topic\n        status\n        version\n        workType {\n          id\n          name\n        }\n        plannedTopic {\n          id\n          title\n        }\n        homework {\n          id\n          text\n          dueOn\n        }\n      }\n    }\n    plannedTopics(assignmentId: $assignmentId) {\n      id\n      position\n      title\n      plannedHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LessonWorkTypes($schoolId: ID!) {\n    workTypes(schoolId: $schoolId) {\n      id\n      name\n      weight\n    }\n  }\n"): (typeof documents)["\n  query LessonWorkTypes($schoolId: ID!) {\n    workTypes(schoolId: $schoolId) {\n      id\n      name\n      weight\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorCreateLesson($input: CreateLessonInput!) {\n    createLesson(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EditorCreateLesson($input: CreateLessonInput!) {\n    createLesson(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorUpdateLesson($input: UpdateLessonInput!) {\n    updateLesson(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation EditorUpdateLesson($input: UpdateLessonInput!) {\n    updateLesson(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditorCancelLesson($input: CancelLessonInput!) {\n    cancelLesson(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation EditorCancelLesson($input: CancelLessonInput!) {\n    cancelLesson(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GridJournalPageChanged($assignmentId: ID!) {\n    journalPageChanged(assignmentId: $assignmentId) {\n      kind\n      lessonId\n      studentId\n      markId\n      value\n      attendanceId\n      attendanceStatus\n      minutesLate\n      lesson {\n        id\n        workType {\n          id\n          weight\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription GridJournalPageChanged($assignmentId: ID!) {\n    journalPageChanged(assignmentId: $assignmentId) {\n      kind\n      lessonId\n      studentId\n      markId\n      value\n      attendanceId\n      attendanceStatus\n      minutesLate\n      lesson {\n        id\n        workType {\n          id\n          weight\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GridSetMarks($input: SetMarksInput!) {\n    setMarks(input: $input) {\n      replayed\n      marks {\n        ...GridMark\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GridSetMarks($input: SetMarksInput!) {\n    setMarks(input: $input) {\n      replayed\n      marks {\n        ...GridMark\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GridSetAttendance($input: SetAttendanceInput!) {\n    setAttendance(input: $input) {\n      replayed\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GridSetAttendance($input: SetAttendanceInput!) {\n    setAttendance(input: $input) {\n      replayed\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JournalPageLink on TeachingAssignment {\n    id\n    startsOn\n    endsOn\n    subject {\n      id\n      name\n    }\n    schoolClass {\n      id\n      name\n      gradeLevel\n      letter\n    }\n    subgroup {\n      id\n      name\n    }\n    individualStudent {\n      id\n      lastName\n      firstName\n    }\n    teacher {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n"): (typeof documents)["\n  fragment JournalPageLink on TeachingAssignment {\n    id\n    startsOn\n    endsOn\n    subject {\n      id\n      name\n    }\n    schoolClass {\n      id\n      name\n      gradeLevel\n      letter\n    }\n    subgroup {\n      id\n      name\n    }\n    individualStudent {\n      id\n      lastName\n      firstName\n    }\n    teacher {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyJournalPages {\n    myJournalPages {\n      ...JournalPageLink\n    }\n  }\n"): (typeof documents)["\n  query MyJournalPages {\n    myJournalPages {\n      ...JournalPageLink\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JournalSchoolYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  query JournalSchoolYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolJournalPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      ...JournalPageLink\n    }\n  }\n"): (typeof documents)["\n  query SchoolJournalPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      ...JournalPageLink\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GridMark on Mark {\n    id\n    lessonId\n    studentId\n    value\n    version\n    weight\n    comment\n    workType {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment GridMark on Mark {\n    id\n    lessonId\n    studentId\n    value\n    version\n    weight\n    comment\n    workType {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GridAttendance on Attendance {\n    id\n    lessonId\n    studentId\n    status\n    minutesLate\n    reason\n    version\n  }\n"): (typeof documents)["\n  fragment GridAttendance on Attendance {\n    id\n    lessonId\n    studentId\n    status\n    minutesLate\n    reason\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GridLesson on Lesson {\n    id\n    date\n    lessonNumber\n    topic\n    status\n    version\n    workType {\n      id\n      name\n    }\n    plannedTopic {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment GridLesson on Lesson {\n    id\n    date\n    lessonNumber\n    topic\n    status\n    version\n    workType {\n      id\n      name\n    }\n    plannedTopic {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JournalGrid($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      minMarksForPeriodMark\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n          gradeLevel\n          year {\n            id\n            name\n          }\n        }\n        subgroup {\n          id\n          name\n        }\n        teacher {\n          id\n          lastName\n          firstName\n          middleName\n        }\n        school {\n          id\n          gradingScale\n        }\n      }\n      students {\n        student {\n          id\n          lastName\n          firstName\n        }\n        enrolledFrom\n        leftOn\n        periodMark {\n          id\n          value\n          special\n        }\n      }\n      lessons {\n        ...GridLesson\n      }\n      marks {\n        ...GridMark\n      }\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n"): (typeof documents)["\n  query JournalGrid($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      access\n      minMarksForPeriodMark\n      period {\n        id\n        name\n        startsOn\n        endsOn\n        closedAt\n      }\n      assignment {\n        id\n        subject {\n          id\n          name\n        }\n        schoolClass {\n          id\n          name\n          gradeLevel\n          year {\n            id\n            name\n          }\n        }\n        subgroup {\n          id\n          name\n        }\n        teacher {\n          id\n          lastName\n          firstName\n          middleName\n        }\n        school {\n          id\n          gradingScale\n        }\n      }\n      students {\n        student {\n          id\n          lastName\n          firstName\n        }\n        enrolledFrom\n        leftOn\n        periodMark {\n          id\n          value\n          special\n        }\n      }\n      lessons {\n        ...GridLesson\n      }\n      marks {\n        ...GridMark\n      }\n      attendance {\n        ...GridAttendance\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JournalPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  query JournalPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JournalYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  query JournalYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JournalYearPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      id\n      schoolClass {\n        id\n        gradeLevel\n      }\n    }\n    reportingPeriods(yearId: $yearId) {\n      id\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n"): (typeof documents)["\n  query JournalYearPages($yearId: ID!) {\n    teachingAssignments(yearId: $yearId) {\n      id\n      schoolClass {\n        id\n        gradeLevel\n      }\n    }\n    reportingPeriods(yearId: $yearId) {\n      id\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n"];
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