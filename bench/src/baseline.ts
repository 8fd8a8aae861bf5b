// The journal page computed with plain node-postgres queries and no GraphQL, ORM or permission
// layer: the floor that S1's figures are compared against (the "baseline ratio").
import type pg from 'pg';

interface Row {
  [key: string]: unknown;
}

/**
 * The same data S1 returns (page, roster with averages, lessons with topic, work type and
 * homework, marks, attendance, period marks), serialised to JSON as a server would.
 */
export async function journalPageBaseline(
  pool: pg.Pool,
  assignmentId: string,
  periodId: string,
): Promise<string> {
  const head = await pool.query<Row>(
    `select a.id, a.school_class_id, a.subgroup_id, a.individual_student_id, a.subject_id,
            s.name as subject, c.grade_level || c.letter as class_name, t.last_name as teacher,
            p.name as period, to_char(p.starts_on, 'YYYY-MM-DD') as starts_on,
            to_char(p.ends_on, 'YYYY-MM-DD') as ends_on,
            to_char(p.ends_on + 1, 'YYYY-MM-DD') as period_end, sc.min_marks_for_period_mark
       from teaching_assignment a
       join subject s on s.id = a.subject_id
       join school_class c on c.id = a.school_class_id
       join person t on t.id = a.teacher_id
       join reporting_period p on p.id = $2 and p.school_id = a.school_id
       join school sc on sc.id = a.school_id
      where a.id = $1`,
    [assignmentId, periodId],
  );
  const h = head.rows[0];
  if (!h) {
    throw new Error('baseline: no such page or period');
  }
  const roster = await pool.query<{
    student_id: string;
    enrolled_from: string;
    left_on: string | null;
  }>(
    `with spans as (
       select e.student_id,
              greatest(e.starts_on, coalesce(m.starts_on, e.starts_on)) as starts_on,
              nullif(least(coalesce(e.ends_on, 'infinity'), coalesce(m.ends_on, 'infinity')),
                     'infinity') as ends_on
         from enrolment e
         left join subgroup_membership m
           on $1::uuid is not null and m.subgroup_id = $1::uuid and m.student_id = e.student_id
        where e.school_class_id = $2
          and ($1::uuid is null or m.id is not null)
          and ($3::uuid is null or e.student_id = $3::uuid)
     )
     select s.student_id,
            to_char(greatest(min(s.starts_on), $4::date), 'YYYY-MM-DD') as enrolled_from,
            case when bool_or(s.ends_on is null) or max(s.ends_on) >= $5::date then null
                 else to_char(max(s.ends_on), 'YYYY-MM-DD') end as left_on
       from spans s
      where s.starts_on < $5::date and (s.ends_on is null or s.ends_on > $4::date)
        and (s.ends_on is null or s.ends_on > s.starts_on)
      group by s.student_id`,
    [h.subgroup_id, h.school_class_id, h.individual_student_id, h.starts_on, h.period_end],
  );
  const studentIds = roster.rows.map((r) => r.student_id);
  const lessonFilter = `l.assignment_id = $1 and l.date between $2 and $3`;
  const range = [assignmentId, h.starts_on, h.ends_on];
  const [lessons, people, marks, attendance, periodMarks] = await Promise.all([
    pool.query<Row>(
      `select l.id, to_char(l.date, 'YYYY-MM-DD') as date, l.lesson_number, l.topic, l.status,
              w.name as work_type, hw.text as homework
         from lesson l
         left join work_type w on w.id = l.work_type_id
         left join homework hw on hw.lesson_id = l.id
        where ${lessonFilter}
        order by l.date, l.lesson_number`,
      range,
    ),
    pool.query<Row>(`select id, last_name, first_name from person where id = any($1)`, [
      studentIds,
    ]),
    pool.query<{ student_id: string; numeric_value: string; weight: string } & Row>(
      `select m.id, m.student_id, m.lesson_id, m.value, m.numeric_value, m.weight, m.version,
              w.name as work_type
         from mark m join lesson l on l.id = m.lesson_id
         left join work_type w on w.id = m.work_type_id
        where ${lessonFilter}
        order by m.created_at`,
      range,
    ),
    pool.query<Row>(
      `select a.student_id, a.lesson_id, a.status, a.reason
         from attendance a join lesson l on l.id = a.lesson_id
        where ${lessonFilter}`,
      range,
    ),
    pool.query<Row>(
      `select student_id, value, special from period_mark
        where period_id = $1 and subject_id = $2 and student_id = any($3)`,
      [periodId, h.subject_id, studentIds],
    ),
  ]);
  const byStudent = new Map<
    string,
    { sum: number; weighted: number; weights: number; n: number }
  >();
  for (const m of marks.rows) {
    const v = Number(m.numeric_value);
    const w = Number(m.weight);
    const acc = byStudent.get(m.student_id) ?? { sum: 0, weighted: 0, weights: 0, n: 0 };
    acc.sum += v;
    acc.weighted += v * w;
    acc.weights += w;
    acc.n += 1;
    byStudent.set(m.student_id, acc);
  }
  const person = new Map(people.rows.map((p) => [p.id as string, p]));
  const periodMark = new Map(periodMarks.rows.map((p) => [p.student_id as string, p]));
  const minMarks = Number(h.min_marks_for_period_mark);
  const students = roster.rows
    .map((r) => {
      const acc = byStudent.get(r.student_id);
      return {
        student: person.get(r.student_id),
        enrolledFrom: r.enrolled_from,
        leftOn: r.left_on,
        markCount: acc?.n ?? 0,
        average: acc ? Math.round((acc.sum / acc.n) * 100) / 100 : null,
        weightedAverage: acc ? Math.round((acc.weighted / acc.weights) * 100) / 100 : null,
        enoughMarksForPeriodMark: (acc?.n ?? 0) >= minMarks,
        periodMark: periodMark.get(r.student_id) ?? null,
      };
    })
    .sort((a, b) => String(a.student?.last_name).localeCompare(String(b.student?.last_name), 'ru'));
  return JSON.stringify({
    data: {
      journalPage: {
        assignment: h,
        students,
        lessons: lessons.rows,
        marks: marks.rows,
        attendance: attendance.rows,
      },
    },
  });
}
