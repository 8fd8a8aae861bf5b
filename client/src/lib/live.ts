import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { connection } from './connection.svelte.ts';

export { connection };

/** The API closes a socket with this code when its session ends (revoked, expired). */
const SESSION_ENDED = 4401;
/** Closed by us when the API stops answering pings: a half-open socket on a flaky network. */
const NO_PONG = 4408;
const PING_EVERY_MS = 20_000;
const PONG_WITHIN_MS = 10_000;

/**
 * Backoff for a slow school network: 1 s, 2 s, 4 s … up to 30 s, with jitter; never gives up. Cut
 * short when the browser says the network is back.
 */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1000 * 2 ** attempt, 30_000) * (0.75 + Math.random() / 2);
  return new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      window.removeEventListener('online', finish);
      done();
    };
    const timer = setTimeout(finish, ms);
    window.addEventListener('online', finish);
  });
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
let open: WebSocket | null = null;
let pongTimer: ReturnType<typeof setTimeout> | undefined;

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
    keepAlive: PING_EVERY_MS,
    on: {
      connected: (socket) => {
        open = socket as WebSocket;
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
      ping: (received) => {
        if (!received) {
          pongTimer = setTimeout(() => {
            if (open?.readyState === WebSocket.OPEN) {
              open.close(NO_PONG, 'No pong');
            }
          }, PONG_WITHIN_MS);
        }
      },
      pong: (received) => {
        if (received) {
          clearTimeout(pongTimer);
        }
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        open = null;
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

function isClose(value: unknown): value is { code: number; reason: string } {
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
 * (`invalidateAll()`). `onError` gets the API's message when it refuses the subscription (already
 * in the person's language). A session that ends sends the page to /signin.
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
  const payload = { query: print(document), variables: variables as Record<string, unknown> };
  const report = (message: string) => {
    if (options?.onError) {
      options.onError(message);
    } else {
      console.error('classbook: live update failed:', message);
    }
  };
  let stopped = false;
  let unsubscribe = () => {};
  let again: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const start = () => {
    unsubscribe = socket().subscribe<TData>(payload, {
      next: (result) => {
        attempt = 0;
        if (result.errors?.length) {
          report(messageOf(result.errors));
        }
        if (result.data) {
          onData(result.data);
        }
      },
      error: (error) => {
        if (stopped || (isClose(error) && error.code === SESSION_ENDED)) {
          active.delete(subscription);
          return;
        }
        if (isClose(error)) {
          // graphql-ws gives up on some closes (4500: the API failed while we connected, say its
          // database restarting). A school day is long: subscribe again, and refetch once back.
          connection.online = false;
          again = setTimeout(start, Math.min(1000 * 2 ** attempt++, 30_000));
          return;
        }
        // Refused by the API (not found, forbidden): trying again would not change the answer.
        active.delete(subscription);
        report(messageOf(error));
      },
      complete: () => active.delete(subscription),
    });
  };

  active.add(subscription);
  start();
  return () => {
    stopped = true;
    clearTimeout(again);
    active.delete(subscription);
    unsubscribe();
  };
}
