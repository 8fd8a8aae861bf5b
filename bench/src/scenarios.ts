// The benchmark's scenarios: one entry each. Add report and control queries here as they land
// (issue 7, Speed: each must answer within a second over the full 1000-student year).
import type { BenchContext } from './school.js';

export type BenchRole = 'deputy' | 'teacher' | 'parent';

export interface Scenario {
  name: string;
  /** Who asks: the runner signs in as bench-deputy, bench-teacher or bench-parent. */
  as: BenchRole;
  query: string;
  variables(ctx: BenchContext): Record<string, unknown>;
  /** Concurrent load (autocannon at 8 and 32 connections) as well as sequential requests. */
  load?: boolean;
}

const quarter = (ctx: BenchContext, n: number) =>
  ctx.periods.find((p) => p.kind === 'QUARTER' && p.number === n)!.id;
const year = (ctx: BenchContext) => ctx.periods.find((p) => p.kind === 'YEAR')!.id;

/** What the teacher's journal grid asks for (the fields the client's journal page reads). */
export const JOURNAL_PAGE = /* GraphQL */ `
  query BenchJournalPage($a: ID!, $p: ID!) {
    journalPage(assignmentId: $a, periodId: $p) {
      access
      minMarksForPeriodMark
      assignment {
        id
        subject {
          name
        }
        schoolClass {
          name
        }
        teacher {
          lastName
        }
      }
      period {
        name
      }
      students {
        student {
          id
          lastName
          firstName
        }
        enrolledFrom
        leftOn
        markCount
        average
        weightedAverage
        enoughMarksForPeriodMark
        periodMark {
          value
          special
        }
      }
      lessons {
        id
        date
        lessonNumber
        topic
        status
        workType {
          name
        }
        homework {
          text
        }
      }
      marks {
        id
        studentId
        lessonId
        value
        weight
        version
        workType {
          name
        }
      }
      attendance {
        studentId
        lessonId
        status
        reason
      }
    }
  }
`;

const DIARY_WEEK = /* GraphQL */ `
  query BenchDiaryWeek($s: ID!, $w: String!) {
    diaryWeek(studentId: $s, weekOf: $w) {
      startsOn
      endsOn
      days {
        date
        weekday
        lessons {
          date
          lessonNumber
          startsAt
          endsAt
          room
          status
          change
          lessonId
          topic
          subject {
            name
          }
          teacher {
            lastName
          }
          workType {
            name
          }
          homework {
            text
          }
          marks {
            id
            value
            weight
            date
          }
          attendance {
            status
            reason
          }
        }
      }
    }
  }
`;

const DIARY_PERIOD = /* GraphQL */ `
  query BenchDiaryPeriod($s: ID!, $p: ID!) {
    diaryPeriod(studentId: $s, periodId: $p) {
      subjects {
        subject {
          name
        }
        average
        weightedAverage
        marks {
          value
          weight
          date
        }
        periodMark {
          value
        }
      }
    }
  }
`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'S1 journalPage (teacher, 5А maths, 3rd quarter)',
    as: 'teacher',
    query: JOURNAL_PAGE,
    variables: (ctx) => ({ a: ctx.assignmentId, p: quarter(ctx, 3) }),
    load: true,
  },
  {
    name: 'S1y journalPage (teacher, 5А maths, whole year)',
    as: 'teacher',
    query: JOURNAL_PAGE,
    variables: (ctx) => ({ a: ctx.assignmentId, p: year(ctx) }),
  },
  {
    name: "S2 diaryWeek (parent, child's week)",
    as: 'parent',
    query: DIARY_WEEK,
    variables: (ctx) => ({ s: ctx.studentId, w: ctx.diaryWeekOf }),
    load: true,
  },
  {
    name: "S3 diaryPeriod (parent, child's year)",
    as: 'parent',
    query: DIARY_PERIOD,
    variables: (ctx) => ({ s: ctx.studentId, p: year(ctx) }),
  },
];
