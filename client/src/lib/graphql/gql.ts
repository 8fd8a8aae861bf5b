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
    "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n": typeof types.CreateSocketTicketDocument,
    "\n  query DiaryContext {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n    me {\n      roles {\n        id\n        role\n        school {\n          id\n          gradingScale\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.DiaryContextDocument,
    "\n  query DiaryWeek($studentId: ID!, $weekOf: String!) {\n    diaryWeek(studentId: $studentId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      student {\n        id\n        lastName\n        firstName\n      }\n      days {\n        date\n        weekday\n        schoolClass {\n          id\n          name\n        }\n        lessons {\n          lessonId\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          topic\n          subject {\n            id\n            name\n          }\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          workType {\n            id\n            name\n          }\n          homework {\n            id\n            text\n            dueOn\n          }\n          marks {\n            id\n            value\n            weight\n            comment\n            workType {\n              id\n              name\n            }\n          }\n          attendance {\n            id\n            status\n            minutesLate\n            reason\n          }\n        }\n      }\n      announcements {\n        id\n        title\n        body\n        publishedAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": typeof types.DiaryWeekDocument,
    "\n  subscription StudentJournalChanged($studentId: ID!) {\n    studentJournalChanged(studentId: $studentId) {\n      kind\n      studentId\n      markId\n      value\n      lessonDate\n      subject {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudentJournalChangedDocument,
    "\n  query DiaryPeriods($studentId: ID!) {\n    diaryPeriods(studentId: $studentId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.DiaryPeriodsDocument,
    "\n  query DiaryPeriod($studentId: ID!, $periodId: ID!) {\n    diaryPeriod(studentId: $studentId, periodId: $periodId) {\n      period {\n        id\n        name\n        startsOn\n        endsOn\n      }\n      student {\n        id\n        lastName\n        firstName\n      }\n      subjects {\n        subject {\n          id\n          name\n        }\n        average\n        weightedAverage\n        marks {\n          id\n          date\n          value\n          weight\n          comment\n          workType {\n            id\n            name\n          }\n        }\n        periodMark {\n          id\n          value\n          special\n        }\n        yearMark {\n          id\n          value\n          special\n        }\n      }\n    }\n  }\n": typeof types.DiaryPeriodDocument,
    "\n  mutation RedeemInvitation($input: RedeemInvitationInput!) {\n    redeemInvitation(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.RedeemInvitationDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on Viewer {\n    person {\n      id\n      lastName\n      firstName\n      middleName\n      login\n      locale\n    }\n    roles {\n      id\n      role\n      school {\n        id\n        name\n        shortName\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n": types.CreateSocketTicketDocument,
    "\n  query DiaryContext {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n    me {\n      roles {\n        id\n        role\n        school {\n          id\n          gradingScale\n          timeZone\n        }\n      }\n    }\n  }\n": types.DiaryContextDocument,
    "\n  query DiaryWeek($studentId: ID!, $weekOf: String!) {\n    diaryWeek(studentId: $studentId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      student {\n        id\n        lastName\n        firstName\n      }\n      days {\n        date\n        weekday\n        schoolClass {\n          id\n          name\n        }\n        lessons {\n          lessonId\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          topic\n          subject {\n            id\n            name\n          }\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          workType {\n            id\n            name\n          }\n          homework {\n            id\n            text\n            dueOn\n          }\n          marks {\n            id\n            value\n            weight\n            comment\n            workType {\n              id\n              name\n            }\n          }\n          attendance {\n            id\n            status\n            minutesLate\n            reason\n          }\n        }\n      }\n      announcements {\n        id\n        title\n        body\n        publishedAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": types.DiaryWeekDocument,
    "\n  subscription StudentJournalChanged($studentId: ID!) {\n    studentJournalChanged(studentId: $studentId) {\n      kind\n      studentId\n      markId\n      value\n      lessonDate\n      subject {\n        id\n        name\n      }\n    }\n  }\n": types.StudentJournalChangedDocument,
    "\n  query DiaryPeriods($studentId: ID!) {\n    diaryPeriods(studentId: $studentId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n    }\n  }\n": types.DiaryPeriodsDocument,
    "\n  query DiaryPeriod($studentId: ID!, $periodId: ID!) {\n    diaryPeriod(studentId: $studentId, periodId: $periodId) {\n      period {\n        id\n        name\n        startsOn\n        endsOn\n      }\n      student {\n        id\n        lastName\n        firstName\n      }\n      subjects {\n        subject {\n          id\n          name\n        }\n        average\n        weightedAverage\n        marks {\n          id\n          date\n          value\n          weight\n          comment\n          workType {\n            id\n            name\n          }\n        }\n        periodMark {\n          id\n          value\n          special\n        }\n        yearMark {\n          id\n          value\n          special\n        }\n      }\n    }\n  }\n": types.DiaryPeriodDocument,
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
export function graphql(source: "\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSocketTicket {\n    createSocketTicket {\n      ticket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiaryContext {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n    me {\n      roles {\n        id\n        role\n        school {\n          id\n          gradingScale\n          timeZone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DiaryContext {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n    me {\n      roles {\n        id\n        role\n        school {\n          id\n          gradingScale\n          timeZone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiaryWeek($studentId: ID!, $weekOf: String!) {\n    diaryWeek(studentId: $studentId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      student {\n        id\n        lastName\n        firstName\n      }\n      days {\n        date\n        weekday\n        schoolClass {\n          id\n          name\n        }\n        lessons {\n          lessonId\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          topic\n          subject {\n            id\n            name\n          }\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          workType {\n            id\n            name\n          }\n          homework {\n            id\n            text\n            dueOn\n          }\n          marks {\n            id\n            value\n            weight\n            comment\n            workType {\n              id\n              name\n            }\n          }\n          attendance {\n            id\n            status\n            minutesLate\n            reason\n          }\n        }\n      }\n      announcements {\n        id\n        title\n        body\n        publishedAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DiaryWeek($studentId: ID!, $weekOf: String!) {\n    diaryWeek(studentId: $studentId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      student {\n        id\n        lastName\n        firstName\n      }\n      days {\n        date\n        weekday\n        schoolClass {\n          id\n          name\n        }\n        lessons {\n          lessonId\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          topic\n          subject {\n            id\n            name\n          }\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          workType {\n            id\n            name\n          }\n          homework {\n            id\n            text\n            dueOn\n          }\n          marks {\n            id\n            value\n            weight\n            comment\n            workType {\n              id\n              name\n            }\n          }\n          attendance {\n            id\n            status\n            minutesLate\n            reason\n          }\n        }\n      }\n      announcements {\n        id\n        title\n        body\n        publishedAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StudentJournalChanged($studentId: ID!) {\n    studentJournalChanged(studentId: $studentId) {\n      kind\n      studentId\n      markId\n      value\n      lessonDate\n      subject {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StudentJournalChanged($studentId: ID!) {\n    studentJournalChanged(studentId: $studentId) {\n      kind\n      studentId\n      markId\n      value\n      lessonDate\n      subject {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiaryPeriods($studentId: ID!) {\n    diaryPeriods(studentId: $studentId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  query DiaryPeriods($studentId: ID!) {\n    diaryPeriods(studentId: $studentId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiaryPeriod($studentId: ID!, $periodId: ID!) {\n    diaryPeriod(studentId: $studentId, periodId: $periodId) {\n      period {\n        id\n        name\n        startsOn\n        endsOn\n      }\n      student {\n        id\n        lastName\n        firstName\n      }\n      subjects {\n        subject {\n          id\n          name\n        }\n        average\n        weightedAverage\n        marks {\n          id\n          date\n          value\n          weight\n          comment\n          workType {\n            id\n            name\n          }\n        }\n        periodMark {\n          id\n          value\n          special\n        }\n        yearMark {\n          id\n          value\n          special\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DiaryPeriod($studentId: ID!, $periodId: ID!) {\n    diaryPeriod(studentId: $studentId, periodId: $periodId) {\n      period {\n        id\n        name\n        startsOn\n        endsOn\n      }\n      student {\n        id\n        lastName\n        firstName\n      }\n      subjects {\n        subject {\n          id\n          name\n        }\n        average\n        weightedAverage\n        marks {\n          id\n          date\n          value\n          weight\n          comment\n          workType {\n            id\n            name\n          }\n        }\n        periodMark {\n          id\n          value\n          special\n        }\n        yearMark {\n          id\n          value\n          special\n        }\n      }\n    }\n  }\n"];
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