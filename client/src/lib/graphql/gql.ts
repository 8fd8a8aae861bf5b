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
    "\n  query HomeUnread {\n    myThreads {\n      id\n      unreadCount\n    }\n  }\n": typeof types.HomeUnreadDocument,
    "\n    subscription HomeMessageReceived {\n      messageReceived {\n        messageId\n      }\n    }\n  ": typeof types.HomeMessageReceivedDocument,
    "\n    subscription HomeThreadRead {\n      threadRead\n    }\n  ": typeof types.HomeThreadReadDocument,
    "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n": typeof types.CreateSocketTicketDocument,
    "\n  query ClassDashboard($schoolClassId: ID!) {\n    classDashboard(schoolClassId: $schoolClassId) {\n      ...ClassDashboardFields\n    }\n  }\n": typeof types.ClassDashboardDocument,
    "\n  query ClassroomDayAbsences($schoolClassId: ID!, $date: String!) {\n    classDashboard(schoolClassId: $schoolClassId, date: $date) {\n      date\n      absences {\n        id\n        version\n        lessonId\n        studentId\n        status\n        minutesLate\n        reason\n        correctedAt\n        student {\n          id\n          lastName\n          firstName\n        }\n        lesson {\n          id\n          lessonNumber\n          assignmentId\n        }\n      }\n    }\n  }\n": typeof types.ClassroomDayAbsencesDocument,
    "\n  mutation ClassroomCorrectAttendance($input: CorrectAttendanceInput!) {\n    correctAttendance(input: $input) {\n      attendance {\n        id\n        status\n        reason\n        version\n      }\n    }\n  }\n": typeof types.ClassroomCorrectAttendanceDocument,
    "\n  fragment ClassDashboardFields on ClassDashboard {\n    date\n    unreadFromParents\n    absences {\n      id\n      lessonId\n      studentId\n      status\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    marks {\n      id\n      value\n      lessonId\n      studentId\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    lowMarks {\n      id\n    }\n    lessonsMissingRecords {\n      id\n      assignmentId\n      lessonNumber\n      topic\n      homework {\n        id\n      }\n    }\n  }\n": typeof types.ClassDashboardFieldsFragmentDoc,
    "\n  fragment ClassDashboardEventFields on ClassDashboardEvent {\n    kind\n    date\n    lowMark\n    unreadFromParents\n    journal {\n      kind\n      markId\n      lessonId\n      studentId\n      value\n      attendanceStatus\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n      }\n      subject {\n        id\n        name\n      }\n    }\n    lesson {\n      lessonId\n      lessonNumber\n      topic\n      hasHomework\n      missingRecords\n      subject {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ClassDashboardEventFieldsFragmentDoc,
    "\n  subscription ClassDashboardChanged($schoolClassId: ID!) {\n    classDashboardChanged(schoolClassId: $schoolClassId) {\n      ...ClassDashboardEventFields\n    }\n  }\n": typeof types.ClassDashboardChangedDocument,
    "\n  query ClassroomFamilies($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          birthDate\n          phone\n          email\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n              personalData {\n                phone\n                email\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClassroomFamiliesDocument,
    "\n  mutation ClassroomIssueInvitation($input: IssueInvitationInput!) {\n    issueInvitation(input: $input) {\n      code\n      expiresAt\n      role\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.ClassroomIssueInvitationDocument,
    "\n  query ClassroomReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n": typeof types.ClassroomReportingPeriodsDocument,
    "\n  query ClassroomJournalSummary($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      lessons {\n        id\n        status\n      }\n      students {\n        average\n        markCount\n        leftOn\n        student {\n          id\n          lastName\n          firstName\n        }\n      }\n    }\n  }\n": typeof types.ClassroomJournalSummaryDocument,
    "\n  query ClassroomClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.ClassroomClassPagesDocument,
    "\n  query ClassroomAcademicYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.ClassroomAcademicYearsDocument,
    "\n  query ClassroomSchoolClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n      }\n    }\n  }\n": typeof types.ClassroomSchoolClassesDocument,
    "\n  mutation RedeemInvitation($input: RedeemInvitationInput!) {\n    redeemInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.RedeemInvitationDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  query HomeUnread {\n    myThreads {\n      id\n      unreadCount\n    }\n  }\n": types.HomeUnreadDocument,
    "\n    subscription HomeMessageReceived {\n      messageReceived {\n        messageId\n      }\n    }\n  ": types.HomeMessageReceivedDocument,
    "\n    subscription HomeThreadRead {\n      threadRead\n    }\n  ": types.HomeThreadReadDocument,
    "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n": types.CreateSocketTicketDocument,
    "\n  query ClassDashboard($schoolClassId: ID!) {\n    classDashboard(schoolClassId: $schoolClassId) {\n      ...ClassDashboardFields\n    }\n  }\n": types.ClassDashboardDocument,
    "\n  query ClassroomDayAbsences($schoolClassId: ID!, $date: String!) {\n    classDashboard(schoolClassId: $schoolClassId, date: $date) {\n      date\n      absences {\n        id\n        version\n        lessonId\n        studentId\n        status\n        minutesLate\n        reason\n        correctedAt\n        student {\n          id\n          lastName\n          firstName\n        }\n        lesson {\n          id\n          lessonNumber\n          assignmentId\n        }\n      }\n    }\n  }\n": types.ClassroomDayAbsencesDocument,
    "\n  mutation ClassroomCorrectAttendance($input: CorrectAttendanceInput!) {\n    correctAttendance(input: $input) {\n      attendance {\n        id\n        status\n        reason\n        version\n      }\n    }\n  }\n": types.ClassroomCorrectAttendanceDocument,
    "\n  fragment ClassDashboardFields on ClassDashboard {\n    date\n    unreadFromParents\n    absences {\n      id\n      lessonId\n      studentId\n      status\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    marks {\n      id\n      value\n      lessonId\n      studentId\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    lowMarks {\n      id\n    }\n    lessonsMissingRecords {\n      id\n      assignmentId\n      lessonNumber\n      topic\n      homework {\n        id\n      }\n    }\n  }\n": types.ClassDashboardFieldsFragmentDoc,
    "\n  fragment ClassDashboardEventFields on ClassDashboardEvent {\n    kind\n    date\n    lowMark\n    unreadFromParents\n    journal {\n      kind\n      markId\n      lessonId\n      studentId\n      value\n      attendanceStatus\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n      }\n      subject {\n        id\n        name\n      }\n    }\n    lesson {\n      lessonId\n      lessonNumber\n      topic\n      hasHomework\n      missingRecords\n      subject {\n        id\n        name\n      }\n    }\n  }\n": types.ClassDashboardEventFieldsFragmentDoc,
    "\n  subscription ClassDashboardChanged($schoolClassId: ID!) {\n    classDashboardChanged(schoolClassId: $schoolClassId) {\n      ...ClassDashboardEventFields\n    }\n  }\n": types.ClassDashboardChangedDocument,
    "\n  query ClassroomFamilies($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          birthDate\n          phone\n          email\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n              personalData {\n                phone\n                email\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ClassroomFamiliesDocument,
    "\n  mutation ClassroomIssueInvitation($input: IssueInvitationInput!) {\n    issueInvitation(input: $input) {\n      code\n      expiresAt\n      role\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.ClassroomIssueInvitationDocument,
    "\n  query ClassroomReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n": types.ClassroomReportingPeriodsDocument,
    "\n  query ClassroomJournalSummary($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      lessons {\n        id\n        status\n      }\n      students {\n        average\n        markCount\n        leftOn\n        student {\n          id\n          lastName\n          firstName\n        }\n      }\n    }\n  }\n": types.ClassroomJournalSummaryDocument,
    "\n  query ClassroomClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.ClassroomClassPagesDocument,
    "\n  query ClassroomAcademicYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n": types.ClassroomAcademicYearsDocument,
    "\n  query ClassroomSchoolClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n      }\n    }\n  }\n": types.ClassroomSchoolClassesDocument,
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
export function graphql(source: "\n  query HomeUnread {\n    myThreads {\n      id\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  query HomeUnread {\n    myThreads {\n      id\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    subscription HomeMessageReceived {\n      messageReceived {\n        messageId\n      }\n    }\n  "): (typeof documents)["\n    subscription HomeMessageReceived {\n      messageReceived {\n        messageId\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    subscription HomeThreadRead {\n      threadRead\n    }\n  "): (typeof documents)["\n    subscription HomeThreadRead {\n      threadRead\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassDashboard($schoolClassId: ID!) {\n    classDashboard(schoolClassId: $schoolClassId) {\n      ...ClassDashboardFields\n    }\n  }\n"): (typeof documents)["\n  query ClassDashboard($schoolClassId: ID!) {\n    classDashboard(schoolClassId: $schoolClassId) {\n      ...ClassDashboardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassroomDayAbsences($schoolClassId: ID!, $date: String!) {\n    classDashboard(schoolClassId: $schoolClassId, date: $date) {\n      date\n      absences {\n        id\n        version\n        lessonId\n        studentId\n        status\n        minutesLate\n        reason\n        correctedAt\n        student {\n          id\n          lastName\n          firstName\n        }\n        lesson {\n          id\n          lessonNumber\n          assignmentId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassroomDayAbsences($schoolClassId: ID!, $date: String!) {\n    classDashboard(schoolClassId: $schoolClassId, date: $date) {\n      date\n      absences {\n        id\n        version\n        lessonId\n        studentId\n        status\n        minutesLate\n        reason\n        correctedAt\n        student {\n          id\n          lastName\n          firstName\n        }\n        lesson {\n          id\n          lessonNumber\n          assignmentId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClassroomCorrectAttendance($input: CorrectAttendanceInput!) {\n    correctAttendance(input: $input) {\n      attendance {\n        id\n        status\n        reason\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClassroomCorrectAttendance($input: CorrectAttendanceInput!) {\n    correctAttendance(input: $input) {\n      attendance {\n        id\n        status\n        reason\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClassDashboardFields on ClassDashboard {\n    date\n    unreadFromParents\n    absences {\n      id\n      lessonId\n      studentId\n      status\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    marks {\n      id\n      value\n      lessonId\n      studentId\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    lowMarks {\n      id\n    }\n    lessonsMissingRecords {\n      id\n      assignmentId\n      lessonNumber\n      topic\n      homework {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ClassDashboardFields on ClassDashboard {\n    date\n    unreadFromParents\n    absences {\n      id\n      lessonId\n      studentId\n      status\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    marks {\n      id\n      value\n      lessonId\n      studentId\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n        assignmentId\n      }\n    }\n    lowMarks {\n      id\n    }\n    lessonsMissingRecords {\n      id\n      assignmentId\n      lessonNumber\n      topic\n      homework {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClassDashboardEventFields on ClassDashboardEvent {\n    kind\n    date\n    lowMark\n    unreadFromParents\n    journal {\n      kind\n      markId\n      lessonId\n      studentId\n      value\n      attendanceStatus\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n      }\n      subject {\n        id\n        name\n      }\n    }\n    lesson {\n      lessonId\n      lessonNumber\n      topic\n      hasHomework\n      missingRecords\n      subject {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ClassDashboardEventFields on ClassDashboardEvent {\n    kind\n    date\n    lowMark\n    unreadFromParents\n    journal {\n      kind\n      markId\n      lessonId\n      studentId\n      value\n      attendanceStatus\n      minutesLate\n      reason\n      student {\n        id\n        lastName\n        firstName\n      }\n      lesson {\n        id\n        lessonNumber\n      }\n      subject {\n        id\n        name\n      }\n    }\n    lesson {\n      lessonId\n      lessonNumber\n      topic\n      hasHomework\n      missingRecords\n      subject {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClassDashboardChanged($schoolClassId: ID!) {\n    classDashboardChanged(schoolClassId: $schoolClassId) {\n      ...ClassDashboardEventFields\n    }\n  }\n"): (typeof documents)["\n  subscription ClassDashboardChanged($schoolClassId: ID!) {\n    classDashboardChanged(schoolClassId: $schoolClassId) {\n      ...ClassDashboardEventFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassroomFamilies($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          birthDate\n          phone\n          email\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n              personalData {\n                phone\n                email\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassroomFamilies($schoolClassId: ID!, $on: String!) {\n    classRoster(schoolClassId: $schoolClassId, on: $on) {\n      id\n      startsOn\n      student {\n        id\n        lastName\n        firstName\n        middleName\n        personalData {\n          birthDate\n          phone\n          email\n          guardians {\n            id\n            kind\n            guardian {\n              id\n              lastName\n              firstName\n              middleName\n              personalData {\n                phone\n                email\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClassroomIssueInvitation($input: IssueInvitationInput!) {\n    issueInvitation(input: $input) {\n      code\n      expiresAt\n      role\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ClassroomIssueInvitation($input: IssueInvitationInput!) {\n    issueInvitation(input: $input) {\n      code\n      expiresAt\n      role\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassroomReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n"): (typeof documents)["\n  query ClassroomReportingPeriods($yearId: ID!) {\n    reportingPeriods(yearId: $yearId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n      gradeLevels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassroomJournalSummary($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      lessons {\n        id\n        status\n      }\n      students {\n        average\n        markCount\n        leftOn\n        student {\n          id\n          lastName\n          firstName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassroomJournalSummary($assignmentId: ID!, $periodId: ID!) {\n    journalPage(assignmentId: $assignmentId, periodId: $periodId) {\n      lessons {\n        id\n        status\n      }\n      students {\n        average\n        markCount\n        leftOn\n        student {\n          id\n          lastName\n          firstName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassroomClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassroomClassPages($yearId: ID!, $schoolClassId: ID!) {\n    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {\n      id\n      startsOn\n      endsOn\n      subject {\n        id\n        name\n      }\n      subgroup {\n        id\n        name\n      }\n      individualStudent {\n        id\n        lastName\n        firstName\n      }\n      teacher {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassroomAcademicYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  query ClassroomAcademicYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      name\n      startsOn\n      endsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassroomSchoolClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassroomSchoolClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      gradeLevel\n      letter\n      classTeacher {\n        id\n      }\n    }\n  }\n"];
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