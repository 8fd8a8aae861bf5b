import { graphql } from '#lib/graphql/index.ts';

/** Teachers keeping the same page see each other's marks and absences as they are typed. */
export const JournalPageChangedSubscription = graphql(`
  subscription GridJournalPageChanged($assignmentId: ID!) {
    journalPageChanged(assignmentId: $assignmentId) {
      kind
      lessonId
      studentId
      markId
      value
      attendanceId
      attendanceStatus
      minutesLate
      lesson {
        id
        workType {
          id
          weight
        }
      }
    }
  }
`);
