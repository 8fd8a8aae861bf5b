import { archivePathId, serveYearArchive } from '../modules/archive/index.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { SESSIONS_REVOKED, type SessionsRevoked } from '../auth/auth.events.js';
import { redeemSocketTicket } from '../auth/socket-ticket.service.js';
import { viewerFromSessionId, viewerFromToken } from '../auth/viewer.js';
import type { AppConfig } from './config.js';
import type { Context } from './context.js';
import {
  asksForIntrospection,
  limitRules,
  mayIntrospect,
  parseOptions,
  withoutSuggestions,
} from './limits.js';
import { Loaders } from './loaders.js';
import { DomainError, ErrorCode } from './errors.js';
import { createFormatError, translateErrors, translateErrorsPlugin } from './graphql-errors.js';
import { atExpiry, renewable, SESSION_ENDED } from './live.js';
import type { Logger } from './logger.js';
import { asLocale, localeFromHeader } from './messages.js';
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

export interface AppDeps {
  config: AppConfig;
  orm: MikroORM;
  log: Logger;
  bus: Bus;
}

export interface App {
  server: Server;
  schema: GraphQLSchema;
  /** Starts listening; resolves to the GraphQL URL (http://host:port/graphql). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * Who an operation is for: HTTP carries a bearer token; a socket holds the session it opened
 * with (by token or by one-time ticket), since the database keeps only token hashes.
 */
type Caller = { token: string | null } | { sessionId: string | null };

/** One context per operation: a fresh EntityManager fork and the viewer behind the caller. */
async function buildContext(
  deps: AppDeps,
  caller: Caller,
  acceptLanguage: string | undefined,
  client: Context['client'],
): Promise<Context> {
  const em = deps.orm.em.fork();
  const viewer =
    'token' in caller
      ? await viewerFromToken(em, caller.token)
      : await viewerFromSessionId(em, caller.sessionId);
  // From here on the operation's statements see the viewer's schools' rows, and no others.
  scopeToViewer(viewer);
  const locale = viewer ? asLocale(viewer.person.locale) : localeFromHeader(acceptLanguage);
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
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, orm, log, bus } = deps;
  const schema = await buildAppSchema({
    auth: {
      sessionTtlHours: config.sessionTtlHours,
      invitationTtlHours: config.invitationTtlHours,
    },
    pubSub: bus.pubSub,
  });

  const formatError = createFormatError(log);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    // On in every environment, but only for staff (the gate plugin below).
    introspection: true,
    allowBatchedHttpRequests: false,
    validationRules: limitRules,
    parseOptions,
    // The cache-control plugin wraps every field and doubled a large page's time (STACK.md).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      translateErrorsPlugin(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ document, contextValue }) {
              if (asksForIntrospection(document) && !mayIntrospect(contextValue.viewer)) {
                throw new DomainError(ErrorCode.FORBIDDEN, 'error.introspection');
              }
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
      await orm.em.fork().getConnection().execute('select 1');
    } catch {
      database = 'unavailable';
    }
    const bus = deps.bus.status();
    const ok = database === 'ok' && (bus === 'in-process' || bus === 'ready');
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'degraded', database, bus }));
  }

  function cors(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.origin === config.clientOrigin) {
      res.setHeader('access-control-allow-origin', config.clientOrigin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, accept-language');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL) {
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) {
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
    }
    const raw = await readBody(req);
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
          buildContext(
            deps,
            { token: bearer(req.headers.authorization) },
            req.headers['accept-language'],
            {
              ip: req.socket.remoteAddress ?? null,
              userAgent: req.headers['user-agent'] ?? null,
            },
          ),
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
          ip: req.socket.remoteAddress ?? null,
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
  // Open sockets by the session they signed in with, so a revoked session's sockets close.
  const sockets = new Map<WebSocket, { sessionId: string; personId: string }>();
  const revocations = deps.bus.pubSub.subscribe(
    SESSIONS_REVOKED,
  ) as AsyncIterableIterator<SessionsRevoked>;
  void (async () => {
    for await (const revoked of revocations) {
      for (const [socket, owner] of sockets) {
        const ended =
          owner.sessionId === revoked.sessionId ||
          (owner.personId === revoked.personId && owner.sessionId !== revoked.exceptSessionId);
        if (ended) {
          socket.close(SESSION_ENDED, 'Session ended');
        }
      }
    }
  })().catch((err: unknown) => log.error({ err }, 'session revocation listener failed'));
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
        let document;
        try {
          document = parse(payload.query, parseOptions);
        } catch (err) {
          return [
            new GraphQLError(err instanceof GraphQLError ? err.message : 'Malformed operation', {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        const operation = getOperationAST(document, payload.operationName)?.operation;
        if (operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError('Only subscriptions are accepted over WebSocket; use HTTP.', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        const invalid = validate(schema, document, [...limitRules, ...specifiedRules]);
        if (invalid.length > 0) {
          return invalid.map(
            (e) =>
              new GraphQLError(withoutSuggestions(e.message), {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
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
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) {
          return undefined;
        }
        const context = args.contextValue as Context;
        return {
          ...result,
          errors: translateErrors(
            result.errors.map((e) => formatError(e.toJSON(), e)),
            context,
          ),
        };
      },
      onError: (ctx, _id, _payload, errors) =>
        translateErrors(
          errors.map((e) => formatError(e.toJSON(), e)),
          { locale: localeFromHeader(ctx.extra.request.headers['accept-language']) },
        ),
      // Renewed for every event (session, roles, a fresh fork): see core/live.ts. The operation's
      // row scope is made here and follows it (renewed with the viewer) through `subscribe` below.
      context: (ctx) =>
        withRowScope(newRowScope(), async () =>
          renewable(
            orm,
            await buildContext(
              deps,
              { sessionId: ctx.extra.sessionId ?? null },
              ctx.extra.request.headers['accept-language'],
              {
                ip: ctx.extra.request.socket.remoteAddress ?? null,
                userAgent: ctx.extra.request.headers['user-agent'] ?? null,
              },
            ),
            () => ctx.extra.socket.close(SESSION_ENDED, 'Session ended'),
          ),
        ),
      subscribe: async (args) => {
        const scope = (args.contextValue as Context).rowScope ?? newRowScope();
        const result = await withRowScope(scope, () => subscribe(args));
        return Symbol.asyncIterator in result
          ? scopedIterator(result[Symbol.asyncIterator](), scope)
          : result;
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
    close: async () => {
      await revocations.return?.();
      await wsCleanup.dispose();
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      await apollo.stop();
    },
  };
}
