import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AUDIT_EVENT_COLUMNS, GENESIS_HASH, type ChainedAuditEvent } from './audit-chain.js';

/** One record as archived: its row as PostgreSQL's to_jsonb gives it (UTC timestamps). */
export type ArchivedRecord = { id: string } & Record<string, unknown>;

/**
 * The record sets of a year's archive (R-DATA-2), each with its file and the query that selects
 * the year's rows. The same queries serve building an archive and checking the live database
 * against one, so "altered, added, missing" compares like with like.
 */
export const RECORD_SETS = [
  {
    entity: 'AcademicYear',
    file: 'data/academic-year.json',
    sql: `select to_jsonb(t) as r from academic_year t where t.id = ?`,
  },
  {
    entity: 'ReportingPeriod',
    file: 'data/reporting-periods.json',
    sql: `select to_jsonb(t) as r from reporting_period t where t.year_id = ?`,
  },
  {
    entity: 'SchoolClass',
    file: 'data/classes.json',
    sql: `select to_jsonb(t) as r from school_class t where t.year_id = ?`,
  },
  {
    entity: 'Subgroup',
    file: 'data/subgroups.json',
    sql: `select to_jsonb(t) as r from subgroup t join school_class c on c.id = t.school_class_id where c.year_id = ?`,
  },
  {
    entity: 'SubgroupMembership',
    file: 'data/subgroup-memberships.json',
    sql: `select to_jsonb(t) as r from subgroup_membership t join subgroup g on g.id = t.subgroup_id join school_class c on c.id = g.school_class_id where c.year_id = ?`,
  },
  {
    entity: 'TeachingAssignment',
    file: 'data/journal-pages.json',
    sql: `select to_jsonb(t) as r from teaching_assignment t where t.year_id = ?`,
  },
  {
    entity: 'Subject',
    file: 'data/subjects.json',
    sql: `select to_jsonb(t) as r from subject t where t.id in (select subject_id from teaching_assignment where year_id = ?)`,
  },
  {
    entity: 'WorkType',
    file: 'data/work-types.json',
    sql: `select to_jsonb(t) as r from work_type t where t.school_id = (select school_id from academic_year where id = ?)`,
  },
  {
    entity: 'Enrolment',
    file: 'data/enrolments.json',
    sql: `select to_jsonb(t) as r from enrolment t join school_class c on c.id = t.school_class_id where c.year_id = ?`,
  },
  // Students: who they are, nothing of their accounts (no login, contacts or password hash).
  {
    entity: 'Student',
    file: 'data/students.json',
    sql: `select jsonb_build_object('id', p.id, 'lastName', p.last_name, 'firstName', p.first_name, 'middleName', p.middle_name, 'birthDate', p.birth_date) as r from person p where p.id in (select e.student_id from enrolment e join school_class c on c.id = e.school_class_id where c.year_id = ?)`,
  },
  {
    entity: 'Lesson',
    file: 'data/lessons.json',
    sql: `select to_jsonb(t) as r from lesson t join teaching_assignment a on a.id = t.assignment_id where a.year_id = ?`,
  },
  {
    entity: 'Homework',
    file: 'data/homework.json',
    sql: `select to_jsonb(t) as r from homework t join lesson l on l.id = t.lesson_id join teaching_assignment a on a.id = l.assignment_id where a.year_id = ?`,
  },
  {
    entity: 'Mark',
    file: 'data/marks.json',
    sql: `select to_jsonb(t) as r from mark t join lesson l on l.id = t.lesson_id join teaching_assignment a on a.id = l.assignment_id where a.year_id = ?`,
  },
  {
    entity: 'Attendance',
    file: 'data/attendance.json',
    sql: `select to_jsonb(t) as r from attendance t join lesson l on l.id = t.lesson_id join teaching_assignment a on a.id = l.assignment_id where a.year_id = ?`,
  },
  {
    entity: 'PeriodMark',
    file: 'data/period-marks.json',
    sql: `select to_jsonb(t) as r from period_mark t join reporting_period p on p.id = t.period_id where p.year_id = ?`,
  },
] as const;

export type RecordEntity = (typeof RECORD_SETS)[number]['entity'];

/** The records the Merkle root covers: every mark, attendance and lesson record of the year. */
export const MERKLE_ENTITIES: readonly RecordEntity[] = ['Lesson', 'Mark', 'Attendance'];

export const AUDIT_FILE = 'data/audit-events.json';

export interface AuditStretch {
  schoolId: string;
  /** Position of the first archived event, and the hash it links to. */
  fromSeq: string;
  anchor: string;
  /** Position and hash of the last archived event: the chain's head when the archive was built. */
  toSeq: string;
  head: string;
}

export interface YearData {
  yearId: string;
  schoolId: string;
  records: Record<RecordEntity, ArchivedRecord[]>;
  audit: ChainedAuditEvent[];
  stretch: AuditStretch;
}

/**
 * The school's audit events that concern the year: its chain from the first event after the
 * year's record was created up to the head, in order. A stretch of the chain rather than a
 * selection, so that the archive can prove nothing was taken out of it.
 */
export async function readAuditStretch(
  tx: EntityManager,
  schoolId: string,
  since: string,
  upTo?: string,
): Promise<ChainedAuditEvent[]> {
  return tx.execute<ChainedAuditEvent[]>(
    `select ${AUDIT_EVENT_COLUMNS} from audit_event e
      where e.school_id = ? and e.seq >= coalesce(
              (select min(seq) from audit_event where school_id = ? and occurred_at >= ?::timestamptz),
              9223372036854775807)
        and (?::bigint is null or e.seq <= ?::bigint)
      order by e.seq`,
    [schoolId, schoolId, since, upTo ?? null, upTo ?? null],
  );
}

export async function readRecords(
  tx: EntityManager,
  yearId: string,
): Promise<Record<RecordEntity, ArchivedRecord[]>> {
  await tx.execute(`set local time zone 'UTC'`);
  const records = {} as Record<RecordEntity, ArchivedRecord[]>;
  for (const set of RECORD_SETS) {
    const rows = await tx.execute<{ r: ArchivedRecord }[]>(set.sql, [yearId]);
    records[set.entity] = rows.map((row) => row.r).sort((a, b) => a.id.localeCompare(b.id));
  }
  return records;
}

/** Everything a year's archive holds as data, read in one snapshot. */
export async function readYearData(em: EntityManager, yearId: string): Promise<YearData> {
  return em.transactional(
    async (tx) => {
      const [year] = await tx.execute<{ school_id: string; created_at: string }[]>(
        `select school_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at
           from academic_year where id = ?`,
        [yearId],
      );
      if (!year) {
        throw new Error(`no academic year ${yearId}`);
      }
      const records = await readRecords(tx, yearId);
      const audit = await readAuditStretch(tx, year.school_id, year.created_at);
      const first = audit[0];
      const last = audit.at(-1);
      return {
        yearId,
        schoolId: year.school_id,
        records,
        audit,
        stretch: {
          schoolId: year.school_id,
          fromSeq: first?.seq ?? '0',
          anchor: first?.prevHash ?? GENESIS_HASH,
          toSeq: last?.seq ?? '0',
          head: last?.hash ?? GENESIS_HASH,
        },
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
