import { filter, pipe } from '@graphql-yoga/subscription';
import type { MikroORM } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ExecutionResult } from 'graphql';
import {
  viewerFromRow,
  viewerFromSessionId,
  viewerRowsBySessionIds,
  type Viewer,
  type ViewerRow,
} from '../auth/viewer.js';
import type { Context } from './context.js';
import { Loaders } from './loaders.js';
import type { Logger } from './logger.js';
import { scopeToViewer } from './row-scope.js';

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
 * first, in the bus's listener (most events are for someone else and are never queued), then the
 * context is renewed (session and roles as they are now), then `mayRead` decides with that fresh
 * viewer. Resolvers read the viewer from here, never one captured at subscribe time, so a revoked
 * role or session stops delivery at once.
 */
export function liveEvents<T>(
  context: Context,
  topic: string,
  wanted: (event: T) => boolean,
  mayRead: (event: T, viewer: Viewer) => boolean | Promise<boolean>,
): AsyncIterable<T> {
  return liveFilter(context, context.bus.subscribe<T>(topic, wanted), mayRead);
}

/**
 * `liveEvents` over any source of events already matched by the bus (several topics merged, for
 * one: each subscribed with its own `wanted`).
 */
export function liveFilter<T>(
  context: Context,
  source: AsyncIterable<T>,
  mayRead: (event: T, viewer: Viewer) => boolean | Promise<boolean>,
): AsyncIterable<T> {
  return pipe(
    source,
    filter(async (event: T) => {
      if (context.renew && !(await context.renew())) {
        return false;
      }
      return context.viewer ? mayRead(event, context.viewer) : false;
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
  topics: string[];
  member: Omit<Member, 'stop'>;
}

interface Group {
  key: string;
  members: Set<Member>;
  stream: AsyncIterableIterator<ExecutionResult>;
  topics: string[];
}

/**
 * Sockets whose subscriptions are the same operation, with the same variables, of the same person
 * (the facts every access decision and every resolver here reads: roles, guardianships, the
 * person's id) in the same language share one source stream: each event is filtered, re-authorised
 * (every member's session checked, roles reloaded) and executed once, serialised once, and the same
 * payload bytes go to every member's socket. Each member was authorised on its own when it
 * subscribed (the resolver's `subscribe` ran with its own viewer), and a member whose session has
 * ended is closed with 4401 at the next event, as before.
 */
export class LiveGroups {
  private readonly groups = new Map<string, Group>();
  private readonly registrations = new WeakMap<Context, Registration>();

  constructor(
    private readonly orm: MikroORM,
    /** The result as a socket receives it (errors formatted and translated). */
    private readonly format: (result: ExecutionResult, context: Context) => unknown,
    /** Counts a joining member as a started subscription on these topics (Bus.subscriptionsStarted). */
    private readonly joined: (topics: readonly string[]) => void,
    private readonly log: Logger,
  ) {}

  /** Distinct shared executions running now (for tests and benchmarks). */
  get size() {
    return this.groups.size;
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
      viewer.personId,
      context.locale,
    ]);
    const topics: string[] = [];
    const bus = context.bus;
    context.bus = {
      ...bus,
      subscribe: ((topic: string, ...rest: unknown[]) => {
        topics.push(topic);
        return (bus.subscribe as (...a: unknown[]) => unknown)(topic, ...rest);
      }) as typeof bus.subscribe,
    };
    this.registrations.set(context, {
      key,
      topics,
      member: {
        sessionId: viewer.sessionId,
        socket,
        prefix: `{"id":${JSON.stringify(id)},"type":"next","payload":`,
        end,
      },
    });
  }

  /**
   * Called with a member's own stream, after its resolver authorised it. Joins the group of its key
   * (its own stream is dropped before it ever listens) or starts one with it.
   */
  share(
    context: Context,
    stream: AsyncIterableIterator<ExecutionResult>,
  ): AsyncIterableIterator<ExecutionResult> {
    const registration = this.registrations.get(context);
    if (!registration) {
      return stream;
    }
    let group = this.groups.get(registration.key);
    if (group) {
      void stream.return?.();
      this.joined(group.topics);
    } else {
      group = { key: registration.key, members: new Set(), stream, topics: registration.topics };
      this.groups.set(group.key, group);
      context.renew = () => this.renew(group!, context);
      void this.pump(group, context);
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
    if (group.members.size === 0) {
      this.groups.delete(group.key);
      void group.stream.return?.();
    }
  }

  /** One execution per event for the whole group; the same bytes to each member. */
  private async pump(group: Group, context: Context) {
    try {
      for await (const result of group.stream) {
        const payload = JSON.stringify(this.format(result, context));
        for (const m of group.members) {
          if (m.socket.readyState === m.socket.OPEN) {
            m.socket.send(`${m.prefix}${payload}}`);
          }
        }
      }
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
   * now) read in one statement: the groups' renewals for an event run in the same tick, and
   * nothing is cached past it, so the next event reads them again.
   */
  private readonly viewerRows = new DataLoader<string, ViewerRow | null>(
    async (ids) => {
      const rows = await viewerRowsBySessionIds(this.orm.em.fork(), ids, new Date());
      return ids.map((id) => rows.get(id) ?? null);
    },
    { cache: false },
  );

  /**
   * The group's `context.renew`: members whose session ended closed with 4401; the viewer of a
   * live one given to the context, in a fresh fork.
   */
  private async renew(group: Group, context: Context): Promise<boolean> {
    const sessions = [...new Set([...group.members].map((m) => m.sessionId))];
    const rows = await this.viewerRows.loadMany(sessions);
    const alive = new Map<string, ViewerRow>();
    sessions.forEach((id, i) => {
      const row = rows[i];
      if (row instanceof Error) {
        throw row; // the database failed: not a reason to end anyone's session
      }
      if (row) {
        alive.set(id, row);
      }
    });
    this.endSessions(group, (s) => !alive.has(s));
    const [row] = alive.values();
    if (!row) {
      return false;
    }
    const em = this.orm.em.fork();
    applyViewer(context, { viewer: viewerFromRow(em, row, new Date()), em });
    return true;
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

const asError = (err: unknown) =>
  err instanceof Error ? err : new Error('shared subscription failed', { cause: err });
