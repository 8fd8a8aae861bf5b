import { Migration } from '@mikro-orm/migrations';

export class Migration20261130140000_api_clients extends Migration {

  override name = 'Migration20261130140000_api_clients';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_client" ("id" uuid not null, "created_at" timestamptz not null default now(), "name" text not null, "school_ids" uuid[] not null, "scopes" text[] not null, "token_hash" text not null, "token_prefix" text not null, "created_by_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revoke_reason" text null, "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "api_client" add constraint "api_client_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_client_school_ids_idx" on "api_client" using gin ("school_ids");`);
    this.addSql(`alter table "api_client" add constraint "api_client_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete restrict;`);

    this.addSql(`create table "api_request" ("id" uuid not null, "created_at" timestamptz not null default now(), "client_id" uuid not null, "minute" timestamptz not null, "fields" text not null, "operation_name" text not null, "ip" text not null, "count" integer not null, primary key ("id"));`);
    this.addSql(`alter table "api_request" add constraint "api_request_bucket_unique" unique ("client_id", "minute", "fields", "operation_name", "ip");`);
    this.addSql(`alter table "api_request" add constraint "api_request_client_id_foreign" foreign key ("client_id") references "api_client" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_request" cascade;`);
    this.addSql(`drop table if exists "api_client" cascade;`);
  }

}
