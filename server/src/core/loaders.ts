import DataLoader from 'dataloader';
import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import { withRowScope, type RowScope } from './row-scope.js';

/**
 * Per-operation batching (STYLE: habit 1): every `ManyToOne` a field resolver follows goes through
 * here, so a page of 40 students asks for their people in one `select … where id in (…)`, not 40.
 * Built fresh for each operation; nothing is cached across viewers.
 */
export class Loaders {
  private readonly byEntity = new Map<unknown, DataLoader<string, unknown>>();
  private readonly byRelation = new Map<string, DataLoader<string, unknown>>();
  // Primed rows, answered without a promise: a page's 500 marks each following their work type
  // through DataLoader cost a promise and an async call apiece (issue 9). Same rows as the loaders'.
  private readonly primed = new Map<unknown, Map<string, unknown>>();
  private readonly primedChildren = new Map<string, Map<string, unknown[]>>();

  constructor(
    private readonly em: EntityManager,
    private readonly options: {
      /** Called as each batch's statement is sent (core/live.ts seals a shared work object there). */
      onRead?: () => void;
      /**
       * The row scope of every statement, whoever's load starts the batch (loaders shared by the
       * executions of several people, core/live.ts); without it, the running operation's.
       */
      scope?: RowScope;
    } = {},
  ) {}

  private read<T>(statement: () => Promise<T>): Promise<T> {
    this.options.onRead?.();
    return this.options.scope ? withRowScope(this.options.scope, statement) : statement();
  }

  /** The entity with this id (NOT_FOUND is the caller's business: here a missing row is null). */
  load<T extends object>(cls: EntityClass<T>, id: string): Promise<T | null> {
    return this.loaderFor(cls).load(id) as Promise<T | null>;
  }

  /** Follows a reference (initialised or not) in the current batch; a primed row at once. */
  follow<T extends { id: string }>(
    cls: EntityClass<T>,
    ref: { id: string } | null | undefined,
  ): T | null | Promise<T | null> {
    if (!ref) {
      return null;
    }
    return (this.primed.get(cls)?.get(ref.id) as T | undefined) ?? this.load(cls, ref.id);
  }

  /** Like `follow`, for references the schema guarantees (NOT NULL foreign keys). */
  require<T extends { id: string }>(cls: EntityClass<T>, ref: { id: string }): T | Promise<T> {
    const primed = this.primed.get(cls)?.get(ref.id) as T | undefined;
    if (primed) {
      return primed;
    }
    return this.load(cls, ref.id).then((found) => {
      if (!found) {
        throw new Error(`${cls.name} ${ref.id} is referenced but missing`);
      }
      return found;
    });
  }

  /** Rows of `cls` whose `fk` points at `parentId`, oldest first (one query per batch). */
  children<T extends { id: string; createdAt: Date }>(
    cls: EntityClass<T>,
    fk: string & keyof T,
    parentId: string,
  ): T[] | Promise<T[]> {
    const primed = this.primedChildren.get(`${cls.name}.${fk}`)?.get(parentId) as T[] | undefined;
    return primed ?? this.childLoader(cls, fk).load(parentId);
  }

  private childLoader<T extends { id: string; createdAt: Date }>(
    cls: EntityClass<T>,
    fk: string & keyof T,
  ): DataLoader<string, T[]> {
    const key = `${cls.name}.${fk}`;
    let loader = this.byRelation.get(key) as DataLoader<string, T[]> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T[]>(async (parentIds) => {
        const rows = (await this.read(() =>
          this.em.find(cls, { [fk]: { $in: [...parentIds] } } as never, {
            orderBy: { createdAt: 'asc', id: 'asc' } as never,
          }),
        )) as T[];
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
    let primed = this.primed.get(cls);
    if (!primed) {
      primed = new Map();
      this.primed.set(cls, primed);
    }
    for (const row of rows) {
      // The latest row wins in both (DataLoader's prime alone keeps the first).
      loader.clear(row.id).prime(row.id, row);
      primed.set(row.id, row);
    }
  }

  /** Seeds `children(cls, fk, parentId)` for every parent in `byParent` (missing: none). */
  primeChildren<T extends { id: string; createdAt: Date }>(
    cls: EntityClass<T>,
    fk: string & keyof T,
    byParent: ReadonlyMap<string, T[]>,
  ): void {
    const loader = this.childLoader(cls, fk);
    const key = `${cls.name}.${fk}`;
    let primed = this.primedChildren.get(key);
    if (!primed) {
      primed = new Map();
      this.primedChildren.set(key, primed);
    }
    for (const [parentId, rows] of byParent) {
      loader.clear(parentId).prime(parentId, rows);
      primed.set(parentId, rows);
    }
  }

  private loaderFor(cls: EntityClass<object>): DataLoader<string, unknown> {
    let loader = this.byEntity.get(cls);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (ids) => {
        const rows = (await this.read(() => this.em.find(cls, { id: { $in: [...ids] } }))) as {
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
