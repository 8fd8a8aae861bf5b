import { browserApollo } from '#lib/browser-apollo.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { ControlFigure, JournalControlListQuery } from '#lib/graphql/graphql.ts';

// What lies behind one figure of one row of journal control (R-CTL-1), read when the deputy opens
// its cell: the report itself carries counts only.
const ControlListQuery = graphql(`
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
`);

export type ControlList = JournalControlListQuery['journalControlList'];

/** A row of the report as the API names it: exactly one of these. */
export type RowSelector =
  | { assignmentId: string }
  | { schoolClassId: string }
  | { teacherId: string }
  | { wholeSchool: true };

export interface ListRequest {
  figure: ControlFigure;
  row: RowSelector;
  from: string;
  to: string;
  schoolId: string | null;
}

/** The list behind a figure; throws when it cannot be read (the page offers to try again). */
export async function fetchControlList(request: ListRequest): Promise<ControlList> {
  const { figure, row, from, to, schoolId } = request;
  const { data } = await browserApollo().query({
    query: ControlListQuery,
    variables: { input: { figure, from, to, schoolId, ...row } },
  });
  if (!data) {
    throw new Error('journalControlList: no data');
  }
  return data.journalControlList;
}
