import type { EntityManager } from '@mikro-orm/postgresql';
import { sha256 } from '../../auth/tokens.js';
import { Session } from '../../auth/session.entity.js';
import { Viewer } from '../../auth/viewer.js';
import { Person } from '../people/person.entity.js';
import { Role, RoleAssignment } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { ApiClient } from './api-client.entity.js';
import type { ApiScope, ScopedViewer } from './api-scope.js';

/** API tokens start with this, so that they are told from session tokens at a glance and in code. */
export const API_TOKEN_PREFIX = 'cbk_';

export function isApiToken(token: string | null): token is string {
  return Boolean(token?.startsWith(API_TOKEN_PREFIX));
}

/**
 * An API client as a viewer (issue 8). It reads like the administration of its schools — so every
 * existing school-scoped check (journalPageAccess, diaryReach, report scopes) confines it to them
 * and nothing else — but only through the root fields its scopes open (`apiScopeRules` in
 * api-clients.permissions.ts: every mutation and subscription refused, an unmapped field refused),
 * and never sees personal data or sign-in names without CONTACTS (`lacksApiScope`).
 *
 * The person and session below are never persisted; the person id is the client's id, which no
 * person row has, so it teaches, leads and guards nothing.
 */
export class ApiClientViewer extends Viewer implements ScopedViewer {
  readonly apiScopes: ReadonlySet<ApiScope>;

  constructor(
    readonly client: ApiClient,
    schools: School[],
  ) {
    const person = Object.assign(new Person(), {
      id: client.id,
      lastName: client.name,
      firstName: '',
      middleName: null,
    });
    const session = Object.assign(new Session(), {
      id: client.id,
      person,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const roles = schools.map((school) =>
      Object.assign(new RoleAssignment(), { school, person, role: Role.DIRECTOR }),
    );
    super(person, session, roles);
    this.apiScopes = new Set(client.scopes);
  }
}

/** The live (unrevoked) client behind an API token, as a viewer; null for anything else. */
export async function viewerFromApiToken(
  em: EntityManager,
  token: string,
): Promise<ApiClientViewer | null> {
  if (!isApiToken(token) || token.length > 200) {
    return null;
  }
  const client = await em.findOne(ApiClient, { tokenHash: sha256(token), revokedAt: null });
  if (!client) {
    return null;
  }
  const schools = client.schoolIds.map((id) => em.getReference(School, id));
  return new ApiClientViewer(client, schools);
}

/** Whether the viewer is an API client (never the administration, whatever it reads like). */
export function isApiViewerOf(viewer: Viewer | null): viewer is ApiClientViewer {
  return viewer instanceof ApiClientViewer;
}
