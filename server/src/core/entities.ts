// The one list of entity classes MikroORM knows. Add a module's entities here.
import { MetadataStorage, type PolicyDef } from '@mikro-orm/core';
import { Trigger } from '@mikro-orm/decorators/legacy';
import { Invitation } from '../auth/invitation.entity.js';
import { Session } from '../auth/session.entity.js';
import { SocketTicket } from '../auth/socket-ticket.entity.js';
import { SignInChallenge } from '../auth/sign-in-challenge.entity.js';
import { TotpFactor } from '../auth/totp-factor.entity.js';
import { YearArchive } from '../modules/archive/year-archive.entity.js';
import { ApiClient, ApiRequest } from '../modules/api-clients/api-client.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { CompromiseReport } from '../modules/audit/compromise-report.entity.js';
import { VoidedOperation } from '../modules/audit/voided-operation.entity.js';
import { AppliedMutation } from '../modules/journal/applied-mutation.entity.js';
import { Attendance } from '../modules/journal/attendance.entity.js';
import { HomeworkAttachment } from '../modules/journal/homework-attachment.entity.js';
import { Homework } from '../modules/journal/homework.entity.js';
import { Lesson } from '../modules/journal/lesson.entity.js';
import { Mark } from '../modules/journal/mark.entity.js';
import { PeriodMark } from '../modules/journal/period-mark.entity.js';
import { Announcement } from '../modules/messages/announcement.entity.js';
import { DigestSubscription } from '../modules/messages/digest-subscription.entity.js';
import { MessageThread } from '../modules/messages/message-thread.entity.js';
import { Message } from '../modules/messages/message.entity.js';
import { ThreadParticipant } from '../modules/messages/thread-participant.entity.js';
import { Enrolment } from '../modules/people/enrolment.entity.js';
import { Guardianship } from '../modules/people/guardianship.entity.js';
import { Person } from '../modules/people/person.entity.js';
import { RoleAssignment } from '../modules/people/role-assignment.entity.js';
import { School } from '../modules/school/school.entity.js';
import { BellTime } from '../modules/timetable/bell-time.entity.js';
import { TimetableChange } from '../modules/timetable/timetable-change.entity.js';
import { TimetableSlot } from '../modules/timetable/timetable-slot.entity.js';
import { AcademicYear } from '../modules/year/academic-year.entity.js';
import { CurriculumItem } from '../modules/year/curriculum-item.entity.js';
import { PlannedTopic } from '../modules/year/planned-topic.entity.js';
import { ReportingPeriod } from '../modules/year/reporting-period.entity.js';
import { SchoolClass } from '../modules/year/school-class.entity.js';
import { SubgroupMembership } from '../modules/year/subgroup-membership.entity.js';
import { Subgroup } from '../modules/year/subgroup.entity.js';
import { Subject } from '../modules/year/subject.entity.js';
import { TeachingAssignment } from '../modules/year/teaching-assignment.entity.js';
import { WorkType } from '../modules/year/work-type.entity.js';

export const entities = [
  // tenancy, people, access
  School,
  Person,
  RoleAssignment,
  Session,
  SocketTicket,
  SignInChallenge,
  TotpFactor,
  Invitation,
  AuditEvent,
  CompromiseReport,
  VoidedOperation,
  Guardianship,
  Enrolment,
  // the school year
  AcademicYear,
  ReportingPeriod,
  Subject,
  SchoolClass,
  Subgroup,
  SubgroupMembership,
  TeachingAssignment,
  CurriculumItem,
  PlannedTopic,
  WorkType,
  // timetable
  BellTime,
  TimetableSlot,
  TimetableChange,
  // the journal
  Lesson,
  Homework,
  HomeworkAttachment,
  Attendance,
  Mark,
  PeriodMark,
  AppliedMutation,
  // messages
  MessageThread,
  ThreadParticipant,
  Message,
  Announcement,
  DigestSubscription,
  // the year's archive (R-DATA-2)
  YearArchive,
  // API access for analytics tools (issue 8)
  ApiClient,
  ApiRequest,
];

/*
 * Triggers. The schema diff drops any trigger the metadata does not declare, so they are declared
 * here for `migration:create` to know them; the constraints migration creates them and their
 * functions. Only versioned migrations build the schema: the schema generator alone would not
 * create `check_same_school()`.
 */

// R-DATA-3, R-AUTH-3(b): the audit trail is append-only. (Declared here rather than on the entity
// because audit-event.entity.ts belongs to the audit module; it may move there unchanged.)
Trigger({
  name: 'append_only',
  timing: 'before',
  events: ['update', 'delete'],
  body: "raise exception 'audit_event is append-only (R-DATA-3)' using errcode = 'insufficient_privilege'",
})(AuditEvent);

// R-DATA-2: each event takes the next position and hash of its school's chain (see the
// year_archive migration for the function and modules/archive/audit-chain.ts for the hash).
Trigger({
  name: 'audit_chain',
  timing: 'before',
  events: ['insert'],
  expression:
    'create trigger audit_chain before insert on audit_event for each row execute function audit_event_audit_chain_fn()',
})(AuditEvent);

/**
 * R-AUTH-4: a school-owned row and every school-owned row it refers to belong to the same school,
 * so a wrong id can never stitch one school's journal into another's; and `school_id` never
 * changes. `refs` maps each foreign-key column to the table it points at; the generic
 * `check_same_school()` reads them from the trigger's arguments.
 */
function sameSchool(table: string, refs: Record<string, string> = {}) {
  const fks = Object.keys(refs);
  // With no school-owned references, only a change of school_id needs checking.
  const events: ('insert' | 'update')[] = fks.length > 0 ? ['insert', 'update'] : ['update'];
  const args = Object.entries(refs)
    .flat()
    .map((a) => `'${a}'`)
    .join(', ');
  return Trigger({
    name: 'same_school',
    timing: 'before',
    events,
    expression:
      `create trigger same_school before ${events.join(' or ')} of ` +
      `${['school_id', ...fks].join(', ')} on ${table} ` +
      `for each row execute function check_same_school(${args})`,
  });
}

const sameSchoolTables: [
  entity: (typeof entities)[number],
  table: string,
  refs?: Record<string, string>,
][] = [
  [AcademicYear, 'academic_year'],
  [ReportingPeriod, 'reporting_period', { year_id: 'academic_year' }],
  [Subject, 'subject'],
  [SchoolClass, 'school_class', { year_id: 'academic_year' }],
  [Subgroup, 'subgroup', { school_class_id: 'school_class', subject_id: 'subject' }],
  [SubgroupMembership, 'subgroup_membership', { subgroup_id: 'subgroup' }],
  [
    TeachingAssignment,
    'teaching_assignment',
    {
      year_id: 'academic_year',
      subject_id: 'subject',
      school_class_id: 'school_class',
      subgroup_id: 'subgroup',
    },
  ],
  [
    CurriculumItem,
    'curriculum_item',
    { school_class_id: 'school_class', subject_id: 'subject', period_id: 'reporting_period' },
  ],
  [PlannedTopic, 'planned_topic', { assignment_id: 'teaching_assignment' }],
  [WorkType, 'work_type'],
  [Enrolment, 'enrolment', { school_class_id: 'school_class' }],
  [Guardianship, 'guardianship'],
  [BellTime, 'bell_time'],
  [
    TimetableSlot,
    'timetable_slot',
    { year_id: 'academic_year', assignment_id: 'teaching_assignment' },
  ],
  [
    TimetableChange,
    'timetable_change',
    { slot_id: 'timetable_slot', assignment_id: 'teaching_assignment' },
  ],
  [
    Lesson,
    'lesson',
    {
      assignment_id: 'teaching_assignment',
      planned_topic_id: 'planned_topic',
      work_type_id: 'work_type',
    },
  ],
  [Homework, 'homework', { lesson_id: 'lesson' }],
  [HomeworkAttachment, 'homework_attachment', { homework_id: 'homework' }],
  [Attendance, 'attendance', { lesson_id: 'lesson' }],
  [Mark, 'mark', { lesson_id: 'lesson', work_type_id: 'work_type' }],
  [PeriodMark, 'period_mark', { subject_id: 'subject', period_id: 'reporting_period' }],
  [AppliedMutation, 'applied_mutation'],
  [MessageThread, 'message_thread', { school_class_id: 'school_class' }],
  [ThreadParticipant, 'thread_participant', { thread_id: 'message_thread' }],
  [Message, 'message', { thread_id: 'message_thread' }],
  [Announcement, 'announcement', { school_class_id: 'school_class' }],
];
for (const [entity, table, refs] of sameSchoolTables) {
  sameSchool(table, refs)(entity);
}

/*
 * Issue 8, defence in depth: row-level security policies (the row_security migration creates them;
 * core/row-scope.ts sets what they read). Declared here too, as the triggers are, so that the
 * schema diff knows them.
 */
// Read once per statement, not once per row (migration row_security_once, issue 9).
const SCHOOLS = '(select row_security.schools())::uuid[]';
const inSchools = `(school_id = any (${SCHOOLS}))`;
const noneOrInSchools = `((school_id is null) or (school_id = any (${SCHOOLS})))`;

function rowPolicies(entity: (typeof entities)[number], policies: PolicyDef[]) {
  const target = entity as unknown as { name: string; [MetadataStorage.PATH_SYMBOL]: string };
  MetadataStorage.getMetadata(
    target.name,
    target[MetadataStorage.PATH_SYMBOL],
    entity,
  ).policies.push(...policies);
}

for (const entity of [
  AcademicYear,
  Announcement,
  Attendance,
  BellTime,
  CurriculumItem,
  Enrolment,
  Guardianship,
  Homework,
  HomeworkAttachment,
  Lesson,
  Mark,
  Message,
  MessageThread,
  PeriodMark,
  PlannedTopic,
  ReportingPeriod,
  SchoolClass,
  Subgroup,
  SubgroupMembership,
  Subject,
  TeachingAssignment,
  ThreadParticipant,
  TimetableChange,
  TimetableSlot,
  WorkType,
  YearArchive,
]) {
  rowPolicies(entity, [{ name: 'school_scope', using: inSchools, check: inSchools }]);
}
rowPolicies(RoleAssignment, [
  {
    name: 'school_scope',
    using: `((school_id = any (${SCHOOLS})) or (person_id = (select row_security.person())))`,
    check: inSchools,
  },
]);
rowPolicies(AppliedMutation, [
  { name: 'school_scope', using: noneOrInSchools, check: noneOrInSchools },
]);
rowPolicies(AuditEvent, [
  {
    name: 'school_scope',
    command: 'select',
    using: `((school_id is null) or (school_id = any (${SCHOOLS})) or (id = (nullif(current_setting('classbook.audit_appended', true), ''))::uuid))`,
  },
  { name: 'append', command: 'insert', check: 'true' },
]);
