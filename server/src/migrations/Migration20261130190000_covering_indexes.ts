import { Migration } from '@mikro-orm/migrations';

// Issue 9 (S5: journal control over a year): the two lookups journal control repeats tens of
// thousands of times become index-only. Each lesson's marks (`mark_lesson_idx`, probed once per
// lesson) carry what the control figures read of a mark — student, creation time, work type — and
// the school that row security checks, so a probe no longer visits the table's pages for its ~10
// marks. The sign-in check (`audit_event_actor_action_idx`, once per student and parent) carries
// the school and id its policy tests. Same names and keys: every other query using them is served
// as before.
export class Migration20261130190000_covering_indexes extends Migration {
  override name = 'Migration20261130190000_covering_indexes';

  override up(): void {
    this.addSql(`drop index "mark_lesson_idx";`);
    this.addSql(
      `create index "mark_lesson_idx" on "mark" ("lesson_id") include ("student_id", "created_at", "work_type_id", "school_id");`,
    );
    this.addSql(`drop index "audit_event_actor_action_idx";`);
    this.addSql(
      `create index "audit_event_actor_action_idx" on "audit_event" ("actor_id", "action", "occurred_at") include ("school_id", "id");`,
    );
  }

  override down(): void {
    this.addSql(`drop index "mark_lesson_idx";`);
    this.addSql(`create index "mark_lesson_idx" on "mark" ("lesson_id");`);
    this.addSql(`drop index "audit_event_actor_action_idx";`);
    this.addSql(
      `create index "audit_event_actor_action_idx" on "audit_event" ("actor_id", "action", "occurred_at");`,
    );
  }
}
