import {
  Field,
  Float,
  ID,
  InputType,
  Int,
  InterfaceType,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { Role } from '../people/role-assignment.entity.js';

// Not in the schema by itself: the report's and the lists' inputs inherit its fields.
@InputType({ description: 'The range and school every journal control question names.' })
abstract class ControlRangeInput {
  @Field(() => String, { description: 'First day (YYYY-MM-DD), inclusive.' })
  from!: string;

  @Field(() => String, {
    description: 'Last day (YYYY-MM-DD), inclusive; at most a year after `from`.',
  })
  to!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The school; may be left out when you work at one school only.',
  })
  schoolId?: string | null;
}

@InputType({ description: 'What journal control covers (R-CTL-1).' })
export class JournalControlInput extends ControlRangeInput {
  @Field(() => ID, { nullable: true, description: 'Only the pages of this class.' })
  schoolClassId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only the pages of this teacher. A teacher may name only themselves.',
  })
  teacherId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A lesson behind a control figure.' })
export class ControlLesson {
  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => ID, { description: 'Its journal page (teaching assignment).' })
  assignmentId!: string;

  @Field(() => String, { description: 'Date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, { nullable: true, description: 'Number in the bell schedule.' })
  lessonNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'Topic as written.' })
  topic!: string | null;

  @Field(() => String, { description: 'Class, e.g. 5А.' })
  className!: string;

  @Field(() => String, { description: 'Subject.' })
  subjectName!: string;

  @Field(() => Int, {
    description: 'How many of the counted items are on this lesson (late marks); 1 otherwise.',
  })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A count of lessons; the lessons behind it are read with `journalControlList`.',
})
export class ControlLessonFigure {
  @Field(() => Int, { description: 'How many (for marks: how many marks).' })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A student (or parent) behind a control figure.',
})
export class ControlPerson {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => String, { description: 'Family name and given name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: "The student's class, e.g. 5А." })
  className!: string | null;

  @Field(() => ID, { nullable: true, description: 'The journal page, for per-page figures.' })
  assignmentId!: string | null;

  @Field(() => String, { nullable: true, description: 'The subject, for per-page figures.' })
  subjectName!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A share of students on journal pages. Above a single page it counts student × page pairs: a student without marks in two subjects counts twice. The students behind it: `journalControlList`.',
})
export class ControlStudentFigure {
  @Field(() => Int, { description: 'How many students (pairs) match.' })
  count!: number;

  @Field(() => Int, { description: 'Students (pairs) enrolled on the pages during the range.' })
  total!: number;

  @Field(() => Float, { nullable: true, description: 'count / total; null when total is 0.' })
  share!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'A period mark missing or set late (R-JRN-5).' })
export class ControlPeriodMark {
  @Field(() => ControlPerson, { description: 'The student and page.' })
  student!: ControlPerson;

  @Field(() => ID, { description: 'The reporting period.' })
  periodId!: string;

  @Field(() => String, { description: 'e.g. 1 четверть.' })
  periodName!: string;

  @Field(() => String, { description: 'Last day of the period (YYYY-MM-DD).' })
  periodEndsOn!: string;

  @Field(() => String, {
    nullable: true,
    description: "Day it was set (school's time zone); null when missing.",
  })
  setOn!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Period marks missing or late; the students behind them: `journalControlList`.',
})
export class ControlPeriodMarkFigure {
  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "A parent's request that waited more than 7 days (R-MSG-2).",
})
export class ControlThread {
  @Field(() => ID, { description: 'The thread.' })
  threadId!: string;

  @Field(() => String, { description: 'Its subject.' })
  subject!: string;

  @Field(() => ID, { description: 'The teacher it waited for.' })
  teacherId!: string;

  @Field(() => String, { description: 'The parent who wrote.' })
  parentName!: string;

  @Field(() => Date, { description: 'When the parent wrote (the first unanswered message).' })
  sentAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When staff answered; null: not yet.' })
  answeredAt!: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "Parents' requests that waited more than 7 days (R-MSG-2).",
})
export class ControlMessageFigure {
  @Field(() => Int, { description: 'How many requests.' })
  count!: number;

  @Field(() => [ControlThread], { description: 'The requests behind the count.' })
  threads!: ControlThread[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'Who of a group signed in during the range (R-CTL-1).',
})
export class ControlSignInFigure {
  @Field(() => Int, { description: 'People in the group.' })
  total!: number;

  @Field(() => Int, { description: 'Of them, signed in at least once during the range.' })
  signedIn!: number;

  @Field(() => Float, { nullable: true, description: 'signedIn / total; null when total is 0.' })
  share!: number | null;

  @Field(() => [ControlPerson], { description: 'Those who did not sign in.' })
  notSignedIn!: ControlPerson[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'Students and parents of classes who signed in during the range.',
})
export class ControlSignIns {
  @Field(() => ControlSignInFigure, { description: 'Students enrolled during the range.' })
  students!: ControlSignInFigure;

  @Field(() => ControlSignInFigure, { description: 'Their parents and guardians.' })
  parents!: ControlSignInFigure;
}

@InterfaceType({
  description:
    'The control figures of R-CTL-1 for one journal page or a roll-up of pages (teacher, class, school). Lessons count when held (status HELD) with a date in the range.',
})
export abstract class ControlFigures {
  @Field(() => Int, { description: 'Lessons held in the range.' })
  lessonsHeld!: number;

  @Field(() => Int, {
    description:
      "Lessons the curriculum plans in the range: each period's planned lessons for the class and subject (or, without period rows, the year's) times the share of the period's calendar days inside the range and the page's time with its teacher, rounded per period. Subgroup pages each get the class's plan.",
  })
  lessonsPlanned!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Programme completion: held / planned; null when nothing is planned.',
  })
  completion!: number | null;

  @Field(() => ControlLessonFigure, { description: 'Held lessons without a topic.' })
  lessonsWithoutTopic!: ControlLessonFigure;

  @Field(() => ControlLessonFigure, {
    description:
      "Held lessons without homework 1.5 hours after they ended (R-JRN-4): none entered by then. The end is the bell schedule's end of the lesson number in the school's time zone; a lesson without one is due by the end of its day. Lessons whose deadline has not passed yet are not counted.",
  })
  lessonsWithoutHomework!: ControlLessonFigure;

  @Field(() => ControlLessonFigure, {
    description:
      "Marks entered after the lesson's day (school time zone), except written work (R-JRN-3); count is marks, lessons carry how many each.",
  })
  lateMarks!: ControlLessonFigure;

  @Field(() => ControlLessonFigure, {
    description:
      "Written-work marks (the mark's or else the lesson's work type is written) entered more than 7 days after the lesson (R-JRN-3).",
  })
  lateWrittenMarks!: ControlLessonFigure;

  @Field(() => ControlLessonFigure, {
    description: 'Held lessons where the register was never taken (setAttendance).',
  })
  lessonsWithoutAttendance!: ControlLessonFigure;

  @Field(() => ControlStudentFigure, {
    description:
      "Students enrolled on the page during the range with no marks at the page's lessons in the range.",
  })
  studentsWithoutMarks!: ControlStudentFigure;

  @Field(() => ControlStudentFigure, { description: 'Students with exactly one mark.' })
  studentsWithOneMark!: ControlStudentFigure;

  @Field(() => ControlPeriodMarkFigure, {
    description:
      'Periods ending in the range: period marks missing for a student on the page on the last day, once the 4-day deadline has passed (R-JRN-5).',
  })
  periodMarksMissing!: ControlPeriodMarkFigure;

  @Field(() => ControlPeriodMarkFigure, {
    description: 'Period marks set more than 4 days after the period ended (R-JRN-5).',
  })
  periodMarksLate!: ControlPeriodMarkFigure;
}

@ObjectType({
  simpleResolvers: true,
  implements: ControlFigures,
  description: 'Control figures of one journal page.',
})
export class JournalControlPage extends ControlFigures {
  @Field(() => ID, { description: 'The journal page (teaching assignment).' })
  assignmentId!: string;

  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'Class, e.g. 5А.' })
  className!: string;

  @Field(() => String, { description: 'Subject.' })
  subjectName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Subgroup or individual student the page is for.',
  })
  audience!: string | null;

  @Field(() => ID, { description: 'The teacher keeping the page.' })
  teacherId!: string;

  @Field(() => String, { description: "The teacher's name." })
  teacherName!: string;
}

@ObjectType({
  simpleResolvers: true,
  implements: ControlFigures,
  description: "Control figures of a teacher's pages, and their parents' mail.",
})
export class JournalControlTeacher extends ControlFigures {
  @Field(() => ID, { description: 'The teacher.' })
  teacherId!: string;

  @Field(() => String, { description: "The teacher's name." })
  teacherName!: string;

  @Field(() => ControlMessageFigure, {
    description:
      "Parents' requests to the teacher whose 7-day answer deadline fell in the range and passed without an answer from staff (R-MSG-2). A request is a run of parents' messages in a thread, timed from its first message, as in the mailbox's overdue flag.",
  })
  unansweredMessages!: ControlMessageFigure;
}

@ObjectType({
  simpleResolvers: true,
  implements: ControlFigures,
  description: "Control figures of a class's pages, and its families' sign-ins.",
})
export class JournalControlClass extends ControlFigures {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, { description: 'Class, e.g. 5А.' })
  className!: string;

  @Field(() => ControlSignIns, { description: 'Students and parents who signed in.' })
  signIns!: ControlSignIns;
}

@ObjectType({
  simpleResolvers: true,
  implements: ControlFigures,
  description: 'Control figures of every page in scope.',
})
export class JournalControlTotal extends ControlFigures {
  @Field(() => ControlMessageFigure, {
    description: "Parents' requests waiting more than 7 days, to any teacher in scope.",
  })
  unansweredMessages!: ControlMessageFigure;

  @Field(() => ControlSignIns, { description: 'Students and parents of the classes in scope.' })
  signIns!: ControlSignIns;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Journal control (R-CTL-1): live figures per journal page, teacher, class and in total. The administration sees the whole school; a teacher sees their own pages and, as class teacher, every page of their class.',
})
export class JournalControl {
  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  from!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD).' })
  to!: string;

  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => JournalControlTotal, { description: 'All pages in scope.' })
  total!: JournalControlTotal;

  @Field(() => [JournalControlClass], { description: 'Per class, by grade and letter.' })
  classes!: JournalControlClass[];

  @Field(() => [JournalControlTeacher], { description: 'Per teacher, by name.' })
  teachers!: JournalControlTeacher[];

  @Field(() => [JournalControlPage], { description: 'Per page, by class and subject.' })
  pages!: JournalControlPage[];
}

/** The figures of journal control that have a list behind them (`journalControlList`). */
export enum ControlFigure {
  LESSONS_WITHOUT_TOPIC = 'LESSONS_WITHOUT_TOPIC',
  LESSONS_WITHOUT_HOMEWORK = 'LESSONS_WITHOUT_HOMEWORK',
  LATE_MARKS = 'LATE_MARKS',
  LATE_WRITTEN_MARKS = 'LATE_WRITTEN_MARKS',
  LESSONS_WITHOUT_ATTENDANCE = 'LESSONS_WITHOUT_ATTENDANCE',
  STUDENTS_WITHOUT_MARKS = 'STUDENTS_WITHOUT_MARKS',
  STUDENTS_WITH_ONE_MARK = 'STUDENTS_WITH_ONE_MARK',
  PERIOD_MARKS_MISSING = 'PERIOD_MARKS_MISSING',
  PERIOD_MARKS_LATE = 'PERIOD_MARKS_LATE',
}
registerEnumType(ControlFigure, {
  name: 'ControlFigure',
  description:
    'A figure of journal control with a list behind it; each value is the `ControlFigures` field of the same name.',
  valuesConfig: {
    LESSONS_WITHOUT_TOPIC: { description: '`lessonsWithoutTopic`: lessons.' },
    LESSONS_WITHOUT_HOMEWORK: { description: '`lessonsWithoutHomework`: lessons.' },
    LATE_MARKS: { description: '`lateMarks`: lessons, each with how many late marks.' },
    LATE_WRITTEN_MARKS: { description: '`lateWrittenMarks`: lessons, each with how many.' },
    LESSONS_WITHOUT_ATTENDANCE: { description: '`lessonsWithoutAttendance`: lessons.' },
    STUDENTS_WITHOUT_MARKS: { description: '`studentsWithoutMarks`: students × pages.' },
    STUDENTS_WITH_ONE_MARK: { description: '`studentsWithOneMark`: students × pages.' },
    PERIOD_MARKS_MISSING: { description: '`periodMarksMissing`: period marks.' },
    PERIOD_MARKS_LATE: { description: '`periodMarksLate`: period marks.' },
  },
});

@InputType({
  description:
    'One figure of one row of journal control: name exactly one of `assignmentId`, `schoolClassId`, `teacherId` or `wholeSchool`, and the range of the report.',
})
export class JournalControlListInput extends ControlRangeInput {
  @Field(() => ControlFigure, { description: 'The figure whose list is wanted.' })
  figure!: ControlFigure;

  @Field(() => ID, { nullable: true, description: 'A page row: one journal page.' })
  assignmentId?: string | null;

  @Field(() => ID, { nullable: true, description: "A class row: the class's pages." })
  schoolClassId?: string | null;

  @Field(() => ID, { nullable: true, description: "A teacher row: the teacher's pages." })
  teacherId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The whole-school row: every page.' })
  wholeSchool?: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "What lies behind one figure of one row of journal control (R-CTL-1), limited to the pages the viewer's report shows: the administration's every page, a teacher's own pages and those of their class. Only the list of the figure's kind is filled; the other two are empty.",
})
export class JournalControlList {
  @Field(() => ControlFigure, { description: 'The figure.' })
  figure!: ControlFigure;

  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  from!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD).' })
  to!: string;

  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => Int, {
    description: "The figure's count for the row, as `journalControl` gives it.",
  })
  count!: number;

  @Field(() => [ControlLesson], {
    description:
      'For lesson figures: the lessons, by date and lesson number; `count` of each is its late marks for LATE_MARKS and LATE_WRITTEN_MARKS, 1 otherwise.',
  })
  lessons!: ControlLesson[];

  @Field(() => [ControlPerson], {
    description:
      'For STUDENTS_WITHOUT_MARKS and STUDENTS_WITH_ONE_MARK: each student on each page, by class, subject and name.',
  })
  students!: ControlPerson[];

  @Field(() => [ControlPeriodMark], {
    description:
      'For PERIOD_MARKS_MISSING and PERIOD_MARKS_LATE: by page, period end and student name.',
  })
  periodMarks!: ControlPeriodMark[];
}

@InputType({ description: 'The month of the user-activity report (R-RPT-1).' })
export class UserActivityInput {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The school; may be left out when you work at one school only.',
  })
  schoolId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: "One role's activity in the month." })
export class RoleActivity {
  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => Int, { description: 'People holding the role at some time in the month.' })
  people!: number;

  @Field(() => Int, { description: 'Of them, signed in at least once in the month.' })
  signedIn!: number;

  @Field(() => Int, { description: 'Their sign-ins in the month.' })
  signIns!: number;

  @Field(() => Int, {
    description: 'Audited writes at this school by them in the month (sign-ins not counted).',
  })
  actions!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "How many of a teacher's lessons were recorded on the day.",
})
export class TeacherTimeliness {
  @Field(() => ID, { description: 'The teacher who conducted the lessons.' })
  teacherId!: string;

  @Field(() => String, { description: "The teacher's name." })
  teacherName!: string;

  @Field(() => Int, { description: 'Lessons held in the month.' })
  lessons!: number;

  @Field(() => Int, {
    description: "Of them, recorded on or before the lesson's day (school time zone).",
  })
  keptOnDay!: number;

  @Field(() => Float, { nullable: true, description: 'keptOnDay / lessons.' })
  share!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Monthly user activity (R-RPT-1).' })
export class UserActivityReport {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => [RoleActivity], {
    description:
      'Per role; a person with two roles counts under both. Sign-ins are per person, in any school.',
  })
  roles!: RoleActivity[];

  @Field(() => [TeacherTimeliness], { description: 'Per conducting teacher, by name.' })
  teachers!: TeacherTimeliness[];

  @Field(() => Int, { description: 'Lessons held in the month.' })
  lessons!: number;

  @Field(() => Int, { description: 'Of them, recorded on the day.' })
  keptOnDay!: number;

  @Field(() => Float, { nullable: true, description: 'keptOnDay / lessons.' })
  share!: number | null;
}
