// S3: the bench teacher's marks and absences at a steady rate, written by write-child.ts in its
// own process, on the lessons of S1's page (so that the writes touch the rows S1 reads).
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type pg from 'pg';
import type { LatencySummary } from './stats.js';
import type { WriteSpec } from './write-child.js';

const here = import.meta.dirname;

export interface WriteResult extends LatencySummary {
  writesPerSecond: number;
  errors: number;
  problem: string | null;
}

/**
 * (lesson, student) pairs of the page in the period where the student has neither a mark nor an
 * attendance record: held lessons whose register was taken (a write to an untaken one would stamp
 * it and change journal control's figures), students enrolled for the whole period. One student
 * per lesson: concurrent cycles never write to the same lesson (see BENCHMARKS.md on S3 for what
 * concurrent writes to one lesson did to the app).
 */
export async function writePairs(
  pool: pg.Pool,
  assignmentId: string,
  periodId: string,
): Promise<WriteSpec['pairs']> {
  const { rows } = await pool.query<{ lesson_id: string; student_id: string }>(
    `select distinct on (l.date, l.lesson_number) l.id as lesson_id, e.student_id
       from teaching_assignment a
       join reporting_period p on p.id = $2
       join lesson l on l.assignment_id = a.id and l.date between p.starts_on and p.ends_on
       join enrolment e on e.school_class_id = a.school_class_id
        and e.starts_on <= p.starts_on and (e.ends_on is null or e.ends_on > p.ends_on)
      where a.id = $1 and a.subgroup_id is null and a.individual_student_id is null
        and l.status = 'HELD' and l.attendance_taken_at is not null
        and not exists (select from mark m where m.lesson_id = l.id and m.student_id = e.student_id)
        and not exists (select from attendance x
                         where x.lesson_id = l.id and x.student_id = e.student_id)
      order by l.date, l.lesson_number, e.student_id`,
    [assignmentId, periodId],
  );
  if (rows.length === 0) {
    throw new Error('S3: no lesson and student of the page to write to');
  }
  return rows.map((r) => ({ lessonId: r.lesson_id, studentId: r.student_id }));
}

export interface Writer {
  /** Its report, once it stopped on its own (after `writes` writes) or was told to. */
  result: Promise<WriteResult>;
  /** Finish the current cycle and report. */
  stop(): Promise<WriteResult>;
}

export function startWriter(spec: WriteSpec): Writer {
  const child = fork(resolve(here, 'write-child.ts'), [JSON.stringify(spec)], {
    cwd: resolve(here, '..'),
    execArgv: ['--import', '@oxc-node/core/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const done = new Promise<WriteResult>((ok, fail) => {
    child.once('message', (m: WriteResult) => ok(m));
    child.once('exit', (code) => fail(new Error(`S3 writer exited with ${code} and no report`)));
  });
  return {
    result: done,
    stop: () => {
      if (child.connected) {
        child.send('stop');
      }
      return done;
    },
  };
}
