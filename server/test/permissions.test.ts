import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergePermissions, permissionMaps } from '../src/auth/permissions.js';
import { buildBareSchema } from '../src/core/schema.js';

const isFieldMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

describe('permission map', () => {
  it('declares a rule for every field of every object type, so nothing is reachable by accident', async () => {
    const schema = await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } });
    const merged = mergePermissions(permissionMaps);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) {
        continue;
      }
      const rules = merged[type.name];
      if (rules === undefined) {
        missing.push(type.name);
        continue;
      }
      if (isFieldMap(rules)) {
        for (const field of Object.keys(type.getFields())) {
          if (!(field in rules) && !('*' in rules)) {
            missing.push(`${type.name}.${field}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('names no type or field the schema does not have', async () => {
    const schema = await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } });
    const stale: string[] = [];
    for (const [typeName, rules] of Object.entries(mergePermissions(permissionMaps))) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      if (isFieldMap(rules)) {
        const fields = type.getFields();
        stale.push(
          ...Object.keys(rules)
            .filter((f) => f !== '*' && !(f in fields))
            .map((f) => `${typeName}.${f}`),
        );
      }
    }
    expect(stale).toEqual([]);
  });

  it('refuses a field declared by two modules', () => {
    expect(() =>
      mergePermissions([{ Query: { me: {} as never } }, { Query: { me: {} as never } }]),
    ).toThrow(/declared twice/);
  });
});
