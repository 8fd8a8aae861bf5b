import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 8, defence in depth: row-level security under the GraphQL permissions.
 *
 * The application's requests run as `classbook_app` (not a superuser, NOBYPASSRLS, owns nothing),
 * while migrations, seeds, the CLIs and test factories keep the owner's connection (the owner is
 * not subject to the policies: no FORCE). Every request tells PostgreSQL whose rows it may touch
 * through two settings, set when the request's connection is reserved (core/row-scope.ts):
 *   classbook.school_ids  '{uuid,uuid}' — the viewer's schools (empty: none)
 *   classbook.person_id   the viewer's person (empty: anonymous)
 * Nothing set means no school rows at all, so a path that forgot the scope fails closed.
 *
 * Policies:
 * - every table whose rows belong to a school (a denormalised, indexed `school_id`, kept honest by
 *   the same-school triggers) is visible and writable only within the viewer's schools;
 * - role_assignment also shows a person their own roles, which is how the viewer is built before
 *   its schools are known;
 * - audit_event and applied_mutation rows without a school (sign-ins, the system's chain) stay
 *   visible: journal control reads other staff's sign-ins. Audit events may be appended for any
 *   school (an invitation is redeemed before its person's scope has the school); never changed.
 * Not under row security (documented in README "Row-level security"): person, session,
 * socket_ticket, digest_subscription, school and invitation — they are read before a viewer exists
 * (sign-in, token and invitation look-ups) and carry no school or many.
 *
 * The triggers that must see across the viewer's scope run as their owner (SECURITY DEFINER):
 * check_same_school must find a referenced row of another school to refuse it (else a hidden row
 * would pass as "missing" and the foreign key would accept it), and the audit chain must find its
 * school's head.
 *
 * The role is cluster-wide, so it is created once and kept on the way down; its login password is
 * set by the server from the owner's connection, or by the operator (APP_DATABASE_URL).
 */
export const APP_ROLE = 'classbook_app';

export const SCHOOL_TABLES = [
  'academic_year',
  'announcement',
  'attendance',
  'bell_time',
  'curriculum_item',
  'enrolment',
  'guardianship',
  'homework',
  'homework_attachment',
  'lesson',
  'mark',
  'message',
  'message_thread',
  'period_mark',
  'planned_topic',
  'reporting_period',
  'school_class',
  'subgroup',
  'subgroup_membership',
  'subject',
  'teaching_assignment',
  'thread_participant',
  'timetable_change',
  'timetable_slot',
  'work_type',
  'year_archive',
];

const SCHOOLS = 'row_security.schools()';

// The chain trigger of Migration20261130101329_year_archive, plus one line: it names the event being
// appended in `classbook.audit_appended` (see the audit_event policy below).
const chainTriggerFn = (appendedLine: string) => `create or replace function "audit_event_audit_chain_fn"() returns trigger
language plpgsql as $$
declare
  head record;
begin
  perform pg_advisory_xact_lock(hashtextextended('audit_chain:' || coalesce(new.school_id::text, 'system'), 0));
  if new.school_id is null then
    select seq, hash into head from audit_event where school_id is null order by seq desc limit 1;
  else
    select seq, hash into head from audit_event where school_id = new.school_id order by seq desc limit 1;
  end if;
  new.seq := coalesce(head.seq, 0) + 1;
  new.prev_hash := coalesce(head.hash, repeat('0', 64));
  new.hash := audit_chain.event_hash(new);${appendedLine}
  return new;
end $$;`;
const CHAIN_TRIGGER_FN = chainTriggerFn(
  `\n  perform set_config('classbook.audit_appended', new.id::text, true);`,
);
const PERSON = 'row_security.person()';

export class Migration20261130140000_row_security extends Migration {
  override name = 'Migration20261130140000_row_security';

  override up(): void {
    this.addSql(`do $$ begin
  if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
    create role ${APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole noinherit;
  end if;
end $$;`);

    // Own schema: the schema diff manages the public schema's routines and would drop these.
    this.addSql(`create schema if not exists "row_security";`);
    // Inlined by the planner (plain STABLE SQL), so `school_id = any(...)` stays an index condition.
    this.addSql(`create or replace function row_security.schools() returns uuid[]
language sql stable parallel safe as $$
  select coalesce(nullif(current_setting('classbook.school_ids', true), '')::uuid[], '{}'::uuid[])
$$;`);
    this.addSql(`create or replace function row_security.person() returns uuid
language sql stable parallel safe as $$
  select nullif(current_setting('classbook.person_id', true), '')::uuid
$$;`);

    this.addSql(`grant usage on schema public, audit_chain, row_security to ${APP_ROLE};`);
    this.addSql(
      `grant select, insert, update, delete on all tables in schema public to ${APP_ROLE};`,
    );
    // The migrations' bookkeeping is the owner's alone.
    this.addSql(`revoke all on table mikro_orm_migrations from ${APP_ROLE};`);
    this.addSql(`grant usage, select on all sequences in schema public to ${APP_ROLE};`);
    // Tables created by later migrations (run by the same owner) get the same grants; their
    // policies are checked by core/row-security.int.test.ts (every school_id table has one).
    this.addSql(
      `alter default privileges in schema public grant select, insert, update, delete on tables to ${APP_ROLE};`,
    );

    for (const table of SCHOOL_TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(
        `create policy school_scope on "${table}" using (school_id = any(${SCHOOLS})) with check (school_id = any(${SCHOOLS}));`,
      );
    }
    this.addSql(`alter table "role_assignment" enable row level security;`);
    this.addSql(
      `create policy school_scope on "role_assignment" using (school_id = any(${SCHOOLS}) or person_id = ${PERSON}) with check (school_id = any(${SCHOOLS}));`,
    );
    this.addSql(`alter table "applied_mutation" enable row level security;`);
    this.addSql(
      `create policy school_scope on "applied_mutation" using (school_id is null or school_id = any(${SCHOOLS})) with check (school_id is null or school_id = any(${SCHOOLS}));`,
    );
    // The trail is read within the viewer's schools but written by anyone the application lets
    // act (redeeming an invitation audits into its school before the person's scope has it);
    // no policy for update or delete: append-only here too.
    // `INSERT … RETURNING` must also pass the select policy, so the row being appended (named by
    // the chain trigger, transaction-locally) is readable by its writer.
    this.addSql(CHAIN_TRIGGER_FN);
    this.addSql(`alter table "audit_event" enable row level security;`);
    this.addSql(
      `create policy school_scope on "audit_event" for select using (school_id is null or school_id = any(${SCHOOLS}) or id = nullif(current_setting('classbook.audit_appended', true), '')::uuid);`,
    );
    this.addSql(`create policy append on "audit_event" for insert with check (true);`);

    this.addSql(`alter function check_same_school() security definer set search_path = public;`);
    this.addSql(
      `alter function audit_event_audit_chain_fn() security definer set search_path = public;`,
    );
  }

  override down(): void {
    this.addSql(`alter function audit_event_audit_chain_fn() security invoker reset search_path;`);
    this.addSql(chainTriggerFn(''));
    this.addSql(`alter function check_same_school() security invoker reset search_path;`);
    this.addSql(`drop policy if exists append on "audit_event";`);
    for (const table of [...SCHOOL_TABLES, 'role_assignment', 'audit_event', 'applied_mutation']) {
      this.addSql(`drop policy if exists school_scope on "${table}";`);
      this.addSql(`alter table "${table}" disable row level security;`);
    }
    this.addSql(
      `alter default privileges in schema public revoke select, insert, update, delete on tables from ${APP_ROLE};`,
    );
    this.addSql(`revoke all on all tables in schema public from ${APP_ROLE};`);
    this.addSql(`revoke all on all sequences in schema public from ${APP_ROLE};`);
    this.addSql(`revoke usage on schema public, audit_chain from ${APP_ROLE};`);
    this.addSql(`drop schema if exists "row_security" cascade;`);
    // The role stays: it is cluster-wide and other databases of the cluster may still use it.
  }
}
