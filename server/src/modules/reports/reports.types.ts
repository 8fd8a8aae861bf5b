import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import { AdmissionKind, DepartureKind } from '../people/enrolment.entity.js';
import { GradingScale } from '../school/school.entity.js';
import { PeriodKind } from '../year/reporting-period.entity.js';

// Read models of the reports (issue 7). Flat values, names included, so a document renderer can
// print a result as it is without further queries.

@ObjectType({ simpleResolvers: true, description: 'A student named in a report.' })
export class ReportStudent {
  @Field(() => ID, { description: 'The student.' })
  id!: string;

  @Field(() => String, { description: 'Family name, given name (and patronymic).' })
  name!: string;

  @Field(() => String, { description: 'The class the student is counted in, e.g. 5А.' })
  className!: string;

  @Field(() => [String], {
    description:
      'The subjects behind the entry: the one 4 or 3, or the failing and «н/а» subjects; empty for excellent students.',
  })
  subjects!: string[];
}

export enum PerformanceGroupKind {
  SCHOOL = 'SCHOOL',
  CLASS = 'CLASS',
  SUBJECT = 'SUBJECT',
  TEACHER = 'TEACHER',
}
registerEnumType(PerformanceGroupKind, {
  name: 'PerformanceGroupKind',
  description: 'What a row of the performance report is about.',
});

@ObjectType({
  simpleResolvers: true,
  description:
    'Performance and quality of one group (R-RPT-2). A student counts once per group, over their period marks in it: all subjects for the school and a class, one subject for a subject, the teacher’s subjects for a teacher. «осв» marks are left out; a student with only «осв» is not attested and outside every figure; «н/а» fails.',
})
export class PerformanceRow {
  @Field(() => PerformanceGroupKind, { description: 'School total, class, subject or teacher.' })
  kind!: PerformanceGroupKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The class, subject or teacher; null for the school.',
  })
  id!: string | null;

  @Field(() => String, { description: 'Its name: 5А, Математика, the teacher’s name, the school.' })
  label!: string;

  @Field(() => Int, { description: 'Attested students: the denominator of the rates.' })
  attested!: number;

  @Field(() => Int, {
    description: 'Students left out because every mark of theirs here is «осв».',
  })
  exempt!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Success rate, %: attested students with no failing mark and no «н/а».',
  })
  successRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Quality rate, %: attested students with only top marks (4 and 5 on five points).',
  })
  qualityRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of the numeric period marks, 2 decimals.',
  })
  averageMark!: number | null;

  @Field(() => Int, { description: 'Number of excellent students.' })
  excellentCount!: number;

  @Field(() => [ReportStudent], { description: 'Only top-band marks («5»).' })
  excellent!: ReportStudent[];

  @Field(() => Int, { description: 'Number of students with a single 4.' })
  singleGoodCount!: number;

  @Field(() => [ReportStudent], { description: 'Exactly one «4», every other mark «5».' })
  singleGood!: ReportStudent[];

  @Field(() => Int, { description: 'Number of students with a single 3.' })
  singleSatisfactoryCount!: number;

  @Field(() => [ReportStudent], { description: 'Exactly one «3», every other mark «4» or «5».' })
  singleSatisfactory!: ReportStudent[];

  @Field(() => Int, { description: 'Number of failing students.' })
  failingCount!: number;

  @Field(() => [ReportStudent], { description: 'A failing mark or «н/а» in some subject.' })
  failing!: ReportStudent[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'The performance and quality report of a period (R-RPT-2), live.',
})
export class PerformanceReport {
  @Field(() => ID, { description: 'The period.' })
  periodId!: string;

  @Field(() => String, { description: 'Its name, e.g. 1 четверть.' })
  periodName!: string;

  @Field(() => PeriodKind, { description: 'Its kind: YEAR reports the year marks.' })
  periodKind!: PeriodKind;

  @Field(() => GradingScale, { description: 'The school’s scale the bands are read on.' })
  scale!: GradingScale;

  @Field(() => Boolean, {
    description: 'True when only your own journal pages (and your class) are counted.',
  })
  restricted!: boolean;

  @Field(() => PerformanceRow, { description: 'The whole school (or what you may see of it).' })
  total!: PerformanceRow;

  @Field(() => [PerformanceRow], { description: 'By class, 1А … 11Б.' })
  byClass!: PerformanceRow[];

  @Field(() => [PerformanceRow], { description: 'By subject, by name.' })
  bySubject!: PerformanceRow[];

  @Field(() => [PerformanceRow], { description: 'By teacher of the page, by name.' })
  byTeacher!: PerformanceRow[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'Lessons missed, by reason of absence (R-JRN-2).',
})
export class AbsenceCounts {
  @Field(() => Int, { description: 'Lessons missed in all.' })
  total!: number;

  @Field(() => Int, { description: 'Illness.' })
  illness!: number;

  @Field(() => Int, { description: 'Excused.' })
  excused!: number;

  @Field(() => Int, { description: 'Unexcused.' })
  unexcused!: number;

  @Field(() => Int, { description: 'Another reason.' })
  other!: number;

  @Field(() => Int, { description: 'No reason recorded yet.' })
  noReason!: number;

  @Field(() => Int, { description: 'Lates (not counted as missed).' })
  late!: number;
}

@ObjectType({ simpleResolvers: true, description: "A student's missed lessons in one class." })
export class AttendanceStudentRow {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => String, { description: 'The student’s name.' })
  name!: string;

  @Field(() => AbsenceCounts, { description: 'Missed lessons by reason.' })
  counts!: AbsenceCounts;
}

@ObjectType({ simpleResolvers: true, description: "A class's missed lessons." })
export class AttendanceClassRow {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'e.g. 5А.' })
  className!: string;

  @Field(() => AbsenceCounts, { description: 'The class’s missed lessons by reason.' })
  counts!: AbsenceCounts;

  @Field(() => [AttendanceStudentRow], {
    description: 'Students with an absence or lateness at the class’s lessons, by name.',
  })
  students!: AttendanceStudentRow[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'Lessons missed per student and class, by reason, for a date range.',
})
export class AttendanceReport {
  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  from!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD).' })
  to!: string;

  @Field(() => Boolean, { description: 'True when only your own pages (and your class) count.' })
  restricted!: boolean;

  @Field(() => AbsenceCounts, { description: 'Everything in the report.' })
  total!: AbsenceCounts;

  @Field(() => [AttendanceClassRow], { description: 'By class, 1А … 11Б.' })
  classes!: AttendanceClassRow[];
}

@ObjectType({ simpleResolvers: true, description: 'A column group of the summary sheet.' })
export class SheetPeriod {
  @Field(() => ID, { description: 'The period.' })
  id!: string;

  @Field(() => String, { description: 'e.g. 1 четверть, Год.' })
  name!: string;

  @Field(() => PeriodKind, { description: 'YEAR is the year mark.' })
  kind!: PeriodKind;
}

@ObjectType({ simpleResolvers: true, description: 'A subject column of the summary sheet.' })
export class SheetSubject {
  @Field(() => ID, { description: 'The subject.' })
  id!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { description: 'Short name.' })
  shortName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One cell: a period or year mark.' })
export class SheetMark {
  @Field(() => ID, { description: 'The subject.' })
  subjectId!: string;

  @Field(() => ID, { description: 'The period.' })
  periodId!: string;

  @Field(() => String, { nullable: true, description: 'The mark on the scale; null when special.' })
  value!: string | null;

  @Field(() => PeriodMarkSpecial, { nullable: true, description: '«осв» or «н/а».' })
  special!: PeriodMarkSpecial | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A row of the summary sheet: a student of the class during the year.',
})
export class SheetStudent {
  @Field(() => ID, { description: 'The student.' })
  id!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { description: 'First day in the class this year (YYYY-MM-DD).' })
  enrolledFrom!: string;

  @Field(() => AdmissionKind, { description: 'How the student came into the class.' })
  admissionKind!: AdmissionKind;

  @Field(() => Boolean, {
    description: 'True when the student arrived after the year began.',
  })
  arrived!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'First day no longer in the class (YYYY-MM-DD), when they left during the year.',
  })
  leftOn!: string | null;

  @Field(() => DepartureKind, { nullable: true, description: 'How they left, when they did.' })
  departureKind!: DepartureKind | null;

  @Field(() => [SheetMark], {
    description: 'The student’s period and year marks in the sheet’s subjects (sparse).',
  })
  marks!: SheetMark[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    'The summary sheet of attestation (сводная ведомость, R-RPT-3): students × subjects × period and year marks, live.',
})
export class SummarySheet {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'e.g. 5А.' })
  className!: string;

  @Field(() => String, { description: 'The academic year, e.g. 2026/2027.' })
  yearName!: string;

  @Field(() => String, { description: 'The school, as the printed sheet names it.' })
  schoolName!: string;

  @Field(() => String, { nullable: true, description: 'The class teacher’s name.' })
  classTeacherName!: string | null;

  @Field(() => Boolean, { description: 'True when only your own subjects are shown.' })
  restricted!: boolean;

  @Field(() => [SheetPeriod], {
    description: 'Periods of the class’s grade by date, the year last.',
  })
  periods!: SheetPeriod[];

  @Field(() => [SheetSubject], { description: 'Subjects by name.' })
  subjects!: SheetSubject[];

  @Field(() => [SheetStudent], { description: 'Students by name.' })
  students!: SheetStudent[];
}

@ObjectType({ simpleResolvers: true, description: 'A mark that makes the average.' })
export class ExplainedMark {
  @Field(() => ID, { description: 'The mark.' })
  id!: string;

  @Field(() => String, { description: 'Date of the lesson (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, { nullable: true, description: 'Lesson number in the day.' })
  lessonNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'The lesson’s topic.' })
  topic!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The work type (the lesson’s when the mark has none).',
  })
  workType!: string | null;

  @Field(() => String, { description: 'The mark as written.' })
  value!: string;

  @Field(() => Float, { description: 'Its numeric value.' })
  numericValue!: number;

  @Field(() => Float, { description: 'Its weight in the weighted average.' })
  weight!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Why the average is what it is: the marks behind it, the averages, the period mark a rule proposes (the weighted average rounded half up) and the teacher’s period mark.',
})
export class AverageExplanation {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => String, { description: 'The student’s name.' })
  studentName!: string;

  @Field(() => String, { description: 'The subject.' })
  subjectName!: string;

  @Field(() => String, { description: 'The period.' })
  periodName!: string;

  @Field(() => [ExplainedMark], { description: 'By date.' })
  marks!: ExplainedMark[];

  @Field(() => Float, { nullable: true, description: 'Plain mean, 2 decimals.' })
  average!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean weighted by work type, 2 decimals.' })
  weightedAverage!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The weighted average rounded half up (3.50 → 4), within the scale; null without marks.',
  })
  proposedMark!: string | null;

  @Field(() => Boolean, {
    description: 'Whether there are at least the school’s minimum of current marks (R-JRN-5).',
  })
  enoughMarks!: boolean;

  @Field(() => Int, { description: 'The school’s minimum for a justified period mark.' })
  minMarks!: number;

  @Field(() => String, { nullable: true, description: 'The teacher’s period mark, when set.' })
  periodMark!: string | null;

  @Field(() => PeriodMarkSpecial, { nullable: true, description: '«осв» or «н/а», when set so.' })
  periodMarkSpecial!: PeriodMarkSpecial | null;
}
