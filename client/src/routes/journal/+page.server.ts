import { journalApi, loadFailed } from '#lib/components/journal/api.server.ts';
import { todayIso } from '#lib/components/journal/journal.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { PageServerLoad } from './$types';

graphql(`
  fragment JournalPageLink on TeachingAssignment {
    id
    startsOn
    endsOn
    subject {
      id
      name
    }
    schoolClass {
      id
      name
      gradeLevel
      letter
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
`);

const MyJournalPagesQuery = graphql(`
  query MyJournalPages {
    myJournalPages {
      ...JournalPageLink
    }
  }
`);

const SchoolYearsQuery = graphql(`
  query JournalSchoolYears($schoolId: ID!) {
    academicYears(schoolId: $schoolId) {
      id
      name
      startsOn
      endsOn
    }
  }
`);

const SchoolPagesQuery = graphql(`
  query SchoolJournalPages($yearId: ID!) {
    teachingAssignments(yearId: $yearId) {
      ...JournalPageLink
    }
  }
`);

/**
 * A teacher's own pages; the director and deputies (who have this menu item too) also get the
 * school's pages of the current year, to open read-only.
 */
export const load: PageServerLoad = async ({ locals, request }) => {
  const api = journalApi(locals, request);
  const roles = locals.viewer!.roles;
  const teaches = roles.some((r) => r.role === 'TEACHER');
  const administered = [
    ...new Map(
      roles
        .filter((r) => r.role === 'DIRECTOR' || r.role === 'DEPUTY')
        .map((r) => [r.school.id, r.school]),
    ).values(),
  ];
  const today = todayIso();
  try {
    const [mine, schools] = await Promise.all([
      teaches ? api.query({ query: MyJournalPagesQuery }).then((r) => r.data.myJournalPages) : [],
      Promise.all(
        administered.map(async (school) => {
          const { data } = await api.query({
            query: SchoolYearsQuery,
            variables: { schoolId: school.id },
          });
          const year = data.academicYears.find((y) => y.startsOn <= today && today <= y.endsOn);
          const pages = year
            ? (await api.query({ query: SchoolPagesQuery, variables: { yearId: year.id } })).data
                .teachingAssignments
            : [];
          return { school, year: year ?? null, pages };
        }),
      ),
    ]);
    return { teaches, mine, schools };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};
