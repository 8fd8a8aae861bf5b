// S0 baselines: the journal page as plain node-postgres serves it over HTTP (the limit for a Node
// server) and as PostGraphile 4 serves it (the peer that compiles GraphQL to SQL), both over the
// same database as S1, with the counts of their answers checked against each other.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type pg from 'pg';
import { journalPageBaseline } from './baseline.js';

const here = import.meta.dirname;

/**
 * The teacher's journal page as one natural PostGraphile query: the page (teaching assignment)
 * with its subject, class, teacher and school setting, the lessons of the period with work type,
 * homework, marks and attendance, the students enrolled in the class during the period with their
 * period mark. Relations are PostGraphile's default inflection of the foreign keys; the date
 * ranges use postgraphile-plugin-connection-filter (`condition` only tests equality).
 */
export const POSTGRAPHILE_JOURNAL_PAGE = /* GraphQL */ `
  query PgJournalPage($a: UUID!, $p: UUID!, $s: UUID!, $from: Date!, $to: Date!) {
    reportingPeriodById(id: $p) {
      name
    }
    teachingAssignmentById(id: $a) {
      id
      subjectBySubjectId {
        name
      }
      personByTeacherId {
        lastName
      }
      schoolBySchoolId {
        minMarksForPeriodMark
      }
      schoolClassBySchoolClassId {
        gradeLevel
        letter
        enrolmentsBySchoolClassId(
          filter: {
            startsOn: { lessThanOrEqualTo: $to }
            or: [{ endsOn: { isNull: true } }, { endsOn: { greaterThan: $from } }]
          }
        ) {
          nodes {
            startsOn
            endsOn
            personByStudentId {
              id
              lastName
              firstName
              periodMarksByStudentId(condition: { periodId: $p, subjectId: $s }) {
                nodes {
                  value
                  special
                }
              }
            }
          }
        }
      }
      lessonsByAssignmentId(
        filter: { date: { greaterThanOrEqualTo: $from, lessThanOrEqualTo: $to } }
        orderBy: [DATE_ASC, LESSON_NUMBER_ASC]
      ) {
        nodes {
          id
          date
          lessonNumber
          topic
          status
          workTypeByWorkTypeId {
            name
          }
          homeworkByLessonId {
            nodes {
              text
            }
          }
          marksByLessonId(orderBy: CREATED_AT_ASC) {
            nodes {
              id
              studentId
              value
              weight
              version
              workTypeByWorkTypeId {
                name
              }
            }
          }
          attendancesByLessonId {
            nodes {
              studentId
              status
              reason
            }
          }
        }
      }
    }
  }
`;

export interface PageCounts {
  lessons: number;
  marks: number;
  attendance: number;
  students: number;
}

type Nodes<T> = { nodes: T[] };

interface PgPage {
  data?: {
    teachingAssignmentById: {
      schoolClassBySchoolClassId: {
        enrolmentsBySchoolClassId: Nodes<{ personByStudentId: { id: string } }>;
      };
      lessonsByAssignmentId: Nodes<{
        marksByLessonId: Nodes<unknown>;
        attendancesByLessonId: Nodes<unknown>;
      }>;
    } | null;
  };
}

export function postgraphileCounts(text: string): PageCounts {
  const page = (JSON.parse(text) as PgPage).data?.teachingAssignmentById;
  if (!page) {
    throw new Error(`PostGraphile answered without the page: ${text.slice(0, 300)}`);
  }
  const lessons = page.lessonsByAssignmentId.nodes;
  const enrolments = page.schoolClassBySchoolClassId.enrolmentsBySchoolClassId.nodes;
  return {
    lessons: lessons.length,
    marks: lessons.reduce((n, l) => n + l.marksByLessonId.nodes.length, 0),
    attendance: lessons.reduce((n, l) => n + l.attendancesByLessonId.nodes.length, 0),
    // A student who left and came back has two enrolments: the page lists them once.
    students: new Set(enrolments.map((e) => e.personByStudentId.id)).size,
  };
}

export function baselineCounts(text: string): PageCounts {
  const page = (
    JSON.parse(text) as {
      data: {
        journalPage: { lessons: unknown[]; marks: unknown[]; attendance: unknown[]; students: [] };
      };
    }
  ).data.journalPage;
  return {
    lessons: page.lessons.length,
    marks: page.marks.length,
    attendance: page.attendance.length,
    students: page.students.length,
  };
}

/** S1's page's variables for the PostGraphile query: the period's dates come from the database. */
export async function postgraphileVariables(
  pool: pg.Pool,
  assignmentId: string,
  periodId: string,
): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ subject_id: string; from: string; to: string }>(
    `select a.subject_id, to_char(p.starts_on, 'YYYY-MM-DD') as from,
            to_char(p.ends_on, 'YYYY-MM-DD') as to
       from teaching_assignment a, reporting_period p where a.id = $1 and p.id = $2`,
    [assignmentId, periodId],
  );
  const r = rows[0];
  if (!r) {
    throw new Error('S0: no such page or period');
  }
  return { a: assignmentId, p: periodId, s: r.subject_id, from: r.from, to: r.to };
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** PostGraphile in a child process (postgraphile-child.ts) on its own port. */
export async function startPostGraphile(dbUrl: string): Promise<Served> {
  const child = fork(resolve(here, 'postgraphile-child.ts'), [dbUrl], {
    cwd: resolve(here, '..'),
    execArgv: ['--import', '@oxc-node/core/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((ok, fail) => {
    child.once('message', (m: { url: string }) => ok(m.url));
    child.once('exit', (code) => fail(new Error(`PostGraphile exited with ${code}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}

/**
 * The plain node-postgres page (baseline.ts) behind a bare node:http server, so that autocannon
 * loads it exactly as it loads S1: same request, same HTTP, none of the app's layers.
 */
export async function serveBaseline(
  pool: pg.Pool,
  assignmentId: string,
  periodId: string,
): Promise<Served> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      journalPageBaseline(pool, assignmentId, periodId).then(
        (json) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(json);
        },
        (err: unknown) => {
          res.writeHead(500);
          res.end(String(err));
        },
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
