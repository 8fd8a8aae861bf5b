import { Migration } from '@mikro-orm/migrations';

export class Migration20261122224446_initial extends Migration {

  override name = 'Migration20261122224446_initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "grading_scale" as enum ('FIVE_POINT', 'TEN_POINT', 'PERCENT');`);
    this.addSql(`create type "instruction_language" as enum ('ru', 'kk', 'en');`);
    this.addSql(`create type "role" as enum ('ADMINISTRATOR', 'DIRECTOR', 'DEPUTY', 'RECORDS_CLERK', 'TEACHER', 'STUDENT', 'PARENT');`);
    this.addSql(`create type "guardianship_kind" as enum ('MOTHER', 'FATHER', 'GUARDIAN', 'OTHER');`);
    this.addSql(`create type "period_kind" as enum ('QUARTER', 'TRIMESTER', 'HALF_YEAR', 'YEAR');`);
    this.addSql(`create type "admission_kind" as enum ('ADMISSION', 'TRANSFER_IN', 'PROMOTION');`);
    this.addSql(`create type "departure_kind" as enum ('TRANSFER_OUT', 'DEPARTURE', 'GRADUATION', 'PROMOTION');`);
    this.addSql(`create type "period_mark_special" as enum ('EXEMPT', 'NOT_ATTESTED');`);
    this.addSql(`create type "timetable_change_kind" as enum ('CANCELLED', 'SUBSTITUTION', 'ROOM_CHANGE', 'MOVED', 'ADDED');`);
    this.addSql(`create type "lesson_status" as enum ('PLANNED', 'HELD', 'CANCELLED');`);
    this.addSql(`create type "attendance_status" as enum ('ABSENT', 'LATE');`);
    this.addSql(`create type "absence_reason" as enum ('ILLNESS', 'EXCUSED', 'UNEXCUSED', 'OTHER');`);
    this.addSql(`create table "audit_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid null, "actor_id" uuid null, "session_id" uuid null, "occurred_at" timestamptz not null default now(), "entity_type" text not null, "entity_id" uuid not null, "action" text not null, "before" jsonb null, "after" jsonb null, "reason" text null, primary key ("id"));`);
    this.addSql(`create index "audit_event_school_idx" on "audit_event" ("school_id", "occurred_at");`);
    this.addSql(`create index "audit_event_actor_idx" on "audit_event" ("actor_id", "occurred_at");`);
    this.addSql(`create index "audit_event_entity_idx" on "audit_event" ("entity_type", "entity_id", "occurred_at");`);

    this.addSql(`create table "person" ("id" uuid not null, "created_at" timestamptz not null default now(), "last_name" text not null, "first_name" text not null, "middle_name" text null, "birth_date" date null, "email" text null, "phone" text null, "login" text null, "password_hash" text null, "locale" text not null default 'ru', "last_sign_in_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_login_unique" unique ("login");`);
    this.addSql(`create index "person_name_idx" on "person" ("last_name", "first_name");`);

    this.addSql(`create table "school" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" text not null, "short_name" text not null, "grading_scale" "grading_scale" not null default 'FIVE_POINT', "languages" "instruction_language"[] not null, "time_zone" text not null default 'Europe/Moscow', "min_marks_for_period_mark" int not null default 3, primary key ("id"));`);
    this.addSql(`alter table "school" add constraint "school_name_unique" unique ("name");`);

    this.addSql(`create table "role_assignment" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "person_id" uuid not null, "role" "role" not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "role_assignment_person_idx" on "role_assignment" ("person_id");`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_unique" unique ("school_id", "person_id", "role");`);

    this.addSql(`create table "invitation" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "person_id" uuid not null, "role" "role" not null, "code_hash" text not null, "issued_by_id" uuid not null, "expires_at" timestamptz not null, "redeemed_at" timestamptz null, "withdrawn_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "invitation" add constraint "invitation_code_hash_unique" unique ("code_hash");`);
    this.addSql(`create index "invitation_person_idx" on "invitation" ("person_id");`);

    this.addSql(`create table "guardianship" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "guardian_id" uuid not null, "student_id" uuid not null, "kind" "guardianship_kind" not null, primary key ("id"));`);
    this.addSql(`create index "guardianship_student_idx" on "guardianship" ("student_id");`);
    this.addSql(`alter table "guardianship" add constraint "guardianship_unique" unique ("guardian_id", "student_id");`);

    this.addSql(`create table "bell_time" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "lesson_number" int not null, "starts_at" time(0) not null, "ends_at" time(0) not null, primary key ("id"));`);
    this.addSql(`alter table "bell_time" add constraint "bell_time_lesson_unique" unique ("school_id", "lesson_number");`);

    this.addSql(`create table "applied_mutation" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid null, "actor_id" uuid not null, "client_mutation_id" text not null, "operation" text not null, "result" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "applied_mutation" add constraint "applied_mutation_unique" unique ("actor_id", "client_mutation_id");`);

    this.addSql(`create table "academic_year" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "name" text not null, "starts_on" date not null, "ends_on" date not null, primary key ("id"));`);
    this.addSql(`alter table "academic_year" add constraint "academic_year_name_unique" unique ("school_id", "name");`);

    this.addSql(`create table "reporting_period" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "year_id" uuid not null, "kind" "period_kind" not null, "number" int not null, "name" text not null, "starts_on" date not null, "ends_on" date not null, "grade_levels" int[] not null, "closed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_number_unique" unique ("year_id", "kind", "number");`);

    this.addSql(`create table "school_class" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "year_id" uuid not null, "grade_level" int not null, "letter" text not null, "class_teacher_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "school_class" add constraint "school_class_name_unique" unique ("year_id", "grade_level", "letter");`);

    this.addSql(`create table "message_thread" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "subject" text not null, "created_by_id" uuid not null, "school_class_id" uuid null, "last_message_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "message_thread_class_idx" on "message_thread" ("school_class_id");`);

    this.addSql(`create table "message" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "thread_id" uuid not null, "author_id" uuid not null, "body" text not null, "sent_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "message_thread_idx" on "message" ("thread_id", "sent_at");`);

    this.addSql(`create table "enrolment" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "student_id" uuid not null, "school_class_id" uuid not null, "starts_on" date not null, "ends_on" date null, "admission_kind" "admission_kind" not null default 'ADMISSION', "departure_kind" "departure_kind" null, "note" text null, primary key ("id"));`);
    this.addSql(`create index "enrolment_student_idx" on "enrolment" ("student_id");`);
    this.addSql(`create index "enrolment_class_idx" on "enrolment" ("school_class_id", "starts_on");`);

    this.addSql(`create table "announcement" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "school_class_id" uuid not null, "author_id" uuid not null, "title" text not null, "body" text not null, "published_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "announcement_class_idx" on "announcement" ("school_class_id", "published_at");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null default now(), "person_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null default now(), "revoked_at" timestamptz null, "user_agent" text null, "ip_address" text null, primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_person_idx" on "session" ("person_id");`);

    this.addSql(`create table "subject" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "name" text not null, "short_name" text not null, primary key ("id"));`);
    this.addSql(`alter table "subject" add constraint "subject_name_unique" unique ("school_id", "name");`);

    this.addSql(`create table "subgroup" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "school_class_id" uuid not null, "subject_id" uuid not null, "name" text not null, primary key ("id"));`);
    this.addSql(`create index "subgroup_subject_idx" on "subgroup" ("subject_id");`);
    this.addSql(`alter table "subgroup" add constraint "subgroup_name_unique" unique ("school_class_id", "subject_id", "name");`);

    this.addSql(`create table "subgroup_membership" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "subgroup_id" uuid not null, "student_id" uuid not null, "starts_on" date not null, "ends_on" date null, primary key ("id"));`);
    this.addSql(`create index "subgroup_membership_student_idx" on "subgroup_membership" ("student_id");`);
    this.addSql(`create index "subgroup_membership_subgroup_idx" on "subgroup_membership" ("subgroup_id", "starts_on");`);

    this.addSql(`create table "period_mark" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "student_id" uuid not null, "subject_id" uuid not null, "period_id" uuid not null, "value" text null, "numeric_value" numeric(5,2) null, "special" "period_mark_special" null, "entered_by_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "period_mark_period_idx" on "period_mark" ("period_id", "subject_id");`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_unique" unique ("student_id", "subject_id", "period_id");`);

    this.addSql(`create table "curriculum_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "school_class_id" uuid not null, "subject_id" uuid not null, "period_id" uuid null, "planned_lessons" int not null, primary key ("id"));`);
    this.addSql(`create unique index "curriculum_item_year_unique" on "curriculum_item" ("school_class_id", "subject_id") where period_id is null;`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_unique" unique ("school_class_id", "subject_id", "period_id");`);

    this.addSql(`create table "teaching_assignment" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "year_id" uuid not null, "teacher_id" uuid not null, "subject_id" uuid not null, "school_class_id" uuid not null, "subgroup_id" uuid null, "individual_student_id" uuid null, "starts_on" date null, "ends_on" date null, primary key ("id"));`);
    this.addSql(`create index "teaching_assignment_class_idx" on "teaching_assignment" ("school_class_id", "subject_id");`);
    this.addSql(`create index "teaching_assignment_teacher_idx" on "teaching_assignment" ("teacher_id", "year_id");`);

    this.addSql(`create table "planned_topic" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "assignment_id" uuid not null, "position" int not null, "title" text not null, "planned_hours" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "planned_topic" add constraint "planned_topic_position_unique" unique ("assignment_id", "position");`);

    this.addSql(`create table "thread_participant" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "thread_id" uuid not null, "person_id" uuid not null, "last_read_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "thread_participant_person_idx" on "thread_participant" ("person_id");`);
    this.addSql(`alter table "thread_participant" add constraint "thread_participant_unique" unique ("thread_id", "person_id");`);

    this.addSql(`create table "timetable_slot" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "year_id" uuid not null, "assignment_id" uuid not null, "weekday" int not null, "lesson_number" int not null, "room" text null, "valid_from" date not null, "valid_to" date null, primary key ("id"));`);
    this.addSql(`create index "timetable_slot_weekday_idx" on "timetable_slot" ("school_id", "weekday");`);
    this.addSql(`create index "timetable_slot_assignment_idx" on "timetable_slot" ("assignment_id");`);

    this.addSql(`create table "timetable_change" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "date" date not null, "kind" "timetable_change_kind" not null, "slot_id" uuid null, "assignment_id" uuid not null, "lesson_number" int not null, "substitute_teacher_id" uuid null, "room" text null, "note" text null, "published_at" timestamptz null, "created_by_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "timetable_change_assignment_idx" on "timetable_change" ("assignment_id", "date");`);
    this.addSql(`create index "timetable_change_date_idx" on "timetable_change" ("school_id", "date");`);

    this.addSql(`create table "work_type" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "code" text not null, "name" text not null, "weight" numeric(4,2) not null default 1, "is_written" boolean not null default false, primary key ("id"));`);
    this.addSql(`alter table "work_type" add constraint "work_type_code_unique" unique ("school_id", "code");`);

    this.addSql(`create table "lesson" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "assignment_id" uuid not null, "date" date not null, "lesson_number" int null, "conducting_teacher_id" uuid not null, "planned_topic_id" uuid null, "topic" text null, "work_type_id" uuid null, "status" "lesson_status" not null default 'PLANNED', "entered_by_id" uuid null, "updated_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "lesson_teacher_idx" on "lesson" ("conducting_teacher_id", "date");`);
    this.addSql(`create index "lesson_date_idx" on "lesson" ("school_id", "date");`);
    this.addSql(`alter table "lesson" add constraint "lesson_assignment_date_unique" unique ("assignment_id", "date", "lesson_number");`);

    this.addSql(`create table "mark" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "lesson_id" uuid not null, "student_id" uuid not null, "value" text not null, "numeric_value" numeric(5,2) not null, "work_type_id" uuid null, "weight" numeric(4,2) not null default 1, "comment" text null, "entered_by_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "mark_student_idx" on "mark" ("student_id", "lesson_id");`);
    this.addSql(`create index "mark_lesson_idx" on "mark" ("lesson_id");`);

    this.addSql(`create table "homework" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "lesson_id" uuid not null, "text" text not null, "due_on" date null, "entered_by_id" uuid not null, "updated_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "homework_due_idx" on "homework" ("school_id", "due_on");`);
    this.addSql(`create index "homework_lesson_idx" on "homework" ("lesson_id");`);

    this.addSql(`create table "homework_attachment" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "homework_id" uuid not null, "file_name" text not null, "content_type" text not null, "size_bytes" int not null, "storage_key" text not null, primary key ("id"));`);
    this.addSql(`alter table "homework_attachment" add constraint "homework_attachment_storage_key_unique" unique ("storage_key");`);
    this.addSql(`create index "homework_attachment_homework_idx" on "homework_attachment" ("homework_id");`);

    this.addSql(`create table "attendance" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "lesson_id" uuid not null, "student_id" uuid not null, "status" "attendance_status" not null, "reason" "absence_reason" null, "minutes_late" int null, "entered_by_id" uuid not null, "updated_at" timestamptz not null default now(), "corrected_by_id" uuid null, "corrected_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "attendance_student_idx" on "attendance" ("student_id");`);
    this.addSql(`alter table "attendance" add constraint "attendance_unique" unique ("lesson_id", "student_id");`);

    this.addSql(`alter table "school" add constraint "school_min_marks_check" check (min_marks_for_period_mark >= 0);`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`alter table "invitation" add constraint "invitation_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "invitation" add constraint "invitation_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_issued_by_id_foreign" foreign key ("issued_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "invitation" add constraint "invitation_expiry_check" check (expires_at > created_at);`);

    this.addSql(`alter table "guardianship" add constraint "guardianship_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "guardianship" add constraint "guardianship_guardian_id_foreign" foreign key ("guardian_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "guardianship" add constraint "guardianship_student_id_foreign" foreign key ("student_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "guardianship" add constraint "guardianship_self_check" check (guardian_id <> student_id);`);

    this.addSql(`alter table "bell_time" add constraint "bell_time_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "bell_time" add constraint "bell_time_times_check" check (ends_at > starts_at);`);
    this.addSql(`alter table "bell_time" add constraint "bell_time_lesson_number_check" check (lesson_number >= 0);`);

    this.addSql(`alter table "applied_mutation" add constraint "applied_mutation_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "applied_mutation" add constraint "applied_mutation_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete cascade;`);

    this.addSql(`alter table "academic_year" add constraint "academic_year_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "academic_year" add constraint "academic_year_dates_check" check (ends_on > starts_on);`);

    this.addSql(`alter table "reporting_period" add constraint "reporting_period_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on delete restrict;`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_grade_levels_check" check (cardinality(grade_levels) > 0 and 1 <= all(grade_levels) and 12 >= all(grade_levels));`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_number_check" check (number > 0);`);
    this.addSql(`alter table "reporting_period" add constraint "reporting_period_dates_check" check (ends_on > starts_on);`);

    this.addSql(`alter table "school_class" add constraint "school_class_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "school_class" add constraint "school_class_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on delete restrict;`);
    this.addSql(`alter table "school_class" add constraint "school_class_class_teacher_id_foreign" foreign key ("class_teacher_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "school_class" add constraint "school_class_grade_level_check" check (grade_level >= 1 and grade_level <= 12);`);

    this.addSql(`alter table "message_thread" add constraint "message_thread_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "message_thread" add constraint "message_thread_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "message_thread" add constraint "message_thread_school_class_id_foreign" foreign key ("school_class_id") references "school_class" ("id") on delete restrict;`);

    this.addSql(`alter table "message" add constraint "message_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "message" add constraint "message_thread_id_foreign" foreign key ("thread_id") references "message_thread" ("id") on delete cascade;`);
    this.addSql(`alter table "message" add constraint "message_author_id_foreign" foreign key ("author_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "message" add constraint "message_body_check" check (body <> '');`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_student_id_foreign" foreign key ("student_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_school_class_id_foreign" foreign key ("school_class_id") references "school_class" ("id") on delete restrict;`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_departure_check" check ((ends_on is null) = (departure_kind is null));`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_dates_check" check (ends_on is null or ends_on >= starts_on);`);

    this.addSql(`alter table "announcement" add constraint "announcement_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "announcement" add constraint "announcement_school_class_id_foreign" foreign key ("school_class_id") references "school_class" ("id") on delete restrict;`);
    this.addSql(`alter table "announcement" add constraint "announcement_author_id_foreign" foreign key ("author_id") references "person" ("id") on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`alter table "subject" add constraint "subject_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);

    this.addSql(`alter table "subgroup" add constraint "subgroup_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "subgroup" add constraint "subgroup_school_class_id_foreign" foreign key ("school_class_id") references "school_class" ("id") on delete restrict;`);
    this.addSql(`alter table "subgroup" add constraint "subgroup_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on delete restrict;`);

    this.addSql(`alter table "subgroup_membership" add constraint "subgroup_membership_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "subgroup_membership" add constraint "subgroup_membership_subgroup_id_foreign" foreign key ("subgroup_id") references "subgroup" ("id") on delete restrict;`);
    this.addSql(`alter table "subgroup_membership" add constraint "subgroup_membership_student_id_foreign" foreign key ("student_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "subgroup_membership" add constraint "subgroup_membership_dates_check" check (ends_on is null or ends_on >= starts_on);`);

    this.addSql(`alter table "period_mark" add constraint "period_mark_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_student_id_foreign" foreign key ("student_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on delete restrict;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on delete restrict;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_entered_by_id_foreign" foreign key ("entered_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_numeric_check" check (numeric_value is null or value is not null);`);
    this.addSql(`alter table "period_mark" add constraint "period_mark_value_check" check ((value is null) <> (special is null));`);

    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_school_class_id_foreign" foreign key ("school_class_id") references "school_class" ("id") on delete restrict;`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on delete restrict;`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_period_id_foreign" foreign key ("period_id") references "reporting_period" ("id") on delete restrict;`);
    this.addSql(`alter table "curriculum_item" add constraint "curriculum_item_planned_check" check (planned_lessons > 0);`);

    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on delete restrict;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_teacher_id_foreign" foreign key ("teacher_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_subject_id_foreign" foreign key ("subject_id") references "subject" ("id") on delete restrict;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_school_class_id_foreign" foreign key ("school_class_id") references "school_class" ("id") on delete restrict;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_subgroup_id_foreign" foreign key ("subgroup_id") references "subgroup" ("id") on delete restrict;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_individual_student_id_foreign" foreign key ("individual_student_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_audience_check" check (subgroup_id is null or individual_student_id is null);`);
    this.addSql(`alter table "teaching_assignment" add constraint "teaching_assignment_dates_check" check (ends_on is null or starts_on is null or ends_on >= starts_on);`);

    this.addSql(`alter table "planned_topic" add constraint "planned_topic_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "planned_topic" add constraint "planned_topic_assignment_id_foreign" foreign key ("assignment_id") references "teaching_assignment" ("id") on delete cascade;`);
    this.addSql(`alter table "planned_topic" add constraint "planned_topic_hours_check" check (planned_hours > 0);`);
    this.addSql(`alter table "planned_topic" add constraint "planned_topic_position_check" check (position > 0);`);

    this.addSql(`alter table "thread_participant" add constraint "thread_participant_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "thread_participant" add constraint "thread_participant_thread_id_foreign" foreign key ("thread_id") references "message_thread" ("id") on delete cascade;`);
    this.addSql(`alter table "thread_participant" add constraint "thread_participant_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`alter table "timetable_slot" add constraint "timetable_slot_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "timetable_slot" add constraint "timetable_slot_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on delete restrict;`);
    this.addSql(`alter table "timetable_slot" add constraint "timetable_slot_assignment_id_foreign" foreign key ("assignment_id") references "teaching_assignment" ("id") on delete restrict;`);
    this.addSql(`alter table "timetable_slot" add constraint "timetable_slot_validity_check" check (valid_to is null or valid_to > valid_from);`);
    this.addSql(`alter table "timetable_slot" add constraint "timetable_slot_lesson_number_check" check (lesson_number >= 0);`);
    this.addSql(`alter table "timetable_slot" add constraint "timetable_slot_weekday_check" check (weekday >= 1 and weekday <= 7);`);

    this.addSql(`alter table "timetable_change" add constraint "timetable_change_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "timetable_change" add constraint "timetable_change_slot_id_foreign" foreign key ("slot_id") references "timetable_slot" ("id") on delete set null;`);
    this.addSql(`alter table "timetable_change" add constraint "timetable_change_assignment_id_foreign" foreign key ("assignment_id") references "teaching_assignment" ("id") on delete restrict;`);
    this.addSql(`alter table "timetable_change" add constraint "timetable_change_substitute_teacher_id_foreign" foreign key ("substitute_teacher_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "timetable_change" add constraint "timetable_change_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "timetable_change" add constraint "timetable_change_room_check" check (kind <> 'ROOM_CHANGE' or room is not null);`);
    this.addSql(`alter table "timetable_change" add constraint "timetable_change_substitute_check" check (kind <> 'SUBSTITUTION' or substitute_teacher_id is not null);`);
    this.addSql(`alter table "timetable_change" add constraint "timetable_change_lesson_number_check" check (lesson_number >= 0);`);

    this.addSql(`alter table "work_type" add constraint "work_type_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "work_type" add constraint "work_type_weight_check" check (weight > 0);`);

    this.addSql(`alter table "lesson" add constraint "lesson_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "lesson" add constraint "lesson_assignment_id_foreign" foreign key ("assignment_id") references "teaching_assignment" ("id") on delete restrict;`);
    this.addSql(`alter table "lesson" add constraint "lesson_conducting_teacher_id_foreign" foreign key ("conducting_teacher_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "lesson" add constraint "lesson_planned_topic_id_foreign" foreign key ("planned_topic_id") references "planned_topic" ("id") on delete set null;`);
    this.addSql(`alter table "lesson" add constraint "lesson_work_type_id_foreign" foreign key ("work_type_id") references "work_type" ("id") on delete restrict;`);
    this.addSql(`alter table "lesson" add constraint "lesson_entered_by_id_foreign" foreign key ("entered_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "lesson" add constraint "lesson_lesson_number_check" check (lesson_number >= 0);`);

    this.addSql(`alter table "mark" add constraint "mark_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "mark" add constraint "mark_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on delete restrict;`);
    this.addSql(`alter table "mark" add constraint "mark_student_id_foreign" foreign key ("student_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "mark" add constraint "mark_work_type_id_foreign" foreign key ("work_type_id") references "work_type" ("id") on delete restrict;`);
    this.addSql(`alter table "mark" add constraint "mark_entered_by_id_foreign" foreign key ("entered_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "mark" add constraint "mark_weight_check" check (weight > 0);`);
    this.addSql(`alter table "mark" add constraint "mark_value_check" check (value <> '');`);

    this.addSql(`alter table "homework" add constraint "homework_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "homework" add constraint "homework_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on delete restrict;`);
    this.addSql(`alter table "homework" add constraint "homework_entered_by_id_foreign" foreign key ("entered_by_id") references "person" ("id") on delete restrict;`);

    this.addSql(`alter table "homework_attachment" add constraint "homework_attachment_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "homework_attachment" add constraint "homework_attachment_homework_id_foreign" foreign key ("homework_id") references "homework" ("id") on delete cascade;`);
    this.addSql(`alter table "homework_attachment" add constraint "homework_attachment_size_check" check (size_bytes >= 0);`);

    this.addSql(`alter table "attendance" add constraint "attendance_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "attendance" add constraint "attendance_lesson_id_foreign" foreign key ("lesson_id") references "lesson" ("id") on delete restrict;`);
    this.addSql(`alter table "attendance" add constraint "attendance_student_id_foreign" foreign key ("student_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "attendance" add constraint "attendance_entered_by_id_foreign" foreign key ("entered_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "attendance" add constraint "attendance_corrected_by_id_foreign" foreign key ("corrected_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "attendance" add constraint "attendance_correction_check" check ((corrected_by_id is null) = (corrected_at is null));`);
    this.addSql(`alter table "attendance" add constraint "attendance_minutes_late_check" check (minutes_late is null or (status = 'LATE' and minutes_late > 0));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_person_id_foreign";`);
    this.addSql(`alter table "invitation" drop constraint "invitation_person_id_foreign";`);
    this.addSql(`alter table "invitation" drop constraint "invitation_issued_by_id_foreign";`);
    this.addSql(`alter table "guardianship" drop constraint "guardianship_guardian_id_foreign";`);
    this.addSql(`alter table "guardianship" drop constraint "guardianship_student_id_foreign";`);
    this.addSql(`alter table "applied_mutation" drop constraint "applied_mutation_actor_id_foreign";`);
    this.addSql(`alter table "school_class" drop constraint "school_class_class_teacher_id_foreign";`);
    this.addSql(`alter table "message_thread" drop constraint "message_thread_created_by_id_foreign";`);
    this.addSql(`alter table "message" drop constraint "message_author_id_foreign";`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_student_id_foreign";`);
    this.addSql(`alter table "announcement" drop constraint "announcement_author_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_person_id_foreign";`);
    this.addSql(`alter table "subgroup_membership" drop constraint "subgroup_membership_student_id_foreign";`);
    this.addSql(`alter table "period_mark" drop constraint "period_mark_student_id_foreign";`);
    this.addSql(`alter table "period_mark" drop constraint "period_mark_entered_by_id_foreign";`);
    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_teacher_id_foreign";`);
    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_individual_student_id_foreign";`);
    this.addSql(`alter table "thread_participant" drop constraint "thread_participant_person_id_foreign";`);
    this.addSql(`alter table "timetable_change" drop constraint "timetable_change_substitute_teacher_id_foreign";`);
    this.addSql(`alter table "timetable_change" drop constraint "timetable_change_created_by_id_foreign";`);
    this.addSql(`alter table "lesson" drop constraint "lesson_conducting_teacher_id_foreign";`);
    this.addSql(`alter table "lesson" drop constraint "lesson_entered_by_id_foreign";`);
    this.addSql(`alter table "mark" drop constraint "mark_student_id_foreign";`);
    this.addSql(`alter table "mark" drop constraint "mark_entered_by_id_foreign";`);
    this.addSql(`alter table "homework" drop constraint "homework_entered_by_id_foreign";`);
    this.addSql(`alter table "attendance" drop constraint "attendance_student_id_foreign";`);
    this.addSql(`alter table "attendance" drop constraint "attendance_entered_by_id_foreign";`);
    this.addSql(`alter table "attendance" drop constraint "attendance_corrected_by_id_foreign";`);
    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_school_id_foreign";`);
    this.addSql(`alter table "invitation" drop constraint "invitation_school_id_foreign";`);
    this.addSql(`alter table "guardianship" drop constraint "guardianship_school_id_foreign";`);
    this.addSql(`alter table "bell_time" drop constraint "bell_time_school_id_foreign";`);
    this.addSql(`alter table "applied_mutation" drop constraint "applied_mutation_school_id_foreign";`);
    this.addSql(`alter table "academic_year" drop constraint "academic_year_school_id_foreign";`);
    this.addSql(`alter table "reporting_period" drop constraint "reporting_period_school_id_foreign";`);
    this.addSql(`alter table "school_class" drop constraint "school_class_school_id_foreign";`);
    this.addSql(`alter table "message_thread" drop constraint "message_thread_school_id_foreign";`);
    this.addSql(`alter table "message" drop constraint "message_school_id_foreign";`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_school_id_foreign";`);
    this.addSql(`alter table "announcement" drop constraint "announcement_school_id_foreign";`);
    this.addSql(`alter table "subject" drop constraint "subject_school_id_foreign";`);
    this.addSql(`alter table "subgroup" drop constraint "subgroup_school_id_foreign";`);
    this.addSql(`alter table "subgroup_membership" drop constraint "subgroup_membership_school_id_foreign";`);
    this.addSql(`alter table "period_mark" drop constraint "period_mark_school_id_foreign";`);
    this.addSql(`alter table "curriculum_item" drop constraint "curriculum_item_school_id_foreign";`);
    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_school_id_foreign";`);
    this.addSql(`alter table "planned_topic" drop constraint "planned_topic_school_id_foreign";`);
    this.addSql(`alter table "thread_participant" drop constraint "thread_participant_school_id_foreign";`);
    this.addSql(`alter table "timetable_slot" drop constraint "timetable_slot_school_id_foreign";`);
    this.addSql(`alter table "timetable_change" drop constraint "timetable_change_school_id_foreign";`);
    this.addSql(`alter table "work_type" drop constraint "work_type_school_id_foreign";`);
    this.addSql(`alter table "lesson" drop constraint "lesson_school_id_foreign";`);
    this.addSql(`alter table "mark" drop constraint "mark_school_id_foreign";`);
    this.addSql(`alter table "homework" drop constraint "homework_school_id_foreign";`);
    this.addSql(`alter table "homework_attachment" drop constraint "homework_attachment_school_id_foreign";`);
    this.addSql(`alter table "attendance" drop constraint "attendance_school_id_foreign";`);
    this.addSql(`alter table "reporting_period" drop constraint "reporting_period_year_id_foreign";`);
    this.addSql(`alter table "school_class" drop constraint "school_class_year_id_foreign";`);
    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_year_id_foreign";`);
    this.addSql(`alter table "timetable_slot" drop constraint "timetable_slot_year_id_foreign";`);
    this.addSql(`alter table "period_mark" drop constraint "period_mark_period_id_foreign";`);
    this.addSql(`alter table "curriculum_item" drop constraint "curriculum_item_period_id_foreign";`);
    this.addSql(`alter table "message_thread" drop constraint "message_thread_school_class_id_foreign";`);
    this.addSql(`alter table "enrolment" drop constraint "enrolment_school_class_id_foreign";`);
    this.addSql(`alter table "announcement" drop constraint "announcement_school_class_id_foreign";`);
    this.addSql(`alter table "subgroup" drop constraint "subgroup_school_class_id_foreign";`);
    this.addSql(`alter table "curriculum_item" drop constraint "curriculum_item_school_class_id_foreign";`);
    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_school_class_id_foreign";`);
    this.addSql(`alter table "message" drop constraint "message_thread_id_foreign";`);
    this.addSql(`alter table "thread_participant" drop constraint "thread_participant_thread_id_foreign";`);
    this.addSql(`alter table "subgroup" drop constraint "subgroup_subject_id_foreign";`);
    this.addSql(`alter table "period_mark" drop constraint "period_mark_subject_id_foreign";`);
    this.addSql(`alter table "curriculum_item" drop constraint "curriculum_item_subject_id_foreign";`);
    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_subject_id_foreign";`);
    this.addSql(`alter table "subgroup_membership" drop constraint "subgroup_membership_subgroup_id_foreign";`);
    this.addSql(`alter table "teaching_assignment" drop constraint "teaching_assignment_subgroup_id_foreign";`);
    this.addSql(`alter table "planned_topic" drop constraint "planned_topic_assignment_id_foreign";`);
    this.addSql(`alter table "timetable_slot" drop constraint "timetable_slot_assignment_id_foreign";`);
    this.addSql(`alter table "timetable_change" drop constraint "timetable_change_assignment_id_foreign";`);
    this.addSql(`alter table "lesson" drop constraint "lesson_assignment_id_foreign";`);
    this.addSql(`alter table "lesson" drop constraint "lesson_planned_topic_id_foreign";`);
    this.addSql(`alter table "timetable_change" drop constraint "timetable_change_slot_id_foreign";`);
    this.addSql(`alter table "lesson" drop constraint "lesson_work_type_id_foreign";`);
    this.addSql(`alter table "mark" drop constraint "mark_work_type_id_foreign";`);
    this.addSql(`alter table "mark" drop constraint "mark_lesson_id_foreign";`);
    this.addSql(`alter table "homework" drop constraint "homework_lesson_id_foreign";`);
    this.addSql(`alter table "attendance" drop constraint "attendance_lesson_id_foreign";`);
    this.addSql(`alter table "homework_attachment" drop constraint "homework_attachment_homework_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
    this.addSql(`drop table if exists "school" cascade;`);
    this.addSql(`drop table if exists "role_assignment" cascade;`);
    this.addSql(`drop table if exists "invitation" cascade;`);
    this.addSql(`drop table if exists "guardianship" cascade;`);
    this.addSql(`drop table if exists "bell_time" cascade;`);
    this.addSql(`drop table if exists "applied_mutation" cascade;`);
    this.addSql(`drop table if exists "academic_year" cascade;`);
    this.addSql(`drop table if exists "reporting_period" cascade;`);
    this.addSql(`drop table if exists "school_class" cascade;`);
    this.addSql(`drop table if exists "message_thread" cascade;`);
    this.addSql(`drop table if exists "message" cascade;`);
    this.addSql(`drop table if exists "enrolment" cascade;`);
    this.addSql(`drop table if exists "announcement" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "subject" cascade;`);
    this.addSql(`drop table if exists "subgroup" cascade;`);
    this.addSql(`drop table if exists "subgroup_membership" cascade;`);
    this.addSql(`drop table if exists "period_mark" cascade;`);
    this.addSql(`drop table if exists "curriculum_item" cascade;`);
    this.addSql(`drop table if exists "teaching_assignment" cascade;`);
    this.addSql(`drop table if exists "planned_topic" cascade;`);
    this.addSql(`drop table if exists "thread_participant" cascade;`);
    this.addSql(`drop table if exists "timetable_slot" cascade;`);
    this.addSql(`drop table if exists "timetable_change" cascade;`);
    this.addSql(`drop table if exists "work_type" cascade;`);
    this.addSql(`drop table if exists "lesson" cascade;`);
    this.addSql(`drop table if exists "mark" cascade;`);
    this.addSql(`drop table if exists "homework" cascade;`);
    this.addSql(`drop table if exists "homework_attachment" cascade;`);
    this.addSql(`drop table if exists "attendance" cascade;`);

    this.addSql(`drop type "grading_scale";`);
    this.addSql(`drop type "instruction_language";`);
    this.addSql(`drop type "role";`);
    this.addSql(`drop type "guardianship_kind";`);
    this.addSql(`drop type "period_kind";`);
    this.addSql(`drop type "admission_kind";`);
    this.addSql(`drop type "departure_kind";`);
    this.addSql(`drop type "period_mark_special";`);
    this.addSql(`drop type "timetable_change_kind";`);
    this.addSql(`drop type "lesson_status";`);
    this.addSql(`drop type "attendance_status";`);
    this.addSql(`drop type "absence_reason";`);
  }

}
