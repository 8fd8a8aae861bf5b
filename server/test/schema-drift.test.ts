import { readFileSync } from 'node:fs';
import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/core/config.js';
import { buildBareSchema, printSdl } from '../src/core/schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the server builds (run `pnpm schema:emit` after changing the API)', async () => {
    const committed = readFileSync(resolve(repoRoot, 'schema/schema.graphql'), 'utf8');
    const built = printSdl(
      await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } }),
    );
    expect(built).toBe(committed);
  });

  it('documents every type and field (it is the API reference)', async () => {
    const schema = await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } });
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)
      ) {
        continue;
      }
      if (!type.description) {
        undocumented.push(type.name);
      }
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const fields = Object.values(type.getFields()) as {
          name: string;
          description?: string | null;
        }[];
        for (const field of fields) {
          if (!field.description) {
            undocumented.push(`${type.name}.${field.name}`);
          }
        }
      }
    }
    // Root operation types are containers; their fields carry the documentation.
    expect(undocumented.filter((n) => !['Query', 'Mutation', 'Subscription'].includes(n))).toEqual(
      [],
    );
  });
});
