import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client, type CloseCode } from 'graphql-ws';
import { connection } from './connection.svelte.ts';

export { connection };

/** The API closes a socket with this code when its session ends (revoked, expired). */
const SESSION_ENDED = 4401;

/** Backoff for a slow school network: 1 s, 2 s, 4 s … up to 30 s, with jitter; never gives up. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1000 * 2 ** attempt, 30_000) * (0.75 + Math.random() / 2);
  return new Promise((done) => setTimeout(done, ms));
}

function toSignIn(): Promise<never> {
  window.location.assign('/signin');
  // The page is going away; nothing waits for this connection any more.
  return new Promise<never>(() => undefined);
}

interface Ticket {
  ticket: string;
  url: string;
}

/**
 * A one-time ticket from our own server (/api/socket-ticket), which holds the session in its
 * httpOnly cookie. Asked again before every (re)connect; retried here rather than thrown, because
 * graphql-ws waits forever on a `url()` that throws.
 */
async function freshTicket(): Promise<Ticket> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await fetch('/api/socket-ticket', {
        method: 'POST',
        headers: { accept: 'application/json' },
        cache: 'no-store',
      });
      if (answer.status === 401) {
        return await toSignIn();
      }
      if (answer.ok) {
        return (await answer.json()) as Ticket;
      }
    } catch {
      // Offline or our server restarting: wait and ask again.
    }
    connection.online = false;
    await backoff(attempt);
  }
}

interface Active {
  onReconnect?: () => void;
  /** Had a connection while active: events may have been lost since, so it must refetch. */
  wasConnected: boolean;
}

const active = new Set<Active>();
let client: Client | null = null;
let connected = false;
/** The ticket fetched with the URL, handed over once in `connection_init`. */
let ticket: string | null = null;

/** The one socket of this tab, opened on the first subscription (graphql-ws is lazy). */
function socket(): Client {
  client ??= createClient({
    url: async () => {
      const fresh = await freshTicket();
      ticket = fresh.ticket;
      return fresh.url;
    },
    connectionParams: () => {
      const once = ticket;
      ticket = null;
      if (!once) {
        throw new Error('no socket ticket');
      }
      return { ticket: once };
    },
    retryAttempts: Infinity,
    retryWait: backoff,
    // Anything but the end of the session is worth another try: a used ticket (4403), a restart.
    shouldRetry: (event) => !isClose(event) || event.code !== SESSION_ENDED,
    // Kept open a little after the last subscription, so moving between pages reuses the socket.
    lazyCloseTimeout: 5_000,
    keepAlive: 20_000,
    on: {
      connected: () => {
        connected = true;
        connection.online = true;
        // Events published while this tab was disconnected are lost: the pages refetch.
        for (const subscription of active) {
          if (subscription.wasConnected) {
            subscription.onReconnect?.();
          }
          subscription.wasConnected = true;
        }
      },
      closed: (event) => {
        connected = false;
        if (isClose(event) && event.code === SESSION_ENDED) {
          void toSignIn();
          return;
        }
        if (active.size > 0) {
          connection.online = false;
        }
      },
    },
  });
  return client;
}

function isClose(value: unknown): value is { code: CloseCode | number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

function messageOf(error: unknown): string {
  if (Array.isArray(error)) {
    const first: unknown = error[0];
    if (typeof first === 'object' && first !== null && 'message' in first) {
      return String(first.message);
    }
  }
  if (error instanceof Error) {
    return error.message;
  }
  return isClose(error) ? `${error.code} ${error.reason}` : String(error);
}

/**
 * Subscribes this page to a live event over the tab's one socket; returns the unsubscribe. Call
 * it from `$effect` (browser only) and return what it returns. `onReconnect` runs after the socket
 * comes back from a loss: events sent meanwhile are gone, so re-run the page's load
 * (`invalidateAll()`). A session that ends sends the page to /signin.
 */
export function live<TData, TVars>(
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  onData: (data: TData) => void,
  options?: { onReconnect?: () => void; onError?: (message: string) => void },
): () => void {
  if (typeof window === 'undefined') {
    throw new Error('live() is for the browser: call it from $effect');
  }
  const subscription: Active = { onReconnect: options?.onReconnect, wasConnected: connected };
  active.add(subscription);
  const report = (message: string) => {
    if (options?.onError) {
      options.onError(message);
    } else {
      console.error('classbook: live update failed:', message);
    }
  };
  const stop = socket().subscribe<TData>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors?.length) {
          report(messageOf(result.errors));
        }
        if (result.data) {
          onData(result.data);
        }
      },
      error: (error) => {
        active.delete(subscription);
        if (!(isClose(error) && error.code === SESSION_ENDED)) {
          report(messageOf(error));
        }
      },
      complete: () => active.delete(subscription),
    },
  );
  return () => {
    active.delete(subscription);
    stop();
  };
}
