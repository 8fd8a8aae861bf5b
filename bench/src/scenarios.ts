// The benchmark's GraphQL read scenarios: one entry each (issue 9's S1, S2 and issue 7's S5). S0's
// baselines, S3's writes and the fan-out scenarios are sections of run.ts with files of their own.
import { YEAR } from './plan.js';
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
  /** Also a run held to half of the 32-connection rate: issue 9's "p99 ≤ 50 ms at half of the peak". */
  halfRate?: boolean;
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

// Issue 7's control and report queries, asked for exactly as the client's pages ask (the
// documents are copied from client/src/routes/control and client/src/routes/reports/*). Journal
// control's report is counts only; what lies behind a figure is asked when a cell is opened
// (CONTROL_LIST, S5i: the heaviest list, the whole school's late marks over the year).

const CONTROL = /* GraphQL */ `
  fragment ControlCounts on ControlFigures {
    lessonsHeld
    lessonsPlanned
    completion
    lessonsWithoutTopic {
      count
    }
    lessonsWithoutHomework {
      count
    }
    lateMarks {
      count
    }
    lateWrittenMarks {
      count
    }
    lessonsWithoutAttendance {
      count
    }
    studentsWithoutMarks {
      count
      total
      share
    }
    studentsWithOneMark {
      count
      total
      share
    }
    periodMarksMissing {
      count
    }
    periodMarksLate {
      count
    }
  }

  fragment ControlSignInCounts on ControlSignInFigure {
    total
    signedIn
    share
    notSignedIn {
      personId
      name
    }
  }

  query JournalControl($input: JournalControlInput!) {
    journalControl(input: $input) {
      from
      to
      schoolId
      total {
        ...ControlCounts
        unansweredMessages {
          count
        }
        signIns {
          students {
            total
            signedIn
            share
          }
          parents {
            total
            signedIn
            share
          }
        }
      }
      classes {
        schoolClassId
        className
        ...ControlCounts
        signIns {
          students {
            ...ControlSignInCounts
          }
          parents {
            ...ControlSignInCounts
          }
        }
      }
      teachers {
        teacherId
        teacherName
        ...ControlCounts
        unansweredMessages {
          count
          threads {
            threadId
            subject
            parentName
            sentAt
            answeredAt
          }
        }
      }
      pages {
        assignmentId
        schoolClassId
        className
        subjectName
        audience
        teacherId
        teacherName
        ...ControlCounts
      }
    }
  }
`;

const CONTROL_LIST = /* GraphQL */ `
  query JournalControlList($input: JournalControlListInput!) {
    journalControlList(input: $input) {
      figure
      count
      lessons {
        lessonId
        date
        lessonNumber
        topic
        count
        className
        subjectName
      }
      students {
        personId
        name
        className
        subjectName
      }
      periodMarks {
        student {
          personId
          name
          className
          subjectName
        }
        periodId
        periodName
        periodEndsOn
        setOn
      }
    }
  }
`;

const PERFORMANCE = /* GraphQL */ `
  fragment PerformanceRowFields on PerformanceRow {
    kind
    id
    label
    attested
    exempt
    successRate
    qualityRate
    averageMark
    excellentCount
    singleGoodCount
    singleSatisfactoryCount
    failingCount
    excellent {
      id
      name
      className
      subjects
    }
    singleGood {
      id
      name
      className
      subjects
    }
    singleSatisfactory {
      id
      name
      className
      subjects
    }
    failing {
      id
      name
      className
      subjects
    }
  }

  query PerformanceReport($input: PerformanceReportInput!) {
    performanceReport(input: $input) {
      periodId
      periodName
      periodKind
      restricted
      total {
        ...PerformanceRowFields
      }
      byClass {
        ...PerformanceRowFields
      }
      bySubject {
        ...PerformanceRowFields
      }
      byTeacher {
        ...PerformanceRowFields
      }
    }
  }
`;

const ATTENDANCE = /* GraphQL */ `
  fragment AbsenceCountsFields on AbsenceCounts {
    total
    illness
    excused
    unexcused
    other
    noReason
    late
  }

  query AttendanceReport($input: AttendanceReportInput!) {
    attendanceReport(input: $input) {
      from
      to
      restricted
      total {
        ...AbsenceCountsFields
      }
      classes {
        schoolClassId
        className
        counts {
          ...AbsenceCountsFields
        }
        students {
          studentId
          name
          counts {
            ...AbsenceCountsFields
          }
        }
      }
    }
  }
`;

const SUMMARY_SHEET = /* GraphQL */ `
  query SummarySheet($input: SummarySheetInput!) {
    summarySheet(input: $input) {
      schoolClassId
      className
      yearName
      classTeacherName
      restricted
      periods {
        id
        name
        kind
      }
      subjects {
        id
        name
        shortName
      }
      students {
        id
        name
        enrolledFrom
        admissionKind
        arrived
        leftOn
        departureKind
        marks {
          subjectId
          periodId
          value
          special
        }
      }
    }
  }
`;

const EXPLAIN = /* GraphQL */ `
  query ExplainAverage($input: ExplainAverageInput!) {
    explainAverage(input: $input) {
      studentId
      studentName
      subjectName
      periodName
      marks {
        id
        date
        lessonNumber
        topic
        workType
        value
        numericValue
        weight
      }
      average
      weightedAverage
      proposedMark
      enoughMarks
      minMarks
      periodMark
      periodMarkSpecial
    }
  }
`;

/** What a month's activity report shows (R-RPT-1): no client page yet, so every field. */
const USER_ACTIVITY = /* GraphQL */ `
  query BenchUserActivity($input: UserActivityInput!) {
    userActivity(input: $input) {
      month
      schoolId
      lessons
      keptOnDay
      share
      roles {
        role
        people
        signedIn
        signIns
        actions
      }
      teachers {
        teacherId
        teacherName
        lessons
        keptOnDay
        share
      }
    }
  }
`;

/** A busy month of the bench year (no holidays): March 2026. */
const MONTH = { from: '2026-03-01', to: '2026-03-31', month: '2026-03' };

export const SCENARIOS: Scenario[] = [
  {
    name: 'S1 journalPage (teacher, 5А maths, 3rd quarter)',
    as: 'teacher',
    query: JOURNAL_PAGE,
    variables: (ctx) => ({ a: ctx.assignmentId, p: quarter(ctx, 3) }),
    load: true,
    halfRate: true,
  },
  {
    name: 'S1y journalPage (teacher, 5А maths, whole year)',
    as: 'teacher',
    query: JOURNAL_PAGE,
    variables: (ctx) => ({ a: ctx.assignmentId, p: year(ctx) }),
  },
  {
    name: "S2w diaryWeek (parent, child's week)",
    as: 'parent',
    query: DIARY_WEEK,
    variables: (ctx) => ({ s: ctx.studentId, w: ctx.diaryWeekOf }),
    load: true,
  },
  {
    name: "S2p diaryPeriod (parent, child's year)",
    as: 'parent',
    query: DIARY_PERIOD,
    variables: (ctx) => ({ s: ctx.studentId, p: year(ctx) }),
  },
  {
    name: 'S5a journalControl (deputy, whole school, whole year)',
    as: 'deputy',
    query: CONTROL,
    variables: (ctx) => ({
      input: { from: YEAR.startsOn, to: YEAR.endsOn, schoolId: ctx.schoolId },
    }),
  },
  {
    name: 'S5b journalControl (deputy, whole school, one month)',
    as: 'deputy',
    query: CONTROL,
    variables: (ctx) => ({ input: { from: MONTH.from, to: MONTH.to, schoolId: ctx.schoolId } }),
  },
  {
    name: "S5i journalControlList (deputy, whole school's late marks, whole year)",
    as: 'deputy',
    query: CONTROL_LIST,
    variables: (ctx) => ({
      input: {
        figure: 'LATE_MARKS',
        wholeSchool: true,
        from: YEAR.startsOn,
        to: YEAR.endsOn,
        schoolId: ctx.schoolId,
      },
    }),
  },
  {
    name: 'S5c userActivity (deputy, one month)',
    as: 'deputy',
    query: USER_ACTIVITY,
    variables: (ctx) => ({ input: { month: MONTH.month, schoolId: ctx.schoolId } }),
  },
  {
    name: 'S5d performanceReport (deputy, whole school, year)',
    as: 'deputy',
    query: PERFORMANCE,
    variables: (ctx) => ({ input: { periodId: year(ctx) } }),
  },
  {
    name: 'S5e performanceReport (deputy, whole school, 3rd quarter)',
    as: 'deputy',
    query: PERFORMANCE,
    variables: (ctx) => ({ input: { periodId: quarter(ctx, 3) } }),
  },
  {
    name: 'S5f attendanceReport (deputy, whole school, whole year)',
    as: 'deputy',
    query: ATTENDANCE,
    variables: (ctx) => ({
      input: { from: YEAR.startsOn, to: YEAR.endsOn, schoolId: ctx.schoolId },
    }),
  },
  {
    name: 'S5g summarySheet (deputy, 5А, whole year)',
    as: 'deputy',
    query: SUMMARY_SHEET,
    variables: (ctx) => ({ input: { schoolClassId: ctx.schoolClassId } }),
  },
  {
    name: 'S5h explainAverage (parent, own child, maths, 3rd quarter)',
    as: 'parent',
    query: EXPLAIN,
    variables: (ctx) => ({
      input: { studentId: ctx.studentId, subjectId: ctx.subjectId, periodId: quarter(ctx, 3) },
    }),
  },
];
