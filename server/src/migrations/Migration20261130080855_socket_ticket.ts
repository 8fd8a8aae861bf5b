import { Migration } from '@mikro-orm/migrations';

export class Migration20261130080855_socket_ticket extends Migration {

  override name = 'Migration20261130080855_socket_ticket';

  override up(): void | Promise<void> {
    this.addSql(`create table "socket_ticket" ("id" uuid not null, "created_at" timestamptz not null default now(), "session_id" uuid not null, "ticket_hash" text not null, "expires_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "socket_ticket" add constraint "socket_ticket_ticket_hash_unique" unique ("ticket_hash");`);
    this.addSql(`create index "socket_ticket_expires_at_idx" on "socket_ticket" ("expires_at");`);

    this.addSql(`alter table "socket_ticket" add constraint "socket_ticket_session_id_foreign" foreign key ("session_id") references "session" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "socket_ticket" cascade;`);
  }

}
