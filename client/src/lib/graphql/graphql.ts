/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why a student was absent, as corrected by the class teacher (R-JRN-2). */
export type AbsenceReason =
  | 'EXCUSED'
  | 'ILLNESS'
  | 'OTHER'
  | 'UNEXCUSED';

/** How a student came into a class (R-YEAR-5). */
export type AdmissionKind =
  | 'ADMISSION'
  | 'PROMOTION'
  | 'TRANSFER_IN';

/** Admits a student to a class from a date (R-YEAR-5). */
export type AdmitStudentInput = {
  /** First day in the class (YYYY-MM-DD), inside its year. */
  from: string;
  /** ADMISSION (default) or PROMOTION; TRANSFER_IN is what transferStudent records. */
  kind?: AdmissionKind | null | undefined;
  /** Note kept with the enrolment. */
  note?: string | null | undefined;
  /** Grounds, e.g. the number of the order (audit trail). */
  reason: string;
  /** The class. */
  schoolClassId: string | number;
  /** The student (a person with the STUDENT role in the school). */
  studentId: string | number;
};

/** Who an announcement is for: the class's parents, its students, or both. */
export type AnnouncementAudience =
  | 'BOTH'
  | 'PARENTS'
  | 'STUDENTS';

/** A kind of data an API client may read; MESSAGES and CONTACTS only when granted. */
export type ApiScope =
  /** Attendance records. */
  | 'ATTENDANCE'
  /** Personal data: birth dates, phones, e-mail, guardians. */
  | 'CONTACTS'
  /** Marks, journal pages, diaries, average explanations. */
  | 'MARKS'
  /** Announcements and overdue-thread lists. */
  | 'MESSAGES'
  /** Performance, attendance and control reports, the summary sheet. */
  | 'REPORTS'
  /** Years, periods, classes, subjects, teacher load, timetable, lessons, rosters. */
  | 'STRUCTURE';

/** Builds and keeps the archive of a closed year (R-DATA-2). */
export type ArchiveAcademicYearInput = {
  /** The closed school year. */
  yearId: string | number;
};

/** Gives a journal page to a teacher: subject × class or subgroup. */
export type AssignTeacherInput = {
  /** The class. */
  schoolClassId: string | number;
  /** First day (YYYY-MM-DD) the teacher keeps the page; null: the whole year. */
  startsOn?: string | null | undefined;
  /** A subgroup of the class for this subject. */
  subgroupId?: string | number | null | undefined;
  /** The subject. */
  subjectId: string | number;
  /** The teacher: a teacher of the school. */
  teacherId: string | number;
};

/** One student's attendance at the lesson. */
export type AttendanceEntryInput = {
  /** Minutes late (with LATE only). */
  minutesLate?: number | null | undefined;
  /** Why, when known. */
  reason?: AbsenceReason | null | undefined;
  /** Absent or late; null: present. */
  status?: AttendanceStatus | null | undefined;
  /** The student. */
  studentId: string | number;
  /** Version of the record you saw, when one exists; a newer one means CONFLICT. */
  version?: number | null | undefined;
};

/** A date range and, optionally, one class or one school. */
export type AttendanceReportInput = {
  /** First day (YYYY-MM-DD), inclusive. */
  from: string;
  /** Only this class. */
  schoolClassId?: string | number | null | undefined;
  /** The school, when you work at several and give no class. */
  schoolId?: string | number | null | undefined;
  /** Last day (YYYY-MM-DD), inclusive; not before `from`. */
  to: string;
};

/** A student missing a lesson or part of it; presence is not stored (R-JRN-2). */
export type AttendanceStatus =
  | 'ABSENT'
  | 'LATE';

/** When one lesson starts and ends. */
export type BellTimeInput = {
  /** End (HH:MM, school time). */
  endsAt: string;
  /** Lesson number, 0 to 12. */
  lessonNumber: number;
  /** Start (HH:MM, school time). */
  startsAt: string;
};

/** A lesson that did not take place. */
export type CancelLessonInput = {
  /** The lesson. */
  lessonId: string | number;
  /** Why (kept in the audit trail). */
  reason: string;
  /** The version you saw. */
  version: number;
};

/** Another teacher keeps a journal page from a date. */
export type ChangeTeacherInput = {
  /** The teaching assignment to end. */
  assignmentId: string | number;
  /** First day (YYYY-MM-DD) the new teacher keeps the page. */
  from: string;
  /** Why (kept in the audit trail). */
  reason: string;
  /** The new teacher. */
  teacherId: string | number;
};

/** What changed on the class dashboard. */
export type ClassDashboardEventKind =
  | 'ATTENDANCE_REMOVED'
  | 'ATTENDANCE_SET'
  | 'LESSON_CANCELLED'
  | 'LESSON_CREATED'
  | 'LESSON_UPDATED'
  | 'MARK_CHANGED'
  | 'MARK_REMOVED'
  | 'MARK_SET'
  | 'MESSAGES_READ'
  | 'PARENT_MESSAGE';

/** Closes a school year: its journals become read-only (R-DATA-2). */
export type CloseAcademicYearInput = {
  /** Why or on whose order (audit trail). */
  reason?: string | null | undefined;
  /** The school year. */
  yearId: string | number;
};

/** Closes a period: its period marks become final. */
export type CloseReportingPeriodInput = {
  /** The period. */
  periodId: string | number;
  /** Why or on whose order (audit trail). */
  reason?: string | null | undefined;
};

/** A code from the app, proving the enrolment worked. */
export type ConfirmTotpEnrolmentInput = {
  /** The 6-digit code the app shows now. */
  code: string;
};

/** A figure of journal control with a list behind it; each value is the `ControlFigures` field of the same name. */
export type ControlFigure =
  /** `lateMarks`: lessons, each with how many late marks. */
  | 'LATE_MARKS'
  /** `lateWrittenMarks`: lessons, each with how many. */
  | 'LATE_WRITTEN_MARKS'
  /** `lessonsWithoutAttendance`: lessons. */
  | 'LESSONS_WITHOUT_ATTENDANCE'
  /** `lessonsWithoutHomework`: lessons. */
  | 'LESSONS_WITHOUT_HOMEWORK'
  /** `lessonsWithoutTopic`: lessons. */
  | 'LESSONS_WITHOUT_TOPIC'
  /** `periodMarksLate`: period marks. */
  | 'PERIOD_MARKS_LATE'
  /** `periodMarksMissing`: period marks. */
  | 'PERIOD_MARKS_MISSING'
  /** `studentsWithoutMarks`: students × pages. */
  | 'STUDENTS_WITHOUT_MARKS'
  /** `studentsWithOneMark`: students × pages. */
  | 'STUDENTS_WITH_ONE_MARK';

/** The class teacher's weekly correction of an absence record (R-JRN-2). */
export type CorrectAttendanceInput = {
  /** The lesson. */
  lessonId: string | number;
  /** Why the record is corrected (kept in the audit trail). */
  note: string;
  /** Illness, excused, … */
  reason?: AbsenceReason | null | undefined;
  /** Absent or late; null: present. */
  status?: AttendanceStatus | null | undefined;
  /** The student. */
  studentId: string | number;
  /** Version of the record you saw, if any. */
  version?: number | null | undefined;
};

/** A new school year of a school (R-YEAR-1). */
export type CreateAcademicYearInput = {
  /** Last day (YYYY-MM-DD), inclusive. */
  endsOn: string;
  /** e.g. 2026/2027; unique in the school. */
  name: string;
  /** The school. */
  schoolId: string | number;
  /** First day (YYYY-MM-DD). */
  startsOn: string;
};

/** A new API client. */
export type CreateApiClientInput = {
  /** What to call it, e.g. the analytics tool. */
  name: string;
  /** The schools it may read; you must administer each. */
  schoolIds: Array<string | number>;
  /** The kinds of data it may read. */
  scopes: Array<ApiScope>;
};

/** A lesson to record on a journal page (R-JRN-1). */
export type CreateLessonInput = {
  /** The journal page (teaching assignment). */
  assignmentId: string | number;
  /** Date (YYYY-MM-DD), inside a reporting period of the year. */
  date: string;
  /** Homework set at the lesson. */
  homework?: HomeworkInput | null | undefined;
  /** Number in the bell schedule. */
  lessonNumber?: number | null | undefined;
  /** The line of the calendar-thematic plan; its title is the topic unless given. */
  plannedTopicId?: string | number | null | undefined;
  /** Topic as free text. */
  topic?: string | null | undefined;
  /** Kind of work done at the lesson. */
  workTypeId?: string | number | null | undefined;
};

/** A new parent or legal guardian; with studentId, linked to that student at once (the class teacher's way). */
export type CreateParentInput = {
  /** Date of birth (YYYY-MM-DD). */
  birthDate?: string | null | undefined;
  /** E-mail address. */
  email?: string | null | undefined;
  /** Given name. */
  firstName: string;
  /** How the parent is related to the student (default GUARDIAN). */
  kind?: GuardianshipKind | null | undefined;
  /** Family name. */
  lastName: string;
  /** Patronymic, where used. */
  middleName?: string | null | undefined;
  /** Phone number. */
  phone?: string | null | undefined;
  /** The school. */
  schoolId: string | number;
  /** A student of the school to link at once. */
  studentId?: string | number | null | undefined;
};

/** A quarter, trimester, half-year or the year, for some grade levels. */
export type CreateReportingPeriodInput = {
  /** Last day (YYYY-MM-DD), inclusive, inside the year. */
  endsOn: string;
  /** Grade levels (1..12) using it; a grade uses one kind of division per year. */
  gradeLevels: Array<number>;
  /** Quarter, trimester, half-year or year. */
  kind: PeriodKind;
  /** e.g. 1 четверть. */
  name: string;
  /** Number within the year and kind, from 1. */
  number: number;
  /** First day (YYYY-MM-DD), inside the year. */
  startsOn: string;
  /** The school year. */
  yearId: string | number;
};

/** A class of a school year, e.g. 5А (R-YEAR-2). */
export type CreateSchoolClassInput = {
  /** The class teacher: a teacher of the school. */
  classTeacherId?: string | number | null | undefined;
  /** Grade level, 1 to 12. */
  gradeLevel: number;
  /** Letter, e.g. А; empty for a single class of the grade. */
  letter: string;
  /** The school year. */
  yearId: string | number;
};

/** A new staff member (R-ROLE-1). */
export type CreateStaffAccountInput = {
  /** E-mail for notices. */
  email?: string | null | undefined;
  /** Given name. */
  firstName: string;
  /** Family name. */
  lastName: string;
  /** Patronymic. */
  middleName?: string | null | undefined;
  /** Staff roles: administrator, director, deputy, records clerk, teacher. */
  roles: Array<Role>;
  /** The school the staff member works in. */
  schoolId: string | number;
};

/** A new student, admitted to a class from a date. */
export type CreateStudentInput = {
  /** Date of birth (YYYY-MM-DD). */
  birthDate?: string | null | undefined;
  /** E-mail address. */
  email?: string | null | undefined;
  /** Given name. */
  firstName: string;
  /** First day in the class (YYYY-MM-DD), inside its year. */
  from: string;
  /** Family name. */
  lastName: string;
  /** Patronymic, where used. */
  middleName?: string | null | undefined;
  /** Phone number. */
  phone?: string | null | undefined;
  /** Grounds, e.g. the number of the order (audit trail). */
  reason: string;
  /** The class the student is admitted to. */
  schoolClassId: string | number;
};

/** A subject of the school (R-YEAR-3). */
export type CreateSubjectInput = {
  /** Full name, unique in the school. */
  name: string;
  /** The school. */
  schoolId: string | number;
  /** Short name; default: the name. */
  shortName?: string | null | undefined;
};

/** Puts a journal page into the weekly timetable from a date. */
export type CreateTimetableSlotInput = {
  /** The journal page (teaching assignment). */
  assignmentId: string | number;
  /** Lesson number, 0 to 12. */
  lessonNumber: number;
  /** Room. */
  room?: string | null | undefined;
  /** First day (YYYY-MM-DD); default: the first day of the page in the year. */
  validFrom?: string | null | undefined;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
};

/** A student leaves their class (and the school) from a date. */
export type DepartStudentInput = {
  /** First day the student is no longer in the class. */
  from: string;
  /** DEPARTURE (default), TRANSFER_OUT (to another school) or GRADUATION. */
  kind?: DepartureKind | null | undefined;
  /** Note kept with the enrolment, e.g. where the student went. */
  note?: string | null | undefined;
  /** Grounds, e.g. the number of the order (audit trail). */
  reason: string;
  /** The student. */
  studentId: string | number;
};

/** How a student left a class (R-YEAR-5). */
export type DepartureKind =
  | 'DEPARTURE'
  | 'GRADUATION'
  | 'PROMOTION'
  | 'TRANSFER_OUT';

/** Proof of presence to turn the second factor off: a code or the password. */
export type DisableTotpInput = {
  /** A current code from the app. */
  code?: string | null | undefined;
  /** The password (when the phone is lost). */
  password?: string | null | undefined;
};

/** Takes a slot out of the timetable from a date; its history stays. */
export type EndTimetableSlotInput = {
  /** First day (YYYY-MM-DD) the slot no longer applies. */
  from: string;
  /** Why (kept in the audit trail). */
  reason?: string | null | undefined;
  /** The slot. */
  slotId: string | number;
};

/** A student's average on one journal page for one period. */
export type ExplainAverageInput = {
  /** The journal page (teaching assignment); or give subjectId instead. */
  assignmentId?: string | number | null | undefined;
  /** The reporting period. */
  periodId: string | number;
  /** The student. */
  studentId: string | number;
  /** The subject, instead of the page: the student's page of that subject in the period (the diary and the summary sheet know subjects, not pages). */
  subjectId?: string | number | null | undefined;
};

/** The marking scale a school uses. */
export type GradingScale =
  | 'FIVE_POINT'
  | 'PERCENT'
  | 'TEN_POINT';

/** A staff role to grant (R-ROLE-1). */
export type GrantRoleInput = {
  /** A person of the school: staff, or a parent who joins the staff. */
  personId: string | number;
  /** A staff role: administrator, director, deputy, records clerk, teacher. */
  role: Role;
  /** The school, when you administer several the person belongs to. */
  schoolId?: string | number | null | undefined;
};

/** How a parent or legal guardian is related to a student. */
export type GuardianshipKind =
  | 'FATHER'
  | 'GUARDIAN'
  | 'MOTHER'
  | 'OTHER';

/** Homework set at a lesson (R-JRN-4). */
export type HomeworkInput = {
  /** Due date (YYYY-MM-DD); null: next lesson. */
  dueOn?: string | null | undefined;
  /** What to do; empty removes the homework. */
  text: string;
};

/** A table file format. */
export type ImportFormat =
  | 'CSV'
  | 'XLSX';

/** A list of people as a CSV/XLSX table: a header row, then one person per row. Headers, Russian or English: Фамилия / last_name and Имя / first_name (required), Отчество / middle_name, Дата рождения / birth_date (DD.MM.YYYY or YYYY-MM-DD; required for students), Email, Телефон / phone. Students: Класс / class (e.g. 5А, in the school year running on the admission date), Дата зачисления / admitted_on (default today). Parents: Логин ученика / student_login, or Ребёнок / child (full name) with Дата рождения ребёнка / child_birth_date; Кем приходится / relation (мать, отец, опекун, другое); a parent of two children takes one row per child. Staff: Роль / role (учитель, директор, завуч, администратор, делопроизводитель, or the Role names; several separated by commas). */
export type ImportPeopleInput = {
  /** Check only: report every problem, write nothing. */
  dryRun: boolean;
  /** The file, base64-encoded (at most 1 MB). */
  fileBase64: string;
  /** CSV (comma, semicolon or tab) or XLSX. */
  format: ImportFormat;
  /** Students, parents or staff. */
  kind: PeopleImportKind;
  /** The school, when you keep the lists of several. */
  schoolId?: string | number | null | undefined;
};

/** Whom to issue a one-time invitation code to. */
export type IssueInvitationInput = {
  /** The person who will redeem the code. */
  personId: string | number;
  /** The school, when the person belongs to several you work in. */
  schoolId?: string | number | null | undefined;
};

/** What journal control covers (R-CTL-1). */
export type JournalControlInput = {
  /** First day (YYYY-MM-DD), inclusive. */
  from: string;
  /** Only the pages of this class. */
  schoolClassId?: string | number | null | undefined;
  /** The school; may be left out when you work at one school only. */
  schoolId?: string | number | null | undefined;
  /** Only the pages of this teacher. A teacher may name only themselves. */
  teacherId?: string | number | null | undefined;
  /** Last day (YYYY-MM-DD), inclusive; at most a year after `from`. */
  to: string;
};

/** One figure of one row of journal control: name exactly one of `assignmentId`, `schoolClassId`, `teacherId` or `wholeSchool`, and the range of the report. */
export type JournalControlListInput = {
  /** A page row: one journal page. */
  assignmentId?: string | number | null | undefined;
  /** The figure whose list is wanted. */
  figure: ControlFigure;
  /** First day (YYYY-MM-DD), inclusive. */
  from: string;
  /** A class row: the class's pages. */
  schoolClassId?: string | number | null | undefined;
  /** The school; may be left out when you work at one school only. */
  schoolId?: string | number | null | undefined;
  /** A teacher row: the teacher's pages. */
  teacherId?: string | number | null | undefined;
  /** Last day (YYYY-MM-DD), inclusive; at most a year after `from`. */
  to: string;
  /** The whole-school row: every page. */
  wholeSchool?: boolean | null | undefined;
};

/** What changed in the journal. */
export type JournalEventKind =
  | 'ATTENDANCE_REMOVED'
  | 'ATTENDANCE_SET'
  | 'MARK_CHANGED'
  | 'MARK_REMOVED'
  | 'MARK_SET';

/** Whether a lesson took place. */
export type LessonStatus =
  | 'CANCELLED'
  | 'HELD'
  | 'PLANNED';

/** Records a parent or legal guardian of a student. */
export type LinkGuardianInput = {
  /** The parent or guardian: a person the school knows. */
  guardianId: string | number;
  /** How they are related. */
  kind: GuardianshipKind;
  /** The student. */
  studentId: string | number;
};

/** A change of a mark already set. */
export type MarkChangeInput = {
  /** Comment; null: keep the current one. */
  comment?: string | null | undefined;
  /** The mark. */
  markId: string | number;
  /** Why the mark changes (kept in the audit trail). */
  reason: string;
  /** The new value. */
  value: string;
  /** The version you saw; a newer one means CONFLICT. */
  version: number;
  /** Kind of work; null: keep the current one. */
  workTypeId?: string | number | null | undefined;
};

/** The removal of a mark set by mistake. */
export type MarkRemovalInput = {
  /** The mark. */
  markId: string | number;
  /** Why the mark is removed (kept in the audit trail). */
  reason: string;
  /** The version you saw; a newer one means CONFLICT. */
  version: number;
};

/** A new mark. */
export type NewMarkInput = {
  /** Comment shown in the diary. */
  comment?: string | null | undefined;
  /** The student. */
  studentId: string | number;
  /** The mark on the school's scale, e.g. 5. */
  value: string;
  /** Kind of work; null: the lesson's. */
  workTypeId?: string | number | null | undefined;
};

/** Whether the viewer keeps a journal page or only reads it. */
export type PageAccess =
  | 'KEEP'
  | 'READ';

/** Whom a people file lists (R-ROLE-3). */
export type PeopleImportKind =
  | 'PARENTS'
  | 'STAFF'
  | 'STUDENTS';

/** What a row of the performance report is about. */
export type PerformanceGroupKind =
  | 'CLASS'
  | 'SCHOOL'
  | 'SUBJECT'
  | 'TEACHER';

/** Which period (a YEAR period gives the year) and, optionally, one class. */
export type PerformanceReportInput = {
  /** The reporting period; a YEAR period reports the year marks. */
  periodId: string | number;
  /** Only this class; default every class in reach. */
  schoolClassId?: string | number | null | undefined;
};

/** How a school year is divided for period marks (R-YEAR-1). */
export type PeriodKind =
  | 'HALF_YEAR'
  | 'QUARTER'
  | 'TRIMESTER'
  | 'YEAR';

/** One student's period mark: a value, or a special mark. */
export type PeriodMarkEntryInput = {
  /** Why an existing period mark changes (required then). */
  reason?: string | null | undefined;
  /** EXEMPT (осв.) or NOT_ATTESTED (н/а), instead of a value. */
  special?: PeriodMarkSpecial | null | undefined;
  /** The student. */
  studentId: string | number;
  /** Mark on the school's scale. */
  value?: string | null | undefined;
  /** Version of the period mark you saw, when one exists. */
  version?: number | null | undefined;
};

/** A period mark that is not a number (R-JRN-5). */
export type PeriodMarkSpecial =
  | 'EXEMPT'
  | 'NOT_ATTESTED';

/** A notice to the parents and students of a class. */
export type PublishAnnouncementInput = {
  /** Who it is for; default both parents and students. */
  audience?: AnnouncementAudience | null | undefined;
  /** Text, up to 5000 characters. */
  body: string;
  /** The class. */
  schoolClassId: string | number;
  /** Title, up to 200 characters. */
  title: string;
};

/** A one-day change published to the diaries: CANCELLED, SUBSTITUTION, ROOM_CHANGE and MOVED name a slot; ADDED names a page. */
export type PublishTimetableChangeInput = {
  /** The journal page, for ADDED. */
  assignmentId?: string | number | null | undefined;
  /** The day (YYYY-MM-DD); for MOVED, the new day (same week). */
  date: string;
  /** What the change does. */
  kind: TimetableChangeKind;
  /** For MOVED and ADDED: the lesson number. */
  lessonNumber?: number | null | undefined;
  /** Shown with the change in the diary. */
  note?: string | null | undefined;
  /** For ROOM_CHANGE (required), MOVED, ADDED. */
  room?: string | null | undefined;
  /** The weekly slot affected. */
  slotId?: string | number | null | undefined;
  /** For SUBSTITUTION: the substitute teacher. */
  substituteTeacherId?: string | number | null | undefined;
};

/** A one-time invitation code and the credentials its holder chooses. */
export type RedeemInvitationInput = {
  /** The code as printed, e.g. K7Q2-9XMD-4HRT (case and dashes do not matter). */
  code: string;
  /** The sign-in name to use from now on. */
  login: string;
  /** The new password. */
  password: string;
};

/** An account's credentials leaked as of a moment (R-AUTH-3). */
export type ReportCompromiseInput = {
  /** What happened (up to 500 characters). */
  note?: string | null | undefined;
  /** The account: yourself, or a person of a school you run. */
  personId: string | number;
  /** When the credentials leaked; not in the future. */
  since: string;
};

/** Ends an API client’s access. */
export type RevokeApiClientInput = {
  /** The client. */
  id: string | number;
  /** Why (kept in the audit trail). */
  reason: string;
};

/** A staff role to take away, with the reason (R-ROLE-1). */
export type RevokeRoleInput = {
  /** The member of staff. */
  personId: string | number;
  /** Why, for the audit trail (e.g. the order number). */
  reason: string;
  /** The staff role to end. */
  role: Role;
  /** The school, when you administer several the person belongs to. */
  schoolId?: string | number | null | undefined;
};

/** What a person does in a school. */
export type Role =
  | 'ADMINISTRATOR'
  | 'DEPUTY'
  | 'DIRECTOR'
  | 'PARENT'
  | 'RECORDS_CLERK'
  | 'STUDENT'
  | 'TEACHER';

/** Attendance of many students at one lesson, in one transaction (R-JRN-2). */
export type SetAttendanceInput = {
  /** Chosen by the client: a retry with the same id is applied once. */
  clientMutationId?: string | null | undefined;
  /** One entry per student to record. */
  entries: Array<AttendanceEntryInput>;
  /** The lesson. */
  lessonId: string | number;
};

/** A school's whole bell schedule: lessons not listed are removed. */
export type SetBellTimesInput = {
  /** The school. */
  schoolId: string | number;
  /** Every lesson, in any order; they may not overlap. */
  times: Array<BellTimeInput>;
};

/** Marks of one lesson set, changed and removed in one transaction. */
export type SetMarksInput = {
  /** Marks to add. */
  add?: Array<NewMarkInput>;
  /** Marks to change. */
  change?: Array<MarkChangeInput>;
  /** Chosen by the client, unique per batch: a retry with the same id returns the first result instead of setting the marks twice. */
  clientMutationId?: string | null | undefined;
  /** The lesson. */
  lessonId: string | number;
  /** Marks to remove. */
  remove?: Array<MarkRemovalInput>;
};

/** The interface language the signed-in person chooses for themselves. */
export type SetMyLocaleInput = {
  /** A supported language tag: ru, kk or en. */
  locale: string;
};

/** Period marks of a journal page (R-JRN-5). */
export type SetPeriodMarksInput = {
  /** The journal page. */
  assignmentId: string | number;
  /** A retry with the same id is applied once. */
  clientMutationId?: string | null | undefined;
  /** One entry per student. */
  marks: Array<PeriodMarkEntryInput>;
  /** The reporting period. */
  periodId: string | number;
};

/** Credentials issued by the school (R-AUTH-1). */
export type SignInInput = {
  /** A random id (16-200 characters) the client keeps for this device, e.g. in a long-lived cookie. Sign-ins from a device that signed in before are not slowed by attacks on the account from elsewhere. */
  deviceId?: string | null | undefined;
  /** Sign-in name. */
  login: string;
  /** Password. */
  password: string;
};

/** The second sign-in step: the challenge and a current TOTP code. */
export type SignInSecondFactorInput = {
  /** From `signIn.secondFactor.challenge`. */
  challenge: string;
  /** The 6-digit code the authenticator app shows now. */
  code: string;
  /** As in `SignInInput.deviceId`. */
  deviceId?: string | null | undefined;
};

/** A new conversation. */
export type StartThreadInput = {
  /** The first message. */
  body: string;
  /** Recipients; each must be someone you may write to. */
  recipientIds: Array<string | number>;
  /** The school, when you belong to several. */
  schoolId?: string | number | null | undefined;
  /** Subject, up to 200 characters. */
  subject: string;
};

/** The class (a class belongs to one academic year). */
export type SummarySheetInput = {
  /** The class whose summary sheet to build. */
  schoolClassId: string | number;
};

/** What a timetable change does to one lesson (R-YEAR-4). */
export type TimetableChangeKind =
  | 'ADDED'
  | 'CANCELLED'
  | 'MOVED'
  | 'ROOM_CHANGE'
  | 'SUBSTITUTION';

/** Moves a student to another class of the same year from a date. */
export type TransferStudentInput = {
  /** First day in the new class (YYYY-MM-DD). */
  from: string;
  /** Note kept with the new enrolment. */
  note?: string | null | undefined;
  /** Grounds, e.g. the number of the order (audit trail). */
  reason: string;
  /** The student. */
  studentId: string | number;
  /** The class the student moves to. */
  toSchoolClassId: string | number;
};

/** Removes a parent or legal guardian of a student. */
export type UnlinkGuardianInput = {
  /** The parent or guardian. */
  guardianId: string | number;
  /** Why, e.g. a court decision (audit trail). */
  reason: string;
  /** The student. */
  studentId: string | number;
};

/** Changes to a lesson; absent fields stay as they are. */
export type UpdateLessonInput = {
  /** Homework; empty text removes it. */
  homework?: HomeworkInput | null | undefined;
  /** The lesson. */
  lessonId: string | number;
  /** The line of the calendar-thematic plan. */
  plannedTopicId?: string | number | null | undefined;
  /** Topic as free text. */
  topic?: string | null | undefined;
  /** The version you saw; a newer one means CONFLICT. */
  version: number;
  /** Kind of work done at the lesson. */
  workTypeId?: string | number | null | undefined;
};

/** Changes to an open reporting period; absent fields stay as they are. */
export type UpdateReportingPeriodInput = {
  /** New last day (YYYY-MM-DD), inclusive. */
  endsOn?: string | null | undefined;
  /** New grade levels. */
  gradeLevels?: Array<number> | null | undefined;
  /** New name. */
  name?: string | null | undefined;
  /** The period. */
  periodId: string | number;
  /** Why (kept in the audit trail). */
  reason?: string | null | undefined;
  /** New first day (YYYY-MM-DD). */
  startsOn?: string | null | undefined;
};

/** Changes to a class; absent fields stay as they are. */
export type UpdateSchoolClassInput = {
  /** New class teacher; an explicit null removes the class teacher. */
  classTeacherId?: string | number | null | undefined;
  /** New grade level. */
  gradeLevel?: number | null | undefined;
  /** New letter. */
  letter?: string | null | undefined;
  /** Why (kept in the audit trail). */
  reason?: string | null | undefined;
  /** The class. */
  schoolClassId: string | number;
};

/** Disputed operations to void, with the reason (R-AUTH-3). */
export type VoidOperationsInput = {
  /** The operations to void; null: every voidable disputed operation of the report. */
  operationIds?: Array<string | number> | null | undefined;
  /** Why (kept in the audit trail). */
  reason: string;
  /** The compromise report. */
  reportId: string | number;
};

export type LessonEditorQueryVariables = Exact<{
  assignmentId: string | number;
  periodId: string | number;
}>;


export type LessonEditorQuery = { journalPage: { access: PageAccess, period: { id: string, name: string, startsOn: string, endsOn: string, closedAt: string | null }, assignment: { id: string, subject: { id: string, name: string }, schoolClass: { id: string, name: string, year: { id: string, closedAt: string | null } }, subgroup: { id: string, name: string } | null, school: { id: string } }, lessons: Array<{ id: string, date: string, lessonNumber: number | null, topic: string | null, status: LessonStatus, version: number, workType: { id: string, name: string } | null, plannedTopic: { id: string, title: string } | null, homework: Array<{ id: string, text: string, dueOn: string | null }> }> }, plannedTopics: Array<{ id: string, position: number, title: string, plannedHours: number }> };

export type LessonWorkTypesQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type LessonWorkTypesQuery = { workTypes: Array<{ id: string, name: string, weight: number }> };

export type EditorCreateLessonMutationVariables = Exact<{
  input: CreateLessonInput;
}>;


export type EditorCreateLessonMutation = { createLesson: { id: string } };

export type EditorUpdateLessonMutationVariables = Exact<{
  input: UpdateLessonInput;
}>;


export type EditorUpdateLessonMutation = { updateLesson: { id: string, version: number } };

export type EditorCancelLessonMutationVariables = Exact<{
  input: CancelLessonInput;
}>;


export type EditorCancelLessonMutation = { cancelLesson: { id: string, status: LessonStatus } };

export type GridJournalPageChangedSubscriptionVariables = Exact<{
  assignmentId: string | number;
}>;


export type GridJournalPageChangedSubscription = { journalPageChanged: { kind: JournalEventKind, lessonId: string, studentId: string, markId: string | null, value: string | null, attendanceId: string | null, attendanceStatus: string | null, minutesLate: number | null, lesson: { id: string, workType: { id: string, weight: number } | null } } };

export type GridSetMarksMutationVariables = Exact<{
  input: SetMarksInput;
}>;


export type GridSetMarksMutation = { setMarks: { replayed: boolean, marks: Array<{ id: string, lessonId: string, studentId: string, value: string, version: number, weight: number, comment: string | null, workType: { id: string, name: string } | null }> } };

export type GridSetAttendanceMutationVariables = Exact<{
  input: SetAttendanceInput;
}>;


export type GridSetAttendanceMutation = { setAttendance: { replayed: boolean, attendance: Array<{ id: string, lessonId: string, studentId: string, status: AttendanceStatus, minutesLate: number | null, reason: AbsenceReason | null, version: number }> } };

export type GridSetPeriodMarksMutationVariables = Exact<{
  input: SetPeriodMarksInput;
}>;


export type GridSetPeriodMarksMutation = { setPeriodMarks: { replayed: boolean, periodMarks: Array<{ id: string, studentId: string, value: string | null, special: PeriodMarkSpecial | null, version: number }>, warnings: Array<{ studentId: string, markCount: number, required: number }> } };

export type ViewerFieldsFragment = { person: { id: string, lastName: string, firstName: string, middleName: string | null, login: string | null, locale: string }, roles: Array<{ id: string, role: Role, school: { id: string, name: string, shortName: string } }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { person: { id: string, lastName: string, firstName: string, middleName: string | null, login: string | null, locale: string }, roles: Array<{ id: string, role: Role, school: { id: string, name: string, shortName: string } }> } | null };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { signOutEverywhere: number };

export type SetMyLocaleMutationVariables = Exact<{
  input: SetMyLocaleInput;
}>;


export type SetMyLocaleMutation = { setMyLocale: { id: string, locale: string } };

export type HomeUnreadQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeUnreadQuery = { myThreads: Array<{ id: string, unreadCount: number }> };

export type HomeMessageReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HomeMessageReceivedSubscription = { messageReceived: { messageId: string } };

export type HomeThreadReadSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HomeThreadReadSubscription = { threadRead: string };

export type ReportOwnCompromiseMutationVariables = Exact<{
  input: ReportCompromiseInput;
}>;


export type ReportOwnCompromiseMutation = { reportCompromise: { id: string } };

export type AdminYearsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type AdminYearsQuery = { academicYears: Array<{ id: string, name: string, startsOn: string, endsOn: string, closedAt: string | null }> };

export type AdminTeachersQueryVariables = Exact<{
  schoolId?: string | number | null | undefined;
}>;


export type AdminTeachersQuery = { staff: Array<{ roles: Array<Role>, person: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type AdminClassListQueryVariables = Exact<{
  yearId: string | number;
}>;


export type AdminClassListQuery = { schoolClasses: Array<{ id: string, name: string, gradeLevel: number, letter: string, classTeacher: { id: string, lastName: string, firstName: string, middleName: string | null } | null }> };

export type AdminApiClientsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type AdminApiClientsQuery = { apiClients: Array<{ id: string, name: string, scopes: Array<ApiScope>, tokenPrefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, revokeReason: string | null, createdBy: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type AdminCreateApiClientMutationVariables = Exact<{
  input: CreateApiClientInput;
}>;


export type AdminCreateApiClientMutation = { createApiClient: { token: string, client: { id: string, name: string } } };

export type AdminRevokeApiClientMutationVariables = Exact<{
  input: RevokeApiClientInput;
}>;


export type AdminRevokeApiClientMutation = { revokeApiClient: { id: string, revokedAt: string | null } };

export type AdminCreateClassMutationVariables = Exact<{
  input: CreateSchoolClassInput;
}>;


export type AdminCreateClassMutation = { createSchoolClass: { id: string } };

export type AdminUpdateClassMutationVariables = Exact<{
  input: UpdateSchoolClassInput;
}>;


export type AdminUpdateClassMutation = { updateSchoolClass: { id: string } };

export type AdminCompromiseReportsQueryVariables = Exact<{
  schoolId?: string | number | null | undefined;
}>;


export type AdminCompromiseReportsQuery = { compromiseReports: Array<{ id: string, since: string, reportedAt: string, note: string | null, sessionsRevoked: number, person: { id: string, lastName: string, firstName: string, middleName: string | null }, reportedBy: { id: string, lastName: string, firstName: string, middleName: string | null } }>, staff: Array<{ person: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type AdminDisputedOperationsQueryVariables = Exact<{
  reportId: string | number;
}>;


export type AdminDisputedOperationsQuery = { disputedOperations: Array<{ id: string, occurredAt: string, entityType: string, entityId: string, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, reason: string | null, voidable: boolean, ipAddress: string | null, userAgent: string | null, lessonDate: string | null, student: { id: string, lastName: string, firstName: string, middleName: string | null } | null }> };

export type AdminReportCompromiseMutationVariables = Exact<{
  input: ReportCompromiseInput;
}>;


export type AdminReportCompromiseMutation = { reportCompromise: { id: string, sessionsRevoked: number } };

export type AdminVoidOperationsMutationVariables = Exact<{
  input: VoidOperationsInput;
}>;


export type AdminVoidOperationsMutation = { voidOperations: { voided: number } };

export type AdminTeacherLoadQueryVariables = Exact<{
  yearId: string | number;
  schoolClassId?: string | number | null | undefined;
  schoolId: string | number;
}>;


export type AdminTeacherLoadQuery = { teachingAssignments: Array<{ id: string, startsOn: string | null, endsOn: string | null, schoolClass: { id: string, name: string, gradeLevel: number, letter: string }, subject: { id: string, name: string }, subgroup: { id: string, name: string } | null, individualStudent: { id: string, lastName: string, firstName: string } | null, teacher: { id: string, lastName: string, firstName: string, middleName: string | null } }>, subjects: Array<{ id: string, name: string }> };

export type AdminAssignTeacherMutationVariables = Exact<{
  input: AssignTeacherInput;
}>;


export type AdminAssignTeacherMutation = { assignTeacher: { id: string } };

export type AdminChangeTeacherMutationVariables = Exact<{
  input: ChangeTeacherInput;
}>;


export type AdminChangeTeacherMutation = { changeTeacher: { id: string } };

export type AdminStaffQueryVariables = Exact<{
  schoolId?: string | number | null | undefined;
}>;


export type AdminStaffQuery = { staff: Array<{ roles: Array<Role>, person: { id: string, lastName: string, firstName: string, middleName: string | null, login: string | null } }> };

export type AdminCreateStaffAccountMutationVariables = Exact<{
  input: CreateStaffAccountInput;
}>;


export type AdminCreateStaffAccountMutation = { createStaffAccount: { code: string, expiresAt: string, person: { id: string, lastName: string, firstName: string, middleName: string | null } } };

export type AdminGrantRoleMutationVariables = Exact<{
  input: GrantRoleInput;
}>;


export type AdminGrantRoleMutation = { grantRole: { roles: Array<Role> } };

export type AdminRevokeRoleMutationVariables = Exact<{
  input: RevokeRoleInput;
}>;


export type AdminRevokeRoleMutation = { revokeRole: { roles: Array<Role> } };

export type AdminStudentClassesQueryVariables = Exact<{
  yearId: string | number;
}>;


export type AdminStudentClassesQuery = { schoolClasses: Array<{ id: string, name: string, gradeLevel: number, letter: string }> };

export type AdminClassRosterQueryVariables = Exact<{
  schoolClassId: string | number;
  on: string;
}>;


export type AdminClassRosterQuery = { classRoster: Array<{ id: string, startsOn: string, endsOn: string | null, admissionKind: AdmissionKind, student: { id: string, lastName: string, firstName: string, middleName: string | null, personalData: { personId: string, guardians: Array<{ id: string, kind: GuardianshipKind, guardian: { id: string, lastName: string, firstName: string, middleName: string | null } }> } | null } }> };

export type AdminStudentCardQueryVariables = Exact<{
  studentId: string | number;
}>;


export type AdminStudentCardQuery = { personalData: { personId: string, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, email: string | null, phone: string | null, guardians: Array<{ id: string, kind: GuardianshipKind, guardian: { id: string, lastName: string, firstName: string, middleName: string | null } }> }, enrolmentHistory: Array<{ id: string, startsOn: string, endsOn: string | null, admissionKind: AdmissionKind, departureKind: DepartureKind | null, note: string | null, schoolClass: { id: string, name: string } }> };

export type AdminCreateStudentMutationVariables = Exact<{
  input: CreateStudentInput;
}>;


export type AdminCreateStudentMutation = { createStudent: { id: string } };

export type AdminAdmitStudentMutationVariables = Exact<{
  input: AdmitStudentInput;
}>;


export type AdminAdmitStudentMutation = { admitStudent: { id: string } };

export type AdminTransferStudentMutationVariables = Exact<{
  input: TransferStudentInput;
}>;


export type AdminTransferStudentMutation = { transferStudent: { id: string, startsOn: string, schoolClass: { id: string, name: string } } };

export type AdminDepartStudentMutationVariables = Exact<{
  input: DepartStudentInput;
}>;


export type AdminDepartStudentMutation = { departStudent: { id: string } };

export type AdminCreateParentMutationVariables = Exact<{
  input: CreateParentInput;
}>;


export type AdminCreateParentMutation = { createParent: { id: string } };

export type AdminLinkGuardianMutationVariables = Exact<{
  input: LinkGuardianInput;
}>;


export type AdminLinkGuardianMutation = { linkGuardian: { id: string } };

export type AdminUnlinkGuardianMutationVariables = Exact<{
  input: UnlinkGuardianInput;
}>;


export type AdminUnlinkGuardianMutation = { unlinkGuardian: boolean };

export type AdminImportPeopleMutationVariables = Exact<{
  input: ImportPeopleInput;
}>;


export type AdminImportPeopleMutation = { importPeople: { dryRun: boolean, written: boolean, peopleCreated: number, enrolmentsCreated: number, guardianshipsCreated: number, rolesGranted: number, problems: Array<{ row: number, column: string | null, code: string, message: string }>, rows: Array<{ row: number, lastName: string, firstName: string, middleName: string | null, birthDate: string | null, className: string | null, admittedOn: string | null, roles: Array<Role>, child: { id: string, lastName: string, firstName: string } | null }>, invitations: Array<{ code: string, expiresAt: string, role: Role, person: { id: string, lastName: string, firstName: string, middleName: string | null } }> } };

export type AdminSubjectsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type AdminSubjectsQuery = { subjects: Array<{ id: string, name: string, shortName: string }> };

export type AdminCreateSubjectMutationVariables = Exact<{
  input: CreateSubjectInput;
}>;


export type AdminCreateSubjectMutation = { createSubject: { id: string } };

export type AdminTimetableQueryVariables = Exact<{
  schoolClassId: string | number;
  weekOf: string;
}>;


export type AdminTimetableQuery = { timetable: { startsOn: string, endsOn: string, bellTimes: Array<{ lessonNumber: number, startsAt: string, endsAt: string }>, days: Array<{ date: string, weekday: number, lessons: Array<{ date: string, lessonNumber: number | null, startsAt: string | null, endsAt: string | null, room: string | null, status: LessonStatus, change: TimetableChangeKind | null, changeNote: string | null, slotId: string | null, teacher: { id: string, lastName: string, firstName: string, middleName: string | null }, assignment: { id: string, subject: { id: string, name: string } } }> }>, slots: Array<{ id: string, weekday: number, lessonNumber: number, room: string | null, validFrom: string, validTo: string | null, assignment: { id: string, subject: { name: string }, teacher: { lastName: string, firstName: string, middleName: string | null } } }>, changes: Array<{ id: string, date: string, kind: TimetableChangeKind, lessonNumber: number, room: string | null, note: string | null, assignment: { subject: { name: string } }, substituteTeacher: { lastName: string, firstName: string, middleName: string | null } | null }> } };

export type AdminClassPagesQueryVariables = Exact<{
  yearId: string | number;
  schoolClassId: string | number;
}>;


export type AdminClassPagesQuery = { teachingAssignments: Array<{ id: string, endsOn: string | null, subject: { name: string }, subgroup: { name: string } | null, teacher: { lastName: string, firstName: string, middleName: string | null } }> };

export type AdminSetBellTimesMutationVariables = Exact<{
  input: SetBellTimesInput;
}>;


export type AdminSetBellTimesMutation = { setBellTimes: Array<{ lessonNumber: number }> };

export type AdminCreateSlotMutationVariables = Exact<{
  input: CreateTimetableSlotInput;
}>;


export type AdminCreateSlotMutation = { createTimetableSlot: { id: string } };

export type AdminEndSlotMutationVariables = Exact<{
  input: EndTimetableSlotInput;
}>;


export type AdminEndSlotMutation = { endTimetableSlot: { conflicts: Array<{ markCount: number, attendanceCount: number, homeworkCount: number }> } };

export type AdminPublishChangeMutationVariables = Exact<{
  input: PublishTimetableChangeInput;
}>;


export type AdminPublishChangeMutation = { publishTimetableChange: { change: { id: string }, conflicts: Array<{ markCount: number, attendanceCount: number, homeworkCount: number }> } };

export type AdminReportingPeriodsQueryVariables = Exact<{
  yearId: string | number;
}>;


export type AdminReportingPeriodsQuery = { reportingPeriods: Array<{ id: string, kind: PeriodKind, number: number, name: string, startsOn: string, endsOn: string, gradeLevels: Array<number>, closedAt: string | null }> };

export type AdminCreateYearMutationVariables = Exact<{
  input: CreateAcademicYearInput;
}>;


export type AdminCreateYearMutation = { createAcademicYear: { id: string } };

export type AdminCreatePeriodMutationVariables = Exact<{
  input: CreateReportingPeriodInput;
}>;


export type AdminCreatePeriodMutation = { createReportingPeriod: { id: string } };

export type AdminUpdatePeriodMutationVariables = Exact<{
  input: UpdateReportingPeriodInput;
}>;


export type AdminUpdatePeriodMutation = { updateReportingPeriod: { id: string } };

export type AdminClosePeriodMutationVariables = Exact<{
  input: CloseReportingPeriodInput;
}>;


export type AdminClosePeriodMutation = { closeReportingPeriod: { id: string, closedAt: string | null } };

export type AdminYearArchivesQueryVariables = Exact<{
  yearId: string | number;
}>;


export type AdminYearArchivesQuery = { yearArchives: Array<{ id: string, createdAt: string, sizeBytes: number, sha256: string, merkleRoot: string, auditChainHead: string }> };

export type AdminCloseYearMutationVariables = Exact<{
  input: CloseAcademicYearInput;
}>;


export type AdminCloseYearMutation = { closeAcademicYear: { id: string, closedAt: string | null } };

export type AdminArchiveYearMutationVariables = Exact<{
  input: ArchiveAcademicYearInput;
}>;


export type AdminArchiveYearMutation = { archiveAcademicYear: { id: string } };

export type CreateSocketTicketMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateSocketTicketMutation = { createSocketTicket: { ticket: string } };

export type ClassDashboardQueryVariables = Exact<{
  schoolClassId: string | number;
}>;


export type ClassDashboardQuery = { classDashboard: { date: string, unreadFromParents: number, absences: Array<{ id: string, lessonId: string, studentId: string, status: AttendanceStatus, minutesLate: number | null, reason: AbsenceReason | null, student: { id: string, lastName: string, firstName: string }, lesson: { id: string, lessonNumber: number | null, assignmentId: string } }>, marks: Array<{ id: string, value: string, lessonId: string, studentId: string, student: { id: string, lastName: string, firstName: string }, lesson: { id: string, lessonNumber: number | null, assignmentId: string } }>, lowMarks: Array<{ id: string }>, lessonsMissingRecords: Array<{ id: string, assignmentId: string, lessonNumber: number | null, topic: string | null, homework: Array<{ id: string }> }> } };

export type ClassroomDayAbsencesQueryVariables = Exact<{
  schoolClassId: string | number;
  date: string;
}>;


export type ClassroomDayAbsencesQuery = { classDashboard: { date: string, absences: Array<{ id: string, version: number, lessonId: string, studentId: string, status: AttendanceStatus, minutesLate: number | null, reason: AbsenceReason | null, correctedAt: string | null, student: { id: string, lastName: string, firstName: string }, lesson: { id: string, lessonNumber: number | null, assignmentId: string } }> } };

export type ClassroomCorrectAttendanceMutationVariables = Exact<{
  input: CorrectAttendanceInput;
}>;


export type ClassroomCorrectAttendanceMutation = { correctAttendance: { attendance: { id: string, status: AttendanceStatus, reason: AbsenceReason | null, version: number } | null } };

export type ClassDashboardFieldsFragment = { date: string, unreadFromParents: number, absences: Array<{ id: string, lessonId: string, studentId: string, status: AttendanceStatus, minutesLate: number | null, reason: AbsenceReason | null, student: { id: string, lastName: string, firstName: string }, lesson: { id: string, lessonNumber: number | null, assignmentId: string } }>, marks: Array<{ id: string, value: string, lessonId: string, studentId: string, student: { id: string, lastName: string, firstName: string }, lesson: { id: string, lessonNumber: number | null, assignmentId: string } }>, lowMarks: Array<{ id: string }>, lessonsMissingRecords: Array<{ id: string, assignmentId: string, lessonNumber: number | null, topic: string | null, homework: Array<{ id: string }> }> };

export type ClassDashboardEventFieldsFragment = { kind: ClassDashboardEventKind, date: string, lowMark: boolean | null, unreadFromParents: number | null, journal: { kind: JournalEventKind, markId: string | null, lessonId: string, studentId: string, value: string | null, attendanceStatus: string | null, minutesLate: number | null, reason: AbsenceReason | null, student: { id: string, lastName: string, firstName: string }, lesson: { id: string, lessonNumber: number | null }, subject: { id: string, name: string } } | null, lesson: { lessonId: string, lessonNumber: number | null, topic: string | null, hasHomework: boolean, missingRecords: boolean, subject: { id: string, name: string } } | null };

export type ClassDashboardChangedSubscriptionVariables = Exact<{
  schoolClassId: string | number;
}>;


export type ClassDashboardChangedSubscription = { classDashboardChanged: { kind: ClassDashboardEventKind, date: string, lowMark: boolean | null, unreadFromParents: number | null, journal: { kind: JournalEventKind, markId: string | null, lessonId: string, studentId: string, value: string | null, attendanceStatus: string | null, minutesLate: number | null, reason: AbsenceReason | null, student: { id: string, lastName: string, firstName: string }, lesson: { id: string, lessonNumber: number | null }, subject: { id: string, name: string } } | null, lesson: { lessonId: string, lessonNumber: number | null, topic: string | null, hasHomework: boolean, missingRecords: boolean, subject: { id: string, name: string } } | null } };

export type ClassroomFamiliesQueryVariables = Exact<{
  schoolClassId: string | number;
  on: string;
}>;


export type ClassroomFamiliesQuery = { classRoster: Array<{ id: string, startsOn: string, student: { id: string, lastName: string, firstName: string, middleName: string | null, personalData: { birthDate: string | null, phone: string | null, email: string | null, guardians: Array<{ id: string, kind: GuardianshipKind, guardian: { id: string, lastName: string, firstName: string, middleName: string | null, personalData: { phone: string | null, email: string | null } | null } }> } | null } }> };

export type ClassroomIssueInvitationMutationVariables = Exact<{
  input: IssueInvitationInput;
}>;


export type ClassroomIssueInvitationMutation = { issueInvitation: { code: string, expiresAt: string, role: Role, person: { id: string, lastName: string, firstName: string, middleName: string | null } } };

export type ClassroomReportingPeriodsQueryVariables = Exact<{
  yearId: string | number;
}>;


export type ClassroomReportingPeriodsQuery = { reportingPeriods: Array<{ id: string, name: string, kind: PeriodKind, startsOn: string, endsOn: string, gradeLevels: Array<number> }> };

export type ClassroomJournalSummaryQueryVariables = Exact<{
  assignmentId: string | number;
  periodId: string | number;
}>;


export type ClassroomJournalSummaryQuery = { journalPage: { lessons: Array<{ id: string, status: LessonStatus }>, students: Array<{ average: number | null, markCount: number, leftOn: string | null, student: { id: string, lastName: string, firstName: string } }> } };

export type ClassroomClassPagesQueryVariables = Exact<{
  yearId: string | number;
  schoolClassId: string | number;
}>;


export type ClassroomClassPagesQuery = { teachingAssignments: Array<{ id: string, startsOn: string | null, endsOn: string | null, subject: { id: string, name: string }, subgroup: { id: string, name: string } | null, individualStudent: { id: string, lastName: string, firstName: string } | null, teacher: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type ClassroomAcademicYearsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type ClassroomAcademicYearsQuery = { academicYears: Array<{ id: string, name: string, startsOn: string, endsOn: string }> };

export type ClassroomSchoolClassesQueryVariables = Exact<{
  yearId: string | number;
}>;


export type ClassroomSchoolClassesQuery = { schoolClasses: Array<{ id: string, name: string, gradeLevel: number, letter: string, classTeacher: { id: string } | null }> };

type ControlCounts_JournalControlClass_Fragment = { lessonsHeld: number, lessonsPlanned: number, completion: number | null, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } };

type ControlCounts_JournalControlPage_Fragment = { lessonsHeld: number, lessonsPlanned: number, completion: number | null, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } };

type ControlCounts_JournalControlTeacher_Fragment = { lessonsHeld: number, lessonsPlanned: number, completion: number | null, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } };

type ControlCounts_JournalControlTotal_Fragment = { lessonsHeld: number, lessonsPlanned: number, completion: number | null, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } };

export type ControlCountsFragment =
  | ControlCounts_JournalControlClass_Fragment
  | ControlCounts_JournalControlPage_Fragment
  | ControlCounts_JournalControlTeacher_Fragment
  | ControlCounts_JournalControlTotal_Fragment
;

export type ControlSignInCountsFragment = { total: number, signedIn: number, share: number | null, notSignedIn: Array<{ personId: string, name: string }> };

export type JournalControlQueryVariables = Exact<{
  input: JournalControlInput;
}>;


export type JournalControlQuery = { journalControl: { from: string, to: string, schoolId: string, total: { lessonsHeld: number, lessonsPlanned: number, completion: number | null, unansweredMessages: { count: number }, signIns: { students: { total: number, signedIn: number, share: number | null }, parents: { total: number, signedIn: number, share: number | null } }, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } }, classes: Array<{ schoolClassId: string, className: string, lessonsHeld: number, lessonsPlanned: number, completion: number | null, signIns: { students: { total: number, signedIn: number, share: number | null, notSignedIn: Array<{ personId: string, name: string }> }, parents: { total: number, signedIn: number, share: number | null, notSignedIn: Array<{ personId: string, name: string }> } }, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } }>, teachers: Array<{ teacherId: string, teacherName: string, lessonsHeld: number, lessonsPlanned: number, completion: number | null, unansweredMessages: { count: number, threads: Array<{ threadId: string, subject: string, parentName: string, sentAt: string, answeredAt: string | null }> }, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } }>, pages: Array<{ assignmentId: string, schoolClassId: string, className: string, subjectName: string, audience: string | null, teacherId: string, teacherName: string, lessonsHeld: number, lessonsPlanned: number, completion: number | null, lessonsWithoutTopic: { count: number }, lessonsWithoutHomework: { count: number }, lateMarks: { count: number }, lateWrittenMarks: { count: number }, lessonsWithoutAttendance: { count: number }, studentsWithoutMarks: { count: number, total: number, share: number | null }, studentsWithOneMark: { count: number, total: number, share: number | null }, periodMarksMissing: { count: number }, periodMarksLate: { count: number } }> } };

export type JournalControlListQueryVariables = Exact<{
  input: JournalControlListInput;
}>;


export type JournalControlListQuery = { journalControlList: { figure: ControlFigure, count: number, lessons: Array<{ lessonId: string, date: string, lessonNumber: number | null, topic: string | null, count: number, className: string, subjectName: string }>, students: Array<{ personId: string, name: string, className: string | null, subjectName: string | null }>, periodMarks: Array<{ periodId: string, periodName: string, periodEndsOn: string, setOn: string | null, student: { personId: string, name: string, className: string | null, subjectName: string | null } }> } };

export type DiaryContextQueryVariables = Exact<{ [key: string]: never; }>;


export type DiaryContextQuery = { myStudents: Array<{ id: string, lastName: string, firstName: string, middleName: string | null }>, me: { roles: Array<{ id: string, role: Role, school: { id: string, gradingScale: GradingScale, timeZone: string } }> } | null };

export type DiaryWeekQueryVariables = Exact<{
  studentId: string | number;
  weekOf: string;
}>;


export type DiaryWeekQuery = { diaryWeek: { startsOn: string, endsOn: string, student: { id: string, lastName: string, firstName: string }, days: Array<{ date: string, weekday: number, schoolClass: { id: string, name: string } | null, lessons: Array<{ lessonId: string | null, lessonNumber: number | null, startsAt: string | null, endsAt: string | null, room: string | null, status: LessonStatus, change: TimetableChangeKind | null, changeNote: string | null, topic: string | null, subject: { id: string, name: string }, teacher: { id: string, lastName: string, firstName: string, middleName: string | null }, workType: { id: string, name: string } | null, homework: Array<{ id: string, text: string, dueOn: string | null }>, marks: Array<{ id: string, value: string, weight: number, comment: string | null, workType: { id: string, name: string } | null }>, attendance: { id: string, status: AttendanceStatus, minutesLate: number | null, reason: AbsenceReason | null } | null }> }>, announcements: Array<{ id: string, title: string, body: string, publishedAt: string, author: { id: string, lastName: string, firstName: string, middleName: string | null } }> } };

export type StudentJournalChangedSubscriptionVariables = Exact<{
  studentId: string | number;
}>;


export type StudentJournalChangedSubscription = { studentJournalChanged: { kind: JournalEventKind, studentId: string, markId: string | null, value: string | null, lessonDate: string, subject: { id: string, name: string } } };

export type DiaryPeriodsQueryVariables = Exact<{
  studentId: string | number;
}>;


export type DiaryPeriodsQuery = { diaryPeriods: Array<{ id: string, name: string, kind: PeriodKind, startsOn: string, endsOn: string }> };

export type DiaryPeriodQueryVariables = Exact<{
  studentId: string | number;
  periodId: string | number;
}>;


export type DiaryPeriodQuery = { diaryPeriod: { period: { id: string, name: string, startsOn: string, endsOn: string }, student: { id: string, lastName: string, firstName: string }, subjects: Array<{ average: number | null, weightedAverage: number | null, subject: { id: string, name: string }, marks: Array<{ id: string, date: string, value: string, weight: number, comment: string | null, workType: { id: string, name: string } | null }>, periodMark: { id: string, value: string | null, special: PeriodMarkSpecial | null } | null, yearMark: { id: string, value: string | null, special: PeriodMarkSpecial | null } | null }> } };

export type JournalPageLinkFragment = { id: string, startsOn: string | null, endsOn: string | null, subject: { id: string, name: string }, schoolClass: { id: string, name: string, gradeLevel: number, letter: string }, subgroup: { id: string, name: string } | null, individualStudent: { id: string, lastName: string, firstName: string } | null, teacher: { id: string, lastName: string, firstName: string, middleName: string | null } };

export type MyJournalPagesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyJournalPagesQuery = { myJournalPages: Array<{ id: string, startsOn: string | null, endsOn: string | null, subject: { id: string, name: string }, schoolClass: { id: string, name: string, gradeLevel: number, letter: string }, subgroup: { id: string, name: string } | null, individualStudent: { id: string, lastName: string, firstName: string } | null, teacher: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type JournalSchoolYearsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type JournalSchoolYearsQuery = { academicYears: Array<{ id: string, name: string, startsOn: string, endsOn: string }> };

export type SchoolJournalPagesQueryVariables = Exact<{
  yearId: string | number;
}>;


export type SchoolJournalPagesQuery = { teachingAssignments: Array<{ id: string, startsOn: string | null, endsOn: string | null, subject: { id: string, name: string }, schoolClass: { id: string, name: string, gradeLevel: number, letter: string }, subgroup: { id: string, name: string } | null, individualStudent: { id: string, lastName: string, firstName: string } | null, teacher: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type GridMarkFragment = { id: string, lessonId: string, studentId: string, value: string, version: number, weight: number, comment: string | null, workType: { id: string, name: string } | null };

export type GridAttendanceFragment = { id: string, lessonId: string, studentId: string, status: AttendanceStatus, minutesLate: number | null, reason: AbsenceReason | null, version: number };

export type GridLessonFragment = { id: string, date: string, lessonNumber: number | null, topic: string | null, status: LessonStatus, version: number, workType: { id: string, name: string } | null, plannedTopic: { id: string, title: string } | null };

export type JournalGridQueryVariables = Exact<{
  assignmentId: string | number;
  periodId: string | number;
}>;


export type JournalGridQuery = { journalPage: { access: PageAccess, minMarksForPeriodMark: number, period: { id: string, name: string, startsOn: string, endsOn: string, closedAt: string | null }, assignment: { id: string, subject: { id: string, name: string }, schoolClass: { id: string, name: string, gradeLevel: number, year: { id: string, name: string, closedAt: string | null } }, subgroup: { id: string, name: string } | null, teacher: { id: string, lastName: string, firstName: string, middleName: string | null }, school: { id: string, gradingScale: GradingScale } }, students: Array<{ enrolledFrom: string, leftOn: string | null, markCount: number, enoughMarksForPeriodMark: boolean, student: { id: string, lastName: string, firstName: string }, periodMark: { id: string, value: string | null, special: PeriodMarkSpecial | null, version: number } | null }>, lessons: Array<{ id: string, date: string, lessonNumber: number | null, topic: string | null, status: LessonStatus, version: number, workType: { id: string, name: string } | null, plannedTopic: { id: string, title: string } | null }>, marks: Array<{ id: string, lessonId: string, studentId: string, value: string, version: number, weight: number, comment: string | null, workType: { id: string, name: string } | null }>, attendance: Array<{ id: string, lessonId: string, studentId: string, status: AttendanceStatus, minutesLate: number | null, reason: AbsenceReason | null, version: number }> } };

export type JournalPeriodsQueryVariables = Exact<{
  yearId: string | number;
}>;


export type JournalPeriodsQuery = { reportingPeriods: Array<{ id: string, name: string, kind: PeriodKind, startsOn: string, endsOn: string, gradeLevels: Array<number>, closedAt: string | null }> };

export type JournalYearsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type JournalYearsQuery = { academicYears: Array<{ id: string, startsOn: string, endsOn: string }> };

export type JournalYearPagesQueryVariables = Exact<{
  yearId: string | number;
}>;


export type JournalYearPagesQuery = { teachingAssignments: Array<{ id: string, schoolClass: { id: string, gradeLevel: number } }>, reportingPeriods: Array<{ id: string, startsOn: string, endsOn: string, gradeLevels: Array<number> }> };

export type InboxQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxQuery = { myThreads: Array<{ id: string, subject: string, lastMessageAt: string, unreadCount: number, overdue: boolean, awaitingReplySince: string | null, participants: Array<{ id: string, lastName: string, firstName: string, middleName: string | null }> }>, me: { roles: Array<{ id: string, school: { id: string, timeZone: string } }> } | null };

export type MailMessageReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MailMessageReceivedSubscription = { messageReceived: { threadId: string, messageId: string } };

export type MailThreadReadSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MailThreadReadSubscription = { threadRead: string };

export type ThreadQueryVariables = Exact<{
  threadId: string | number;
}>;


export type ThreadQuery = { thread: { id: string, subject: string, unreadCount: number, overdue: boolean, awaitingReplySince: string | null, participants: Array<{ id: string, lastName: string, firstName: string, middleName: string | null }>, messages: Array<{ id: string, body: string, sentAt: string, author: { id: string, lastName: string, firstName: string, middleName: string | null } }> } };

export type SendMessageMutationVariables = Exact<{
  threadId: string | number;
  body: string;
}>;


export type SendMessageMutation = { sendMessage: { id: string } };

export type MarkThreadReadMutationVariables = Exact<{
  threadId: string | number;
}>;


export type MarkThreadReadMutation = { markThreadRead: { id: string, unreadCount: number } };

export type AnnouncementStudentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AnnouncementStudentsQuery = { myStudents: Array<{ id: string, lastName: string, firstName: string, middleName: string | null }> };

export type AnnouncementStudentClassesQueryVariables = Exact<{
  studentId: string | number;
}>;


export type AnnouncementStudentClassesQuery = { enrolmentHistory: Array<{ id: string, startsOn: string, endsOn: string | null, schoolClass: { id: string, name: string } }> };

export type AnnouncementTaughtClassesQueryVariables = Exact<{ [key: string]: never; }>;


export type AnnouncementTaughtClassesQuery = { myJournalPages: Array<{ id: string, schoolClass: { id: string, name: string } }> };

export type AnnouncementYearsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type AnnouncementYearsQuery = { academicYears: Array<{ id: string, startsOn: string, endsOn: string }> };

export type AnnouncementYearClassesQueryVariables = Exact<{
  yearId: string | number;
}>;


export type AnnouncementYearClassesQuery = { schoolClasses: Array<{ id: string, name: string, classTeacher: { id: string } | null }> };

export type ClassAnnouncementsQueryVariables = Exact<{
  schoolClassId: string | number;
}>;


export type ClassAnnouncementsQuery = { classAnnouncements: Array<{ id: string, title: string, body: string, audience: AnnouncementAudience, publishedAt: string, author: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type PublishAnnouncementMutationVariables = Exact<{
  input: PublishAnnouncementInput;
}>;


export type PublishAnnouncementMutation = { publishAnnouncement: { id: string } };

export type MailAnnouncementPublishedSubscriptionVariables = Exact<{
  schoolClassId: string | number;
}>;


export type MailAnnouncementPublishedSubscription = { announcementPublished: { id: string } };

export type MessageRecipientsQueryVariables = Exact<{
  schoolId?: string | number | null | undefined;
}>;


export type MessageRecipientsQuery = { messageRecipients: Array<{ roles: Array<Role>, person: { id: string, lastName: string, firstName: string, middleName: string | null } }> };

export type StartThreadMutationVariables = Exact<{
  input: StartThreadInput;
}>;


export type StartThreadMutation = { startThread: { id: string } };

export type RedeemInvitationMutationVariables = Exact<{
  input: RedeemInvitationInput;
}>;


export type RedeemInvitationMutation = { redeemInvitation: { token: string, expiresAt: string } };

export type AbsenceCountsFieldsFragment = { total: number, illness: number, excused: number, unexcused: number, other: number, noReason: number, late: number };

export type AttendanceReportQueryVariables = Exact<{
  input: AttendanceReportInput;
}>;


export type AttendanceReportQuery = { attendanceReport: { from: string, to: string, restricted: boolean, total: { total: number, illness: number, excused: number, unexcused: number, other: number, noReason: number, late: number }, classes: Array<{ schoolClassId: string, className: string, counts: { total: number, illness: number, excused: number, unexcused: number, other: number, noReason: number, late: number }, students: Array<{ studentId: string, name: string, counts: { total: number, illness: number, excused: number, unexcused: number, other: number, noReason: number, late: number } }> }> } };

export type ExplainAverageQueryVariables = Exact<{
  input: ExplainAverageInput;
}>;


export type ExplainAverageQuery = { explainAverage: { studentId: string, studentName: string, subjectName: string, periodName: string, average: number | null, weightedAverage: number | null, proposedMark: string | null, enoughMarks: boolean, minMarks: number, periodMark: string | null, periodMarkSpecial: PeriodMarkSpecial | null, marks: Array<{ id: string, date: string, lessonNumber: number | null, topic: string | null, workType: string | null, value: string, numericValue: number, weight: number }> } };

export type PerformanceRowFieldsFragment = { kind: PerformanceGroupKind, id: string | null, label: string, attested: number, exempt: number, successRate: number | null, qualityRate: number | null, averageMark: number | null, excellentCount: number, singleGoodCount: number, singleSatisfactoryCount: number, failingCount: number, excellent: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleGood: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleSatisfactory: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, failing: Array<{ id: string, name: string, className: string, subjects: Array<string> }> };

export type PerformanceReportQueryVariables = Exact<{
  input: PerformanceReportInput;
}>;


export type PerformanceReportQuery = { performanceReport: { periodId: string, periodName: string, periodKind: PeriodKind, restricted: boolean, total: { kind: PerformanceGroupKind, id: string | null, label: string, attested: number, exempt: number, successRate: number | null, qualityRate: number | null, averageMark: number | null, excellentCount: number, singleGoodCount: number, singleSatisfactoryCount: number, failingCount: number, excellent: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleGood: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleSatisfactory: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, failing: Array<{ id: string, name: string, className: string, subjects: Array<string> }> }, byClass: Array<{ kind: PerformanceGroupKind, id: string | null, label: string, attested: number, exempt: number, successRate: number | null, qualityRate: number | null, averageMark: number | null, excellentCount: number, singleGoodCount: number, singleSatisfactoryCount: number, failingCount: number, excellent: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleGood: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleSatisfactory: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, failing: Array<{ id: string, name: string, className: string, subjects: Array<string> }> }>, bySubject: Array<{ kind: PerformanceGroupKind, id: string | null, label: string, attested: number, exempt: number, successRate: number | null, qualityRate: number | null, averageMark: number | null, excellentCount: number, singleGoodCount: number, singleSatisfactoryCount: number, failingCount: number, excellent: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleGood: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleSatisfactory: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, failing: Array<{ id: string, name: string, className: string, subjects: Array<string> }> }>, byTeacher: Array<{ kind: PerformanceGroupKind, id: string | null, label: string, attested: number, exempt: number, successRate: number | null, qualityRate: number | null, averageMark: number | null, excellentCount: number, singleGoodCount: number, singleSatisfactoryCount: number, failingCount: number, excellent: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleGood: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, singleSatisfactory: Array<{ id: string, name: string, className: string, subjects: Array<string> }>, failing: Array<{ id: string, name: string, className: string, subjects: Array<string> }> }> } };

export type ReportsYearsQueryVariables = Exact<{
  schoolId: string | number;
}>;


export type ReportsYearsQuery = { academicYears: Array<{ id: string, name: string, startsOn: string, endsOn: string }> };

export type ReportsYearContextQueryVariables = Exact<{
  yearId: string | number;
}>;


export type ReportsYearContextQuery = { reportingPeriods: Array<{ id: string, name: string, kind: PeriodKind, startsOn: string, endsOn: string }>, schoolClasses: Array<{ id: string, name: string, gradeLevel: number }> };

export type SummarySheetQueryVariables = Exact<{
  input: SummarySheetInput;
}>;


export type SummarySheetQuery = { summarySheet: { schoolClassId: string, className: string, yearName: string, classTeacherName: string | null, restricted: boolean, periods: Array<{ id: string, name: string, kind: PeriodKind }>, subjects: Array<{ id: string, name: string, shortName: string }>, students: Array<{ id: string, name: string, enrolledFrom: string, admissionKind: AdmissionKind, arrived: boolean, leftOn: string | null, departureKind: DepartureKind | null, marks: Array<{ subjectId: string, periodId: string, value: string | null, special: PeriodMarkSpecial | null }> }> } };

export type SecuritySettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SecuritySettingsQuery = { me: { totpEnabled: boolean } | null };

export type BeginTotpEnrolmentMutationVariables = Exact<{ [key: string]: never; }>;


export type BeginTotpEnrolmentMutation = { beginTotpEnrolment: { secret: string, uri: string } };

export type ConfirmTotpEnrolmentMutationVariables = Exact<{
  input: ConfirmTotpEnrolmentInput;
}>;


export type ConfirmTotpEnrolmentMutation = { confirmTotpEnrolment: boolean };

export type DisableTotpMutationVariables = Exact<{
  input: DisableTotpInput;
}>;


export type DisableTotpMutation = { disableTotp: boolean };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { token: string | null, expiresAt: string | null, secondFactor: { challenge: string } | null } };

export type SignInSecondFactorMutationVariables = Exact<{
  input: SignInSecondFactorInput;
}>;


export type SignInSecondFactorMutation = { signInSecondFactor: { token: string, expiresAt: string } };

export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;
export const ClassDashboardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClassDashboardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClassDashboard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"unreadFromParents"}},{"kind":"Field","name":{"kind":"Name","value":"absences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessonsMissingRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"homework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ClassDashboardFieldsFragment, unknown>;
export const ClassDashboardEventFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClassDashboardEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClassDashboardEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lowMark"}},{"kind":"Field","name":{"kind":"Name","value":"unreadFromParents"}},{"kind":"Field","name":{"kind":"Name","value":"journal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"markId"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"attendanceStatus"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"hasHomework"}},{"kind":"Field","name":{"kind":"Name","value":"missingRecords"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ClassDashboardEventFieldsFragment, unknown>;
export const ControlCountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonsHeld"}},{"kind":"Field","name":{"kind":"Name","value":"lessonsPlanned"}},{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"lessonsWithoutTopic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessonsWithoutHomework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateWrittenMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessonsWithoutAttendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"studentsWithoutMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"studentsWithOneMark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodMarksMissing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodMarksLate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<ControlCountsFragment, unknown>;
export const ControlSignInCountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlSignInCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlSignInFigure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"signedIn"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"notSignedIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ControlSignInCountsFragment, unknown>;
export const JournalPageLinkFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JournalPageLink"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeachingAssignment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"letter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"individualStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]} as unknown as DocumentNode<JournalPageLinkFragment, unknown>;
export const GridMarkFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridMark"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Mark"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GridMarkFragment, unknown>;
export const GridAttendanceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridAttendance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attendance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<GridAttendanceFragment, unknown>;
export const GridLessonFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridLesson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lesson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plannedTopic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<GridLessonFragment, unknown>;
export const AbsenceCountsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AbsenceCountsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AbsenceCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"illness"}},{"kind":"Field","name":{"kind":"Name","value":"excused"}},{"kind":"Field","name":{"kind":"Name","value":"unexcused"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"noReason"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]} as unknown as DocumentNode<AbsenceCountsFieldsFragment, unknown>;
export const PerformanceRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PerformanceRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PerformanceRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"attested"}},{"kind":"Field","name":{"kind":"Name","value":"exempt"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"qualityRate"}},{"kind":"Field","name":{"kind":"Name","value":"averageMark"}},{"kind":"Field","name":{"kind":"Name","value":"excellentCount"}},{"kind":"Field","name":{"kind":"Name","value":"singleGoodCount"}},{"kind":"Field","name":{"kind":"Name","value":"singleSatisfactoryCount"}},{"kind":"Field","name":{"kind":"Name","value":"failingCount"}},{"kind":"Field","name":{"kind":"Name","value":"excellent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"Field","name":{"kind":"Name","value":"singleGood"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"Field","name":{"kind":"Name","value":"singleSatisfactory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}}]}}]} as unknown as DocumentNode<PerformanceRowFieldsFragment, unknown>;
export const LessonEditorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LessonEditor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journalPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assignmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"year"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plannedTopic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"homework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"plannedTopics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assignmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"plannedHours"}}]}}]}}]} as unknown as DocumentNode<LessonEditorQuery, LessonEditorQueryVariables>;
export const LessonWorkTypesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LessonWorkTypes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<LessonWorkTypesQuery, LessonWorkTypesQueryVariables>;
export const EditorCreateLessonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditorCreateLesson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateLessonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createLesson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<EditorCreateLessonMutation, EditorCreateLessonMutationVariables>;
export const EditorUpdateLessonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditorUpdateLesson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLessonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLesson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<EditorUpdateLessonMutation, EditorUpdateLessonMutationVariables>;
export const EditorCancelLessonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditorCancelLesson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelLessonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelLesson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EditorCancelLessonMutation, EditorCancelLessonMutationVariables>;
export const GridJournalPageChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"GridJournalPageChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journalPageChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assignmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"markId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"attendanceId"}},{"kind":"Field","name":{"kind":"Name","value":"attendanceStatus"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GridJournalPageChangedSubscription, GridJournalPageChangedSubscriptionVariables>;
export const GridSetMarksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GridSetMarks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetMarksInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMarks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridMark"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridMark"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Mark"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GridSetMarksMutation, GridSetMarksMutationVariables>;
export const GridSetAttendanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GridSetAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAttendanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAttendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridAttendance"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridAttendance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attendance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<GridSetAttendanceMutation, GridSetAttendanceMutationVariables>;
export const GridSetPeriodMarksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GridSetPeriodMarks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPeriodMarksInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPeriodMarks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"periodMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"special"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"markCount"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}}]}}]}}]} as unknown as DocumentNode<GridSetPeriodMarksMutation, GridSetPeriodMarksMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"login"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const SignOutEverywhereDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOutEverywhere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOutEverywhere"}}]}}]} as unknown as DocumentNode<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const SetMyLocaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMyLocale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetMyLocaleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMyLocale"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}}]}}]} as unknown as DocumentNode<SetMyLocaleMutation, SetMyLocaleMutationVariables>;
export const HomeUnreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomeUnread"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myThreads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<HomeUnreadQuery, HomeUnreadQueryVariables>;
export const HomeMessageReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HomeMessageReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}}]}}]} as unknown as DocumentNode<HomeMessageReceivedSubscription, HomeMessageReceivedSubscriptionVariables>;
export const HomeThreadReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HomeThreadRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threadRead"}}]}}]} as unknown as DocumentNode<HomeThreadReadSubscription, HomeThreadReadSubscriptionVariables>;
export const ReportOwnCompromiseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportOwnCompromise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCompromiseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCompromise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReportOwnCompromiseMutation, ReportOwnCompromiseMutationVariables>;
export const AdminYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<AdminYearsQuery, AdminYearsQueryVariables>;
export const AdminTeachersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTeachers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminTeachersQuery, AdminTeachersQueryVariables>;
export const AdminClassListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClassList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClasses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"letter"}},{"kind":"Field","name":{"kind":"Name","value":"classTeacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminClassListQuery, AdminClassListQueryVariables>;
export const AdminApiClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminApiClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"tokenPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokeReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminApiClientsQuery, AdminApiClientsQueryVariables>;
export const AdminCreateApiClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateApiClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AdminCreateApiClientMutation, AdminCreateApiClientMutationVariables>;
export const AdminRevokeApiClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRevokeApiClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<AdminRevokeApiClientMutation, AdminRevokeApiClientMutationVariables>;
export const AdminCreateClassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateClass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSchoolClassInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSchoolClass"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateClassMutation, AdminCreateClassMutationVariables>;
export const AdminUpdateClassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdateClass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSchoolClassInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSchoolClass"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminUpdateClassMutation, AdminUpdateClassMutationVariables>;
export const AdminCompromiseReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminCompromiseReports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compromiseReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"reportedAt"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"sessionsRevoked"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminCompromiseReportsQuery, AdminCompromiseReportsQueryVariables>;
export const AdminDisputedOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminDisputedOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disputedOperations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reportId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"voidable"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"lessonDate"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminDisputedOperationsQuery, AdminDisputedOperationsQueryVariables>;
export const AdminReportCompromiseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminReportCompromise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportCompromiseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportCompromise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessionsRevoked"}}]}}]}}]} as unknown as DocumentNode<AdminReportCompromiseMutation, AdminReportCompromiseMutationVariables>;
export const AdminVoidOperationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminVoidOperations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VoidOperationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voidOperations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voided"}}]}}]}}]} as unknown as DocumentNode<AdminVoidOperationsMutation, AdminVoidOperationsMutationVariables>;
export const AdminTeacherLoadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTeacherLoad"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teachingAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}},{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"letter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"individualStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AdminTeacherLoadQuery, AdminTeacherLoadQueryVariables>;
export const AdminAssignTeacherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminAssignTeacher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignTeacherInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignTeacher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminAssignTeacherMutation, AdminAssignTeacherMutationVariables>;
export const AdminChangeTeacherDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminChangeTeacher"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeTeacherInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeTeacher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminChangeTeacherMutation, AdminChangeTeacherMutationVariables>;
export const AdminStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"login"}}]}}]}}]}}]} as unknown as DocumentNode<AdminStaffQuery, AdminStaffQueryVariables>;
export const AdminCreateStaffAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateStaffAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStaffAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStaffAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminCreateStaffAccountMutation, AdminCreateStaffAccountMutationVariables>;
export const AdminGrantRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminGrantRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<AdminGrantRoleMutation, AdminGrantRoleMutationVariables>;
export const AdminRevokeRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRevokeRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<AdminRevokeRoleMutation, AdminRevokeRoleMutationVariables>;
export const AdminStudentClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminStudentClasses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClasses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"letter"}}]}}]}}]} as unknown as DocumentNode<AdminStudentClassesQuery, AdminStudentClassesQueryVariables>;
export const AdminClassRosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClassRoster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}},{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"admissionKind"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"guardians"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"guardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminClassRosterQuery, AdminClassRosterQueryVariables>;
export const AdminStudentCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminStudentCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personalData"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"guardians"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"guardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolmentHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"admissionKind"}},{"kind":"Field","name":{"kind":"Name","value":"departureKind"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AdminStudentCardQuery, AdminStudentCardQueryVariables>;
export const AdminCreateStudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateStudent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStudentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStudent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateStudentMutation, AdminCreateStudentMutationVariables>;
export const AdminAdmitStudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminAdmitStudent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmitStudentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admitStudent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminAdmitStudentMutation, AdminAdmitStudentMutationVariables>;
export const AdminTransferStudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminTransferStudent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferStudentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferStudent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AdminTransferStudentMutation, AdminTransferStudentMutationVariables>;
export const AdminDepartStudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminDepartStudent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DepartStudentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departStudent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminDepartStudentMutation, AdminDepartStudentMutationVariables>;
export const AdminCreateParentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateParent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateParentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createParent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateParentMutation, AdminCreateParentMutationVariables>;
export const AdminLinkGuardianDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminLinkGuardian"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkGuardianInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkGuardian"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminLinkGuardianMutation, AdminLinkGuardianMutationVariables>;
export const AdminUnlinkGuardianDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUnlinkGuardian"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnlinkGuardianInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkGuardian"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminUnlinkGuardianMutation, AdminUnlinkGuardianMutationVariables>;
export const AdminImportPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminImportPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportPeopleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importPeople"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"written"}},{"kind":"Field","name":{"kind":"Name","value":"peopleCreated"}},{"kind":"Field","name":{"kind":"Name","value":"enrolmentsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"guardianshipsCreated"}},{"kind":"Field","name":{"kind":"Name","value":"rolesGranted"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"admittedOn"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"child"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminImportPeopleMutation, AdminImportPeopleMutationVariables>;
export const AdminSubjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminSubjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]} as unknown as DocumentNode<AdminSubjectsQuery, AdminSubjectsQueryVariables>;
export const AdminCreateSubjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSubjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSubject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateSubjectMutation, AdminCreateSubjectMutationVariables>;
export const AdminTimetableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTimetable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timetable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}},{"kind":"Argument","name":{"kind":"Name","value":"weekOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"bellTimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"lessons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"changeNote"}},{"kind":"Field","name":{"kind":"Name","value":"slotId"}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"substituteTeacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminTimetableQuery, AdminTimetableQueryVariables>;
export const AdminClassPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminClassPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teachingAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}},{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<AdminClassPagesQuery, AdminClassPagesQueryVariables>;
export const AdminSetBellTimesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminSetBellTimes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetBellTimesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setBellTimes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}}]}}]}}]} as unknown as DocumentNode<AdminSetBellTimesMutation, AdminSetBellTimesMutationVariables>;
export const AdminCreateSlotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateSlot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTimetableSlotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTimetableSlot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateSlotMutation, AdminCreateSlotMutationVariables>;
export const AdminEndSlotDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminEndSlot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndTimetableSlotInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endTimetableSlot"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markCount"}},{"kind":"Field","name":{"kind":"Name","value":"attendanceCount"}},{"kind":"Field","name":{"kind":"Name","value":"homeworkCount"}}]}}]}}]}}]} as unknown as DocumentNode<AdminEndSlotMutation, AdminEndSlotMutationVariables>;
export const AdminPublishChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminPublishChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishTimetableChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishTimetableChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markCount"}},{"kind":"Field","name":{"kind":"Name","value":"attendanceCount"}},{"kind":"Field","name":{"kind":"Name","value":"homeworkCount"}}]}}]}}]}}]} as unknown as DocumentNode<AdminPublishChangeMutation, AdminPublishChangeMutationVariables>;
export const AdminReportingPeriodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminReportingPeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportingPeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevels"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<AdminReportingPeriodsQuery, AdminReportingPeriodsQueryVariables>;
export const AdminCreateYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAcademicYearInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAcademicYear"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreateYearMutation, AdminCreateYearMutationVariables>;
export const AdminCreatePeriodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreatePeriod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReportingPeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReportingPeriod"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminCreatePeriodMutation, AdminCreatePeriodMutationVariables>;
export const AdminUpdatePeriodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpdatePeriod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateReportingPeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateReportingPeriod"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminUpdatePeriodMutation, AdminUpdatePeriodMutationVariables>;
export const AdminClosePeriodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminClosePeriod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseReportingPeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeReportingPeriod"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<AdminClosePeriodMutation, AdminClosePeriodMutationVariables>;
export const AdminYearArchivesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminYearArchives"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"yearArchives"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"merkleRoot"}},{"kind":"Field","name":{"kind":"Name","value":"auditChainHead"}}]}}]}}]} as unknown as DocumentNode<AdminYearArchivesQuery, AdminYearArchivesQueryVariables>;
export const AdminCloseYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCloseYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseAcademicYearInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeAcademicYear"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<AdminCloseYearMutation, AdminCloseYearMutationVariables>;
export const AdminArchiveYearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminArchiveYear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveAcademicYearInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveAcademicYear"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdminArchiveYearMutation, AdminArchiveYearMutationVariables>;
export const CreateSocketTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSocketTicket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSocketTicket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"}}]}}]}}]} as unknown as DocumentNode<CreateSocketTicketMutation, CreateSocketTicketMutationVariables>;
export const ClassDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClassDashboardFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClassDashboardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClassDashboard"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"unreadFromParents"}},{"kind":"Field","name":{"kind":"Name","value":"absences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lowMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessonsMissingRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"homework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ClassDashboardQuery, ClassDashboardQueryVariables>;
export const ClassroomDayAbsencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassroomDayAbsences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classDashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"absences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClassroomDayAbsencesQuery, ClassroomDayAbsencesQueryVariables>;
export const ClassroomCorrectAttendanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClassroomCorrectAttendance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectAttendanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctAttendance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ClassroomCorrectAttendanceMutation, ClassroomCorrectAttendanceMutationVariables>;
export const ClassDashboardChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClassDashboardChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classDashboardChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClassDashboardEventFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClassDashboardEventFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClassDashboardEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lowMark"}},{"kind":"Field","name":{"kind":"Name","value":"unreadFromParents"}},{"kind":"Field","name":{"kind":"Name","value":"journal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"markId"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"attendanceStatus"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lesson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"hasHomework"}},{"kind":"Field","name":{"kind":"Name","value":"missingRecords"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ClassDashboardChangedSubscription, ClassDashboardChangedSubscriptionVariables>;
export const ClassroomFamiliesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassroomFamilies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}},{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"guardians"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"guardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClassroomFamiliesQuery, ClassroomFamiliesQueryVariables>;
export const ClassroomIssueInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClassroomIssueInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<ClassroomIssueInvitationMutation, ClassroomIssueInvitationMutationVariables>;
export const ClassroomReportingPeriodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassroomReportingPeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportingPeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevels"}}]}}]}}]} as unknown as DocumentNode<ClassroomReportingPeriodsQuery, ClassroomReportingPeriodsQueryVariables>;
export const ClassroomJournalSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassroomJournalSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journalPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assignmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"markCount"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClassroomJournalSummaryQuery, ClassroomJournalSummaryQueryVariables>;
export const ClassroomClassPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassroomClassPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teachingAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}},{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"individualStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<ClassroomClassPagesQuery, ClassroomClassPagesQueryVariables>;
export const ClassroomAcademicYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassroomAcademicYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<ClassroomAcademicYearsQuery, ClassroomAcademicYearsQueryVariables>;
export const ClassroomSchoolClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassroomSchoolClasses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClasses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"letter"}},{"kind":"Field","name":{"kind":"Name","value":"classTeacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ClassroomSchoolClassesQuery, ClassroomSchoolClassesQueryVariables>;
export const JournalControlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JournalControl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JournalControlInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journalControl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCounts"}},{"kind":"Field","name":{"kind":"Name","value":"unansweredMessages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"signIns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"signedIn"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"signedIn"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClassId"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCounts"}},{"kind":"Field","name":{"kind":"Name","value":"signIns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlSignInCounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlSignInCounts"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teachers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teacherId"}},{"kind":"Field","name":{"kind":"Name","value":"teacherName"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCounts"}},{"kind":"Field","name":{"kind":"Name","value":"unansweredMessages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"threads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threadId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"parentName"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignmentId"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClassId"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"teacherId"}},{"kind":"Field","name":{"kind":"Name","value":"teacherName"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ControlCounts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlFigures"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonsHeld"}},{"kind":"Field","name":{"kind":"Name","value":"lessonsPlanned"}},{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"lessonsWithoutTopic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessonsWithoutHomework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateWrittenMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessonsWithoutAttendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"studentsWithoutMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"studentsWithOneMark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodMarksMissing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodMarksLate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ControlSignInCounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ControlSignInFigure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"signedIn"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"notSignedIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<JournalControlQuery, JournalControlQueryVariables>;
export const JournalControlListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JournalControlList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JournalControlListInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journalControlList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"figure"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"lessons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodMarks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"periodName"}},{"kind":"Field","name":{"kind":"Name","value":"periodEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"setOn"}}]}}]}}]}}]} as unknown as DocumentNode<JournalControlListQuery, JournalControlListQueryVariables>;
export const DiaryContextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiaryContext"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myStudents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"gradingScale"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiaryContextQuery, DiaryContextQueryVariables>;
export const DiaryWeekDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiaryWeek"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diaryWeek"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"weekOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weekOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"room"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"changeNote"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"homework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"announcements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiaryWeekQuery, DiaryWeekQueryVariables>;
export const StudentJournalChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StudentJournalChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentJournalChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"markId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lessonDate"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudentJournalChangedSubscription, StudentJournalChangedSubscriptionVariables>;
export const DiaryPeriodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiaryPeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diaryPeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<DiaryPeriodsQuery, DiaryPeriodsQueryVariables>;
export const DiaryPeriodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiaryPeriod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diaryPeriod"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"weightedAverage"}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodMark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"special"}}]}},{"kind":"Field","name":{"kind":"Name","value":"yearMark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"special"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiaryPeriodQuery, DiaryPeriodQueryVariables>;
export const MyJournalPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyJournalPages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myJournalPages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JournalPageLink"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JournalPageLink"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeachingAssignment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"letter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"individualStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]} as unknown as DocumentNode<MyJournalPagesQuery, MyJournalPagesQueryVariables>;
export const JournalSchoolYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JournalSchoolYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<JournalSchoolYearsQuery, JournalSchoolYearsQueryVariables>;
export const SchoolJournalPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolJournalPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teachingAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JournalPageLink"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JournalPageLink"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeachingAssignment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"letter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"individualStudent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]} as unknown as DocumentNode<SchoolJournalPagesQuery, SchoolJournalPagesQueryVariables>;
export const JournalGridDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JournalGrid"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"journalPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assignmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"periodId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"periodId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"minMarksForPeriodMark"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}},{"kind":"Field","name":{"kind":"Name","value":"year"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subgroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"gradingScale"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolledFrom"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}},{"kind":"Field","name":{"kind":"Name","value":"markCount"}},{"kind":"Field","name":{"kind":"Name","value":"enoughMarksForPeriodMark"}},{"kind":"Field","name":{"kind":"Name","value":"periodMark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"special"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lessons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridLesson"}}]}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridMark"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GridAttendance"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridLesson"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Lesson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plannedTopic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridMark"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Mark"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"workType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GridAttendance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Attendance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lessonId"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"minutesLate"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode<JournalGridQuery, JournalGridQueryVariables>;
export const JournalPeriodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JournalPeriods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportingPeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevels"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<JournalPeriodsQuery, JournalPeriodsQueryVariables>;
export const JournalYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JournalYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<JournalYearsQuery, JournalYearsQueryVariables>;
export const JournalYearPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JournalYearPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teachingAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reportingPeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevels"}}]}}]}}]} as unknown as DocumentNode<JournalYearPagesQuery, JournalYearPagesQueryVariables>;
export const InboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myThreads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingReplySince"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const MailMessageReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MailMessageReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threadId"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}}]}}]} as unknown as DocumentNode<MailMessageReceivedSubscription, MailMessageReceivedSubscriptionVariables>;
export const MailThreadReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MailThreadRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threadRead"}}]}}]} as unknown as DocumentNode<MailThreadReadSubscription, MailThreadReadSubscriptionVariables>;
export const ThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Thread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingReplySince"}},{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ThreadQuery, ThreadQueryVariables>;
export const SendMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SendMessageMutation, SendMessageMutationVariables>;
export const MarkThreadReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkThreadRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markThreadRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<MarkThreadReadMutation, MarkThreadReadMutationVariables>;
export const AnnouncementStudentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnnouncementStudents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myStudents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]} as unknown as DocumentNode<AnnouncementStudentsQuery, AnnouncementStudentsQueryVariables>;
export const AnnouncementStudentClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnnouncementStudentClasses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrolmentHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AnnouncementStudentClassesQuery, AnnouncementStudentClassesQueryVariables>;
export const AnnouncementTaughtClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnnouncementTaughtClasses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myJournalPages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AnnouncementTaughtClassesQuery, AnnouncementTaughtClassesQueryVariables>;
export const AnnouncementYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnnouncementYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<AnnouncementYearsQuery, AnnouncementYearsQueryVariables>;
export const AnnouncementYearClassesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnnouncementYearClasses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClasses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"classTeacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<AnnouncementYearClassesQuery, AnnouncementYearClassesQueryVariables>;
export const ClassAnnouncementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClassAnnouncements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"classAnnouncements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"audience"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<ClassAnnouncementsQuery, ClassAnnouncementsQueryVariables>;
export const PublishAnnouncementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishAnnouncement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishAnnouncementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishAnnouncement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PublishAnnouncementMutation, PublishAnnouncementMutationVariables>;
export const MailAnnouncementPublishedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MailAnnouncementPublished"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"announcementPublished"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolClassId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolClassId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<MailAnnouncementPublishedSubscription, MailAnnouncementPublishedSubscriptionVariables>;
export const MessageRecipientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MessageRecipients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageRecipients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"middleName"}}]}}]}}]}}]} as unknown as DocumentNode<MessageRecipientsQuery, MessageRecipientsQueryVariables>;
export const StartThreadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartThread"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartThreadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startThread"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<StartThreadMutation, StartThreadMutationVariables>;
export const RedeemInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeemInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<RedeemInvitationMutation, RedeemInvitationMutationVariables>;
export const AttendanceReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AttendanceReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttendanceReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attendanceReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AbsenceCountsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClassId"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AbsenceCountsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AbsenceCountsFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AbsenceCountsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AbsenceCounts"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"illness"}},{"kind":"Field","name":{"kind":"Name","value":"excused"}},{"kind":"Field","name":{"kind":"Name","value":"unexcused"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"noReason"}},{"kind":"Field","name":{"kind":"Name","value":"late"}}]}}]} as unknown as DocumentNode<AttendanceReportQuery, AttendanceReportQueryVariables>;
export const ExplainAverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplainAverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExplainAverageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"explainAverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"studentName"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"periodName"}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"lessonNumber"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"workType"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"numericValue"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"weightedAverage"}},{"kind":"Field","name":{"kind":"Name","value":"proposedMark"}},{"kind":"Field","name":{"kind":"Name","value":"enoughMarks"}},{"kind":"Field","name":{"kind":"Name","value":"minMarks"}},{"kind":"Field","name":{"kind":"Name","value":"periodMark"}},{"kind":"Field","name":{"kind":"Name","value":"periodMarkSpecial"}}]}}]}}]} as unknown as DocumentNode<ExplainAverageQuery, ExplainAverageQueryVariables>;
export const PerformanceReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PerformanceReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PerformanceReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"performanceReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"periodName"}},{"kind":"Field","name":{"kind":"Name","value":"periodKind"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PerformanceRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PerformanceRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySubject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PerformanceRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byTeacher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PerformanceRowFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PerformanceRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PerformanceRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"attested"}},{"kind":"Field","name":{"kind":"Name","value":"exempt"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"qualityRate"}},{"kind":"Field","name":{"kind":"Name","value":"averageMark"}},{"kind":"Field","name":{"kind":"Name","value":"excellentCount"}},{"kind":"Field","name":{"kind":"Name","value":"singleGoodCount"}},{"kind":"Field","name":{"kind":"Name","value":"singleSatisfactoryCount"}},{"kind":"Field","name":{"kind":"Name","value":"failingCount"}},{"kind":"Field","name":{"kind":"Name","value":"excellent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"Field","name":{"kind":"Name","value":"singleGood"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"Field","name":{"kind":"Name","value":"singleSatisfactory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"}}]}}]}}]} as unknown as DocumentNode<PerformanceReportQuery, PerformanceReportQueryVariables>;
export const ReportsYearsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportsYears"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"academicYears"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<ReportsYearsQuery, ReportsYearsQueryVariables>;
export const ReportsYearContextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportsYearContext"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportingPeriods"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClasses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"yearId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yearId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gradeLevel"}}]}}]}}]} as unknown as DocumentNode<ReportsYearContextQuery, ReportsYearContextQueryVariables>;
export const SummarySheetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SummarySheet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SummarySheetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summarySheet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolClassId"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"yearName"}},{"kind":"Field","name":{"kind":"Name","value":"classTeacherName"}},{"kind":"Field","name":{"kind":"Name","value":"restricted"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"students"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledFrom"}},{"kind":"Field","name":{"kind":"Name","value":"admissionKind"}},{"kind":"Field","name":{"kind":"Name","value":"arrived"}},{"kind":"Field","name":{"kind":"Name","value":"leftOn"}},{"kind":"Field","name":{"kind":"Name","value":"departureKind"}},{"kind":"Field","name":{"kind":"Name","value":"marks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"periodId"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"special"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SummarySheetQuery, SummarySheetQueryVariables>;
export const SecuritySettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecuritySettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totpEnabled"}}]}}]}}]} as unknown as DocumentNode<SecuritySettingsQuery, SecuritySettingsQueryVariables>;
export const BeginTotpEnrolmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BeginTotpEnrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"beginTotpEnrolment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}}]}}]} as unknown as DocumentNode<BeginTotpEnrolmentMutation, BeginTotpEnrolmentMutationVariables>;
export const ConfirmTotpEnrolmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTotpEnrolment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmTotpEnrolmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmTotpEnrolment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ConfirmTotpEnrolmentMutation, ConfirmTotpEnrolmentMutationVariables>;
export const DisableTotpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisableTotpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<DisableTotpMutation, DisableTotpMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"secondFactor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignInSecondFactorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignInSecondFactor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInSecondFactorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signInSecondFactor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignInSecondFactorMutation, SignInSecondFactorMutationVariables>;