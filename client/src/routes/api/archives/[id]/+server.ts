import { json } from '@sveltejs/kit';
import { forwardDownload } from '#lib/api-download.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import type { RequestHandler } from './$types';

// `<uuid>.zip`, the only name the API's /archives endpoint serves (modules/archive/archive.http.ts).
const ARCHIVE = /^[0-9a-f-]{36}\.zip$/i;

/** Downloads of a closed year's archive (issue 7, R-DATA-2): the administration's only. */
export const GET: RequestHandler = async ({ params, locals, request }) => {
  const t = messagesFor(locals.locale);
  if (!ARCHIVE.test(params.id)) {
    return json({ code: 'NOT_FOUND', message: t.errors.unexpected }, { status: 404 });
  }
  if (!locals.token) {
    return json({ code: 'UNAUTHENTICATED', message: t.errors.signedOut }, { status: 401 });
  }
  return forwardDownload(locals, request, `archives/${params.id}`);
};
