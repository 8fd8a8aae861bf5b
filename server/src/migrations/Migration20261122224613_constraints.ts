import { Migration } from '@mikro-orm/migrations';

/**
 * Hand-written: what makes bad states impossible beyond columns, keys and checks.
 *
 * - btree_gist, so exclusion constraints can mix `=` on ids with `&&` on date ranges.
 * - No overlapping school years of a school, periods of one kind in a year, enrolments of a
 *   student (R-YEAR-5: one class at a time), memberships of a student in a subgroup, or places of
 *   a journal page in the week. Effective-dated ranges are half-open, `[starts_on, ends_on)`, and
 *   a null end is unbounded; school years and periods are inclusive calendar ranges.
 * - `audit_event` is append-only (R-DATA-3, R-AUTH-3(b)).
 * - `check_same_school()`: a school-owned row refers only to rows of its own school and its
 *   `school_id` never changes (R-AUTH-4). One generic function; each table's trigger passes
 *   (column, table) pairs of its school-owned foreign keys.
 *
 * The exclusion constraints and triggers are also declared in the metadata (`@Check` with an
 * `exclude` expression on the entities, `Trigger(...)` in core/entities.ts), so `migration:create`
 * sees no difference. Keep both sides in step when changing one.
 */
export class Migration20261122224613_constraints extends Migration {
  override name = 'Migration20261122224613_constraints';

  override up(): void {
    this.addSql(`create extension if not exists btree_gist;`);

    for (const sql of [
      `alter table "academic_year" add constraint "academic_year_no_overlap" exclude using gist (school_id with =, daterange(starts_on, ends_on, '[]') with &&);`,
      `alter table "reporting_period" add constraint "reporting_period_no_overlap" exclude using gist (year_id with =, kind with =, daterange(starts_on, ends_on, '[]') with &&);`,
      `alter table "enrolment" add constraint "enrolment_no_overlap" exclude using gist (student_id with =, daterange(starts_on, ends_on, '[)') with &&);`,
      `alter table "subgroup_membership" add constraint "subgroup_membership_no_overlap" exclude using gist (subgroup_id with =, student_id with =, daterange(starts_on, ends_on, '[)') with &&);`,
      `alter table "timetable_slot" add constraint "timetable_slot_no_overlap" exclude using gist (assignment_id with =, weekday with =, lesson_number with =, daterange(valid_from, valid_to, '[)') with &&);`,
    ]) {
      this.addSql(sql);
    }

    this.addSql(
      `create or replace function "audit_event_append_only_fn"() returns trigger as $$ begin raise exception 'audit_event is append-only (R-DATA-3)' using errcode = 'insufficient_privilege'; end; $$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "append_only" BEFORE UPDATE OR DELETE on "audit_event" for each ROW execute function "audit_event_append_only_fn"();`,
    );

    this.addSql(`create function check_same_school() returns trigger language plpgsql as $$
declare
  rec jsonb := to_jsonb(new);
  ref_id uuid;
  ref_school uuid;
begin
  if tg_op = 'UPDATE' and new.school_id is distinct from old.school_id then
    raise exception '%.school_id cannot change', tg_table_name
      using errcode = 'check_violation', table = tg_table_name, column = 'school_id',
        constraint = tg_table_name || '_same_school';
  end if;
  for i in 0 .. tg_nargs - 1 by 2 loop
    ref_id := (rec ->> tg_argv[i])::uuid;
    continue when ref_id is null;
    execute format('select school_id from %I where id = $1', tg_argv[i + 1])
      into ref_school using ref_id;
    -- A missing row leaves ref_school null: the foreign key reports that one.
    if ref_school <> new.school_id then
      raise exception '%.% refers to a row of another school', tg_table_name, tg_argv[i]
        using errcode = 'check_violation', table = tg_table_name, column = tg_argv[i],
          constraint = tg_table_name || '_same_school';
    end if;
  end loop;
  return new;
end $$;`);

    for (const sql of [
      `create trigger same_school before update of school_id on academic_year for each row execute function check_same_school();`,
      `create trigger same_school before insert or update of school_id, year_id on reporting_period for each row execute function check_same_school('year_id', 'academic_year');`,
      `create trigger same_school before update of school_id on subject for each row execute function check_same_school();`,
      `create trigger same_school before insert or update of school_id, year_id on school_class for each row execute function check_same_school('year_id', 'academic_year');`,
      `create trigger same_school before insert or update of school_id, school_class_id, subject_id on subgroup for each row execute function check_same_school('school_class_id', 'school_class', 'subject_id', 'subject');`,
      `create trigger same_school before insert or update of school_id, subgroup_id on subgroup_membership for each row execute function check_same_school('subgroup_id', 'subgroup');`,
      `create trigger same_school before insert or update of school_id, year_id, subject_id, school_class_id, subgroup_id on teaching_assignment for each row execute function check_same_school('year_id', 'academic_year', 'subject_id', 'subject', 'school_class_id', 'school_class', 'subgroup_id', 'subgroup');`,
      `create trigger same_school before insert or update of school_id, school_class_id, subject_id, period_id on curriculum_item for each row execute function check_same_school('school_class_id', 'school_class', 'subject_id', 'subject', 'period_id', 'reporting_period');`,
      `create trigger same_school before insert or update of school_id, assignment_id on planned_topic for each row execute function check_same_school('assignment_id', 'teaching_assignment');`,
      `create trigger same_school before update of school_id on work_type for each row execute function check_same_school();`,
      `create trigger same_school before insert or update of school_id, school_class_id on enrolment for each row execute function check_same_school('school_class_id', 'school_class');`,
      `create trigger same_school before update of school_id on guardianship for each row execute function check_same_school();`,
      `create trigger same_school before update of school_id on bell_time for each row execute function check_same_school();`,
      `create trigger same_school before insert or update of school_id, year_id, assignment_id on timetable_slot for each row execute function check_same_school('year_id', 'academic_year', 'assignment_id', 'teaching_assignment');`,
      `create trigger same_school before insert or update of school_id, slot_id, assignment_id on timetable_change for each row execute function check_same_school('slot_id', 'timetable_slot', 'assignment_id', 'teaching_assignment');`,
      `create trigger same_school before insert or update of school_id, assignment_id, planned_topic_id, work_type_id on lesson for each row execute function check_same_school('assignment_id', 'teaching_assignment', 'planned_topic_id', 'planned_topic', 'work_type_id', 'work_type');`,
      `create trigger same_school before insert or update of school_id, lesson_id on homework for each row execute function check_same_school('lesson_id', 'lesson');`,
      `create trigger same_school before insert or update of school_id, homework_id on homework_attachment for each row execute function check_same_school('homework_id', 'homework');`,
      `create trigger same_school before insert or update of school_id, lesson_id on attendance for each row execute function check_same_school('lesson_id', 'lesson');`,
      `create trigger same_school before insert or update of school_id, lesson_id, work_type_id on mark for each row execute function check_same_school('lesson_id', 'lesson', 'work_type_id', 'work_type');`,
      `create trigger same_school before insert or update of school_id, subject_id, period_id on period_mark for each row execute function check_same_school('subject_id', 'subject', 'period_id', 'reporting_period');`,
      `create trigger same_school before update of school_id on applied_mutation for each row execute function check_same_school();`,
      `create trigger same_school before insert or update of school_id, school_class_id on message_thread for each row execute function check_same_school('school_class_id', 'school_class');`,
      `create trigger same_school before insert or update of school_id, thread_id on thread_participant for each row execute function check_same_school('thread_id', 'message_thread');`,
      `create trigger same_school before insert or update of school_id, thread_id on message for each row execute function check_same_school('thread_id', 'message_thread');`,
      `create trigger same_school before insert or update of school_id, school_class_id on announcement for each row execute function check_same_school('school_class_id', 'school_class');`,
    ]) {
      this.addSql(sql);
    }
  }

  override down(): void {
    for (const table of [
      'announcement',
      'message',
      'thread_participant',
      'message_thread',
      'applied_mutation',
      'period_mark',
      'mark',
      'attendance',
      'homework_attachment',
      'homework',
      'lesson',
      'timetable_change',
      'timetable_slot',
      'bell_time',
      'guardianship',
      'enrolment',
      'work_type',
      'planned_topic',
      'curriculum_item',
      'teaching_assignment',
      'subgroup_membership',
      'subgroup',
      'school_class',
      'subject',
      'reporting_period',
      'academic_year',
    ]) {
      this.addSql(`drop trigger if exists same_school on "${table}";`);
    }
    this.addSql(`drop function if exists check_same_school();`);
    this.addSql(`drop trigger if exists "append_only" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_append_only_fn"();`);
    for (const [table, constraint] of [
      ['timetable_slot', 'timetable_slot_no_overlap'],
      ['subgroup_membership', 'subgroup_membership_no_overlap'],
      ['enrolment', 'enrolment_no_overlap'],
      ['reporting_period', 'reporting_period_no_overlap'],
      ['academic_year', 'academic_year_no_overlap'],
    ]) {
      this.addSql(`alter table "${table}" drop constraint "${constraint}";`);
    }
    // btree_gist stays: other objects may have come to use it.
  }
}
