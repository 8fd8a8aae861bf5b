import DataLoader from 'dataloader';
import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';

/**
 * Per-operation batching (STYLE: habit 1): every `ManyToOne` a field resolver follows goes through
 * here, so a page of 40 students asks for their people in one `select … where id in (…)`, not 40.
 * Built fresh for each operation; nothing is cached across viewers.
 */
export class Loaders {
  private readonly byEntity = new Map<unknown, DataLoader<string, unknown>>();
  private readonly byRelation = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  /** The entity with this id (NOT_FOUND is the caller's business: here a missing row is null). */
  load<T extends object>(cls: EntityClass<T>, id: string): Promise<T | null> {
    return this.loaderFor(cls).load(id) as Promise<T | null>;
  }

  /** Follows a reference (initialised or not) in the current batch. */
  async follow<T extends { id: string }>(
    cls: EntityClass<T>,
    ref: { id: string } | null | undefined,
  ): Promise<T | null> {
    return ref ? this.load(cls, ref.id) : null;
  }

  /** Like `follow`, for references the schema guarantees (NOT NULL foreign keys). */
  async require<T extends { id: string }>(cls: EntityClass<T>, ref: { id: string }): Promise<T> {
    const found = await this.load(cls, ref.id);
    if (!found) {
      throw new Error(`${cls.name} ${ref.id} is referenced but missing`);
    }
    return found;
  }

  /** Rows of `cls` whose `fk` points at `parentId`, oldest first (one query per batch). */
  children<T extends { id: string; createdAt: Date }>(
    cls: EntityClass<T>,
    fk: string & keyof T,
    parentId: string,
  ): Promise<T[]> {
    return this.childLoader(cls, fk).load(parentId);
  }

  private childLoader<T extends { id: string; createdAt: Date }>(
    cls: EntityClass<T>,
    fk: string & keyof T,
  ): DataLoader<string, T[]> {
    const key = `${cls.name}.${fk}`;
    let loader = this.byRelation.get(key) as DataLoader<string, T[]> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T[]>(async (parentIds) => {
        const rows = (await this.em.find(cls, { [fk]: { $in: [...parentIds] } } as never, {
          orderBy: { createdAt: 'asc', id: 'asc' } as never,
        })) as T[];
        const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) {
          const parent = (row[fk] as { id: string }).id;
          grouped.get(parent)?.push(row);
        }
        return parentIds.map((id) => grouped.get(id) ?? []);
      });
      this.byRelation.set(key, loader);
    }
    return loader;
  }

  /**
   * Seeds the batch with rows the caller read itself (a page read in one statement), so field
   * resolvers that follow them issue no statement. `rows` need only the fields and references the
   * schema's resolvers read: plain rows, not managed entities, are fine for read-only operations.
   */
  prime<T extends { id: string }>(cls: EntityClass<T>, rows: Iterable<T>): void {
    const loader = this.loaderFor(cls);
    for (const row of rows) {
      loader.prime(row.id, row);
    }
  }

  /** Seeds `children(cls, fk, parentId)` for every parent in `byParent` (missing: none). */
  primeChildren<T extends { id: string; createdAt: Date }>(
    cls: EntityClass<T>,
    fk: string & keyof T,
    byParent: ReadonlyMap<string, T[]>,
  ): void {
    const loader = this.childLoader(cls, fk);
    for (const [parentId, rows] of byParent) {
      loader.prime(parentId, rows);
    }
  }

  private loaderFor(cls: EntityClass<object>): DataLoader<string, unknown> {
    let loader = this.byEntity.get(cls);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (ids) => {
        const rows = (await this.em.find(cls, { id: { $in: [...ids] } })) as {
          id: string;
        }[];
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.byEntity.set(cls, loader);
    }
    return loader;
  }
}
