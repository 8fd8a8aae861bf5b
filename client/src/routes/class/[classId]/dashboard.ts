// The class dashboard's state and how each live event changes it (issue 6): the page applies
// `classDashboardChanged` events here instead of refetching, and reloads only after a reconnect.
import { graphql } from '#lib/graphql/index.ts';
import type {
  AbsenceReason,
  AttendanceStatus,
  ClassDashboardEventFieldsFragment,
  ClassDashboardFieldsFragment,
} from '#lib/graphql/graphql.ts';

graphql(`
  fragment ClassDashboardFields on ClassDashboard {
    date
    unreadFromParents
    absences {
      id
      lessonId
      studentId
      status
      minutesLate
      reason
      student {
        id
        lastName
        firstName
      }
      lesson {
        id
        lessonNumber
        assignmentId
      }
    }
    marks {
      id
      value
      lessonId
      studentId
      student {
        id
        lastName
        firstName
      }
      lesson {
        id
        lessonNumber
        assignmentId
      }
    }
    lowMarks {
      id
    }
    lessonsMissingRecords {
      id
      assignmentId
      lessonNumber
      topic
      homework {
        id
      }
    }
  }
`);

graphql(`
  fragment ClassDashboardEventFields on ClassDashboardEvent {
    kind
    date
    lowMark
    unreadFromParents
    journal {
      kind
      markId
      lessonId
      studentId
      value
      attendanceStatus
      minutesLate
      reason
      student {
        id
        lastName
        firstName
      }
      lesson {
        id
        lessonNumber
      }
      subject {
        id
        name
      }
    }
    lesson {
      lessonId
      lessonNumber
      topic
      hasHomework
      missingRecords
      subject {
        id
        name
      }
    }
  }
`);

export const ClassDashboardChangedSubscription = graphql(`
  subscription ClassDashboardChanged($schoolClassId: ID!) {
    classDashboardChanged(schoolClassId: $schoolClassId) {
      ...ClassDashboardEventFields
    }
  }
`);

export interface AbsenceRow {
  lessonId: string;
  studentId: string;
  studentName: string;
  status: AttendanceStatus;
  minutesLate: number | null;
  reason: AbsenceReason | null;
  subject: string | null;
  lessonNumber: number | null;
}

export interface MarkRow {
  id: string;
  studentId: string;
  studentName: string;
  value: string;
  subject: string | null;
  lessonNumber: number | null;
  low: boolean;
}

export interface MissingRecordRow {
  lessonId: string;
  subject: string | null;
  lessonNumber: number | null;
  hasTopic: boolean;
  hasHomework: boolean;
}

export interface DashboardState {
  date: string;
  absences: AbsenceRow[];
  marks: MarkRow[];
  missing: MissingRecordRow[];
  unreadFromParents: number;
}

const nameOf = (p: { lastName: string; firstName: string }) => `${p.lastName} ${p.firstName}`;

const byStudentThenLesson = <T extends { studentName: string; lessonNumber: number | null }>(
  a: T,
  b: T,
) =>
  a.studentName.localeCompare(b.studentName, 'ru') || (a.lessonNumber ?? 0) - (b.lessonNumber ?? 0);

const byLesson = (a: MissingRecordRow, b: MissingRecordRow) =>
  (a.lessonNumber ?? 0) - (b.lessonNumber ?? 0);

/** The loaded dashboard as rows; `subjects` names each journal page (assignment id → subject). */
export function dashboardState(
  dashboard: ClassDashboardFieldsFragment,
  subjects: ReadonlyMap<string, string>,
): DashboardState {
  const low = new Set(dashboard.lowMarks.map((m) => m.id));
  return {
    date: dashboard.date,
    unreadFromParents: dashboard.unreadFromParents,
    absences: dashboard.absences
      .map((a) => ({
        lessonId: a.lessonId,
        studentId: a.studentId,
        studentName: nameOf(a.student),
        status: a.status,
        minutesLate: a.minutesLate ?? null,
        reason: a.reason ?? null,
        subject: subjects.get(a.lesson.assignmentId) ?? null,
        lessonNumber: a.lesson.lessonNumber ?? null,
      }))
      .sort(byStudentThenLesson),
    marks: dashboard.marks
      .map((m) => ({
        id: m.id,
        studentId: m.studentId,
        studentName: nameOf(m.student),
        value: m.value,
        subject: subjects.get(m.lesson.assignmentId) ?? null,
        lessonNumber: m.lesson.lessonNumber ?? null,
        low: low.has(m.id),
      }))
      .sort(byStudentThenLesson),
    missing: dashboard.lessonsMissingRecords
      .map((l) => ({
        lessonId: l.id,
        subject: subjects.get(l.assignmentId) ?? null,
        lessonNumber: l.lessonNumber ?? null,
        hasTopic: Boolean(l.topic?.trim()),
        hasHomework: l.homework.length > 0,
      }))
      .sort(byLesson),
  };
}

/**
 * The dashboard after one event. Events of another day leave it as it is (the API sends every
 * change of the class, e.g. a mark put on last week's lesson).
 */
export function applyDashboardEvent(
  state: DashboardState,
  event: ClassDashboardEventFieldsFragment,
): DashboardState {
  if (event.unreadFromParents !== null && event.unreadFromParents !== undefined) {
    state = { ...state, unreadFromParents: event.unreadFromParents };
  }
  if (event.date !== state.date) {
    return state;
  }
  const journal = event.journal;
  const lesson = event.lesson;
  switch (event.kind) {
    case 'ATTENDANCE_SET': {
      if (!journal?.attendanceStatus) {
        return state;
      }
      const row: AbsenceRow = {
        lessonId: journal.lessonId,
        studentId: journal.studentId,
        studentName: nameOf(journal.student),
        status: journal.attendanceStatus === 'LATE' ? 'LATE' : 'ABSENT',
        minutesLate: journal.minutesLate ?? null,
        reason: journal.reason ?? null,
        subject: journal.subject.name,
        lessonNumber: journal.lesson.lessonNumber ?? null,
      };
      const others = state.absences.filter(
        (a) => !(a.lessonId === row.lessonId && a.studentId === row.studentId),
      );
      return { ...state, absences: [...others, row].sort(byStudentThenLesson) };
    }
    case 'ATTENDANCE_REMOVED':
      if (!journal) {
        return state;
      }
      return {
        ...state,
        absences: state.absences.filter(
          (a) => !(a.lessonId === journal.lessonId && a.studentId === journal.studentId),
        ),
      };
    case 'MARK_SET':
    case 'MARK_CHANGED': {
      if (!journal?.markId || !journal.value) {
        return state;
      }
      const row: MarkRow = {
        id: journal.markId,
        studentId: journal.studentId,
        studentName: nameOf(journal.student),
        value: journal.value,
        subject: journal.subject.name,
        lessonNumber: journal.lesson.lessonNumber ?? null,
        low: event.lowMark ?? false,
      };
      const others = state.marks.filter((m) => m.id !== row.id);
      return { ...state, marks: [...others, row].sort(byStudentThenLesson) };
    }
    case 'MARK_REMOVED':
      return journal?.markId
        ? { ...state, marks: state.marks.filter((m) => m.id !== journal.markId) }
        : state;
    case 'LESSON_CREATED':
    case 'LESSON_UPDATED':
    case 'LESSON_CANCELLED': {
      if (!lesson) {
        return state;
      }
      const others = state.missing.filter((l) => l.lessonId !== lesson.lessonId);
      if (!lesson.missingRecords) {
        return { ...state, missing: others };
      }
      const row: MissingRecordRow = {
        lessonId: lesson.lessonId,
        subject: lesson.subject.name,
        lessonNumber: lesson.lessonNumber ?? null,
        hasTopic: Boolean(lesson.topic?.trim()),
        hasHomework: lesson.hasHomework,
      };
      return { ...state, missing: [...others, row].sort(byLesson) };
    }
    case 'PARENT_MESSAGE':
    case 'MESSAGES_READ':
      // The count was taken above: it is all these events change here.
      return state;
    default: {
      const unknown: never = event.kind;
      throw new Error(`class dashboard: unhandled event ${String(unknown)}`);
    }
  }
}
