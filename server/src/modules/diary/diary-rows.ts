import type { EntityClass, EntityDictionary, EntityManager } from '@mikro-orm/postgresql';

/**
 * The diary reads everything a response shows in one statement, as JSON built by PostgreSQL
 * (`to_jsonb` of each row: column names and JSON values). The few rows the schema exposes as
 * entity types (a subject, a teacher, homework…) become entities here without another query; the
 * bulk of the week (slots, changes, lessons, marks) stays plain rows.
 */
export function entitiesOf<T extends object>(
  em: EntityManager,
  cls: EntityClass<T>,
  rows: readonly Record<string, unknown>[] | null,
): T[] {
  return (rows ?? []).map((row) => em.map(cls, row as EntityDictionary<T>));
}

export const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item) => [item.id, item]));

/** A person's row (`alias`) as JSON, without the password hash. */
export const personJson = (alias: string) => `to_jsonb(${alias}) - 'password_hash'`;

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) {
      group.push(item);
    } else {
      groups.set(k, [item]);
    }
  }
  return groups;
}
