import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  newRowScope,
  rowScopeOnReserve,
  scopeFreeStatement,
  withRowScope,
  type RowScope,
} from './row-scope.js';

/** A pooled connection that records the scope statements it is given. */
function fakeConnection() {
  const given: unknown[][] = [];
  const connection: DatabaseConnection = {
    executeQuery: <R>(q: CompiledQuery): Promise<QueryResult<R>> => {
      given.push([...q.parameters]);
      return Promise.resolve({ rows: [] });
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  return { connection, given };
}

const scopeOf = (schoolIds: string[], personId: string): RowScope => ({ schoolIds, personId });

describe('row scope on reserved connections (issue 9: the viewer statement sets it)', () => {
  it('a connection the viewer statement left scoped is not scoped again for the same scope', async () => {
    const reserve = rowScopeOnReserve();
    const { connection, given } = fakeConnection();
    const scope = newRowScope();
    await withRowScope(scope, () =>
      scopeFreeStatement(
        async () => {
          await reserve(connection);
          return 'row';
        },
        () => ({ schoolIds: '{s1}', personId: 'p1' }),
      ),
    );
    scope.schoolIds = ['s1'];
    scope.personId = 'p1';
    await withRowScope(scope, () => reserve(connection));
    expect(given).toEqual([]);
    // Another scope on that connection is set.
    await withRowScope(scopeOf(['s2'], 'p2'), () => reserve(connection));
    expect(given).toEqual([['{s2}', 'p2']]);
  });

  it('what the viewer statement set is forgotten if another operation reserved the connection in between', async () => {
    const reserve = rowScopeOnReserve();
    const { connection, given } = fakeConnection();
    const first = newRowScope();
    await withRowScope(first, () =>
      scopeFreeStatement(
        async () => {
          await reserve(connection);
          // Another operation takes the connection (and scopes it) before this one records.
          await withRowScope(scopeOf(['s2'], 'p2'), () => reserve(connection));
          return 'row';
        },
        () => ({ schoolIds: '{s1}', personId: 'p1' }),
      ),
    );
    expect(given).toEqual([['{s2}', 'p2']]);
    first.schoolIds = ['s1'];
    first.personId = 'p1';
    await withRowScope(first, () => reserve(connection));
    // Not skipped: the connection carries s2's scope, whatever the viewer statement had set.
    expect(given).toEqual([
      ['{s2}', 'p2'],
      ['{s1}', 'p1'],
    ]);
  });

  it('a scope-free statement that says nothing it set leaves its connection to be scoped again', async () => {
    const reserve = rowScopeOnReserve();
    const { connection, given } = fakeConnection();
    const scope = scopeOf(['s1'], 'p1');
    await withRowScope(scope, () => reserve(connection));
    await withRowScope(scope, () =>
      scopeFreeStatement(async () => {
        await reserve(connection);
      }),
    );
    await withRowScope(scope, () => reserve(connection));
    expect(given).toEqual([
      ['{s1}', 'p1'],
      ['{s1}', 'p1'],
    ]);
    // A failed statement records nothing either.
    await expect(
      withRowScope(scope, () =>
        scopeFreeStatement(
          async () => {
            await reserve(connection);
            throw new Error('statement failed');
          },
          () => ({ schoolIds: '{s1}', personId: 'p1' }),
        ),
      ),
    ).rejects.toThrow('statement failed');
    await withRowScope(scope, () => reserve(connection));
    expect(given).toHaveLength(3);
  });
});
