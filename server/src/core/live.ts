import { filter, pipe } from '@graphql-yoga/subscription';
import type { MikroORM } from '@mikro-orm/postgresql';
import { viewerFromSessionId, type Viewer } from '../auth/viewer.js';
import type { Context } from './context.js';
import { Loaders } from './loaders.js';
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
    context.viewer = fresh.viewer;
    // The rest of this event runs with the schools of the viewer's roles as they are now.
    scopeToViewer(fresh.viewer, context.rowScope);
    context.em = fresh.em;
    context.loaders = new Loaders(fresh.em);
    return true;
  };
  return context;
}

/**
 * The events of `topic` this subscriber may receive. For every event: the cheap `wanted` match
 * first (most events are for someone else), then the context is renewed (session and roles as
 * they are now), then `mayRead` decides with that fresh viewer. Resolvers read the viewer from
 * here, never one captured at subscribe time, so a revoked role or session stops delivery at once.
 */
export function liveEvents<T>(
  context: Context,
  topic: string,
  wanted: (event: T) => boolean,
  mayRead: (event: T, viewer: Viewer) => boolean | Promise<boolean>,
): AsyncIterable<T> {
  return liveFilter(context, context.bus.subscribe(topic) as AsyncIterable<T>, wanted, mayRead);
}

/** `liveEvents` over any source of events (several topics merged, for one). */
export function liveFilter<T>(
  context: Context,
  source: AsyncIterable<T>,
  wanted: (event: T) => boolean,
  mayRead: (event: T, viewer: Viewer) => boolean | Promise<boolean>,
): AsyncIterable<T> {
  return pipe(
    source,
    filter(async (event: T) => {
      if (!wanted(event) || (context.renew && !(await context.renew()))) {
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
