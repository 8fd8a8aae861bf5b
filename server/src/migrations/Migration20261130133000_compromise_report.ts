import { Migration } from '@mikro-orm/migrations';

export class Migration20261130133000_compromise_report extends Migration {

  override name = 'Migration20261130133000_compromise_report';

  override up(): void | Promise<void> {
    this.addSql(`create table "compromise_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "person_id" uuid not null, "since" timestamptz not null, "reported_by_id" uuid not null, "note" text null, "sessions_revoked" int not null, primary key ("id"));`);
    this.addSql(`create index "compromise_report_person_idx" on "compromise_report" ("person_id", "created_at");`);
    this.addSql(`alter table "compromise_report" add constraint "compromise_report_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "compromise_report" add constraint "compromise_report_reported_by_id_foreign" foreign key ("reported_by_id") references "person" ("id") on delete restrict;`);

    this.addSql(`create table "voided_operation" ("id" uuid not null, "created_at" timestamptz not null default now(), "audit_event_id" uuid not null, "report_id" uuid not null, "voided_by_id" uuid not null, "void_event_id" uuid not null, primary key ("id"));`);
    this.addSql(`alter table "voided_operation" add constraint "voided_operation_audit_event_id_unique" unique ("audit_event_id");`);
    this.addSql(`alter table "voided_operation" add constraint "voided_operation_report_id_foreign" foreign key ("report_id") references "compromise_report" ("id") on delete restrict;`);
    this.addSql(`alter table "voided_operation" add constraint "voided_operation_voided_by_id_foreign" foreign key ("voided_by_id") references "person" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "voided_operation" cascade;`);
    this.addSql(`drop table if exists "compromise_report" cascade;`);
  }

}
