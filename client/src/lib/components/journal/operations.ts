import { graphql } from '#lib/graphql/index.ts';

// The grid's writes, sent from the browser through browserApollo() (issue 6).

export const SetMarksMutation = graphql(`
  mutation GridSetMarks($input: SetMarksInput!) {
    setMarks(input: $input) {
      replayed
      marks {
        ...GridMark
      }
    }
  }
`);

export const SetAttendanceMutation = graphql(`
  mutation GridSetAttendance($input: SetAttendanceInput!) {
    setAttendance(input: $input) {
      replayed
      attendance {
        ...GridAttendance
      }
    }
  }
`);

export const SetPeriodMarksMutation = graphql(`
  mutation GridSetPeriodMarks($input: SetPeriodMarksInput!) {
    setPeriodMarks(input: $input) {
      replayed
      periodMarks {
        id
        studentId
        value
        special
        version
      }
      warnings {
        studentId
        markCount
        required
      }
    }
  }
`);
