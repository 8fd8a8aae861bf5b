import type { ApolloClient } from '@apollo/client/core';
import { graphql } from '#lib/graphql/index.ts';
import type { Viewer } from '#lib/viewer.ts';

const AcademicYearsQuery = graphql(`
  query ClassroomAcademicYears($schoolId: ID!) {
    academicYears(schoolId: $schoolId) {
      id
      name
      startsOn
      endsOn
    }
  }
`);

const SchoolClassesQuery = graphql(`
  query ClassroomSchoolClasses($yearId: ID!) {
    schoolClasses(yearId: $yearId) {
      id
      name
      gradeLevel
      letter
      classTeacher {
        id
      }
    }
  }
`);

/** A class the signed-in teacher leads, with what its pages need to ask the API about it. */
export interface LedClass {
  id: string;
  name: string;
  gradeLevel: number;
  schoolId: string;
  schoolName: string;
  year: { id: string; name: string; startsOn: string; endsOn: string };
}

/** Today as YYYY-MM-DD on this server's clock (the API answers "today" in school time). */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The classes the viewer is class teacher of in each school's current year: the year containing
 * today, or the newest one when today falls between years (a summer visit). The API has no
 * "my classes" query, so this reads the year's classes and keeps the viewer's (issue 6).
 */
export async function classesILead(
  api: ApolloClient,
  viewer: Viewer,
  today: string,
): Promise<LedClass[]> {
  const schools = new Map(
    viewer.roles.filter((r) => r.role === 'TEACHER').map((r) => [r.school.id, r.school.name]),
  );
  const perSchool = await Promise.all(
    [...schools].map(async ([schoolId, schoolName]) => {
      const { data } = await api.query({ query: AcademicYearsQuery, variables: { schoolId } });
      const years = data?.academicYears ?? [];
      const year = years.find((y) => y.startsOn <= today && today <= y.endsOn) ?? years[0];
      if (!year) {
        return [];
      }
      const classes = await api.query({
        query: SchoolClassesQuery,
        variables: { yearId: year.id },
      });
      return (classes.data?.schoolClasses ?? [])
        .filter((c) => c.classTeacher?.id === viewer.person.id)
        .map((c) => ({
          id: c.id,
          name: c.name,
          gradeLevel: c.gradeLevel,
          schoolId,
          schoolName,
          year,
        }));
    }),
  );
  return perSchool.flat();
}
