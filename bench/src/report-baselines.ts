// Raw-SQL baselines of issue 7's control and report queries: the module's own service (its SQL
// and the arithmetic that turns rows into figures) called directly, with its statements sent
// through plain node-postgres, and the result narrowed to the scenario's selection and serialised
// with JSON.stringify. The statements run as the application's role under the deputy's row scope
// (`rowScopedPool`), as the app runs them: the services leave the school restriction of several
// statements to row security, so as the owner they read (and would answer with) every school's
// rows, and PostgreSQL plans them differently. What is left out
// is exactly what the "≤ 2 × raw SQL" asks about: HTTP, session lookup, GraphQL parsing,
// validation and execution, graphql-shield, and MikroORM's connection layer.
import pg from 'pg';
import type { Viewer } from '../../server/src/auth/viewer.js';
import { journalControlList } from '../../server/src/modules/control/journal-control-list.service.js';
import { journalControl } from '../../server/src/modules/control/journal-control.service.js';
import { performanceReport } from '../../server/src/modules/reports/performance.service.js';
import { userActivity } from '../../server/src/modules/control/user-activity.service.js';
import { attendanceReport } from '../../server/src/modules/reports/attendance-report.service.js';
import { summarySheet } from '../../server/src/modules/reports/summary-sheet.service.js';
import { projectToQuery } from './project.js';
import type { BenchContext } from './school.js';

type EntityManager = Parameters<typeof journalControl>[0];

type Service = (em: EntityManager, viewer: Viewer, input: never) => Promise<unknown>;

/**
 * The deputy's scenarios and the service each one's root field calls. (explainAverage, asked by
 * the parent, checks the family through the ORM's entities: no raw-SQL floor for it here.)
 */
const SERVICES: [string, Service][] = [
  ['S5a', journalControl],
  ['S5b', journalControl],
  ['S5i', journalControlList],
  ['S5c', userActivity],
  ['S5d', performanceReport],
  ['S5e', performanceReport],
  ['S5f', attendanceReport],
  ['S5g', summarySheet],
];

/** MikroORM's `?` placeholders as node-postgres's `$n` (these statements have no `?` in literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The part of an EntityManager the report services use: `execute` (or `getConnection().execute`). */
function pgEntityManager(pool: pg.Pool): EntityManager {
  const execute = async (sql: string, params: unknown[] = []): Promise<unknown[]> =>
    (await pool.query<Record<string, unknown>>(numbered(sql), params)).rows;
  return { execute, getConnection: () => ({ execute }) } as unknown as EntityManager;
}

/** The bench deputy as a viewer: what the services ask of it (person id and roles). */
export async function deputyViewer(pool: pg.Pool, ctx: BenchContext): Promise<Viewer> {
  const r = await pool.query<{ id: string; role: string; school_id: string }>(
    `select p.id, ra.role, ra.school_id from person p
       join role_assignment ra on ra.person_id = p.id where p.login = $1`,
    [ctx.logins.deputy],
  );
  if (r.rows.length === 0) {
    throw new Error('baseline: no bench deputy');
  }
  const personId = r.rows[0]!.id;
  const roles = r.rows.map((x) => ({ role: x.role, schoolId: x.school_id }));
  return {
    personId,
    hasRole: (schoolId: string, ...wanted: string[]) =>
      roles.some((x) => x.schoolId === schoolId && wanted.includes(x.role)),
    hasAnyRole: (...wanted: string[]) => roles.some((x) => wanted.includes(x.role)),
    schoolIds: () => [...new Set(roles.map((x) => x.schoolId))],
  } as unknown as Viewer;
}

export interface ReportBaseline {
  /** The scenario it is the floor of. */
  scenario: string;
  run(): Promise<string>;
}

/**
 * A pool whose connections are the application's role (`classbook_app`, under row-level
 * security) scoped to `viewer`'s schools and person — the settings core/row-scope.ts gives the
 * app's connections — from an owner's connection string. The scope is set once per connection,
 * as the app sets it once per connection and request.
 */
export function rowScopedPool(connectionString: string, viewer: Viewer): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10, options: '-c jit=off' });
  pool.on('connect', (client) => {
    // Queued before any statement of the pool's users on this client, so they run scoped.
    void client.query(
      `select set_config('classbook.school_ids', $1, false), set_config('classbook.person_id', $2, false)`,
      [`{${viewer.schoolIds().join(',')}}`, viewer.personId],
    );
    void client.query('set role classbook_app');
  });
  return pool;
}

/** One baseline per scenario it mirrors, with the scenario's own variables, as `viewer`. */
export function reportBaselines(
  pool: pg.Pool,
  viewer: Viewer,
  scenarioOf: (prefix: string) => { query: string; variables: Record<string, unknown> } | null,
): ReportBaseline[] {
  const em = pgEntityManager(pool);
  const out: ReportBaseline[] = [];
  for (const [prefix, service] of SERVICES) {
    const sc = scenarioOf(prefix);
    if (sc) {
      out.push({
        scenario: prefix,
        run: async () =>
          projectToQuery(sc.query, await service(em, viewer, sc.variables.input as never)),
      });
    }
  }
  return out;
}
