import type { ServerResponse } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { archiveContent } from './archive.service.js';

/** `/archives/<uuid>.zip`: the path of an archive's download, or null for another path. */
export function archivePathId(pathname: string): string | null {
  return /^\/archives\/([0-9a-fA-F-]{36})\.zip$/.exec(pathname)?.[1] ?? null;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
};

/**
 * GET /archives/<id>.zip with the administration's bearer token (R-DATA-2): the archive as kept.
 * Errors answer with the GraphQL error shape and code, never with internals.
 */
export async function serveYearArchive(
  em: EntityManager,
  viewer: Viewer | null,
  archiveId: string,
  res: ServerResponse,
): Promise<void> {
  try {
    if (!viewer) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'error.unauthenticated');
    }
    const { archive, year, content } = await archiveContent(em, viewer, archiveId);
    const name = `classbook-archive-${year.name.replace(/[^0-9A-Za-z]+/g, '-')}-${archive.id.slice(0, 8)}.zip`;
    res.writeHead(200, {
      'content-type': 'application/zip',
      'content-length': String(content.length),
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-sha256': archive.sha256,
    });
    res.end(content);
  } catch (err) {
    if (!(err instanceof DomainError)) {
      throw err;
    }
    res.writeHead(STATUS[err.code] ?? 400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: err.code, extensions: { code: err.code } }] }));
  }
}
