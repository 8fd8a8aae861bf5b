// GET /documents/<name>.<pdf|xlsx|csv|zip>?<params>: server-made documents (R-RPT-4, R-DRY-3),
// with the same bearer token as /graphql. Permissions live in one place: a document's data comes
// from a GraphQL operation run through the real schema and its shield, in a context built for the
// caller exactly as /graphql builds it; a refusal there is the refusal here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import type { Context } from '../../core/context.js';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { translate, type MessageKey, type MessageParams } from '../../core/messages.js';
import { personName } from './labels.js';
import { buildOneRosterZip } from './oneroster.js';
import type { PrintMeta } from './pdf-layout.js';
import { documentRegistry, type DocumentFormat } from './registry.js';

export interface DocumentsDeps {
  /** The caller's context, built as /graphql builds it. */
  context(req: IncomingMessage): Promise<Context>;
  /** Runs one operation as /graphql would (validation, shield, error formatting). */
  execute(
    ctx: Context,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }>;
}

const PATH = /^\/documents\/([a-z][a-z0-9-]*)\.(pdf|xlsx|csv|zip)$/;

const CONTENT_TYPES: Record<DocumentFormat | 'zip', string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
};

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  BAD_REQUEST: 400,
  CONFLICT: 409,
};

export const isDocumentPath = (pathname: string) => pathname.startsWith('/documents/');

function sendError(
  res: ServerResponse,
  status: number,
  body: { code: string; message: string; field?: string },
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendDomainError(
  res: ServerResponse,
  ctx: Pick<Context, 'locale'>,
  code: ErrorCode,
  key: MessageKey,
  params: MessageParams = {},
) {
  sendError(res, STATUS[code] ?? 500, { code, message: translate(ctx.locale, key, params) });
}

/** An RFC 6266 attachment header: an ASCII fallback and the real (Cyrillic) name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function sendFile(res: ServerResponse, format: DocumentFormat | 'zip', body: Buffer, name: string) {
  const fileName = `${name.replace(/[/\\:*?"<>|\r\n]+/g, ' ').trim() || 'document'}.${format}`;
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[format],
    'content-length': body.length,
    'content-disposition': contentDisposition(fileName),
    // Marks and names: never kept by a shared cache.
    'cache-control': 'private, no-store',
  });
  res.end(body);
}

function printMeta(ctx: Context): PrintMeta {
  const timeZone = ctx.viewer?.roles.find((r) => r.school.timeZone)?.school.timeZone;
  return {
    printedAt: new Date(),
    printedBy: ctx.viewer ? personName(ctx.viewer.person) : null,
    locale: ctx.locale,
    timeZone,
  };
}

export async function handleDocument(
  deps: DocumentsDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const ctx = await deps.context(req);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendError(res, 405, { code: 'BAD_REQUEST', message: 'Use GET.' });
    return;
  }
  if (!ctx.viewer) {
    sendDomainError(res, ctx, ErrorCode.UNAUTHENTICATED, 'error.unauthenticated');
    return;
  }
  const match = PATH.exec(url.pathname);
  const [, name, ext] = match ?? [];
  const query = Object.fromEntries(url.searchParams);

  if (name === 'oneroster' && ext === 'zip') {
    try {
      const { body, fileName } = await buildOneRosterZip(ctx.em, ctx.viewer, query, ctx.locale);
      sendFile(res, 'zip', body, fileName);
    } catch (err) {
      if (!(err instanceof DomainError)) {
        throw err;
      }
      sendDomainError(res, ctx, err.code, err.messageKey, err.options.params);
    }
    return;
  }

  const entry = name ? documentRegistry[name] : undefined;
  const format = ext as DocumentFormat | undefined;
  if (!entry || !format || !entry.formats.includes(format)) {
    sendDomainError(res, ctx, ErrorCode.NOT_FOUND, 'document.unknown');
    return;
  }
  const parsed = entry.parse(query);
  if (!parsed.ok) {
    sendError(res, 400, {
      code: ErrorCode.BAD_USER_INPUT,
      message: translate(ctx.locale, 'document.params', { fields: parsed.fields.join(', ') }),
      field: parsed.fields[0],
    });
    return;
  }
  const result = await deps.execute(ctx, entry.operation, parsed.variables);
  const error = result.errors?.[0];
  if (error) {
    const code =
      typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
    const field = typeof error.extensions?.field === 'string' ? error.extensions.field : undefined;
    sendError(res, STATUS[code] ?? 500, { code, message: error.message, field });
    return;
  }
  const { body, fileName } = await entry.render(format, result.data, parsed.params, printMeta(ctx));
  sendFile(res, format, body, fileName);
}
