import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 7, R-DATA-2: years close, archives of closed years are kept, and the audit trail becomes
 * a hash chain. Generated, then completed by hand with the chain's functions and trigger (between
 * the new columns and the unique index, which needs the back-filled positions).
 *
 * The chain is live: a BEFORE INSERT trigger gives each event the next position of its school's
 * chain (the system's events without a school form one more chain) and its hash,
 *   hash = hex(sha256(prev_hash || canonical_json(row)))
 * where canonical_json is RFC 8785 (JCS) over the row's fields, reproduced in Node by
 * modules/archive/audit-chain.ts with the `canonicalize` package. Timestamps are UTC text with
 * microseconds, `seq` is text (a bigint), uuids are lower case.
 *
 * Trade-off: the trigger takes a transaction-scoped advisory lock per chain, so audited writes of
 * one school commit in turns from their first audit insert to commit. Schools do not wait for each
 * other. A chain sealed at archive time would cost nothing per write, but would not protect the
 * trail between archives; the trail is the evidence, so it is chained as it is written. A
 * REPEATABLE READ transaction could read a stale head: the unique (school_id, seq) index then
 * fails it rather than fork the chain.
 *
 * JSON numbers in before/after are printed by PostgreSQL as stored; the application writes them
 * through JSON.stringify, so they are already in ECMAScript form, which JCS asks for.
 */
const CANONICAL_JSON = `create or replace function "audit_chain"."canonical_json"(v jsonb) returns text
language plpgsql immutable as $$
declare
  out text;
begin
  case jsonb_typeof(v)
    when 'object' then
      select '{' || coalesce(string_agg(to_jsonb(k)::text || ':' || audit_chain.canonical_json(v -> k), ',' order by k collate "C"), '') || '}'
        into out from jsonb_object_keys(v) as k;
    when 'array' then
      select '[' || coalesce(string_agg(audit_chain.canonical_json(e), ',' order by i), '') || ']'
        into out from jsonb_array_elements(v) with ordinality as t(e, i);
    else
      out := v::text;
  end case;
  return out;
end $$;`;

const EVENT_HASH = `create or replace function "audit_chain"."event_hash"(e "audit_event") returns text
language sql stable as $$
  select encode(sha256(convert_to(e.prev_hash || audit_chain.canonical_json(jsonb_build_object(
    'id', e.id,
    'createdAt', to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'schoolId', e.school_id,
    'actorId', e.actor_id,
    'sessionId', e.session_id,
    'occurredAt', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'entityType', e.entity_type,
    'entityId', e.entity_id,
    'action', e.action,
    'before', e.before,
    'after', e.after,
    'reason', e.reason,
    'seq', e.seq::text)), 'UTF8')), 'hex')
$$;`;

const CHAIN_TRIGGER_FN = `create or replace function "audit_event_audit_chain_fn"() returns trigger
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
  new.hash := audit_chain.event_hash(new);
  return new;
end $$;`;

// Chains what is already there, in the order it happened, before the trigger takes over.
const BACKFILL = `do $$
declare
  r record;
  chain text;
  prev text;
  n bigint;
begin
  for r in select id, coalesce(school_id::text, 'system') as k from audit_event
            order by coalesce(school_id::text, 'system'), occurred_at, created_at, id loop
    if chain is distinct from r.k then
      chain := r.k; prev := repeat('0', 64); n := 0;
    end if;
    n := n + 1;
    update audit_event set seq = n, prev_hash = prev where id = r.id;
    update audit_event e set hash = audit_chain.event_hash(e) where e.id = r.id returning e.hash into prev;
  end loop;
end $$;`;

export class Migration20261130101329_year_archive extends Migration {

  override name = 'Migration20261130101329_year_archive';

  override up(): void | Promise<void> {
    this.addSql(`create table "year_archive" ("id" uuid not null, "created_at" timestamptz not null default now(), "school_id" uuid not null, "year_id" uuid not null, "created_by" uuid null, "sha256" text not null, "size_bytes" int not null, "merkle_root" text not null, "audit_chain_head" text not null, "content" bytea not null, primary key ("id"));`);
    this.addSql(`create index "year_archive_year_idx" on "year_archive" ("year_id", "created_at");`);

    this.addSql(`alter table "audit_event" add "seq" bigint not null default 0, add "prev_hash" text not null default '', add "hash" text not null default '';`);
    // The helpers live in their own schema: the schema diff manages the routines of the public
    // schema and would drop any it was not told about.
    this.addSql(`create schema if not exists "audit_chain";`);
    this.addSql(CANONICAL_JSON);
    this.addSql(EVENT_HASH);
    this.addSql(CHAIN_TRIGGER_FN);
    this.addSql(`alter table "audit_event" disable trigger "append_only";`);
    this.addSql(BACKFILL);
    this.addSql(`alter table "audit_event" enable trigger "append_only";`);
    this.addSql(`create trigger "audit_chain" before insert on "audit_event" for each row execute function "audit_event_audit_chain_fn"();`);
    this.addSql(`create unique index "audit_event_chain_unique" on "audit_event" ("school_id", "seq") nulls not distinct;`);

    this.addSql(`alter table "academic_year" add "closed_at" timestamptz null;`);

    this.addSql(`alter table "year_archive" add constraint "year_archive_school_id_foreign" foreign key ("school_id") references "school" ("id") on delete restrict;`);
    this.addSql(`alter table "year_archive" add constraint "year_archive_year_id_foreign" foreign key ("year_id") references "academic_year" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "year_archive" cascade;`);

    this.addSql(`alter table "academic_year" drop column "closed_at";`);

    this.addSql(`drop trigger if exists "audit_chain" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_audit_chain_fn"();`);
    this.addSql(`drop schema if exists "audit_chain" cascade;`);
    this.addSql(`drop index if exists "audit_event_chain_unique";`);
    this.addSql(`alter table "audit_event" drop column "seq", drop column "prev_hash", drop column "hash";`);
  }

}
