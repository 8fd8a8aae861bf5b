// Who subscribes to what in the fan-out scenarios, and their sessions, made in bulk in the bench
// database the way sign-in makes them (a random token, only its SHA-256 stored).
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DrivePair, Subscriber } from './protocol.js';

/**
 * Marks sessions made here by this run, so a run removes its own and no others: two runs on one
 * database at once (two engineers' benches) removed each other's sessions mid-run (UNAUTHENTICATED
 * mutations, sockets closed). A crashed run's expire within hours and are removed then.
 */
const AGENT_PREFIX = 'classbook-bench-fanout';
const AGENT = `${AGENT_PREFIX} ${process.pid}`;
const OURS_AND_EXPIRED = `delete from session
  where user_agent = $1 or (user_agent like '${AGENT_PREFIX}%' and expires_at < now())`;

// The operations the client sends (client/src/routes/diary/diary-live.ts,
// lib/components/journal/live-operations.ts, routes/class/[classId]/dashboard.ts).
const DIARY = `subscription StudentJournalChanged($studentId: ID!) {
  studentJournalChanged(studentId: $studentId) { kind studentId markId value lessonDate subject { id name } }
}`;
const PAGE = `subscription GridJournalPageChanged($assignmentId: ID!) {
  journalPageChanged(assignmentId: $assignmentId) {
    kind lessonId studentId markId value attendanceId attendanceStatus minutesLate
    lesson { id workType { id weight } }
  }
}`;
const DASHBOARD = `subscription ClassDashboardChanged($schoolClassId: ID!) {
  classDashboardChanged(schoolClassId: $schoolClassId) {
    kind date lowMark unreadFromParents
    journal {
      kind markId lessonId studentId value attendanceStatus minutesLate reason
      student { id lastName firstName } lesson { id lessonNumber } subject { id name }
    }
  }
}`;

interface ClassRow {
  class_id: string;
  class_teacher_id: string | null;
  assignment_id: string;
  teacher_id: string;
  lesson_id: string;
  student_id: string | null;
  students: string[];
}

interface Slot {
  personId: string;
  query: string;
  variables: Record<string, string>;
}

export interface Audience {
  subscribers: Subscriber[];
  /** One per class: its page's teacher, the page's latest lesson, a student without a mark there. */
  pairs: DrivePair[];
  classes: number;
  /** Distinct people behind the subscribers (the rest are their other devices). */
  people: number;
}

async function makeSessions(client: pg.ClientBase, personIds: string[]): Promise<string[]> {
  const tokens = personIds.map(() => randomBytes(32).toString('base64url'));
  await client.query(
    `insert into session (id, person_id, token_hash, expires_at, last_seen_at, user_agent)
     select gen_random_uuid(), p, h, now() + interval '6 hours', now(), $3
       from unnest($1::uuid[], $2::text[]) as t(p, h)`,
    [personIds, tokens.map((t) => createHash('sha256').update(t).digest('hex')), AGENT],
  );
  return tokens;
}

export async function dropSessions(dbUrl: string) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query(OURS_AND_EXPIRED, [AGENT]);
  } finally {
    await client.end();
  }
}

/**
 * Who subscribes:
 * - `school` (S4): `n` subscribers over every class of the school. In each class first those an
 *   event of its pair reaches (the student, the student's parents, the class teacher's dashboard,
 *   the page's teacher), then the other students and parents of the class (idle for these events);
 *   taken round-robin over the classes, and again from the start (other devices of the same
 *   people) when `n` exceeds them.
 * - `one-group` (S4one): `n` sessions of one class's page teacher (their devices), all on that
 *   page's operation with the same variables: one live group, so each event is executed once for
 *   all `n` sockets (the page's operation is viewer-free, core/live.ts `selectsOnly`). Only that
 *   class's pair is driven.
 */
export type AudienceShape = 'school' | 'one-group';

export async function prepareAudience(
  dbUrl: string,
  schoolId: string,
  n: number,
  shape: AudienceShape = 'school',
) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query(OURS_AND_EXPIRED, [AGENT]);
    const { rows } = await client.query<ClassRow>(
      `with pages as (
         select distinct on (c.id) c.id as class_id, c.class_teacher_id, a.id as assignment_id, a.teacher_id
           from school_class c
           join teaching_assignment a on a.school_class_id = c.id
                and a.subgroup_id is null and a.individual_student_id is null
          where c.school_id = $1
          order by c.id, a.subject_id, a.id),
       lessons as (
         select distinct on (p.class_id) p.*, l.id as lesson_id, l.date
           from pages p join lesson l on l.assignment_id = p.assignment_id and l.status <> 'CANCELLED'
          order by p.class_id, l.date desc, l.id)
       select l.class_id, l.class_teacher_id, l.assignment_id, l.teacher_id, l.lesson_id,
              (select e.student_id from enrolment e
                where e.school_class_id = l.class_id and e.starts_on <= l.date
                  and (e.ends_on is null or e.ends_on >= l.date)
                  and not exists (select 1 from mark m where m.lesson_id = l.lesson_id and m.student_id = e.student_id)
                order by e.student_id limit 1) as student_id,
              array(select e.student_id from enrolment e
                     where e.school_class_id = l.class_id and e.starts_on <= l.date
                       and (e.ends_on is null or e.ends_on >= l.date)
                     order by e.student_id) as students
         from lessons l order by l.class_id`,
      [schoolId],
    );
    const parents = new Map<string, string[]>();
    for (const g of (
      await client.query<{ student_id: string; guardian_id: string }>(
        `select student_id, guardian_id from guardianship where school_id = $1 order by guardian_id`,
        [schoolId],
      )
    ).rows) {
      parents.set(g.student_id, [...(parents.get(g.student_id) ?? []), g.guardian_id]);
    }
    const diary = (personId: string, studentId: string): Slot => ({
      personId,
      query: DIARY,
      variables: { studentId },
    });
    const all = rows.filter((r) => r.student_id);
    const classes = shape === 'one-group' ? all.slice(0, 1) : all;
    const page = (r: ClassRow): Slot => ({
      personId: r.teacher_id,
      query: PAGE,
      variables: { assignmentId: r.assignment_id },
    });
    const perClass = classes.map((r) => {
      if (shape === 'one-group') {
        return [page(r)];
      }
      const s = r.student_id!;
      const others = r.students.filter((x) => x !== s);
      return [
        diary(s, s),
        ...(parents.get(s) ?? []).map((p) => diary(p, s)),
        ...(r.class_teacher_id
          ? [
              {
                personId: r.class_teacher_id,
                query: DASHBOARD,
                variables: { schoolClassId: r.class_id },
              },
            ]
          : []),
        page(r),
        ...others.flatMap((o) => [diary(o, o), ...(parents.get(o) ?? []).map((p) => diary(p, o))]),
      ];
    });
    const slots: Slot[] = [];
    const widest = Math.max(...perClass.map((c) => c.length));
    for (let round = 0; slots.length < n; round++) {
      for (const c of perClass) {
        const slot = c[round % widest];
        if (slot && slots.length < n) {
          slots.push(slot);
        }
      }
    }
    const tokens = await makeSessions(
      client,
      slots.map((s) => s.personId),
    );
    const teacherTokens = await makeSessions(
      client,
      classes.map((r) => r.teacher_id),
    );
    return {
      subscribers: slots.map((s, i) => ({
        token: tokens[i]!,
        query: s.query,
        variables: s.variables,
      })),
      pairs: classes.map((r, i) => ({
        token: teacherTokens[i]!,
        lessonId: r.lesson_id,
        studentId: r.student_id!,
      })),
      classes: classes.length,
      people: new Set(slots.map((s) => s.personId)).size,
    } satisfies Audience;
  } finally {
    await client.end();
  }
}
