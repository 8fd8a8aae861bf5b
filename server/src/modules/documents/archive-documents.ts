// The printed part of a year's archive (R-DATA-2: "the journals, summary sheets and reports as
// PDF and as data (JSON)"): every journal page for each of its periods, each class's summary
// sheet, the performance report per period (the year's included) and the year's attendance
// report. Each is made by running its document's GraphQL operation through the real schema and
// its shield as the school's administration (auth/system-viewer.ts), then rendering it exactly
// as a download would be.
import type { EntityManager } from '@mikro-orm/postgresql';
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { systemAdministration } from '../../auth/system-viewer.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { Loaders } from '../../core/loaders.js';
import { createLogger } from '../../core/logger.js';
import { localEventBus } from '../../core/pubsub.js';
import { systemPrint } from './pdf-layout.js';
import { documentRegistry } from './registry.js';

/** What the archive module takes from a contributor (kept structural: no import of archive). */
interface Entry {
  path: string;
  bytes: Uint8Array;
}

// The schema imports every module, the archive's resolvers among them: loaded when first needed
// so that this file can sit in the archive's list of contributors without an import cycle.
let schema: Promise<GraphQLSchema> | undefined;
function archiveSchema(): Promise<GraphQLSchema> {
  schema ??= import('../../core/schema.js').then((m) =>
    // Session lifetimes do not matter to read-only queries.
    m.buildAppSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } }),
  );
  return schema;
}

const parsed = new Map<string, DocumentNode>();
const log = createLogger('warn', 'archive-documents');

async function runDocument(
  em: EntityManager,
  viewer: Viewer,
  name: string,
  query: Record<string, string>,
): Promise<{ pdf: Buffer; data: unknown; fileName: string }> {
  const entry = documentRegistry[name]!;
  const params = entry.parse(query);
  if (!params.ok) {
    throw new Error(`archive document ${name}: bad parameters ${params.fields.join(', ')}`);
  }
  let document = parsed.get(entry.operation);
  if (!document) {
    document = parse(entry.operation);
    parsed.set(entry.operation, document);
  }
  const contextValue: Context = {
    em,
    loaders: new Loaders(em),
    viewer,
    bus: localEventBus(),
    locale: 'ru',
    log,
    client: { ip: null, userAgent: null },
  };
  const result = await execute({
    schema: await archiveSchema(),
    document,
    variableValues: params.variables,
    contextValue,
  });
  if (result.errors?.length) {
    throw new Error(`archive document ${name}: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  const { body, fileName } = await entry.render('pdf', result.data, params.params, systemPrint());
  return { pdf: body, data: result.data, fileName };
}

/** File names as people read them; `/` and the like become spaces, repeats get a number. */
function namer() {
  const used = new Set<string>();
  return (folder: string, name: string, ext: string) => {
    const clean = name.replace(/[/\\:*?"<>|\r\n]+/g, ' ').trim() || 'document';
    let path = `${folder}/${clean}.${ext}`;
    for (let n = 2; used.has(path); n++) {
      path = `${folder}/${clean} (${n}).${ext}`;
    }
    used.add(path);
    return path;
  };
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** The archive contributor: the year's documents as PDF, the reports also as JSON. */
export async function yearDocuments(em: EntityManager, yearId: string): Promise<Entry[]> {
  // A fork of its own: the system viewer's entities never meet the caller's unit of work.
  const fork = em.fork();
  const conn = fork.getConnection();
  const [year] = await conn.execute<
    { school_id: string; name: string; starts_on: string; ends_on: string }[]
  >(
    `select school_id, name, to_char(starts_on, 'YYYY-MM-DD') as starts_on,
            to_char(ends_on, 'YYYY-MM-DD') as ends_on
       from academic_year where id = ?`,
    [yearId],
  );
  if (!year) {
    throw new Error(`academic year ${yearId} not found`);
  }
  const viewer = await systemAdministration(fork, year.school_id);
  const periods = await conn.execute<
    { id: string; name: string; kind: string; grade_levels: number[] }[]
  >(
    `select id, name, kind, grade_levels from reporting_period where year_id = ?
      order by kind = 'YEAR', starts_on, number`,
    [yearId],
  );
  const classes = await conn.execute<{ id: string; grade_level: number }[]>(
    `select id, grade_level from school_class where year_id = ? order by grade_level, letter`,
    [yearId],
  );
  const pages = await conn.execute<{ id: string; grade_level: number }[]>(
    `select a.id, c.grade_level from teaching_assignment a
       join school_class c on c.id = a.school_class_id
      where a.year_id = ? order by c.grade_level, c.letter, a.id`,
    [yearId],
  );
  const name = namer();
  const entries: Entry[] = [];
  const run = (document: string, query: Record<string, string>) =>
    runDocument(fork, viewer, document, query);

  // Journal pages: each for every period of its class's grade but the year (the year's marks are
  // on the summary sheet), as the paper journal keeps them.
  for (const page of pages) {
    for (const period of periods) {
      if (period.kind === 'YEAR' || !period.grade_levels.includes(page.grade_level)) {
        continue;
      }
      const doc = await run('journal-page', { assignmentId: page.id, periodId: period.id });
      entries.push({ path: name('pdf/journal-pages', doc.fileName, 'pdf'), bytes: doc.pdf });
    }
  }
  for (const schoolClass of classes) {
    const doc = await run('summary-sheet', { schoolClassId: schoolClass.id });
    entries.push({ path: name('pdf/summary-sheets', doc.fileName, 'pdf'), bytes: doc.pdf });
    entries.push({
      path: name('reports/summary-sheets', doc.fileName, 'json'),
      bytes: json(doc.data),
    });
  }
  for (const period of periods) {
    const doc = await run('performance-report', { periodId: period.id });
    const file = `${doc.fileName} (${period.grade_levels.join(', ')})`;
    entries.push({ path: name('pdf/reports/performance', file, 'pdf'), bytes: doc.pdf });
    entries.push({ path: name('reports/performance', file, 'json'), bytes: json(doc.data) });
  }
  const attendance = await run('attendance-report', {
    from: year.starts_on,
    to: year.ends_on,
    schoolId: year.school_id,
  });
  entries.push({
    path: name('pdf/reports', `attendance ${year.name}`, 'pdf'),
    bytes: attendance.pdf,
  });
  entries.push({
    path: name('reports', `attendance ${year.name}`, 'json'),
    bytes: json(attendance.data),
  });
  return entries;
}
