// Raw-SQL baselines of issue 7's control and report queries: the module's own service (its SQL
// and the arithmetic that turns rows into figures) called directly, with its statements sent
// through plain node-postgres, and the result narrowed to the scenario's selection and serialised
// with JSON.stringify. What is left out
// is exactly what the "≤ 2 × raw SQL" asks about: HTTP, session lookup, GraphQL parsing,
// validation and execution, graphql-shield, and MikroORM's connection layer.
import type pg from 'pg';
import type { Viewer } from '../../server/src/auth/viewer.js';
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
async function deputyViewer(pool: pg.Pool, ctx: BenchContext): Promise<Viewer> {
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

/** One baseline per scenario it mirrors, with the scenario's own variables. */
export async function reportBaselines(
  pool: pg.Pool,
  ctx: BenchContext,
  scenarioOf: (prefix: string) => { query: string; variables: Record<string, unknown> } | null,
): Promise<ReportBaseline[]> {
  const em = pgEntityManager(pool);
  const viewer = await deputyViewer(pool, ctx);
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
