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
    "\n  query DiaryContext {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n    me {\n      roles {\n        id\n        role\n        school {\n          id\n          gradingScale\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.DiaryContextDocument,
    "\n  query DiaryWeek($studentId: ID!, $weekOf: String!) {\n    diaryWeek(studentId: $studentId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      student {\n        id\n        lastName\n        firstName\n      }\n      days {\n        date\n        weekday\n        schoolClass {\n          id\n          name\n        }\n        lessons {\n          lessonId\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          topic\n          subject {\n            id\n            name\n          }\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          workType {\n            id\n            name\n          }\n          homework {\n            id\n            text\n            dueOn\n          }\n          marks {\n            id\n            value\n            weight\n            comment\n            workType {\n              id\n              name\n            }\n          }\n          attendance {\n            id\n            status\n            minutesLate\n            reason\n          }\n        }\n      }\n      announcements {\n        id\n        title\n        body\n        publishedAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": typeof types.DiaryWeekDocument,
    "\n  subscription StudentJournalChanged($studentId: ID!) {\n    studentJournalChanged(studentId: $studentId) {\n      kind\n      studentId\n      markId\n      value\n      lessonDate\n      subject {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StudentJournalChangedDocument,
    "\n  query DiaryPeriods($studentId: ID!) {\n    diaryPeriods(studentId: $studentId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n    }\n  }\n": typeof types.DiaryPeriodsDocument,
    "\n  query DiaryPeriod($studentId: ID!, $periodId: ID!) {\n    diaryPeriod(studentId: $studentId, periodId: $periodId) {\n      period {\n        id\n        name\n        startsOn\n        endsOn\n      }\n      student {\n        id\n        lastName\n        firstName\n      }\n      subjects {\n        subject {\n          id\n          name\n        }\n        average\n        weightedAverage\n        marks {\n          id\n          date\n          value\n          weight\n          comment\n          workType {\n            id\n            name\n          }\n        }\n        periodMark {\n          id\n          value\n          special\n        }\n        yearMark {\n          id\n          value\n          special\n        }\n      }\n    }\n  }\n": typeof types.DiaryPeriodDocument,
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
    "\n  query DiaryContext {\n    myStudents {\n      id\n      lastName\n      firstName\n      middleName\n    }\n    me {\n      roles {\n        id\n        role\n        school {\n          id\n          gradingScale\n          timeZone\n        }\n      }\n    }\n  }\n": types.DiaryContextDocument,
    "\n  query DiaryWeek($studentId: ID!, $weekOf: String!) {\n    diaryWeek(studentId: $studentId, weekOf: $weekOf) {\n      startsOn\n      endsOn\n      student {\n        id\n        lastName\n        firstName\n      }\n      days {\n        date\n        weekday\n        schoolClass {\n          id\n          name\n        }\n        lessons {\n          lessonId\n          lessonNumber\n          startsAt\n          endsAt\n          room\n          status\n          change\n          changeNote\n          topic\n          subject {\n            id\n            name\n          }\n          teacher {\n            id\n            lastName\n            firstName\n            middleName\n          }\n          workType {\n            id\n            name\n          }\n          homework {\n            id\n            text\n            dueOn\n          }\n          marks {\n            id\n            value\n            weight\n            comment\n            workType {\n              id\n              name\n            }\n          }\n          attendance {\n            id\n            status\n            minutesLate\n            reason\n          }\n        }\n      }\n      announcements {\n        id\n        title\n        body\n        publishedAt\n        author {\n          id\n          lastName\n          firstName\n          middleName\n        }\n      }\n    }\n  }\n": types.DiaryWeekDocument,
    "\n  subscription StudentJournalChanged($studentId: ID!) {\n    studentJournalChanged(studentId: $studentId) {\n      kind\n      studentId\n      markId\n      value\n      lessonDate\n      subject {\n        id\n        name\n      }\n    }\n  }\n": types.StudentJournalChangedDocument,
    "\n  query DiaryPeriods($studentId: ID!) {\n    diaryPeriods(studentId: $studentId) {\n      id\n      name\n      kind\n      startsOn\n      endsOn\n    }\n  }\n": types.DiaryPeriodsDocument,
    "\n  query DiaryPeriod($studentId: ID!, $periodId: ID!) {\n    diaryPeriod(studentId: $studentId, periodId: $periodId) {\n      period {\n        id\n        name\n        startsOn\n        endsOn\n      }\n      student {\n        id\n        lastName\n        firstName\n      }\n      subjects {\n        subject {\n          id\n          name\n        }\n        average\n        weightedAverage\n        marks {\n          id\n          date\n          value\n          weight\n          comment\n          workType {\n            id\n            name\n          }\n        }\n        periodMark {\n          id\n          value\n          special\n        }\n        yearMark {\n          id\n          value\n          special\n        }\n      }\n    }\n  }\n": types.DiaryPeriodDocument,
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