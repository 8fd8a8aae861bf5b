import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { sha256 } from '../../auth/tokens.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { Person } from '../people/person.entity.js';
import { ApiClient } from './api-client.entity.js';
import { API_TOKEN_PREFIX, isApiViewerOf } from './api-client.viewer.js';
import { ApiScope } from './api-scope.js';

const MAX_NAME = 200;
const MAX_REASON = 500;
const MAX_SCHOOLS = 50;

const actorOf = (viewer: Viewer): AuditActor => ({
  personId: viewer.personId,
  sessionId: viewer.sessionId,
});

/**
 * The viewer is the administration (director, deputy, administrator) of the school, as for every
 * other administrative setting. Staff of the school who are not get FORBIDDEN; anyone else
 * NOT_FOUND. An API client is never the administration, whatever it reads like.
 */
function requireAdministration(viewer: Viewer, schoolId: string, field: string): void {
  if (!isApiViewerOf(viewer) && viewer.hasRole(schoolId, ...ADMINISTRATION)) {
    return;
  }
  throw viewer.schoolIds().includes(schoolId) && !isApiViewerOf(viewer)
    ? forbidden()
    : notFound(field);
}

/** What the audit trail keeps of a client: everything but the token (not even its hash). */
const snapshot = (c: ApiClient) => ({
  name: c.name,
  schoolIds: c.schoolIds,
  scopes: c.scopes,
  tokenPrefix: c.tokenPrefix,
  revokedAt: c.revokedAt?.toISOString() ?? null,
});

export interface CreatedApiClient {
  client: ApiClient;
  token: string;
}

/** Issue 8: a client for the schools the viewer administers; the token is returned this once. */
export async function createApiClient(
  em: EntityManager,
  viewer: Viewer,
  input: { name: string; schoolIds: string[]; scopes: ApiScope[] },
): Promise<CreatedApiClient> {
  const name = input.name.trim();
  if (!name) {
    throw badInput('name', 'apiClient.nameRequired');
  }
  if (name.length > MAX_NAME) {
    throw badInput('name', 'input.tooLong', { max: MAX_NAME });
  }
  const schoolIds = [...new Set(input.schoolIds.map((id) => requireId(id, 'schoolIds')))];
  if (schoolIds.length === 0 || schoolIds.length > MAX_SCHOOLS) {
    throw badInput('schoolIds', 'apiClient.schoolsRequired');
  }
  for (const id of schoolIds) {
    requireAdministration(viewer, id, 'schoolIds');
  }
  const scopes = [...new Set(input.scopes)].sort();
  if (scopes.length === 0) {
    throw badInput('scopes', 'apiClient.scopesRequired');
  }
  // 256 random bits, like a session token, behind a prefix that tells it from one.
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return em.transactional(async (tx) => {
    const client = tx.create(ApiClient, {
      name,
      schoolIds,
      scopes,
      tokenHash: sha256(token),
      tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdBy: tx.getReference(Person, viewer.personId),
    });
    tx.persist(client);
    // One event per school: each school's trail (and hash chain) shows who may read it.
    for (const schoolId of schoolIds) {
      recordAudit(tx, actorOf(viewer), {
        schoolId,
        entityType: 'ApiClient',
        entityId: client.id,
        action: 'createApiClient',
        before: null,
        after: snapshot(client),
      });
    }
    await tx.flush();
    return { client, token };
  });
}

/**
 * Issue 8: ends a client's access at once (its next request is UNAUTHENTICATED). The
 * administration of any one of its schools may revoke it: stopping a leaked token must not wait
 * for another school.
 */
export async function revokeApiClient(
  em: EntityManager,
  viewer: Viewer,
  input: { id: string; reason: string },
): Promise<ApiClient> {
  const id = requireId(input.id, 'id');
  const reason = input.reason.trim();
  if (!reason) {
    throw badInput('reason', 'apiClient.reasonRequired');
  }
  if (reason.length > MAX_REASON) {
    throw badInput('reason', 'input.tooLong', { max: MAX_REASON });
  }
  return em.transactional(async (tx) => {
    const client = await tx.findOne(ApiClient, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const administered = (client?.schoolIds ?? []).filter(
      (s) => !isApiViewerOf(viewer) && viewer.hasRole(s, ...ADMINISTRATION),
    );
    if (!client || administered.length === 0) {
      const seen = client?.schoolIds.some((s) => viewer.schoolIds().includes(s));
      throw seen && !isApiViewerOf(viewer) ? forbidden() : notFound('id');
    }
    if (client.revokedAt) {
      throw badInput('id', 'apiClient.alreadyRevoked');
    }
    const before = snapshot(client);
    client.revokedAt = new Date();
    client.revokeReason = reason;
    for (const schoolId of client.schoolIds) {
      recordAudit(tx, actorOf(viewer), {
        schoolId,
        entityType: 'ApiClient',
        entityId: client.id,
        action: 'revokeApiClient',
        before,
        after: snapshot(client),
        reason,
      });
    }
    await tx.flush();
    return client;
  });
}

/** Issue 8: the school's API clients, newest first, revoked ones included (with when and why). */
export async function apiClients(
  em: EntityManager,
  viewer: Viewer,
  schoolIdInput: string,
): Promise<ApiClient[]> {
  const schoolId = requireId(schoolIdInput, 'schoolId');
  requireAdministration(viewer, schoolId, 'schoolId');
  const rows = await em.execute<{ id: string }[]>(
    `select id from api_client where school_ids && ?::uuid[] order by created_at desc, id`,
    [uuidArray([schoolId])],
  );
  const clients = await em.find(ApiClient, { id: { $in: rows.map((r) => r.id) } });
  const byId = new Map(clients.map((c) => [c.id, c]));
  return rows.map((r) => byId.get(r.id)!);
}

/**
 * Counts one request in its minute's row and moves `lastUsedAt` when it is a minute old: one
 * statement, so a tool paging fast costs the database one small upsert per request.
 */
export async function recordApiRequest(
  em: EntityManager,
  clientId: string,
  request: { fields: string[]; operationName: string | null; ip: string | null },
): Promise<void> {
  await em.execute(
    `with touched as (
       update api_client set last_used_at = now()
        where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
     )
     insert into api_request (id, client_id, minute, fields, operation_name, ip, count)
     values (gen_random_uuid(), ?, date_trunc('minute', now()), ?, ?, ?, 1)
     on conflict (client_id, minute, fields, operation_name, ip)
     do update set count = api_request.count + 1`,
    [
      clientId,
      clientId,
      [...new Set(request.fields)].sort().join(',').slice(0, 1000),
      (request.operationName ?? '').slice(0, 200),
      request.ip ?? '',
    ],
  );
}
