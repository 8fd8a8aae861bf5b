import { graphql } from '#lib/graphql/index.ts';
import type { DiaryPeriodsQuery } from '#lib/graphql/graphql.ts';
import { apiFor, diaryFailure } from '../diary.server.ts';
import type { PageServerLoad } from './$types';

const DiaryPeriodsQueryDoc = graphql(`
  query DiaryPeriods($studentId: ID!) {
    diaryPeriods(studentId: $studentId) {
      id
      name
      kind
      startsOn
      endsOn
    }
  }
`);

const DiaryPeriodQuery = graphql(`
  query DiaryPeriod($studentId: ID!, $periodId: ID!) {
    diaryPeriod(studentId: $studentId, periodId: $periodId) {
      period {
        id
        name
        startsOn
        endsOn
      }
      student {
        id
        lastName
        firstName
      }
      subjects {
        subject {
          id
          name
        }
        average
        weightedAverage
        marks {
          id
          date
          value
          weight
          comment
          workType {
            id
            name
          }
        }
        periodMark {
          id
          value
          special
        }
        yearMark {
          id
          value
          special
        }
      }
    }
  }
`);

type Period = DiaryPeriodsQuery['diaryPeriods'][number];

const length = (p: Period) => Date.parse(p.endsOn) - Date.parse(p.startsOn);

/**
 * The period to open when the link names none: the shortest one that contains today (the quarter
 * rather than the half-year or the year), else the last one already begun, else the first.
 */
function defaultPeriod(periods: readonly Period[], today: string): Period | null {
  const current = periods
    .filter((p) => p.startsOn <= today && today <= p.endsOn)
    .sort((a, b) => length(a) - length(b))[0];
  const begun = periods.filter((p) => p.startsOn <= today && p.kind !== 'YEAR').at(-1);
  return current ?? begun ?? periods[0] ?? null;
}

/** `/diary/marks?student=<id>&period=<id>`: marks by subject for a period (R-DRY-1). */
export const load: PageServerLoad = async ({ locals, request, url, parent }) => {
  const { studentId, today } = await parent();
  if (!studentId) {
    return { periods: [], diary: null };
  }
  const api = apiFor(locals, request);
  const requested = url.searchParams.get('period');
  try {
    // With a period in the link both questions go at once; without, the list picks the period.
    const periodsAsked = api.query({ query: DiaryPeriodsQueryDoc, variables: { studentId } });
    const periodAsked = (periodId: string) =>
      api.query({ query: DiaryPeriodQuery, variables: { studentId, periodId } });
    if (requested) {
      const [periods, period] = await Promise.all([periodsAsked, periodAsked(requested)]);
      return { periods: periods.data.diaryPeriods, diary: period.data.diaryPeriod };
    }
    const periods = (await periodsAsked).data.diaryPeriods;
    const chosen = defaultPeriod(periods, today);
    return {
      periods,
      diary: chosen ? (await periodAsked(chosen.id)).data.diaryPeriod : null,
    };
  } catch (thrown) {
    diaryFailure(thrown, locals, 'reading the diary marks');
  }
};
