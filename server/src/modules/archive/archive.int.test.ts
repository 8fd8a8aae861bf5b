import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createSchool, createYear } from '../../../test/factories/index.js';
import { sessionFor } from '../../../test/factories/journal.js';
import { closedYearFixture, type ClosedYearFixture } from '../../../test/factories/year-end.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import { Role } from '../people/role-assignment.entity.js';
import { yearArchiveContributors } from './archive.service.js';
import { sha256Hex } from './canonical.js';
import { verifyArchive, type Finding } from './verify.js';
import { buildYearArchive, type ArchiveManifest } from './year-archive.js';

const run = promisify(execFile);
const serverDir = resolve(import.meta.dirname, '../../..');

let app: TestApp;
let em: EntityManager;
let f: ClosedYearFixture;
let zip: Uint8Array;
let manifest: ArchiveManifest;
let dir: string;

/** A superuser's statement straight to the database, past the application (the tamperer). */
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  em.fork().execute<T[]>(text, params);

const files = (archive: Uint8Array) => unzipSync(archive);
const rezip = (contents: Record<string, Uint8Array>) => zipSync(contents);
const manifestOf = (contents: Record<string, Uint8Array>) =>
  JSON.parse(strFromU8(contents['manifest.json']!)) as ArchiveManifest;
/** Rewrites a file and its hash in the manifest: only the deeper proofs can catch it then. */
function replaceListed(contents: Record<string, Uint8Array>, path: string, text: string) {
  contents[path] = strToU8(text);
  const m = manifestOf(contents);
  m.files = m.files.map((file) =>
    file.path === path
      ? { ...file, sha256: sha256Hex(contents[path]!), bytes: contents[path]!.length }
      : file,
  );
  contents['manifest.json'] = strToU8(JSON.stringify(m, null, 2));
}

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  f = await closedYearFixture(em, app.url);
  ({ zip, manifest } = await buildYearArchive(em.fork(), f.year.id));
  dir = await mkdtemp(join(tmpdir(), 'classbook-archive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await app?.close();
});

describe("a closed year's archive (R-DATA-2)", () => {
  it('R-DATA-2: holds the year as JSON with the counts of the hand-built year, a Merkle root over 9 records and audit chain 1..9', async () => {
    const counts = Object.fromEntries(manifest.records.map((r) => [r.entity, r.count]));
    expect(counts).toEqual({
      AcademicYear: 1,
      ReportingPeriod: 1,
      SchoolClass: 1,
      Subgroup: 0,
      SubgroupMembership: 0,
      TeachingAssignment: 1,
      Subject: 1,
      WorkType: 0,
      Enrolment: 2,
      Student: 2,
      Lesson: 3,
      Homework: 0,
      Mark: 4,
      Attendance: 2,
      PeriodMark: 1,
    });
    // 3 lessons + 4 marks + 2 attendance records.
    expect(manifest.merkle.leafCount).toBe(9);
    expect(manifest.merkle.root).toMatch(/^[0-9a-f]{64}$/);
    // 4 marks, the register taken and 2 attendance records by the teacher, then the quarter and
    // the year closed.
    expect(manifest.auditChain).toMatchObject({
      fromSeq: '1',
      toSeq: '9',
      count: 9,
      anchor: '0'.repeat(64),
    });
    const contents = files(zip);
    expect(Object.keys(contents).sort()).toEqual(
      [...manifest.files.map((x) => x.path), 'manifest.json'].sort(),
    );
    const marks = JSON.parse(strFromU8(contents['data/marks.json']!)) as { value: string }[];
    expect(marks.map((m) => m.value).sort()).toEqual(['3', '4', '5', '5']);
    const students = JSON.parse(strFromU8(contents['data/students.json']!)) as Record<
      string,
      unknown
    >[];
    // Who the students are, nothing of their accounts.
    expect(Object.keys(students[0]!).sort()).toEqual([
      'birthDate',
      'firstName',
      'id',
      'lastName',
      'middleName',
    ]);
  });

  it('R-DATA-2: an untouched archive and database verify clean', async () => {
    expect(await verifyArchive(zip)).toEqual([]);
    expect(await verifyArchive(zip, { em: em.fork() })).toEqual([]);
  });

  it('R-DATA-2: a mark altered in the database is named as altered', async () => {
    const id = f.markIds[2]!;
    await sql(`update mark set value = '5', numeric_value = 5 where id = ?`, [id]);
    try {
      expect(await verifyArchive(zip, { em: em.fork() })).toEqual([
        { kind: 'record', problem: 'altered', entityType: 'Mark', entityId: id },
      ]);
    } finally {
      await sql(`update mark set value = '3', numeric_value = 3 where id = ?`, [id]);
    }
    expect(await verifyArchive(zip, { em: em.fork() })).toEqual([]);
  });

  it('R-DATA-2: a mark added in the database is named as added, one deleted as missing', async () => {
    const inserted = await sql<{ id: string }>(
      `insert into mark select (jsonb_populate_record(null::mark, to_jsonb(m) || jsonb_build_object('id', gen_random_uuid(), 'lesson_id', ?::uuid))).*
         from mark m where m.id = ? returning id`,
      [f.lessons[2]!.id, f.markIds[0]],
    );
    const added = inserted[0]!.id;
    const gone = f.markIds[1]!;
    const { row } = (
      await sql<{ row: unknown }>(`select to_jsonb(m) as row from mark m where id = ?`, [gone])
    )[0]!;
    await sql(`delete from mark where id = ?`, [gone]);
    try {
      const findings = await verifyArchive(zip, { em: em.fork() });
      expect(findings).toEqual([
        { kind: 'record', problem: 'missing', entityType: 'Mark', entityId: gone },
        { kind: 'record', problem: 'added', entityType: 'Mark', entityId: added },
      ]);
    } finally {
      await sql(`delete from mark where id = ?`, [added]);
      await sql(`insert into mark select (jsonb_populate_record(null::mark, ?::jsonb)).*`, [
        JSON.stringify(row),
      ]);
    }
    expect(await verifyArchive(zip, { em: em.fork() })).toEqual([]);
  });

  it('R-DATA-2: a file edited inside the ZIP is caught by the manifest', async () => {
    const contents = files(zip);
    const text = strFromU8(contents['data/lessons.json']!).replace('Сложение', 'Умножение');
    contents['data/lessons.json'] = strToU8(text);
    const findings = await verifyArchive(rezip(contents));
    expect(findings).toContainEqual({
      kind: 'file',
      problem: 'altered',
      path: 'data/lessons.json',
    });
    // The lesson is a Merkle leaf too.
    expect(findings.map((x) => x.kind).sort()).toEqual(['file', 'merkle']);
  });

  it('R-DATA-2: a record edited with its manifest hash fixed is caught by the Merkle root', async () => {
    const contents = files(zip);
    const marks = JSON.parse(strFromU8(contents['data/marks.json']!)) as {
      id: string;
      value: string;
    }[];
    marks.find((m) => m.id === f.markIds[2])!.value = '5';
    replaceListed(contents, 'data/marks.json', JSON.stringify(marks, null, 2));
    const findings = await verifyArchive(rezip(contents));
    expect(findings).toEqual([
      {
        kind: 'merkle',
        expected: manifest.merkle.root,
        actual: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      },
    ]);
  });

  it('R-DATA-2: an audit event altered or reordered inside the archive breaks the chain', async () => {
    const altered = files(zip);
    const events = JSON.parse(strFromU8(altered['data/audit-events.json']!)) as {
      id: string;
      reason: string | null;
    }[];
    events[2]!.reason = 'подделано';
    replaceListed(altered, 'data/audit-events.json', JSON.stringify(events, null, 2));
    expect(await verifyArchive(rezip(altered))).toEqual([
      {
        kind: 'chain',
        where: 'archive',
        problem: 'hashMismatch',
        entityId: events[2]!.id,
        detail: expect.any(String) as string,
      },
    ]);

    const reordered = files(zip);
    const original = JSON.parse(strFromU8(reordered['data/audit-events.json']!)) as {
      id: string;
    }[];
    const swapped = [original[0], original[2], original[1], ...original.slice(3)];
    replaceListed(reordered, 'data/audit-events.json', JSON.stringify(swapped, null, 2));
    const findings = await verifyArchive(rezip(reordered));
    expect(findings.length).toBeGreaterThan(0);
    expect(
      new Set(findings.map((x) => (x as Extract<Finding, { kind: 'chain' }>).problem)),
    ).toEqual(new Set(['sequenceGap', 'brokenLink']));
    expect(findings.every((x) => x.kind === 'chain')).toBe(true);
  });

  it('R-DATA-2: an audit row forged in the database (as superuser, past the append-only trigger) is named', async () => {
    const [event] = await sql<{ id: string; reason: string | null }>(
      `select id, reason from audit_event where school_id = ? and seq = 3`,
      [f.school.id],
    );
    const forge = (reason: string | null) =>
      em.fork().transactional(async (tx) => {
        await tx.execute(`alter table audit_event disable trigger append_only`);
        await tx.execute(`update audit_event set reason = ? where id = ?`, [reason, event!.id]);
        await tx.execute(`alter table audit_event enable trigger append_only`);
      });
    await forge('подделано');
    try {
      const findings = await verifyArchive(zip, { em: em.fork() });
      expect(findings).toEqual([
        { kind: 'record', problem: 'altered', entityType: 'AuditEvent', entityId: event!.id },
        {
          kind: 'chain',
          where: 'database',
          problem: 'hashMismatch',
          entityId: event!.id,
          detail: expect.any(String) as string,
        },
      ]);
    } finally {
      await forge(event!.reason);
    }
  });

  it('R-DATA-2: archive:build and archive:verify work through their real entry points', async () => {
    const file = join(dir, 'year.zip');
    const env = { ...process.env, DATABASE_URL: app.config.databaseUrl!, LOG_LEVEL: 'error' };
    const node = (script: string, args: string[]) =>
      run(process.execPath, ['--import', '@oxc-node/core/register', script, ...args], {
        cwd: serverDir,
        env,
      });
    const built = await node('src/cli/archive-build.ts', ['--year', f.year.id, '--out', file]);
    expect(built.stdout).toContain('9 records under Merkle root');
    const clean = await node('src/cli/archive-verify.ts', [file, '--database']);
    expect(clean.stdout).toContain('OK (archive and database agree)');

    const id = f.markIds[0]!;
    await sql(`update mark set comment = 'дописано' where id = ?`, [id]);
    try {
      const failed = await node('src/cli/archive-verify.ts', [file, '--database']).then(
        (ok) => ({ code: 0, stdout: ok.stdout }),
        (err: { code: number; stdout: string }) => err,
      );
      expect(failed?.stdout).toContain(`record altered: Mark ${id}`);
      expect(failed?.code).toBe(1);
    } finally {
      await sql(`update mark set comment = null where id = ?`, [id]);
    }
    // A tampered file, without the database.
    const contents = unzipSync(await readFile(file));
    contents['data/marks.json'] = strToU8('[]');
    await writeFile(file, zipSync(contents));
    const broken = await node('src/cli/archive-verify.ts', [file]).then(
      () => null,
      (err: { code: number; stdout: string }) => err,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stdout).toContain('file altered: data/marks.json');
    // Each command starts a Node process that compiles TypeScript on the fly: seconds apiece.
  }, 180_000);
});

describe("the year's documents in its archive (R-DATA-2)", () => {
  let built: Awaited<ReturnType<typeof buildYearArchive>>;
  const PDFS = [
    'pdf/journal-pages/5А Математика 1 четверть.pdf',
    'pdf/reports/attendance 2025 2026.pdf',
    'pdf/reports/performance/1 четверть (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).pdf',
    'pdf/summary-sheets/5А 2025-2026.pdf',
  ];

  beforeAll(async () => {
    built = await buildYearArchive(em.fork(), f.year.id, yearArchiveContributors);
  }, 60_000);

  it('R-DATA-2: the manifest lists the journal page, summary sheet and reports as PDF, and the reports as JSON', () => {
    const paths = built.manifest.files.map((x) => x.path);
    expect(paths.filter((p) => p.endsWith('.pdf')).sort()).toEqual(PDFS);
    expect(paths.filter((p) => p.startsWith('reports/')).sort()).toEqual([
      'reports/attendance 2025 2026.json',
      'reports/performance/1 четверть (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).json',
      'reports/summary-sheets/5А 2025-2026.json',
    ]);
    const contents = files(built.zip);
    for (const path of PDFS) {
      expect(strFromU8(contents[path]!.subarray(0, 5))).toBe('%PDF-');
    }
    // The data of the year is the same whether or not the documents are added.
    expect(built.manifest.merkle.root).toBe(manifest.merkle.root);
  });

  it('R-DATA-2: the summary sheet in the archive reads back with the class, year, marks and signature lines', async () => {
    const contents = files(built.zip);
    const pdf = await getDocumentProxy(contents['pdf/summary-sheets/5А 2025-2026.pdf']);
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    for (const expected of [
      'Сводная ведомость учёта успеваемости',
      'Класс: 5А · Учебный год: 2025/2026',
      'Математика',
      '1 ч.',
      'Классный руководитель',
      'Директор',
      'М.П.',
    ]) {
      expect(text).toContain(expected);
    }
    // The one period mark of the year: a 4 for the first student.
    expect(text).toMatch(/Петрова Маша\s+4/);
    const journal = await getDocumentProxy(
      contents['pdf/journal-pages/5А Математика 1 четверть.pdf'],
    );
    expect((await extractText(journal, { mergePages: true })).text).toContain('Натуральные числа');
  });

  it('R-DATA-2: a PDF altered inside the ZIP is caught by verify', async () => {
    const contents = files(built.zip);
    expect(await verifyArchive(built.zip)).toEqual([]);
    const path = 'pdf/summary-sheets/5А 2025-2026.pdf';
    const bytes = contents[path]!;
    const altered = new Uint8Array(bytes);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 1;
    contents[path] = altered;
    const findings = await verifyArchive(rezip(contents));
    expect(findings).toEqual([expect.objectContaining({ kind: 'file', path })]);
  });
});

describe('archiving through the API (R-DATA-2)', () => {
  const ARCHIVE = `mutation($input: ArchiveAcademicYearInput!) { archiveAcademicYear(input: $input) { id yearId sha256 sizeBytes merkleRoot auditChainHead downloadPath } }`;
  const LIST = `query($yearId: ID!) { yearArchives(yearId: $yearId) { id sha256 } }`;
  let otherDirector: string;

  beforeAll(async () => {
    const other = await createSchool(em);
    otherDirector = await sessionFor(
      em,
      await createPerson(em, { school: other, roles: [Role.DIRECTOR] }),
    );
  });

  it('R-DATA-2: teachers, clerks, parents and another school are refused; an open year is not archived', async () => {
    const input = { input: { yearId: f.year.id } };
    for (const token of [f.token.teacher, f.token.clerk, f.token.parent]) {
      expect(codes(await gql(app.url, ARCHIVE, input, { token }))).toEqual(['FORBIDDEN']);
      expect(codes(await gql(app.url, LIST, { yearId: f.year.id }, { token }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    expect(codes(await gql(app.url, ARCHIVE, input, { token: otherDirector }))).toEqual([
      'NOT_FOUND',
    ]);
    const open = await createYear(em, f.school, '2024/2025');
    const r = await gql(
      app.url,
      ARCHIVE,
      { input: { yearId: open.id } },
      { token: f.token.director },
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('yearId');
  });

  it('R-DATA-2: the director archives the closed year, audited; the download verifies against the database', async () => {
    const r = await gql<{
      archiveAcademicYear: {
        id: string;
        yearId: string;
        sha256: string;
        sizeBytes: number;
        merkleRoot: string;
        downloadPath: string;
      };
    }>(app.url, ARCHIVE, { input: { yearId: f.year.id } }, { token: f.token.director });
    expect(r.errors).toBeUndefined();
    const archive = r.data!.archiveAcademicYear;
    expect(archive.yearId).toBe(f.year.id);
    expect(archive.merkleRoot).toBe(manifest.merkle.root);
    expect(archive.downloadPath).toBe(`/archives/${archive.id}.zip`);
    expect(
      await em
        .fork()
        .count(AuditEvent, { entityType: 'YearArchive', entityId: archive.id, action: 'create' }),
    ).toBe(1);
    const list = await gql<{ yearArchives: { id: string }[] }>(
      app.url,
      LIST,
      { yearId: f.year.id },
      { token: f.token.director },
    );
    expect(list.data?.yearArchives.map((a) => a.id)).toEqual([archive.id]);

    const origin = new URL(app.url).origin;
    const download = (token?: string) =>
      fetch(`${origin}${archive.downloadPath}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const ok = await download(f.token.director);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect(bytes.length).toBe(archive.sizeBytes);
    expect(sha256Hex(bytes)).toBe(archive.sha256);
    expect(await verifyArchive(bytes, { em: em.fork() })).toEqual([]);

    expect((await download(f.token.teacher)).status).toBe(403);
    expect((await download(f.token.parent)).status).toBe(403);
    expect((await download(otherDirector)).status).toBe(404);
    expect((await download()).status).toBe(401);
    expect(
      (
        await fetch(`${origin}/archives/00000000-0000-4000-8000-000000000000.zip`, {
          headers: { authorization: `Bearer ${f.token.director}` },
        })
      ).status,
    ).toBe(404);
  });
});
