import { Migration } from '@mikro-orm/migrations';

export class Migration20261123013821_digest extends Migration {

  override name = 'Migration20261123013821_digest';

  override up(): void | Promise<void> {
    this.addSql(`create type "digest_frequency" as enum ('DAILY', 'WEEKLY');`);
    this.addSql(`create table "digest_subscription" ("id" uuid not null, "created_at" timestamptz not null default now(), "person_id" uuid not null, "frequency" "digest_frequency" not null, "email" text not null, "last_sent_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "digest_subscription" add constraint "digest_subscription_person_unique" unique ("person_id");`);

    this.addSql(`alter table "digest_subscription" add constraint "digest_subscription_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "digest_subscription" cascade;`);

    this.addSql(`drop type "digest_frequency";`);
  }

}
