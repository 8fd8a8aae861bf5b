// The benchmark database: created fresh, migrated with the server's own migrator, filled with
// one school (or a region of N schools) through COPY, then analysed. A marker table records the
// parameters, so the runner reuses a database generated with the same ones.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { hashPassword } from '../../server/src/auth/passwords.js';
import { createOrm, migrateUp, withDatabase } from '../../server/src/core/db.js';
import { migrations } from '../../server/src/migrations/index.js';
import { checkAuditChain, fillAuditChain } from './audit-chain.js';
import { copyRows, type Cell } from './copy.js';
import { buildSchool, TABLE_ORDER, type BenchContext } from './school.js';

export const BENCH_PASSWORD = 'bench-password';
/** Bump when the generator changes what it writes: a stale database is then rebuilt. */
export const GENERATOR_VERSION = 2;

export interface GenerateParams {
  classes: number;
  schools: number;
  seed: number;
}

export interface Generated {
  params: GenerateParams;
  counts: Record<string, number>;
  seconds: number;
  /** The first school's ids and logins, which the runner signs in with. */
  context: BenchContext;
}

const MARKER = 'bench_marker';

function markerKey(params: GenerateParams): string {
  // Canonical (sorted keys): jsonb does not keep the order the keys were written in.
  // The schema too: a database migrated before a newer migration is rebuilt, not reused.
  const key: Record<string, number | string> = {
    ...params,
    version: GENERATOR_VERSION,
    schema: migrations.at(-1)!.name,
  };
  return JSON.stringify(
    Object.fromEntries(Object.entries(key).sort(([a], [b]) => a.localeCompare(b))),
  );
}

/** What a database holds, if the generator made it with exactly these parameters. */
async function readMarker(url: string, params: GenerateParams): Promise<Generated | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const found = await client.query<{
      params: unknown;
      counts: Record<string, number>;
      seconds: string;
      context: BenchContext;
    }>(`select params, counts, seconds, context from ${MARKER} limit 1`);
    const row = found.rows[0];
    const stored = row?.params as Record<string, number | string> | undefined;
    const canonical = stored
      ? JSON.stringify(
          Object.fromEntries(Object.entries(stored).sort(([a], [b]) => a.localeCompare(b))),
        )
      : null;
    if (!row || canonical !== markerKey(params)) {
      return null;
    }
    return { params, counts: row.counts, seconds: Number(row.seconds), context: row.context };
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

/**
 * What the foreign keys and `check_same_school()` triggers would have checked row by row: every
 * single-column foreign key resolves, and a school-owned row refers only to rows of its school.
 */
export async function verifyIntegrity(client: pg.ClientBase): Promise<void> {
  const fks = await client.query<{
    child: string;
    col: string;
    parent: string;
    pcol: string;
    same_school: boolean;
  }>(
    `select c.conrelid::regclass::text as child, a.attname as col,
            c.confrelid::regclass::text as parent, pa.attname as pcol,
            exists (select 1 from pg_attribute x where x.attrelid = c.conrelid and x.attname = 'school_id')
              and exists (select 1 from pg_attribute x where x.attrelid = c.confrelid and x.attname = 'school_id')
              and a.attname <> 'school_id' as same_school
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
      where c.contype = 'f' and cardinality(c.conkey) = 1`,
  );
  const problems: string[] = [];
  for (const fk of fks.rows) {
    const missing = await client.query<{ n: string }>(
      `select count(*) as n from ${fk.child} c
        where c.${fk.col} is not null
          and not exists (select 1 from ${fk.parent} p where p.${fk.pcol} = c.${fk.col})`,
    );
    if (Number(missing.rows[0]!.n) > 0) {
      problems.push(`${fk.child}.${fk.col}: ${missing.rows[0]!.n} rows refer to no ${fk.parent}`);
    }
    if (fk.same_school) {
      const foreign = await client.query<{ n: string }>(
        `select count(*) as n from ${fk.child} c join ${fk.parent} p on p.${fk.pcol} = c.${fk.col}
          where p.school_id <> c.school_id`,
      );
      if (Number(foreign.rows[0]!.n) > 0) {
        problems.push(`${fk.child}.${fk.col}: ${foreign.rows[0]!.n} rows refer to another school`);
      }
    }
  }
  if (fks.rows.length === 0 || problems.length > 0) {
    throw new Error(
      `generated data is inconsistent:\n${problems.join('\n') || 'no foreign keys found'}`,
    );
  }
}

/** Journal writes are audited by the app (R-DATA-3); the generated ones get their create events too. */
const AUDIT_OF_WRITES = [
  [
    'Lesson',
    'lesson',
    `jsonb_build_object('assignmentId', assignment_id, 'date', date, 'lessonNumber', lesson_number, 'topic', topic, 'status', status)`,
  ],
  [
    'Homework',
    'homework',
    `jsonb_build_object('lessonId', lesson_id, 'text', text, 'dueOn', due_on)`,
  ],
  [
    'Mark',
    'mark',
    `jsonb_build_object('lessonId', lesson_id, 'studentId', student_id, 'value', value, 'weight', weight::float8, 'workTypeId', work_type_id)`,
  ],
  [
    'Attendance',
    'attendance',
    `jsonb_build_object('lessonId', lesson_id, 'studentId', student_id, 'status', status, 'reason', reason, 'minutesLate', minutes_late)`,
  ],
  [
    'PeriodMark',
    'period_mark',
    `jsonb_build_object('studentId', student_id, 'subjectId', subject_id, 'periodId', period_id, 'value', value, 'special', special)`,
  ],
] as const;

/**
 * Drops and recreates `dbName`, migrates it and generates the data. Deterministic: the same
 * parameters give the same rows and ids.
 */
export async function generate(
  serverUrl: string,
  dbName: string,
  params: GenerateParams,
  log: (line: string) => void = () => {},
): Promise<Generated> {
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const url = withDatabase(serverUrl, dbName);
  await recreateDatabase(serverUrl, dbName);
  const orm = await createOrm(url);
  try {
    await migrateUp(orm);
  } finally {
    await orm.close();
  }
  log(`migrated ${dbName} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const counts: Record<string, number> = {};
  let context: BenchContext | undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Secondary indexes are built once at the end, far faster than maintained row by row.
    const indexes = await client.query<{ name: string; def: string }>(
      `select i.indexname as name, i.indexdef as def
         from pg_indexes i
        where i.schemaname = 'public'
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    );
    for (const ix of indexes.rows) {
      await client.query(`drop index ${pg.escapeIdentifier(ix.name)}`);
    }
    for (let i = 0; i < params.schools; i++) {
      const t0 = performance.now();
      const built = buildSchool({
        seed: params.seed,
        index: i + 1,
        classes: params.classes,
        passwordHash,
        withLogins: i === 0,
      });
      context ??= built.context;
      const t1 = performance.now();
      await client.query('begin');
      // Foreign keys and the same-school triggers run per row (about 0.1 ms a mark): off while
      // loading, then checked set-wise for the whole database by verifyIntegrity below.
      await client.query('set local session_replication_role = replica');
      for (const table of TABLE_ORDER) {
        const rows = built.tables.get(table)!;
        if (rows.length === 0) {
          continue;
        }
        const columns = Object.keys(rows[0]!);
        const n = await copyRows(
          client,
          table,
          columns,
          (function* () {
            for (const r of rows) {
              yield columns.map<Cell>((c) => r[c] ?? null);
            }
          })(),
        );
        counts[table] = (counts[table] ?? 0) + n;
        if (process.env.BENCH_TRACE) {
          log(`  ${table}: ${n} rows, ${((performance.now() - t1) / 1000).toFixed(2)} s so far`);
        }
      }
      await client.query('commit');
      log(
        `school ${i + 1}/${params.schools}: built in ${((t1 - t0) / 1000).toFixed(1)} s, ` +
          `written in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
      );
    }
    const tv = performance.now();
    await verifyIntegrity(client);
    log(
      `foreign keys and same-school references verified in ${((performance.now() - tv) / 1000).toFixed(1)} s`,
    );
    const t2 = performance.now();
    // The audit trail's chain trigger (and append-only trigger) stay off: the chain is filled
    // set-wise below, in the order the events happened.
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    for (const [entityType, table, after] of AUDIT_OF_WRITES) {
      const r = await client.query(
        `insert into audit_event (id, created_at, school_id, actor_id, session_id, occurred_at,
                                  entity_type, entity_id, action, after)
         select md5($1 || t.id::text)::uuid, t.created_at, t.school_id, t.entered_by_id, null,
                t.created_at, $1, t.id, 'create', ${after}
           from ${table} t`,
        [entityType],
      );
      counts.audit_event = (counts.audit_event ?? 0) + (r.rowCount ?? 0);
    }
    log(`audit events of journal writes in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
    const tc = performance.now();
    const chained = await fillAuditChain(client);
    await client.query('commit');
    log(
      `audit chain of ${chained} events filled in ${((performance.now() - tc) / 1000).toFixed(1)} s`,
    );
    const ti = performance.now();
    for (const ix of indexes.rows) {
      await client.query(ix.def);
    }
    log(
      `${indexes.rows.length} secondary indexes rebuilt in ${((performance.now() - ti) / 1000).toFixed(1)} s`,
    );
    const tk = performance.now();
    await checkAuditChain(client);
    log(`audit chain verified in ${((performance.now() - tk) / 1000).toFixed(1)} s`);
    const t3 = performance.now();
    await client.query('vacuum analyze');
    log(`vacuum analyze in ${((performance.now() - t3) / 1000).toFixed(1)} s`);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    log(
      `${seconds.toFixed(1)} s in all; this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU ` +
        `(the rest is PostgreSQL, and other work on a shared machine)`,
    );
    await client.query(
      `create table ${MARKER} (params jsonb not null, counts jsonb not null, seconds numeric not null,
                               context jsonb not null, generated_at timestamptz not null default now())`,
    );
    await client.query(
      `insert into ${MARKER} (params, counts, seconds, context) values ($1, $2, $3, $4)`,
      [markerKey(params), JSON.stringify(counts), seconds.toFixed(1), JSON.stringify(context)],
    );
    return { params, counts, seconds, context: context! };
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/** The database generated with these parameters: reused when its marker matches, else rebuilt. */
export async function ensureGenerated(
  serverUrl: string,
  dbName: string,
  params: GenerateParams,
  options: { regenerate?: boolean; log?: (line: string) => void } = {},
): Promise<Generated & { reused: boolean }> {
  if (!options.regenerate) {
    const found = await readMarker(withDatabase(serverUrl, dbName), params);
    if (found) {
      return { ...found, reused: true };
    }
  }
  return { ...(await generate(serverUrl, dbName, params, options.log)), reused: false };
}
