import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, type DatabaseConnection } from 'kysely';
import type { Viewer } from '../auth/viewer.js';

/**
 * Whose rows an operation may touch, as PostgreSQL's row-level security sees it (migration
 * `row_security`): the viewer's schools and person. One scope per operation (HTTP request,
 * document, subscription), carried by AsyncLocalStorage so that every statement of the operation —
 * ORM queries and raw `getConnection().execute` alike — runs under it without being handed it.
 * Mutable: it starts empty (anonymous: no school rows) and is filled once the viewer is known.
 */
export interface RowScope {
  schoolIds: readonly string[];
  personId: string | null;
  /** Set by `scopeFreeStatement` for its one statement only (see there). */
  scopeFree?: boolean;
  /**
   * Given by the reservation of a scope-free statement: records the settings that statement left
   * on its connection (see `scopeFreeStatement`).
   */
  settle?: (settings: ScopeSettings) => void;
}

/** The values of the two scope settings, as `set_config` was given them. */
export interface ScopeSettings {
  schoolIds: string;
  personId: string;
}

const storage = new AsyncLocalStorage<RowScope>();

export function newRowScope(): RowScope {
  return { schoolIds: [], personId: null };
}

/** Runs `fn` (and everything it awaits) under `scope`. */
export function withRowScope<T>(scope: RowScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the running operation, if any (none: background work, health checks). */
export function currentRowScope(): RowScope | undefined {
  return storage.getStore();
}

/**
 * The schools a viewer's rows may come from: every school where the viewer holds a role (a parent
 * whose children are in two schools gets both). The one place that decides it, so that another
 * kind of viewer (API clients: their granted schools) plugs in here.
 */
export function viewerSchoolIds(viewer: Viewer | null): string[] {
  return viewer ? viewer.schoolIds() : [];
}

/** Fills the running operation's scope for `viewer` (nothing to do outside an operation). */
export function scopeToViewer(viewer: Viewer | null, scope = currentRowScope()): void {
  if (!scope) {
    return;
  }
  scope.schoolIds = viewerSchoolIds(viewer);
  scope.personId = viewer?.personId ?? null;
}

/**
 * While a session is being resolved: its person may read their own role assignments (the policy's
 * `person_id` clause), before their schools are known.
 */
export function scopeToPerson(personId: string): void {
  const scope = currentRowScope();
  if (scope) {
    scope.personId = personId;
  }
}

/**
 * Runs `statement`, which must be ONE statement that reads nothing under row security and clears
 * the connection's scope settings itself — `row_security.session_viewer` (auth/viewer.ts), which
 * resolves the operation's viewer before its scope is known. Its connection is not given the
 * operation's (still empty) scope first, which saves a statement per request; the connection is
 * marked unknown, so the next statement on it is given the scope again. Only the first reservation
 * inside `statement` is spared: anything after it is scoped as usual.
 *
 * A statement that also sets the settings again, after clearing them, returns what it set as
 * `settings`: the connection is then known to carry them, and the operation's next statement on
 * it skips the scope statement when they are what its scope would set (issue 9: one statement
 * less per request). Recorded only if nothing else reserved that connection in between.
 */
export async function scopeFreeStatement<T>(
  statement: () => Promise<T>,
  settings?: (result: T) => ScopeSettings | null,
): Promise<T> {
  const scope = currentRowScope();
  if (scope) {
    scope.scopeFree = true;
  }
  try {
    const result = await statement();
    const left = scope?.settle && settings ? settings(result) : null;
    if (left) {
      scope!.settle!(left);
    }
    return result;
  } finally {
    if (scope) {
      scope.scopeFree = false;
      scope.settle = undefined;
    }
  }
}

const SET_SCOPE = `select set_config('classbook.school_ids', $1, false), set_config('classbook.person_id', $2, false)`;

/**
 * Kysely's `onReserveConnection` for the application's pool: before a statement (or a transaction)
 * gets a pooled connection, the connection is given the running operation's scope — or none. The
 * settings are session-level, so each physical connection remembers what it was last given and the
 * statement is skipped when nothing changed (a request's statements mostly reuse one connection).
 * Every reservation sets or confirms the value, so nothing leaks from one operation to the next.
 */
export function rowScopeOnReserve(onSet?: (sql: string) => void) {
  // What each connection was last given (a key as below), or the pending marker of a scope-free
  // statement on it: no key ever equals a marker, so a marked connection is scoped before use.
  const given = new WeakMap<DatabaseConnection, string | object>();
  const keyOf = (schools: string, person: string) => `${schools}|${person}`;
  // MikroORM types the hook's argument as unknown; Kysely's Postgres dialect passes its connection.
  return async (reserved: unknown): Promise<void> => {
    const connection = reserved as DatabaseConnection;
    const scope = currentRowScope();
    if (scope?.scopeFree) {
      // The statement clears the settings itself (scopeFreeStatement): set them again next time,
      // unless it says what it set and no other reservation of this connection came in between
      // (any other replaces the marker before it runs anything).
      scope.scopeFree = false;
      const marker = {};
      given.set(connection, marker);
      scope.settle = (left) => {
        if (given.get(connection) === marker) {
          given.set(connection, keyOf(left.schoolIds, left.personId));
        }
      };
      return;
    }
    const schools = `{${(scope?.schoolIds ?? []).join(',')}}`;
    const person = scope?.personId ?? '';
    const key = keyOf(schools, person);
    if (given.get(connection) === key) {
      return;
    }
    // Forgotten first: if the statement fails, the next reservation sets it again.
    given.delete(connection);
    await connection.executeQuery(CompiledQuery.raw(SET_SCOPE, [schools, person]));
    given.set(connection, key);
    onSet?.(SET_SCOPE);
  };
}
