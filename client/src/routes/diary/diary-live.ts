import { graphql } from '#lib/graphql/index.ts';

/** A change to the open diary's marks or attendance (R-JRN-7): what the live notice says. */
export const StudentJournalChangedSubscription = graphql(`
  subscription StudentJournalChanged($studentId: ID!) {
    studentJournalChanged(studentId: $studentId) {
      kind
      studentId
      markId
      value
      lessonDate
      subject {
        id
        name
      }
    }
  }
`);
