import { Migration } from '@mikro-orm/migrations';

// Issue 7 speed (BENCHMARKS.md S5): journal control's sign-in check (R-CTL-1) and userActivity
// look up each person's `signIn` events in a time range; with only (actor_id, occurred_at) every
// event of the actor in the range was fetched from the heap to test `action`. With `action` in the
// key the check is an index-only probe.
export class Migration20261130121900_control_indexes extends Migration {
  override name = 'Migration20261130121900_control_indexes';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "audit_event_actor_action_idx" on "audit_event" ("actor_id", "action", "occurred_at");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "audit_event_actor_action_idx";`);
  }
}
