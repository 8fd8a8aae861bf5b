import type { ApiScope } from '#lib/graphql/graphql.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import {
  apiFor,
  firstEmpty,
  formValues,
  loadFailed,
  missing,
  refused,
  requireAccess,
} from '../admin.server.ts';
import type { Actions, PageServerLoad } from './$types';

const ApiClientsQuery = graphql(`
  query AdminApiClients($schoolId: ID!) {
    apiClients(schoolId: $schoolId) {
      id
      name
      scopes
      tokenPrefix
      createdAt
      lastUsedAt
      revokedAt
      revokeReason
      createdBy {
        id
        lastName
        firstName
        middleName
      }
    }
  }
`);

const CreateApiClient = graphql(`
  mutation AdminCreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      token
      client {
        id
        name
      }
    }
  }
`);

const RevokeApiClient = graphql(`
  mutation AdminRevokeApiClient($input: RevokeApiClientInput!) {
    revokeApiClient(input: $input) {
      id
      revokedAt
    }
  }
`);

/** The scopes offered, the everyday ones first; contacts and messages need a deliberate tick. */
const SCOPES: readonly ApiScope[] = [
  'MARKS',
  'ATTENDANCE',
  'REPORTS',
  'STRUCTURE',
  'CONTACTS',
  'MESSAGES',
];
const scopeOf = (value: unknown) => SCOPES.find((s) => s === value) ?? null;

export const load: PageServerLoad = async ({ locals, request }) => {
  const scope = requireAccess(locals, (a) => a.manageApiClients);
  try {
    const { data } = await apiFor(locals, request).query({
      query: ApiClientsQuery,
      variables: { schoolId: scope.schoolId },
    });
    return { clients: data.apiClients, scopes: SCOPES, schoolId: scope.schoolId };
  } catch (thrown) {
    loadFailed(locals, thrown);
  }
};

export const actions: Actions = {
  createApiClient: async ({ locals, request }) => {
    const scope = requireAccess(locals, (a) => a.manageApiClients);
    const form = await request.formData();
    const values = formValues(form);
    const scopes = form
      .getAll('scopes')
      .map(scopeOf)
      .filter((s): s is ApiScope => s !== null);
    const empty = firstEmpty(values, ['name']) ?? (scopes.length ? null : 'scopes');
    if (empty) {
      return missing(locals, 'createApiClient', empty, values);
    }
    try {
      const { data } = await apiFor(locals, request).mutate({
        mutation: CreateApiClient,
        variables: {
          input: { name: values['name'] ?? '', schoolIds: [scope.schoolId], scopes },
        },
      });
      // The token travels in this one answer only: the API keeps its hash, and so reloading the
      // page (or any later visit) can never show it again.
      return { action: 'createApiClient', created: data.createApiClient };
    } catch (thrown) {
      return refused(locals, 'createApiClient', thrown, values);
    }
  },

  revokeApiClient: async ({ locals, request }) => {
    requireAccess(locals, (a) => a.manageApiClients);
    const values = formValues(await request.formData());
    const empty = firstEmpty(values, ['reason']);
    if (empty) {
      return missing(locals, 'revokeApiClient', empty, values);
    }
    try {
      await apiFor(locals, request).mutate({
        mutation: RevokeApiClient,
        variables: { input: { id: values['_row'] ?? '', reason: values['reason'] ?? '' } },
      });
    } catch (thrown) {
      return refused(locals, 'revokeApiClient', thrown, values);
    }
    return {
      action: 'revokeApiClient',
      notice: messagesFor(locals.locale).apiClients.revoked,
      values: { _row: values['_row'] ?? '' },
    };
  },
};
