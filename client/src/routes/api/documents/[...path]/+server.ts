import { json } from '@sveltejs/kit';
import { forwardDownload } from '#lib/api-download.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import type { RequestHandler } from './$types';

// Only names the API serves (modules/documents): nothing else is forwarded.
const DOCUMENT = /^[a-z][a-z0-9-]*\.(pdf|xlsx|csv|zip)$/;

/** Downloads of documents (issue 7, R-RPT-4) through the API's /documents endpoint. */
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
  const t = messagesFor(locals.locale);
  if (!DOCUMENT.test(params.path)) {
    return json({ code: 'NOT_FOUND', message: t.errors.unexpected }, { status: 404 });
  }
  if (!locals.token) {
    return json({ code: 'UNAUTHENTICATED', message: t.errors.signedOut }, { status: 401 });
  }
  return forwardDownload(locals, request, `documents/${params.path}${url.search}`);
};
