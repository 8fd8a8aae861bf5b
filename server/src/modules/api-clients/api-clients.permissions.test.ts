import { describe, expect, it } from 'vitest';
import { buildBareSchema } from '../../core/schema.js';
import { API_SCOPES } from './api-clients.permissions.js';

describe('API scopes', () => {
  it('name only root queries that exist, so a renamed field cannot leave a stale grant', async () => {
    const schema = await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } });
    const queries = Object.keys(schema.getQueryType()!.getFields());
    expect(Object.keys(API_SCOPES).filter((field) => !queries.includes(field))).toEqual([]);
  });
});
