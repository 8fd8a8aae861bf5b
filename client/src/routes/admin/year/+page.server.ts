import { messagesFor } from '#lib/i18n/index.ts';
import { graphql } from '#lib/graphql/index.ts';
import type { PeriodKind } from '#lib/graphql/graphql.ts';
import {
  apiFor,
  firstEmpty,
  formAction,
  formValues,
  loadFailed,
  missing,
  optional,
  refused,
  requireAccess,
  yearsOf,
} from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';
import { fail } from '@sveltejs/kit';

const PeriodsQuery = graphql(`
  query AdminReportingPeriods($yearId: ID!) {
    reportingPeriods(yearId: $yearId) {
      id
      kind
      number
      name
      startsOn
      endsOn
      gradeLevels
      closedAt
    }
  }
`);

const CreateYear = graphql(`
  mutation AdminCreateYear($input: CreateAcademicYearInput!) {
    createAcademicYear(input: $input) {
      id
    }
  }
`);

const CreatePeriod = graphql(`
  mutation AdminCreatePeriod($input: CreateReportingPeriodInput!) {
    createReportingPeriod(input: $input) {
      id
    }
  }
`);

const UpdatePeriod = graphql(`
  mutation AdminUpdatePeriod($input: UpdateReportingPeriodInput!) {
    updateReportingPeriod(input: $input) {
      id
    }
  }
`);

const ClosePeriod = graphql(`
  mutation AdminClosePeriod($input: CloseReportingPeriodInput!) {
    closeReportingPeriod(input: $input) {
      id
      closedAt
    }
  }
`);

const ArchivesQuery = graphql(`
  query AdminYearArchives($yearId: ID!) {
    yearArchives(yearId: $yearId) {
      id
      createdAt
      sizeBytes
      sha256
      merkleRoot
      auditChainHead
    }
  }
`);

const CloseYear = graphql(`
  mutation AdminCloseYear($input: CloseAcademicYearInput!) {
    closeAcademicYear(input: $input) {
      id
      closedAt
    }
  }
`);

const ArchiveYear = graphql(`
  mutation AdminArchiveYear($input: ArchiveAcademicYearInput!) {
    archiveAcademicYear(input: $input) {
      id
    }
  }
`);

const PERIOD_KINDS: readonly PeriodKind[] = ['QUARTER', 'TRIMESTER', 'HALF_YEAR', 'YEAR'];

/** «1-11», «5, 6, 7» or «1-4, 9» as grade numbers; null when it is not that. */
function parseGrades(text: string): number[] | null {
  const grades = new Set<number>();
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d{1,2})(?:[-–](\d{1,2}))?$/.exec(part);
    if (!range) {
      return null;
    }
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < 1 || to > 12 || from > to) {
      return null;
    }
    for (let g = from; g <= to; g += 1) {
      grades.add(g);
    }
  }
  return grades.size > 0 ? [...grades].sort((a, b) => a - b) : null;
}

export const load: PageServerLoad = async ({ locals, request, url }) => {
  const scope = requireAccess(locals, (a) => a.readStructure);
  const api = apiFor(locals, request);
  try {
    const { years, year } = await yearsOf(api, scope.schoolId, url);
    const periods = year
      ? (await api.query({ query: PeriodsQuery, variables: { yearId: year.id } })).data
          .reportingPeriods
      : [];
    // R-DATA-2: archives are the administration's (archive.permissions.ts), kept of closed years.
    const archives =
      year?.closedAt && scope.access.writeStructure
        ? (await api.query({ query: ArchivesQuery, variables: { yearId: year.id } })).data
            .yearArchives
        : [];
    return {
      years,
      year,
      archives,
      periods: [...periods].sort((a, b) =>
        a.startsOn === b.startsOn ? a.number - b.number : a.startsOn < b.startsOn ? -1 : 1,
      ),
      periodKinds: PERIOD_KINDS,
    };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  createYear: formAction({
    name: 'createYear',
    allowed: (a) => a.writeStructure,
    required: ['name', 'startsOn', 'endsOn'],
    run: (api, values, scope) =>
      api.mutate({
        mutation: CreateYear,
        variables: {
          input: {
            schoolId: scope.schoolId,
            name: values['name'] ?? '',
            startsOn: values['startsOn'] ?? '',
            endsOn: values['endsOn'] ?? '',
          },
        },
      }),
    notice: (t) => t.year.yearCreated,
  }),

  createPeriod: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.writeStructure);
    const t = messagesFor(locals.locale).admin;
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, [
      'kind',
      'number',
      'name',
      'startsOn',
      'endsOn',
      'gradeLevels',
    ]);
    if (empty) {
      return missing(locals, 'createPeriod', empty, values);
    }
    const gradeLevels = parseGrades(values['gradeLevels'] ?? '');
    if (!gradeLevels) {
      return fail(400, {
        action: 'createPeriod',
        field: 'gradeLevels',
        error: t.year.gradesBad,
        values,
      });
    }
    const kind = PERIOD_KINDS.find((k) => k === values['kind']) ?? 'QUARTER';
    try {
      await apiFor(locals, request).mutate({
        mutation: CreatePeriod,
        variables: {
          input: {
            yearId: values['yearId'] ?? '',
            kind,
            number: Number(values['number']),
            name: values['name'] ?? '',
            startsOn: values['startsOn'] ?? '',
            endsOn: values['endsOn'] ?? '',
            gradeLevels,
          },
        },
      });
    } catch (thrown) {
      return refused(locals, 'createPeriod', thrown, values);
    }
    return { action: 'createPeriod', notice: t.year.periodCreated };
  },

  updatePeriod: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.writeStructure);
    const t = messagesFor(locals.locale).admin;
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['name', 'startsOn', 'endsOn', 'gradeLevels']);
    if (empty) {
      return missing(locals, 'updatePeriod', empty, values);
    }
    const gradeLevels = parseGrades(values['gradeLevels'] ?? '');
    if (!gradeLevels) {
      return fail(400, {
        action: 'updatePeriod',
        field: 'gradeLevels',
        error: t.year.gradesBad,
        values,
      });
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: UpdatePeriod,
        variables: {
          input: {
            periodId: values['_row'] ?? '',
            name: values['name'] ?? '',
            startsOn: values['startsOn'] ?? '',
            endsOn: values['endsOn'] ?? '',
            gradeLevels,
            reason: optional(values['reason']),
          },
        },
      });
    } catch (thrown) {
      return refused(locals, 'updatePeriod', thrown, values);
    }
    return {
      action: 'updatePeriod',
      notice: t.year.periodUpdated,
      values: { _row: values['_row'] ?? '' },
    };
  },

  closePeriod: formAction({
    name: 'closePeriod',
    allowed: (a) => a.writeStructure,
    run: (api, values) =>
      api.mutate({
        mutation: ClosePeriod,
        variables: {
          input: { periodId: values['_row'] ?? '', reason: optional(values['reason']) },
        },
      }),
    notice: (t) => t.year.periodClosed,
    keepRow: true,
  }),

  // R-DATA-2: the year end. The checkbox is the confirmation, so it works without JavaScript.
  closeYear: formAction({
    name: 'closeYear',
    allowed: (a) => a.writeStructure,
    required: ['yearId', 'confirm'],
    run: (api, values) =>
      api.mutate({
        mutation: CloseYear,
        variables: {
          input: { yearId: values['yearId'] ?? '', reason: optional(values['reason']) },
        },
      }),
    notice: (t) => t.year.yearClosed,
  }),

  archiveYear: formAction({
    name: 'archiveYear',
    allowed: (a) => a.writeStructure,
    required: ['yearId'],
    run: (api, values) =>
      api.mutate({
        mutation: ArchiveYear,
        variables: { input: { yearId: values['yearId'] ?? '' } },
      }),
    notice: (t) => t.year.archiveCreated,
  }),
};
