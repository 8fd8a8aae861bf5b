import { CombinedGraphQLErrors } from '@apollo/client/core';
import { fail } from '@sveltejs/kit';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import {
  apiFor,
  formValues,
  loadFailed,
  missing,
  optional,
  refused,
  requireAccess,
} from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

// Compromised accounts (R-AUTH-3): report for a person of the school, see what their account did
// between the leak and the report, and void all or some of it with a reason.

const ReportsQuery = graphql(`
  query AdminCompromiseReports($schoolId: ID) {
    compromiseReports {
      id
      since
      reportedAt
      note
      sessionsRevoked
      person {
        id
        lastName
        firstName
        middleName
      }
      reportedBy {
        id
        lastName
        firstName
        middleName
      }
    }
    staff(schoolId: $schoolId) {
      person {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

const DisputedQuery = graphql(`
  query AdminDisputedOperations($reportId: ID!) {
    disputedOperations(reportId: $reportId) {
      id
      occurredAt
      entityType
      entityId
      action
      before
      after
      reason
      voidable
      ipAddress
      userAgent
      lessonDate
      student {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

const ReportCompromise = graphql(`
  mutation AdminReportCompromise($input: ReportCompromiseInput!) {
    reportCompromise(input: $input) {
      id
      sessionsRevoked
    }
  }
`);

const VoidOperations = graphql(`
  mutation AdminVoidOperations($input: VoidOperationsInput!) {
    voidOperations(input: $input) {
      voided
    }
  }
`);

export const load: PageServerLoad = async ({ locals, request, url }) => {
  const scope = requireAccess(locals, (a) => a.handleCompromise);
  const api = apiFor(locals, request);
  try {
    const { data } = await api.query({
      query: ReportsQuery,
      variables: { schoolId: scope.schoolId },
    });
    const reportId = url.searchParams.get('report');
    const report = data.compromiseReports.find((r) => r.id === reportId) ?? null;
    const disputed = report
      ? (await api.query({ query: DisputedQuery, variables: { reportId: report.id } })).data
          .disputedOperations
      : [];
    const people = [...new Map(data.staff.map((m) => [m.person.id, m.person])).values()].sort(
      (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
    );
    return { reports: data.compromiseReports, report, disputed, people };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

/**
 * The instant typed into a datetime-local field. The page's script sends it as an ISO instant in
 * the browser's time zone (`since`); without the script it is read as UTC.
 */
function sinceOf(local: string | undefined): string {
  const at = local ? new Date(`${local}Z`) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : '';
}

/** The conflicts a refused void lists (extensions.conflicts), to mark those rows. */
function conflictsOf(thrown: unknown): { operationId: string; problem: string }[] {
  if (!CombinedGraphQLErrors.is(thrown)) {
    return [];
  }
  const listed = thrown.errors[0]?.extensions?.['conflicts'];
  return Array.isArray(listed) ? (listed as { operationId: string; problem: string }[]) : [];
}

export const actions: Actions = {
  reportCompromise: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.handleCompromise);
    const values = formValues(await request.formData());
    values['since'] = values['since'] || sinceOf(values['sinceLocal']);
    for (const field of ['personId', 'since']) {
      if (!values[field]) {
        return missing(locals, 'reportCompromise', field, values);
      }
    }
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: ReportCompromise,
        variables: {
          input: {
            personId: values['personId'] ?? '',
            since: values['since'] ?? '',
            note: optional(values['note']),
          },
        },
      });
      const count = data?.reportCompromise.sessionsRevoked ?? 0;
      return {
        action: 'reportCompromise',
        notice: messagesFor(locals.locale).compromise.reported.replace('{count}', String(count)),
        reportId: data?.reportCompromise.id ?? null,
      };
    } catch (thrown) {
      return refused(locals, 'reportCompromise', thrown, values);
    }
  },

  voidOperations: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.handleCompromise);
    const form = await request.formData();
    const values = formValues(form);
    const operationIds = form
      .getAll('operationIds')
      .filter((v): v is string => typeof v === 'string');
    if (!values['reason']) {
      return missing(locals, 'voidOperations', 'reason', values);
    }
    if (operationIds.length === 0) {
      return missing(locals, 'voidOperations', 'operationIds', values);
    }
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: VoidOperations,
        variables: {
          input: { reportId: values['reportId'] ?? '', operationIds, reason: values['reason'] },
        },
      });
      return {
        action: 'voidOperations',
        notice: messagesFor(locals.locale).compromise.voided.replace(
          '{count}',
          String(data?.voidOperations.voided ?? 0),
        ),
      };
    } catch (thrown) {
      const failure = refused(locals, 'voidOperations', thrown, values);
      return fail(failure.status, { ...failure.data, conflicts: conflictsOf(thrown) });
    }
  },
};
