import type { EntityManager } from '@mikro-orm/postgresql';
import type { Loaders } from './loaders.js';
import type { Logger } from './logger.js';
import type { EventBus } from './pubsub.js';
import type { Locale } from './messages.js';
import type { RowScope } from './row-scope.js';
import type { Viewer } from '../auth/viewer.js';
import type { LiveAccess } from '../auth/access.js';
import type { LiveRule } from './live.js';

/** Built once per operation (HTTP request or subscription event): nothing in it is shared. */
export interface Context {
  /** A fork of the ORM's EntityManager for this operation only. */
  em: EntityManager;
  /** Batches relation lookups for this operation (fresh each time: no cross-viewer cache). */
  loaders: Loaders;
  viewer: Viewer | null;
  /** Live events: publish after a transaction commits; subscribe in subscription resolvers. */
  bus: EventBus;
  locale: Locale;
  log: Logger;
  /** Where the request came from, for sessions and the audit trail. */
  client: { ip: string | null; userAgent: string | null };
  /**
   * Subscriptions only: renews the context for the next event (session still live, roles as they
   * are now, a fresh fork); false once the session has ended. See `core/live.ts`.
   */
  renew?: () => Promise<boolean>;
  /**
   * The operation's row scope (core/row-scope.ts), for subscriptions, whose events run outside the
   * request that opened them; HTTP operations carry theirs in AsyncLocalStorage only.
   */
  rowScope?: RowScope;
  /**
   * Live subscriptions in a group (core/live.ts): the resolver's per-event check goes to the group,
   * which applies it to each person, instead of filtering this context's stream.
   */
  shareLive?: (rule: LiveRule) => void;
  /** During a live event: its access checks, batched over everyone the event reaches. */
  access?: LiveAccess;
}
