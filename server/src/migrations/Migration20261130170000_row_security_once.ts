import { Migration } from '@mikro-orm/migrations';
import { SCHOOL_TABLES } from './Migration20261130140000_row_security.js';

// Issue 9: the row-security policies read the scope once per statement, not once per row.
// `school_id = any(row_security.schools())` inlines the function, so PostgreSQL re-read the
// setting and re-parsed its uuid array for every row it checked: a year's 400 000 marks took
// 846 ms under the policy against 170 ms without it. Wrapped in a sub-select the scope becomes an
// init plan (the cast keeps `any(…)` an array test, not `any (subquery)`), computed once per
// statement and still usable as an index condition (231 ms).
// The audit_event policy's `audit_appended` test stays per row: the chain trigger sets it during
// the very INSERT … RETURNING that the policy checks.
const ONCE = '(select row_security.schools())::uuid[]';
const PERSON_ONCE = '(select row_security.person())';
const EACH_ROW = 'row_security.schools()';
const APPENDED = `id = nullif(current_setting('classbook.audit_appended', true), '')::uuid`;

const policies = (schools: string, person: string) => [
  ...SCHOOL_TABLES.map(
    (table) =>
      `alter policy school_scope on "${table}" using (school_id = any(${schools})) with check (school_id = any(${schools}));`,
  ),
  `alter policy school_scope on "role_assignment" using (school_id = any(${schools}) or person_id = ${person}) with check (school_id = any(${schools}));`,
  `alter policy school_scope on "applied_mutation" using (school_id is null or school_id = any(${schools})) with check (school_id is null or school_id = any(${schools}));`,
  `alter policy school_scope on "audit_event" using (school_id is null or school_id = any(${schools}) or ${APPENDED});`,
];

export class Migration20261130170000_row_security_once extends Migration {
  override name = 'Migration20261130170000_row_security_once';

  override up(): void {
    for (const sql of policies(ONCE, PERSON_ONCE)) {
      this.addSql(sql);
    }
  }

  override down(): void {
    for (const sql of policies(EACH_ROW, 'row_security.person()')) {
      this.addSql(sql);
    }
  }
}
