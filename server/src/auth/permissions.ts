import { deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { Context } from '../core/context.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import { auditPermissions } from '../modules/audit/audit.permissions.js';
import { controlPermissions } from '../modules/control/index.js';
import { diaryPermissions } from '../modules/diary/index.js';
import { journalPermissions } from '../modules/journal/journal.permissions.js';
import { messagesPermissions } from '../modules/messages/messages.permissions.js';
import { peopleImportPermissions } from '../modules/people/people-import.permissions.js';
import { staffPermissions } from '../modules/people/staff.permissions.js';
import { peoplePermissions } from '../modules/people/people.permissions.js';
import { reportsPermissions } from '../modules/reports/index.js';
import { timetablePermissions } from '../modules/timetable/index.js';
import { yearPermissions } from '../modules/year/index.js';
import { archivePermissions } from '../modules/archive/index.js';
import { authPermissions } from './auth.permissions.js';
import { apiClientsPermissions, withApiScopes } from '../modules/api-clients/index.js';

export type PermissionMap = Record<string, IRules>;

/** Every module's field → rule map, merged. A type or field not listed here is denied. */
export const permissionMaps: PermissionMap[] = [
  authPermissions,
  auditPermissions,
  messagesPermissions,
  journalPermissions,
  diaryPermissions,
  yearPermissions,
  archivePermissions,
  peopleImportPermissions,
  staffPermissions,
  peoplePermissions,
  timetablePermissions,
  controlPermissions,
  reportsPermissions,
  apiClientsPermissions,
];

const isFieldMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Modules may share a root type (Query, Mutation) but never declare the same field twice. */
export function mergePermissions(maps: PermissionMap[]): PermissionMap {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, rules] of Object.entries(map)) {
      const existing = merged[type];
      if (existing === undefined) {
        merged[type] = isFieldMap(rules) ? { ...rules } : rules;
        continue;
      }
      if (!isFieldMap(existing) || !isFieldMap(rules)) {
        throw new Error(`Permissions for ${type} are declared twice`);
      }
      for (const [field, rule] of Object.entries(rules)) {
        if (field in existing) {
          throw new Error(`Permission for ${type}.${field} is declared twice`);
        }
        existing[field] = rule;
      }
    }
  }
  return merged as PermissionMap;
}

export function buildPermissions() {
  // API clients (issue 8): every root field behind their scope gate; see api-clients.permissions.
  return shield<unknown, Context>(withApiScopes(mergePermissions(permissionMaps)) as never, {
    fallbackRule: deny,
    // Resolver errors are ours (DomainError or logged internals); let them through to formatError.
    allowExternalErrors: true,
    fallbackError: () => new DomainError(ErrorCode.FORBIDDEN, 'error.forbidden'),
  });
}
