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
    "\n  query Inbox {\n    myThreads {\n      id\n      subject\n      lastMessageAt\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    me {\n      roles {\n        id\n        school {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n    subscription MailMessageReceived {\n      messageReceived {\n        threadId\n        messageId\n      }\n    }\n  ": typeof types.MailMessageReceivedDocument,
    "\n    subscription MailThreadRead {\n      threadRead\n    }\n  ": typeof types.MailThreadReadDocument,
    "\n  query Thread($threadId: ID!) {\n    thread(threadId: $threadId) {\n      id\n      subject\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n      messages {\n        id\n        body\n        sentAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": typeof types.ThreadDocument,
    "\n  mutation SendMessage($threadId: ID!, $body: String!) {\n    sendMessage(threadId: $threadId, body: $body) {\n      id\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n    mutation MarkThreadRead($threadId: ID!) {\n      markThreadRead(threadId: $threadId) {\n        id\n        unreadCount\n      }\n    }\n  ": typeof types.MarkThreadReadDocument,
    "\n  query AnnouncementStudents {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n": typeof types.AnnouncementStudentsDocument,
    "\n  query AnnouncementStudentClasses($studentId: ID!) {\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AnnouncementStudentClassesDocument,
    "\n  query AnnouncementTaughtClasses {\n    myJournalPages {\n      id\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AnnouncementTaughtClassesDocument,
    "\n  query AnnouncementYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.AnnouncementYearsDocument,
    "\n  query AnnouncementYearClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      classTeacher {\n        id\n      }\n    }\n  }\n": typeof types.AnnouncementYearClassesDocument,
    "\n  query ClassAnnouncements($schoolClassId: ID!) {\n    classAnnouncements(schoolClassId: $schoolClassId) {\n      id\n      title\n      body\n      audience\n      publishedAt\n      author {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.ClassAnnouncementsDocument,
    "\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      id\n    }\n  }\n": typeof types.PublishAnnouncementDocument,
    "\n    subscription MailAnnouncementPublished($schoolClassId: ID!) {\n      announcementPublished(schoolClassId: $schoolClassId) {\n        id\n      }\n    }\n  ": typeof types.MailAnnouncementPublishedDocument,
    "\n  query MessageRecipients($schoolId: ID) {\n    messageRecipients(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": typeof types.MessageRecipientsDocument,
    "\n  mutation StartThread($input: StartThreadInput!) {\n    startThread(input: $input) {\n      id\n    }\n  }\n": typeof types.StartThreadDocument,
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
    "\n  query Inbox {\n    myThreads {\n      id\n      subject\n      lastMessageAt\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    me {\n      roles {\n        id\n        school {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n    subscription MailMessageReceived {\n      messageReceived {\n        threadId\n        messageId\n      }\n    }\n  ": types.MailMessageReceivedDocument,
    "\n    subscription MailThreadRead {\n      threadRead\n    }\n  ": types.MailThreadReadDocument,
    "\n  query Thread($threadId: ID!) {\n    thread(threadId: $threadId) {\n      id\n      subject\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n      messages {\n        id\n        body\n        sentAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": types.ThreadDocument,
    "\n  mutation SendMessage($threadId: ID!, $body: String!) {\n    sendMessage(threadId: $threadId, body: $body) {\n      id\n    }\n  }\n": types.SendMessageDocument,
    "\n    mutation MarkThreadRead($threadId: ID!) {\n      markThreadRead(threadId: $threadId) {\n        id\n        unreadCount\n      }\n    }\n  ": types.MarkThreadReadDocument,
    "\n  query AnnouncementStudents {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n": types.AnnouncementStudentsDocument,
    "\n  query AnnouncementStudentClasses($studentId: ID!) {\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": types.AnnouncementStudentClassesDocument,
    "\n  query AnnouncementTaughtClasses {\n    myJournalPages {\n      id\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n": types.AnnouncementTaughtClassesDocument,
    "\n  query AnnouncementYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n": types.AnnouncementYearsDocument,
    "\n  query AnnouncementYearClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      classTeacher {\n        id\n      }\n    }\n  }\n": types.AnnouncementYearClassesDocument,
    "\n  query ClassAnnouncements($schoolClassId: ID!) {\n    classAnnouncements(schoolClassId: $schoolClassId) {\n      id\n      title\n      body\n      audience\n      publishedAt\n      author {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.ClassAnnouncementsDocument,
    "\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      id\n    }\n  }\n": types.PublishAnnouncementDocument,
    "\n    subscription MailAnnouncementPublished($schoolClassId: ID!) {\n      announcementPublished(schoolClassId: $schoolClassId) {\n        id\n      }\n    }\n  ": types.MailAnnouncementPublishedDocument,
    "\n  query MessageRecipients($schoolId: ID) {\n    messageRecipients(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n": types.MessageRecipientsDocument,
    "\n  mutation StartThread($input: StartThreadInput!) {\n    startThread(input: $input) {\n      id\n    }\n  }\n": types.StartThreadDocument,
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
export function graphql(source: "\n  query Inbox {\n    myThreads {\n      id\n      subject\n      lastMessageAt\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    me {\n      roles {\n        id\n        school {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox {\n    myThreads {\n      id\n      subject\n      lastMessageAt\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n    me {\n      roles {\n        id\n        school {\n          id\n          timeZone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    subscription MailMessageReceived {\n      messageReceived {\n        threadId\n        messageId\n      }\n    }\n  "): (typeof documents)["\n    subscription MailMessageReceived {\n      messageReceived {\n        threadId\n        messageId\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    subscription MailThreadRead {\n      threadRead\n    }\n  "): (typeof documents)["\n    subscription MailThreadRead {\n      threadRead\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Thread($threadId: ID!) {\n    thread(threadId: $threadId) {\n      id\n      subject\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n      messages {\n        id\n        body\n        sentAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Thread($threadId: ID!) {\n    thread(threadId: $threadId) {\n      id\n      subject\n      unreadCount\n      overdue\n      awaitingReplySince\n      participants {\n        id\n        lastName\n        firstName\n        middleName\n      }\n      messages {\n        id\n        body\n        sentAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($threadId: ID!, $body: String!) {\n    sendMessage(threadId: $threadId, body: $body) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($threadId: ID!, $body: String!) {\n    sendMessage(threadId: $threadId, body: $body) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation MarkThreadRead($threadId: ID!) {\n      markThreadRead(threadId: $threadId) {\n        id\n        unreadCount\n      }\n    }\n  "): (typeof documents)["\n    mutation MarkThreadRead($threadId: ID!) {\n      markThreadRead(threadId: $threadId) {\n        id\n        unreadCount\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnnouncementStudents {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n"): (typeof documents)["\n  query AnnouncementStudents {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnnouncementStudentClasses($studentId: ID!) {\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnnouncementStudentClasses($studentId: ID!) {\n    enrolmentHistory(studentId: $studentId) {\n      id\n      startsOn\n      endsOn\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnnouncementTaughtClasses {\n    myJournalPages {\n      id\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnnouncementTaughtClasses {\n    myJournalPages {\n      id\n      schoolClass {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnnouncementYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  query AnnouncementYears($schoolId: ID!) {\n    academicYears(schoolId: $schoolId) {\n      id\n      startsOn\n      endsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnnouncementYearClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      classTeacher {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query AnnouncementYearClasses($yearId: ID!) {\n    schoolClasses(yearId: $yearId) {\n      id\n      name\n      classTeacher {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassAnnouncements($schoolClassId: ID!) {\n    classAnnouncements(schoolClassId: $schoolClassId) {\n      id\n      title\n      body\n      audience\n      publishedAt\n      author {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClassAnnouncements($schoolClassId: ID!) {\n    classAnnouncements(schoolClassId: $schoolClassId) {\n      id\n      title\n      body\n      audience\n      publishedAt\n      author {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PublishAnnouncement($input: PublishAnnouncementInput!) {\n    publishAnnouncement(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    subscription MailAnnouncementPublished($schoolClassId: ID!) {\n      announcementPublished(schoolClassId: $schoolClassId) {\n        id\n      }\n    }\n  "): (typeof documents)["\n    subscription MailAnnouncementPublished($schoolClassId: ID!) {\n      announcementPublished(schoolClassId: $schoolClassId) {\n        id\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageRecipients($schoolId: ID) {\n    messageRecipients(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageRecipients($schoolId: ID) {\n    messageRecipients(schoolId: $schoolId) {\n      roles\n      person {\n        id\n        lastName\n        firstName\n        middleName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartThread($input: StartThreadInput!) {\n    startThread(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartThread($input: StartThreadInput!) {\n    startThread(input: $input) {\n      id\n    }\n  }\n"];
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