import { filter, pipe } from '@graphql-yoga/subscription';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  execute,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { LiveAccess } from '../auth/access.js';
import {
  viewerFromRow,
  viewerFromSessionId,
  viewerRowsBySessionIds,
  type Viewer,
  type ViewerRow,
} from '../auth/viewer.js';
import type { Context } from './context.js';
import type { LiveExecutor } from './jit-executor.js';
import { Loaders } from './loaders.js';
import type { Logger } from './logger.js';
import type { Wanted } from './pubsub.js';
import { scopeToViewer, viewerSchoolIds, withRowScope, type RowScope } from './row-scope.js';

/** The close code of a socket whose session has ended (revoked, expired): sign in again. */
export const SESSION_ENDED = 4401;

/**
 * The viewer of a session as it is now: null once the session is revoked or expired. Roles are
 * read again, so a revoked role stops counting at the next event. Two indexed queries.
 */
export async function reloadViewer(
  orm: MikroORM,
  sessionId: string,
  now = new Date(),
): Promise<{ viewer: Viewer; em: ReturnType<MikroORM['em']['fork']> } | null> {
  const em = orm.em.fork();
  const viewer = await viewerFromSessionId(em, sessionId, now);
  return viewer ? { viewer, em } : null;
}

/**
 * Makes a subscription's context renewable per event (STYLE: one context per operation; STACK:
 * fork per subscription event). `context.renew()` checks the session (not revoked, not expired),
 * reloads the viewer's roles, and gives the context the new viewer, a new EntityManager fork and
 * new loaders. A dead session ends the socket with 4401, even when the revocation event itself was
 * lost (Redis down).
 */
export function renewable(orm: MikroORM, context: Context, endSession: () => void): Context {
  const sessionId = context.viewer?.sessionId;
  if (!sessionId) {
    return context;
  }
  context.renew = async () => {
    const fresh = await reloadViewer(orm, sessionId);
    if (!fresh) {
      endSession();
      return false;
    }
    applyViewer(context, fresh);
    return true;
  };
  return context;
}

function applyViewer(
  context: Context,
  fresh: NonNullable<Awaited<ReturnType<typeof reloadViewer>>>,
) {
  context.viewer = fresh.viewer;
  // The rest of this event runs with the schools of the viewer's roles as they are now.
  scopeToViewer(fresh.viewer, context.rowScope);
  context.em = fresh.em;
  context.loaders = new Loaders(fresh.em);
}

/**
 * The events of `topic` this subscriber may receive. For every event: the cheap `wanted` match
 * first, in the bus (an index lookup where it names a property: most events are for someone else
 * and are never queued), then the context is renewed (session and roles as they are now), then
 * `mayRead` decides with that fresh viewer. Resolvers read the viewer from here, never one captured at subscribe time, so a revoked
 * role or session stops delivery at once.
 */
export function liveEvents<T>(
  context: Context,
  topic: string,
  wanted: Wanted<T>,
  mayRead: LiveCheck<T>,
): AsyncIterable<T> {
  return liveFilter(context, context.bus.subscribe<T>(topic, wanted), mayRead);
}

/**
 * A subscriber's per-event access decision, with their viewer as it is now, the event's batched
 * access checks (auth/access.ts `LiveAccess`) and, for a check's own reads, the EntityManager of
 * this event (`em()`, forked on first call: most checks read through `access` only; its statements
 * run under the person's row scope as it is now). It must read these only, never the context
 * captured at subscribe time: in a live group it runs once per person and event, the events of a
 * group possibly prepared at the same time.
 */
export type LiveCheck<T> = (
  event: T,
  viewer: Viewer,
  access: LiveAccess,
  em: () => EntityManager,
) => boolean | Promise<boolean>;

/**
 * `liveEvents` over any source of events already matched by the bus (several topics: the bus's
 * `subscribeMany`, each topic with its own `wanted`).
 */
export function liveFilter<T>(
  context: Context,
  source: AsyncIterable<T>,
  mayRead: LiveCheck<T>,
  /** The bus's event behind an item (when the source wraps it), for the event's school. */
  published?: (item: T) => object,
): AsyncIterable<T> {
  if (context.shareLive) {
    // A live group (LiveGroups) applies the check to each person per event itself.
    context.shareLive({ check: mayRead as LiveCheck<unknown>, published } as LiveRule);
    return source;
  }
  return pipe(
    source,
    filter(async (event: T) => {
      if (context.renew && !(await context.renew())) {
        return false;
      }
      return context.viewer
        ? mayRead(event, context.viewer, new LiveAccess(context.em), () => context.em)
        : false;
    }),
  );
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `end` when the session expires (timers longer than ~24 days are chained). */
export function atExpiry(expiresAt: Date, end: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = expiresAt.getTime() - Date.now();
    if (left <= 0) {
      end();
      return;
    }
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

/** What a subscription's resolver hands its live group: the per-event check (see `liveFilter`). */
export interface LiveRule {
  check: LiveCheck<unknown>;
  published?: (item: unknown) => object;
}

/**
 * Whether every field the operation selects is one whose value does not depend on who reads it,
 * only on whether they may read the event (`fields`: `Type.field` coordinates). Such an operation
 * is executed once per permission set, not once per person (issue 9).
 */
export function selectsOnly(
  schema: GraphQLSchema,
  document: DocumentNode,
  fields: ReadonlySet<string>,
): boolean {
  const typeInfo = new TypeInfo(schema);
  let only = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (node.name.value !== '__typename' && !fields.has(`${parent?.name}.${node.name.value}`)) {
          only = false;
        }
      },
    }),
  );
  return only;
}

const permissionSets = new WeakMap<Viewer, string>();

/**
 * A viewer's permission set: their (role, school) pairs, sorted. Kept per viewer object (its roles
 * never change; a live group builds a new viewer when a session's roles do).
 */
export function permissionSet(viewer: Viewer): string {
  let set = permissionSets.get(viewer);
  if (set === undefined) {
    set = [...new Set(viewer.roles.map((r) => `${r.role}@${r.school.id}`))].sort().join(',');
    permissionSets.set(viewer, set);
  }
  return set;
}

/** The few things of a graphql-ws socket a shared subscription needs (ws's WebSocket has them). */
export interface LiveSocket {
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string): void;
}

/** One socket subscription: where its results go and how its session ends. */
interface Member {
  sessionId: string;
  socket: LiveSocket;
  /** graphql-ws's `next` frame for this subscription, up to its payload. */
  prefix: string;
  /** Closes the socket: its session has ended. */
  end: () => void;
  /** Ends the iterator graphql-ws reads (the subscription completes or fails). */
  stop: (err?: Error) => void;
  group?: Group;
}

interface Registration {
  key: string;
  /** Keyed by permission set (the operation selects viewer-free fields only), not by person. */
  shared: boolean;
  topics: string[];
  rule?: LiveRule;
  member: Omit<Member, 'stop'>;
}

interface Group {
  key: string;
  shared: boolean;
  members: Set<Member>;
  source: AsyncIterator<unknown>;
  rule: LiveRule;
  topics: string[];
  /** The first member's context: bus, language, logger. Never changed per event (`prepare`). */
  base: Context;
  args: ExecutionArgs;
  /** graphql-jit's execution of an event, where the operation fits it; else graphql-js's. */
  run: LiveExecutor | null;
}

/** One execution's serialised result and the sockets it goes to. */
interface Prepared {
  to: Member[];
  payload: string;
}

/** Events of one shared group prepared at once (a bound on the memory a burst holds). */
const PIPELINE = 32;

/**
 * Members × events a group prepares at once, at most (100 sockets: 32 events; 1 000: 3). Above it a
 * round's per-member work held the event loop: 32 events to 1 000 sockets, ~0.5 s (S4one).
 */
const WINDOW_MEMBERS = 3200;

/** Sockets a group sends to before it yields to the event loop (then goes on, in order). */
const YIELD_AFTER_SENDS = 500;

/**
 * The reads shared by the events being delivered at the same time (issue 9): the access checks and
 * names of a burst's events cost statements per round (each group takes its queued events one at a
 * time), not per event. Safety: every read used to decide or render an event is sent after that
 * event was published — an event joins a work object only while none of its reads has been sent
 * (`sealed` at the first), and nothing outlives the deliveries that hold it. So a guardianship, role
 * or session revoked and committed before an event's publish is honoured for that event.
 */
interface SharedWork {
  /** Set when the first of its statements is sent: from then on no event joins it. */
  sealed: boolean;
  /** The key it is open under (the event's school), while unsealed. */
  key: string;
  /** Under the event's school; null when the event names none (checks then go per person). */
  access: LiveAccess | null;
  /** Per person and schools, when the event names no school (checks under the person's scope). */
  personal: Map<string, LiveAccess>;
  /** Loaders per set of schools: names loaded once per round and schools. */
  loaders: Map<string, Loaders>;
}

/**
 * Sockets whose subscriptions are the same operation with the same variables in the same language
 * share one source stream (issue 9). The group is keyed by person, or — when every selected field
 * is viewer-free (`selectsOnly`) — by the permission set the viewer had when subscribing. For every
 * event: the sessions of every member of every group it reaches are read again in one statement
 * (an ended one's socket is closed 4401); each distinct person's access is decided with their
 * viewer as it is now (batched: `LiveAccess`); the members allowed are split by their current
 * permission set, and the operation is executed once per (group, permission set), serialised once,
 * and the same bytes go to every socket of it. The events being delivered at the same time (a
 * burst's rounds) share those reads (`SharedWork`). Each member was authorised on its own when it
 * subscribed (the resolver's `subscribe` ran with its own viewer).
 */
export class LiveGroups {
  private readonly groups = new Map<string, Group>();
  private readonly registrations = new WeakMap<Context, Registration>();
  /** Viewers by session, rebuilt only when the session's row (session, person, roles) changed. */
  private readonly viewers = new Map<string, { row: ViewerRow; viewer: Viewer }>();
  /** Members per session, so a session's cached viewer goes with its last member. */
  private readonly sessionMembers = new Map<string, number>();
  /** The unsealed work object per event school ('' for events naming none), see `SharedWork`. */
  private readonly open = new Map<string, SharedWork>();
  /** Executions run (for tests and benchmarks). */
  executions = 0;

  constructor(
    private readonly orm: MikroORM,
    /** The result as a socket receives it (errors formatted and translated). */
    private readonly format: (result: ExecutionResult, context: Context) => unknown,
    /** Counts a joining member as a started subscription on these topics (Bus.subscriptionsStarted). */
    private readonly joined: (topics: readonly string[]) => void,
    private readonly log: Logger,
    /** Compiles a group's operation for its events (core/jit-executor.ts `liveJit`), if given. */
    private readonly compile?: (
      document: DocumentNode,
      operationName: string | null,
    ) => LiveExecutor | null,
  ) {}

  /** Distinct shared executions running now (for tests and benchmarks). */
  get size() {
    return this.groups.size;
  }

  /** The members of each group, largest first (for tests and benchmarks). */
  sizes(): number[] {
    return [...this.groups.values()].map((g) => g.members.size).sort((a, b) => b - a);
  }

  /**
   * Called when graphql-ws builds a subscription's context: records the socket subscription behind
   * it and the topics its resolver listens to. Anonymous subscriptions are not shared.
   */
  register(
    context: Context,
    socket: LiveSocket,
    id: string,
    payload: { query: string; operationName?: string | null; variables?: unknown },
    viewerFree: boolean,
    end: () => void,
  ) {
    const viewer = context.viewer;
    if (!viewer) {
      return;
    }
    const key = JSON.stringify([
      payload.query,
      payload.operationName ?? null,
      payload.variables ?? null,
      context.locale,
      viewerFree ? `roles:${permissionSet(viewer)}` : `person:${viewer.personId}`,
    ]);
    const topics: string[] = [];
    const bus = context.bus;
    context.bus = {
      ...bus,
      subscribe: ((topic: string, ...rest: unknown[]) => {
        topics.push(topic);
        return (bus.subscribe as (...a: unknown[]) => unknown)(topic, ...rest);
      }) as typeof bus.subscribe,
      subscribeMany: (routes) => {
        topics.push(...routes.map((r) => r.topic));
        return bus.subscribeMany(routes);
      },
    };
    const registration: Registration = {
      key,
      shared: viewerFree,
      topics,
      member: {
        sessionId: viewer.sessionId,
        socket,
        prefix: `{"id":${JSON.stringify(id)},"type":"next","payload":`,
        end,
      },
    };
    context.shareLive = (rule) => {
      registration.rule = rule;
    };
    this.registrations.set(context, registration);
  }

  /** Whether the context's subscription was registered (a signed-in socket's). */
  registered(context: Context): boolean {
    return this.registrations.has(context);
  }

  /**
   * Called with a member's own source stream, after its resolver authorised it. Joins the group of
   * its key (its own stream is dropped before it ever listens) or starts one with it.
   */
  share(
    context: Context,
    args: ExecutionArgs,
    source: AsyncIterator<unknown>,
  ): AsyncIterableIterator<ExecutionResult> {
    const registration = this.registrations.get(context)!;
    const rule = registration.rule;
    if (!rule) {
      // A resolver that does not check per event cannot be shared: fail closed.
      void source.return?.();
      throw new Error('a live subscription without a per-event check (core/live.ts liveFilter)');
    }
    let group = this.groups.get(registration.key);
    if (group) {
      void source.return?.();
      this.joined(group.topics);
    } else {
      group = {
        key: registration.key,
        shared: registration.shared,
        members: new Set(),
        source,
        rule,
        topics: registration.topics,
        base: context,
        args,
        run: this.compile?.(args.document, args.operationName ?? null) ?? null,
      };
      this.groups.set(group.key, group);
      void this.pump(group);
    }
    return this.join(group, registration.member);
  }

  /**
   * The iterator graphql-ws reads for one member: it yields nothing (the group sends) and ends
   * with the member. graphql-ws calls its `return` when the client completes or the socket closes.
   */
  private join(group: Group, fields: Omit<Member, 'stop'>): AsyncIterableIterator<ExecutionResult> {
    let settle: ((r: IteratorResult<ExecutionResult>) => void) | null = null;
    let fail: ((err: Error) => void) | null = null;
    let over: { err?: Error } | null = null;
    const member: Member = {
      ...fields,
      group,
      stop: (err) => {
        over ??= { err };
        this.leave(member);
        if (err) {
          fail?.(err);
        } else {
          settle?.({ done: true, value: undefined });
        }
      },
    };
    group.members.add(member);
    this.sessionMembers.set(member.sessionId, (this.sessionMembers.get(member.sessionId) ?? 0) + 1);
    const it: AsyncIterableIterator<ExecutionResult> = {
      next: () =>
        over
          ? over.err
            ? Promise.reject(over.err)
            : Promise.resolve({ done: true, value: undefined })
          : new Promise((resolveNext, rejectNext) => {
              settle = resolveNext;
              fail = rejectNext;
            }),
      return: () => {
        member.stop();
        return Promise.resolve({ done: true, value: undefined });
      },
      throw: (err) => {
        member.stop();
        return Promise.reject(asError(err));
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }

  private leave(member: Member) {
    const group = member.group;
    if (!group || !group.members.delete(member)) {
      return;
    }
    const left = (this.sessionMembers.get(member.sessionId) ?? 1) - 1;
    if (left > 0) {
      this.sessionMembers.set(member.sessionId, left);
    } else {
      this.sessionMembers.delete(member.sessionId);
      this.viewers.delete(member.sessionId);
    }
    if (group.members.size === 0) {
      this.groups.delete(group.key);
      void group.source.return?.();
    }
  }

  /**
   * Takes the group's events in order and prepares up to `PIPELINE` queued events at once (fewer
   * for a large group: `WINDOW_MEMBERS`) — their sessions, checks and names are then read together,
   * one round for the lot (`SharedWork`) — and sends them in order. Each event is prepared in
   * contexts of its own (viewer, EntityManager, loaders, row scope: `prepare`), a person's own
   * group's too, so events prepared together share nothing but the sealed reads of their work.
   */
  private async pump(group: Group) {
    // The window's events in order, each with its payloads once prepared; sent from the front as
    // they are ready (one callback per event, not a chain of promises: issue 9).
    type Slot = { prepared: Prepared[] | null; failed: { err: unknown } | null };
    const window: Slot[] = [];
    let failure: { err: unknown } | null = null;
    let drained: (() => void) | null = null;
    let resume: NodeJS.Immediate | null = null;
    const flush = () => {
      if (resume) {
        return; // a yield is pending: it sends next, in order
      }
      let sockets = 0;
      while (!failure && window.length > 0) {
        const front = window[0]!;
        if (front.prepared) {
          if (sockets >= YIELD_AFTER_SENDS) {
            // A window of events to many sockets: let requests and pings in between its events
            // (32 events to 1 000 sockets were a second of blocked event loop).
            resume = setImmediate(() => {
              resume = null;
              flush();
            });
            return;
          }
          window.shift();
          sockets += this.send(group, front.prepared);
        } else if (front.failed) {
          // The events before it were sent; none after it is. Seen at once, even while the group
          // waits for its next event.
          failure = front.failed;
          void group.source.return?.();
        } else {
          break;
        }
      }
      if (drained && (failure || window.length === 0)) {
        drained();
        drained = null;
      }
    };
    const rethrow = () => {
      if (failure) {
        throw failure.err;
      }
    };
    const drain = () =>
      window.length === 0 || failure
        ? undefined
        : new Promise<void>((resolve) => {
            drained = resolve;
          });
    try {
      for (;;) {
        const next = await group.source.next();
        rethrow();
        if (next.done) {
          break;
        }
        const slot: Slot = { prepared: null, failed: null };
        window.push(slot);
        this.prepare(group, next.value).then(
          (prepared) => {
            slot.prepared = prepared;
            flush();
          },
          (err: unknown) => {
            slot.failed = { err };
            flush();
          },
        );
        // A large group prepares fewer events at once: each costs work per member (its session,
        // viewer and bucket), all of a round's in one stretch of the event loop.
        if (window.length >= Math.max(1, Math.min(PIPELINE, WINDOW_MEMBERS / group.members.size))) {
          await drain();
        }
      }
      await drain();
      rethrow();
      for (const m of [...group.members]) {
        m.stop();
      }
    } catch (err) {
      this.log.error({ err }, 'shared subscription failed');
      for (const m of [...group.members]) {
        m.stop(asError(err));
      }
    } finally {
      if (this.groups.get(group.key) === group) {
        this.groups.delete(group.key);
      }
    }
  }

  /**
   * The sessions of every group one event reaches, checked and their viewers (roles as they are
   * now) read in one statement: the groups' deliveries of an event (and of the other events of a
   * burst's round) run in the same tick, and nothing is cached past it, so the next event reads
   * them again.
   */
  private readonly viewerRows = new DataLoader<string, ViewerRow | null>(
    async (ids) => {
      const rows = await viewerRowsBySessionIds(this.orm.em.fork(), ids, new Date());
      return ids.map((id) => rows.get(id) ?? null);
    },
    { cache: false },
  );

  /** The session's viewer from its row, rebuilt only when the row changed. */
  private viewerOf(sessionId: string, row: ViewerRow): Viewer {
    const cached = this.viewers.get(sessionId);
    if (
      cached &&
      sameJson(cached.row.session, row.session) &&
      sameJson(cached.row.person, row.person) &&
      sameJson(cached.row.roles, row.roles)
    ) {
      // The events of one round read the same row object: the next compare is by reference.
      cached.row = row;
      return cached.viewer;
    }
    const viewer = viewerFromRow(this.orm.em.fork(), row, new Date());
    if (this.sessionMembers.has(sessionId)) {
      this.viewers.set(sessionId, { row, viewer });
    }
    return viewer;
  }

  /** The open work object of the event's school, or a new one (see `SharedWork`). */
  private workOf(event: unknown, group: Group): SharedWork {
    const published = (group.rule.published?.(event) ?? event) as object;
    const schoolId = (published as { schoolId?: unknown }).schoolId;
    const key = typeof schoolId === 'string' ? schoolId : '';
    const found = this.open.get(key);
    if (found && !found.sealed) {
      return found;
    }
    const work: SharedWork = {
      sealed: false,
      key,
      access: null,
      personal: new Map(),
      loaders: new Map(),
    };
    if (key) {
      // Under the event's school only: a guardianship recorded in another school does not count.
      work.access = new LiveAccess(
        this.orm.em.fork(),
        { schoolIds: [key], personId: null },
        this.sealer(work),
      );
    }
    this.open.set(key, work);
    return work;
  }

  /** Seals `work` as its first statement is sent: a later event gets a new work object. */
  private sealer(work: SharedWork) {
    return () => {
      if (!work.sealed) {
        work.sealed = true;
        if (this.open.get(work.key) === work) {
          this.open.delete(work.key);
        }
      }
    };
  }

  private accessFor(work: SharedWork, viewer: Viewer): LiveAccess {
    if (work.access) {
      return work.access;
    }
    const schoolIds = viewerSchoolIds(viewer);
    // By person and schools: two events of one work may see a person before and after a role change.
    const key = `${viewer.personId}|${schoolIds.join(',')}`;
    let access = work.personal.get(key);
    if (!access) {
      access = new LiveAccess(
        this.orm.em.fork(),
        { schoolIds, personId: viewer.personId },
        this.sealer(work),
      );
      work.personal.set(key, access);
    }
    return access;
  }

  /**
   * The loaders of the viewer's schools, shared by every execution of the work under them — a
   * person's own (the class dashboard) too: they read under the schools alone, never a person's
   * rows (row security's person clause only adds rows: this scope is never wider than the viewer's).
   */
  private loadersFor(work: SharedWork, viewer: Viewer): Loaders {
    const schoolIds = viewerSchoolIds(viewer);
    const key = schoolIds.join(',');
    let found = work.loaders.get(key);
    if (!found) {
      found = new Loaders(this.orm.em.fork(), {
        onRead: this.sealer(work),
        scope: { schoolIds, personId: null },
      });
      work.loaders.set(key, found);
    }
    return found;
  }

  /**
   * One event for one group: sessions, access per person, one execution per permission set; the
   * payloads and who gets them, for `send`.
   */
  private async prepare(group: Group, event: unknown): Promise<Prepared[]> {
    const members = [...group.members];
    if (members.length === 1) {
      return this.prepareOne(group, event, members[0]!);
    }
    const sessions = new Set<string>();
    for (const m of members) {
      sessions.add(m.sessionId);
    }
    // A failed read rejects: the database failing is not a reason to end anyone's session.
    const rows = await Promise.all([...sessions].map((id) => this.viewerRows.load(id)));
    const viewers = new Map<string, Viewer>();
    let i = 0;
    for (const id of sessions) {
      const row = rows[i++];
      if (row) {
        viewers.set(id, this.viewerOf(id, row));
      }
    }
    if (viewers.size < sessions.size) {
      this.endSessions(group, (s) => !viewers.has(s));
    }
    if (viewers.size === 0) {
      return [];
    }
    const work = this.workOf(event, group);
    // One decision per person (`decide`), all in the same tick (their statements batch).
    const decisions = new Map<string, boolean | Promise<boolean>>();
    for (const viewer of viewers.values()) {
      if (!decisions.has(viewer.personId)) {
        decisions.set(viewer.personId, this.decide(group, event, work, viewer));
      }
    }
    const allowed = new Map<string, boolean>();
    for (const [person, decision] of decisions) {
      allowed.set(person, Boolean(typeof decision === 'boolean' ? decision : await decision));
    }
    const buckets = new Map<string, { viewer: Viewer; members: Member[] }>();
    for (const m of members) {
      const viewer = viewers.get(m.sessionId);
      if (!viewer || !allowed.get(viewer.personId) || !group.members.has(m)) {
        continue;
      }
      const key = group.shared ? permissionSet(viewer) : viewer.personId;
      const bucket = buckets.get(key) ?? { viewer, members: [] };
      bucket.members.push(m);
      buckets.set(key, bucket);
    }
    return Promise.all(
      [...buckets.values()].map(({ viewer, members: to }) =>
        this.execute(group, event, work, viewer, to),
      ),
    );
  }

  /** `prepare` for a group of one socket (most): the same steps without the maps. */
  private async prepareOne(group: Group, event: unknown, m: Member): Promise<Prepared[]> {
    const row = await this.viewerRows.load(m.sessionId);
    if (!row) {
      this.endSessions(group, (s) => s === m.sessionId);
      return [];
    }
    const viewer = this.viewerOf(m.sessionId, row);
    const work = this.workOf(event, group);
    const decision = this.decide(group, event, work, viewer);
    if (!(typeof decision === 'boolean' ? decision : await decision) || !group.members.has(m)) {
      return [];
    }
    return [await this.execute(group, event, work, viewer, [m])];
  }

  /**
   * A person's access to the event, with their viewer as it is now. The check's own reads (its
   * `em`) run under the person's scope as it is now, as a renewed context's would, in the person's
   * own fork: an entity one person's scope let in is never another's from the identity map.
   */
  private decide(
    group: Group,
    event: unknown,
    work: SharedWork,
    viewer: Viewer,
  ): boolean | Promise<boolean> {
    let em: EntityManager | undefined;
    const checkEm = () => (em ??= this.orm.em.fork());
    const access = this.accessFor(work, viewer);
    const scope: RowScope = { schoolIds: viewerSchoolIds(viewer), personId: viewer.personId };
    return withRowScope(scope, () => group.rule.check(event, viewer, access, checkEm));
  }

  /** One execution of the event for one permission set (or person): its payload and sockets. */
  private async execute(
    group: Group,
    event: unknown,
    work: SharedWork,
    viewer: Viewer,
    to: Member[],
  ): Promise<Prepared> {
    // A shared execution reads the permission set's schools, never one person's own rows.
    const scope: RowScope = {
      schoolIds: viewerSchoolIds(viewer),
      personId: group.shared ? null : viewer.personId,
    };
    const orm = this.orm;
    let em: EntityManager | undefined;
    const context: Context = {
      ...group.base,
      // Its own fork: a resolver's direct reads (and the fork's identity map) are not shared
      // with later events of the work, which only the loaders' sealed reads may be. Forked when
      // a resolver first asks (most read through the loaders only): a fork is much garbage.
      get em() {
        return (em ??= orm.em.fork());
      },
      set em(value) {
        em = value;
      },
      loaders: this.loadersFor(work, viewer),
      viewer,
      rowScope: scope,
      access: this.accessFor(work, viewer),
    };
    this.executions += 1;
    const run = group.run;
    const result = await withRowScope(scope, () =>
      run
        ? run(event, context, group.args.variableValues)
        : execute({ ...group.args, rootValue: event, contextValue: context }),
    );
    return { to, payload: JSON.stringify(this.format(result, context)) };
  }

  /** The same bytes to every socket of a bucket that is still subscribed; how many were sent. */
  private send(group: Group, prepared: readonly Prepared[]): number {
    let sent = 0;
    for (const { to, payload } of prepared) {
      for (const m of to) {
        if (group.members.has(m) && m.socket.readyState === m.socket.OPEN) {
          m.socket.send(`${m.prefix}${payload}}`);
          sent += 1;
        }
      }
    }
    return sent;
  }

  private endSessions(group: Group, ended: (sessionId: string) => boolean) {
    for (const m of [...group.members]) {
      if (ended(m.sessionId)) {
        m.stop();
        m.end();
      }
    }
  }
}

/**
 * Whether two values parsed from JSON are equal (same keys in any order, same values). For every
 * member on every event: compares in place, where JSON.stringify made two strings each time.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (Array.isArray(b)) {
    return false;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let keys = 0;
  for (const key in ra) {
    if (!Object.hasOwn(rb, key) || !sameJson(ra[key], rb[key])) {
      return false;
    }
    keys += 1;
  }
  for (const _ in rb) {
    keys -= 1;
  }
  return keys === 0;
}

const asError = (err: unknown) =>
  err instanceof Error ? err : new Error('shared subscription failed', { cause: err });
