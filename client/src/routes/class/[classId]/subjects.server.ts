import type { ApolloClient } from '@apollo/client/core';
import { graphql } from '#lib/graphql/index.ts';

const ClassPagesQuery = graphql(`
  query ClassroomClassPages($yearId: ID!, $schoolClassId: ID!) {
    teachingAssignments(yearId: $yearId, schoolClassId: $schoolClassId) {
      id
      startsOn
      endsOn
      subject {
        id
        name
      }
      subgroup {
        id
        name
      }
      individualStudent {
        id
        lastName
        firstName
      }
      teacher {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

/** The class's journal pages (one per subject, subgroup or individual plan) of the year. */
export async function classPages(
  api: ApolloClient,
  schoolClass: { id: string; year: { id: string } },
) {
  const { data } = await api.query({
    query: ClassPagesQuery,
    variables: { yearId: schoolClass.year.id, schoolClassId: schoolClass.id },
  });
  return data?.teachingAssignments ?? [];
}

/** Assignment id → subject name, to label the lessons the dashboard lists. */
export async function subjectsByPage(
  api: ApolloClient,
  schoolClass: { id: string; year: { id: string } },
): Promise<Map<string, string>> {
  const pages = await classPages(api, schoolClass);
  return new Map(pages.map((p) => [p.id, p.subject.name]));
}
