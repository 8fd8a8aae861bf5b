import { archivePathId, serveYearArchive } from '../modules/archive/index.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  createSourceEventStream,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { LRUCache } from 'lru-cache';
import { WebSocketServer, type WebSocket } from 'ws';
import { SESSIONS_REVOKED, type SessionsRevoked } from '../auth/auth.events.js';
import { redeemSocketTicket } from '../auth/socket-ticket.service.js';
import { SignInThrottle } from '../auth/throttle.js';
import { viewerFromSessionId, viewerFromToken } from '../auth/viewer.js';
import type { AppConfig } from './config.js';
import type { Context } from './context.js';
import {
  asksForIntrospection,
  carriesInvalidText,
  introspectionRefused,
  invalidTextRefused,
  limitRules,
  mayIntrospect,
  parseOptions,
  subscriptionOverHttpRefused,
  withoutSuggestions,
} from './limits.js';
import { jitGateway, liveJit } from './jit-executor.js';
import { Loaders } from './loaders.js';
import { createFormatError, translateErrors, translateErrorsPlugin } from './graphql-errors.js';
import { atExpiry, LiveGroups, renewable, selectsOnly, SESSION_ENDED } from './live.js';
import { LIVE_VIEWER_FREE_FIELDS } from '../modules/journal/journal.permissions.js';
import type { Logger } from './logger.js';
import { asLocale, localeFromHeader, translate } from './messages.js';
import type { Bus } from './pubsub.js';
import {
  currentRowScope,
  newRowScope,
  scopeToViewer,
  withRowScope,
  type RowScope,
} from './row-scope.js';
import { buildAppSchema } from './schema.js';
import { handleDocument, isDocumentPath } from '../modules/documents/index.js';
import {
  apiRateLimiter,
  isApiToken,
  isApiViewerOf,
  recordApiRequest,
  viewerFromApiToken,
  type ApiClientViewer,
} from '../modules/api-clients/index.js';

export interface AppDeps {
  config: AppConfig;
  orm: MikroORM;
  log: Logger;
  bus: Bus;
  /** Measurement only (bench/src/layers.ts): Apollo's cache-control plugin on, as it is by default. */
  cacheControl?: boolean;
  /** graphql-js's `execute` for queries too, not graphql-jit (parity tests, bench/src/layers.ts). */
  graphqlJs?: boolean;
}

export interface App {
  server: Server;
  schema: GraphQLSchema;
  /** Starts listening; resolves to the GraphQL URL (http://host:port/graphql). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Live groups' member counts and executions run so far (tests and benchmarks, issue 9). */
  liveGroupSizes(): number[];
  liveExecutions(): number;
}

const MAX_BODY_BYTES = 1_000_000;

/**
 * The address a request comes from. The SvelteKit server (and any reverse proxy) forwards the
 * browser's address in X-Forwarded-For; it is believed only from TRUSTED_PROXIES, else anyone
 * could pick a fresh address per guess and walk past sign-in throttling. The rightmost entry not
 * itself a trusted proxy is the client.
 */
export function clientAddress(
  req: IncomingMessage,
  trustedProxies: readonly string[],
): string | null {
  const peer = req.socket.remoteAddress ?? null;
  const forwarded = req.headers['x-forwarded-for'];
  if (!peer || !trustedProxies.includes(peer) || !forwarded) {
    return peer;
  }
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(hops[i]!) || i === 0) {
      return hops[i]!.slice(0, 64);
    }
  }
  return peer;
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * Who an operation is for: HTTP carries a bearer token; a socket holds the session it opened
 * with (by token or by one-time ticket), since the database keeps only token hashes.
 */
type Caller =
  | { token: string | null }
  | { sessionId: string | null }
  // An API token, already resolved (and rate-limited) before the operation ran (issue 8).
  | { api: ApiClientViewer; em: EntityManager };

/** One context per operation: a fresh EntityManager fork and the viewer behind the caller. */
/** A subscription operation parsed and validated (errors, if any, returned after the text check). */
interface CheckedSubscription {
  document: DocumentNode;
  operationAST: OperationDefinitionNode;
  invalid: GraphQLError[];
  /** Selects viewer-free fields only: shared per permission set (core/live.ts, issue 9). */
  viewerFree: boolean;
}

async function buildContext(
  deps: AppDeps,
  caller: Caller,
  acceptLanguage: string | undefined,
  client: Context['client'],
): Promise<Context> {
  const em = 'api' in caller ? caller.em : deps.orm.em.fork();
  const viewer =
    'api' in caller
      ? caller.api
      : 'token' in caller
        ? await viewerFromToken(em, caller.token)
        : await viewerFromSessionId(em, caller.sessionId);
  // From here on the operation's statements see the viewer's schools' rows, and no others.
  scopeToViewer(viewer);
  // An API client has no language of its own: its Accept-Language header says which.
  const locale =
    viewer && !isApiViewerOf(viewer)
      ? asLocale(viewer.person.locale)
      : localeFromHeader(acceptLanguage);
  return {
    em,
    loaders: new Loaders(em),
    viewer,
    bus: deps.bus.pubSub,
    locale,
    log: deps.log,
    client,
    rowScope: currentRowScope(),
  };
}

/** A whole-request refusal in GraphQL's error shape, before any operation runs. */
function refuse(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

class BodyTooLarge extends Error {}

/**
 * A subscription's source, pulled under its operation's row scope: each event's filter (renewed
 * viewer, `mayRead`) and its field resolvers run in the pull, outside any request of their own.
 */
function scopedIterator<T>(source: AsyncIterator<T>, scope: RowScope): AsyncIterableIterator<T> {
  const it: AsyncIterableIterator<T> = {
    next: () => withRowScope(scope, () => source.next()),
    return: (value?: unknown) =>
      withRowScope(scope, () =>
        source.return
          ? source.return(value as T)
          : Promise.resolve({ done: true as const, value: value as T }),
      ),
    throw: (err?: unknown) =>
      withRowScope(scope, () =>
        source.throw
          ? source.throw(err)
          : Promise.reject(err instanceof Error ? err : new Error(String(err))),
      ),
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Discard the rest rather than destroy the socket, so the caller still reads the 413.
        req.off('data', collect);
        req.resume();
        chunks.length = 0;
        reject(new BodyTooLarge('body too large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, orm, log, bus } = deps;
  // Throttling counters are per database: deployments (and test databases) sharing one Redis
  // never count each other's failures.
  const databaseName = config.databaseUrl
    ? new URL(config.databaseUrl).pathname.slice(1) || 'default'
    : 'embedded';
  const schema = await buildAppSchema({
    auth: {
      sessionTtlHours: config.sessionTtlHours,
      invitationTtlHours: config.invitationTtlHours,
      lifetimes: config.sessionLifetimes,
      throttle: new SignInThrottle(config.throttle, {
        redis: bus.redis,
        prefix: `classbook:signin:${databaseName}`,
      }),
      totp: { encryptionKey: config.totpEncryptionKey },
    },
    pubSub: bus.pubSub,
  });

  const formatError = createFormatError(log);
  const rateLimiter = apiRateLimiter(config.apiRateLimit, config.redisUrl, log);
  const apollo = new ApolloServer<Context>({
    // graphql-jit executes queries (core/jit-executor.ts); the cache-control plugin hooks
    // graphql-js's field resolution, so measuring it keeps graphql-js.
    ...(deps.graphqlJs || deps.cacheControl ? { schema } : { gateway: jitGateway(schema) }),
    formatError,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    // On in every environment, but only for staff (the gate plugin below).
    introspection: true,
    allowBatchedHttpRequests: false,
    validationRules: limitRules,
    parseOptions,
    // Compact JSON: Apollo pretty-prints by default, which cost a large page's answer ~30 % more
    // bytes and a measurable share of node CPU (BENCHMARKS.md, issue 9).
    stringifyResult: (value) => JSON.stringify(value),
    // The cache-control plugin wraps every field and doubled a large page's time (STACK.md).
    plugins: [
      ...(deps.cacheControl ? [] : [ApolloServerPluginCacheControlDisabled()]),
      ApolloServerPluginLandingPageDisabled(),
      translateErrorsPlugin(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, operation, request, contextValue }) {
              if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
                throw subscriptionOverHttpRefused();
              }
              if (asksForIntrospection(document) && !mayIntrospect(contextValue.viewer)) {
                throw introspectionRefused();
              }
              if (carriesInvalidText(document, request.variables)) {
                throw invalidTextRefused();
              }
            },
            // Requests by API token are counted per minute and root fields (issue 8).
            async willSendResponse({ contextValue, operation, request }) {
              const viewer = contextValue.viewer;
              if (!isApiViewerOf(viewer)) {
                return;
              }
              const fields = (operation?.selectionSet.selections ?? []).map((s) =>
                s.kind === Kind.FIELD ? s.name.value : '…',
              );
              await recordApiRequest(contextValue.em, viewer.client.id, {
                fields: fields.length > 0 ? fields : ['(invalid)'],
                operationName: request.operationName ?? operation?.name?.value ?? null,
                ip: contextValue.client.ip,
              }).catch((err: unknown) => log.error({ err }, 'API request log failed'));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  async function health(res: ServerResponse) {
    let database = 'ok';
    try {
      await orm.em.fork().execute('select 1');
    } catch {
      database = 'unavailable';
    }
    const bus = deps.bus.status();
    const ok = database === 'ok' && (bus === 'in-process' || bus === 'ready');
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'degraded', database, bus }));
  }

  /**
   * CORS (issue 8): only the origins in CORS_ORIGINS, exactly; no credentials (the API reads
   * bearer tokens, never cookies), so another site's page cannot ride a browser's session. A
   * request from a browser page of any other origin is refused outright, preflight or not;
   * requests without an Origin (servers, the SvelteKit client's server side) are not browsers'.
   * Returns false when the request was answered here.
   */
  const allowedOrigins = new Set(config.corsOrigins);
  function cors(req: IncomingMessage, res: ServerResponse): boolean {
    res.setHeader('vary', 'origin');
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { allow: 'GET, POST, OPTIONS' }).end();
        return false;
      }
      return true;
    }
    if (!allowedOrigins.has(origin)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          errors: [{ message: 'Origin not allowed', extensions: { code: 'FORBIDDEN' } }],
        }),
      );
      return false;
    }
    res.setHeader('access-control-allow-origin', origin);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-headers': 'authorization, content-type, accept-language',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-max-age': '600',
      });
      res.end();
      return false;
    }
    return true;
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (!cors(req, res)) {
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) {
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
    }
    const token = bearer(req.headers.authorization);
    const locale = localeFromHeader(req.headers['accept-language']);
    let caller: Caller = { token };
    if (isApiToken(token)) {
      // Issue 8: per token, before any work; then the client must be live (revoked: 401).
      const limited = await rateLimiter.consume(token);
      if (!limited.ok) {
        const seconds = limited.retryAfterSeconds;
        refuse(res, 429, 'RATE_LIMITED', translate(locale, 'apiClient.rateLimited', { seconds }), {
          'retry-after': String(seconds),
        });
        return;
      }
      const em = orm.em.fork();
      const api = await viewerFromApiToken(em, token);
      if (!api) {
        refuse(res, 401, 'UNAUTHENTICATED', translate(locale, 'apiClient.tokenInvalid'));
        return;
      }
      caller = { api, em };
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) {
        throw err;
      }
      // An oversized body is the caller's fault, not the server's: a typed 413, not a 500.
      if (!res.headersSent) {
        res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      }
      res.end(
        JSON.stringify({
          errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }],
        }),
      );
      return;
    }
    let body: unknown = raw;
    if (headers.get('content-type')?.includes('application/json')) {
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }],
          }),
        );
        return;
      }
    }
    // Each operation its own row scope, filled in by buildContext once the viewer is known.
    const result = await withRowScope(newRowScope(), () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () =>
          buildContext(deps, caller, req.headers['accept-language'], {
            ip: clientAddress(req, config.trustedProxies),
            userAgent: req.headers['user-agent'] ?? null,
          }),
      }),
    );
    for (const [key, value] of result.headers) {
      res.setHeader(key, value);
    }
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) {
      res.write(chunk);
    }
    res.end();
  }

  // Documents run their GraphQL operation here, through the same plugins, limits and shield as
  // /graphql, in a context built the same way (modules/documents, R-RPT-4).
  const documentsDeps = {
    context: (req: IncomingMessage) =>
      buildContext(
        deps,
        { token: bearer(req.headers.authorization) },
        req.headers['accept-language'],
        {
          ip: clientAddress(req, config.trustedProxies),
          userAgent: req.headers['user-agent'] ?? null,
        },
      ),
    execute: async (contextValue: Context, query: string, variables: Record<string, unknown>) => {
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') {
        throw new Error('a document operation answered incrementally');
      }
      return response.body.singleResult;
    },
  };

  // R-DATA-2: a year's archive, for the administration of its school.
  async function yearArchive(req: IncomingMessage, res: ServerResponse, archiveId: string) {
    const ctx = await documentsDeps.context(req);
    await serveYearArchive(ctx.em, ctx.viewer, archiveId, res);
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const archiveId = req.method === 'GET' ? archivePathId(url.pathname) : null;
    // One row scope per request (documents and archives build their context inside it).
    const handle = withRowScope(newRowScope(), () =>
      archiveId
        ? yearArchive(req, res, archiveId)
        : url.pathname === '/health'
          ? health(res)
          : url.pathname === '/graphql'
            ? graphql(req, res, url)
            : isDocumentPath(url.pathname)
              ? handleDocument(documentsDeps, req, res, url)
              : Promise.resolve(
                  void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
                ),
    );
    handle.catch((err: unknown) => {
      log.error({ err }, 'HTTP request failed');
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
      }
      res.end(
        JSON.stringify({
          errors: [
            { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
          ],
        }),
      );
    });
  });

  // Subscriptions share the HTTP port. graphql-ws would also run queries and mutations past
  // HTTP's limits, so only subscription operations are accepted on the socket.
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const socketResult = (result: ExecutionResult, context: Context) =>
    result.errors
      ? {
          ...result,
          errors: translateErrors(
            result.errors.map((e) => formatError(e.toJSON(), e)),
            context,
          ),
        }
      : result;
  const liveGroups = new LiveGroups(
    orm,
    socketResult,
    (topics) => topics.forEach((t) => deps.bus.joined(t)),
    log,
    deps.graphqlJs ? undefined : liveJit(schema),
  );
  // Open sockets by the session they signed in with, so a revoked session's sockets close.
  const sockets = new Map<WebSocket, { sessionId: string; personId: string }>();
  // A plain listener, not a queue: a burst of revocations can neither overflow nor end it.
  const stopRevocations = deps.bus.pubSub.listen<SessionsRevoked>(SESSIONS_REVOKED, (revoked) => {
    for (const [socket, owner] of sockets) {
      const ended =
        owner.sessionId === revoked.sessionId ||
        (owner.personId === revoked.personId && owner.sessionId !== revoked.exceptSessionId);
      if (ended) {
        socket.close(SESSION_ENDED, 'Session ended');
      }
    }
  });
  // Every socket of a page sends the same few operations: each is parsed and validated once.
  const checkedSubscriptions = new LRUCache<string, CheckedSubscription>({ max: 500 });
  const checkedSubscription = (
    query: string,
    operationName: string | null | undefined,
  ): CheckedSubscription | GraphQLError[] => {
    const key = JSON.stringify([query, operationName ?? null]);
    const cached = checkedSubscriptions.get(key);
    if (cached) {
      return cached;
    }
    let document;
    try {
      document = parse(query, parseOptions);
    } catch (err) {
      return [
        new GraphQLError(err instanceof GraphQLError ? err.message : 'Malformed operation', {
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
      ];
    }
    const operationAST = getOperationAST(document, operationName);
    if (operationAST?.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [
        new GraphQLError('Only subscriptions are accepted over WebSocket; use HTTP.', {
          extensions: { code: 'BAD_REQUEST' },
        }),
      ];
    }
    const invalid = validate(schema, document, [...limitRules, ...specifiedRules]).map(
      (e) =>
        new GraphQLError(withoutSuggestions(e.message), {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
    );
    const checked = {
      document,
      operationAST,
      invalid,
      viewerFree: invalid.length === 0 && selectsOnly(schema, document, LIVE_VIEWER_FREE_FIELDS),
    };
    checkedSubscriptions.set(key, checked);
    return checked;
  };
  const wsCleanup = useServer<
    { authToken?: unknown; ticket?: unknown },
    { sessionId: string | null }
  >(
    {
      schema,
      // Its own (empty) row scope: only the session is looked up here.
      onConnect: (ctx) =>
        withRowScope(newRowScope(), async () => {
          const params = ctx.connectionParams ?? {};
          const token = typeof params.authToken === 'string' ? params.authToken : null;
          const ticket = typeof params.ticket === 'string' ? params.ticket : null;
          const em = orm.em.fork();
          // A page whose token is in an httpOnly cookie opens the socket with a one-time ticket
          // instead (auth/socket-ticket.service.ts); from here on both behave the same.
          const viewer = ticket
            ? await viewerFromSessionId(em, await redeemSocketTicket(em, ticket))
            : await viewerFromToken(em, token);
          if ((token || ticket) && !viewer) {
            return false; // 4403 Forbidden: a stale token or a used ticket must sign in again
          }
          ctx.extra.sessionId = viewer?.sessionId ?? null;
          if (viewer) {
            const socket = ctx.extra.socket;
            sockets.set(socket, { sessionId: viewer.sessionId, personId: viewer.personId });
            // An expired session's sockets close on time, not at the next event.
            const disarm = atExpiry(viewer.session.expiresAt, () =>
              socket.close(SESSION_ENDED, 'Session expired'),
            );
            socket.once('close', () => {
              disarm();
              sockets.delete(socket);
            });
          }
          return true;
        }),
      // Parsed and validated here, with the same limits as HTTP (issue 8).
      onSubscribe: (_ctx, _id, payload) => {
        const checked = checkedSubscription(payload.query, payload.operationName);
        if (Array.isArray(checked)) {
          return checked;
        }
        const { document, operationAST, invalid } = checked;
        if (carriesInvalidText(document, payload.variables)) {
          return [invalidTextRefused()];
        }
        if (invalid.length > 0) {
          return invalid;
        }
        // Variables are checked here as HTTP does (BAD_USER_INPUT), not left to execution, which
        // reports them as bare errors the formatter would call internal.
        const coerced = getVariableValues(
          schema,
          operationAST?.variableDefinitions ?? [],
          payload.variables ?? {},
          { maxErrors: 10 },
        );
        if (coerced.errors) {
          return coerced.errors.map(
            (e) =>
              new GraphQLError(withoutSuggestions(e.message), {
                extensions: { code: 'BAD_USER_INPUT' },
              }),
          );
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      // Errors on the socket get the same codes and translated messages as over HTTP.
      onNext: (_ctx, _id, _payload, args, result) =>
        result.errors ? socketResult(result, args.contextValue as Context) : undefined,
      onError: (ctx, _id, _payload, errors) =>
        translateErrors(
          errors.map((e) => formatError(e.toJSON(), e)),
          { locale: localeFromHeader(ctx.extra.request.headers['accept-language']) },
        ),
      // Renewed for every event (session, roles, a fresh fork): see core/live.ts. The operation's
      // row scope is made here and follows it (renewed with the viewer) through `subscribe` below.
      context: (ctx, id, payload) =>
        withRowScope(newRowScope(), async () => {
          const endSession = () => ctx.extra.socket.close(SESSION_ENDED, 'Session ended');
          const context = renewable(
            orm,
            await buildContext(
              deps,
              { sessionId: ctx.extra.sessionId ?? null },
              ctx.extra.request.headers['accept-language'],
              {
                ip: clientAddress(ctx.extra.request, config.trustedProxies),
                userAgent: ctx.extra.request.headers['user-agent'] ?? null,
              },
            ),
            endSession,
          );
          const checked = checkedSubscription(payload.query, payload.operationName);
          liveGroups.register(
            context,
            ctx.extra.socket,
            id,
            payload,
            !Array.isArray(checked) && checked.viewerFree,
            endSession,
          );
          return context;
        }),
      // Authorised per socket by the resolver's `subscribe`; then executed once per event for all
      // sockets of the same operation, variables and person — or permission set, for viewer-free
      // operations (core/live.ts, LiveGroups).
      subscribe: async (args) => {
        const context = args.contextValue as Context;
        const scope = context.rowScope ?? newRowScope();
        if (!liveGroups.registered(context)) {
          const result = await withRowScope(scope, () => subscribe(args));
          return Symbol.asyncIterator in result
            ? scopedIterator(result[Symbol.asyncIterator](), scope)
            : result;
        }
        const source = await withRowScope(scope, () => createSourceEventStream(args));
        return Symbol.asyncIterator in source
          ? liveGroups.share(context, args, scopedIterator(source[Symbol.asyncIterator](), scope))
          : source;
      },
    },
    wss,
  );

  return {
    server,
    schema,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolveUrl, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolveUrl(`http://${host}:${address.port}/graphql`);
        });
      }),
    liveGroupSizes: () => liveGroups.sizes(),
    liveExecutions: () => liveGroups.executions,
    close: async () => {
      stopRevocations();
      await wsCleanup.dispose();
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      await apollo.stop();
      await rateLimiter.close();
    },
  };
}
