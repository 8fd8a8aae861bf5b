import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from './Migration20261130140000_row_security.js';

/**
 * Issue 9: the viewer of a request in one statement, before its row scope is known.
 *
 * `row_security.session_viewer` returns a live session (by token hash or by id), its person and the
 * person's current roles with their schools — what `auth/viewer.ts` builds the viewer from — and
 * touches `last_seen_at` when asked. It runs as its owner, so it reads the person's roles without
 * the row scope that is set once the viewer is known (core/row-scope.ts); before, the roles were
 * read under a person-only scope, which cost two more statements per request.
 *
 * It gives the caller nothing it could not already read: `session` and `person` are not under row
 * security, and a person's own roles were readable under their person scope. It first clears the
 * connection's scope settings, so whatever statement follows on that connection sees no school
 * rows until the operation's scope is set (fail closed).
 */
export class Migration20261130160000_session_viewer extends Migration {
  override name = 'Migration20261130160000_session_viewer';

  override up(): void {
    this.addSql(`create or replace function row_security.session_viewer(
  p_token_hash text, p_session_id uuid, p_now timestamptz, p_touch_before timestamptz)
returns table (session json, person json, roles json, touched boolean)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
#variable_conflict use_column
begin
  perform set_config('classbook.school_ids', '', false), set_config('classbook.person_id', '', false);
  return query
  with s as (
    select * from session where token_hash = p_token_hash
    union all
    select * from session where id = p_session_id
  ), live as (
    select * from s
     where s.revoked_at is null and s.expires_at > p_now
       and s.last_seen_at + s.idle_minutes * interval '1 minute' > p_now
  ), touch as (
    update session t set last_seen_at = p_now
      from live
     where t.id = live.id and p_touch_before is not null and t.last_seen_at < p_touch_before
    returning t.id
  )
  select row_to_json(live), row_to_json(p),
         (select coalesce(json_agg(json_build_object('role', row_to_json(r), 'school', row_to_json(sc))
                                   order by r.created_at, r.id), '[]'::json)
            from role_assignment r join school sc on sc.id = r.school_id
           where r.person_id = live.person_id and r.revoked_at is null),
         exists (select 1 from touch)
    from live join person p on p.id = live.person_id;
end $$;`);
    this.addSql(
      `revoke all on function row_security.session_viewer(text, uuid, timestamptz, timestamptz) from public;`,
    );
    this.addSql(
      `grant execute on function row_security.session_viewer(text, uuid, timestamptz, timestamptz) to ${APP_ROLE};`,
    );
  }

  override down(): void {
    this.addSql(
      `drop function if exists row_security.session_viewer(text, uuid, timestamptz, timestamptz);`,
    );
  }
}
