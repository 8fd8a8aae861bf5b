import { Migration } from '@mikro-orm/migrations';

/** Issue 8, sign-in defences: idle lifetimes and known devices on sessions, TOTP, challenges. */
export class Migration20261130133000_signin_defences extends Migration {
  override name = 'Migration20261130133000_signin_defences';

  override up(): void | Promise<void> {
    this.addSql(`alter table "session" add column "idle_minutes" int not null default 10080, add column "device_hash" text null;`);
    this.addSql(`create index "session_person_device_idx" on "session" ("person_id", "device_hash");`);

    this.addSql(`create table "totp_factor" ("id" uuid not null, "created_at" timestamptz not null default now(), "person_id" uuid not null, "secret" text not null, "confirmed_at" timestamptz null, "last_step" int null, primary key ("id"));`);
    this.addSql(`alter table "totp_factor" add constraint "totp_factor_person_id_unique" unique ("person_id");`);
    this.addSql(`alter table "totp_factor" add constraint "totp_factor_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`create table "sign_in_challenge" ("id" uuid not null, "created_at" timestamptz not null default now(), "person_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "sign_in_challenge" add constraint "sign_in_challenge_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sign_in_challenge_expires_at_idx" on "sign_in_challenge" ("expires_at");`);
    this.addSql(`alter table "sign_in_challenge" add constraint "sign_in_challenge_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "sign_in_challenge" cascade;`);
    this.addSql(`drop table if exists "totp_factor" cascade;`);
    this.addSql(`drop index if exists "session_person_device_idx";`);
    this.addSql(`alter table "session" drop column "idle_minutes", drop column "device_hash";`);
  }
}
