import { json } from '@sveltejs/kit';
import { CLASSBOOK_API_URL } from '$app/env/private';
import { messagesFor } from '#lib/i18n/index.ts';
import type { RequestHandler } from './$types';

// Only names the API serves (modules/documents): nothing else is forwarded.
const DOCUMENT = /^[a-z][a-z0-9-]*\.(pdf|xlsx|csv|zip)$/;

/** The API's documents endpoint beside its GraphQL one (…/graphql → …/documents). */
const documentsBase = CLASSBOOK_API_URL.replace(/\/graphql\/?$/, '') + '/documents/';

/**
 * Downloads (issue 7, R-RPT-4): the browser asks here, and the session token from the httpOnly
 * cookie goes to the API as it does for /api/graphql. The file streams through with its type and
 * name; the API's refusals (401/403/404/400, JSON with code and message) pass through unchanged.
 */
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
  const t = messagesFor(locals.locale);
  if (!DOCUMENT.test(params.path)) {
    return json({ code: 'NOT_FOUND', message: t.errors.unexpected }, { status: 404 });
  }
  if (!locals.token) {
    return json({ code: 'UNAUTHENTICATED', message: t.errors.signedOut }, { status: 401 });
  }
  const headers: Record<string, string> = {
    authorization: `Bearer ${locals.token}`,
    'accept-language': locals.locale,
  };
  const userAgent = request.headers.get('user-agent');
  if (userAgent) {
    headers['user-agent'] = userAgent;
  }
  const answer = await fetch(`${documentsBase}${params.path}${url.search}`, { headers });
  const passed = new Headers({ 'cache-control': 'private, no-store' });
  for (const name of ['content-type', 'content-disposition', 'content-length']) {
    const value = answer.headers.get(name);
    if (value) {
      passed.set(name, value);
    }
  }
  return new Response(answer.body, { status: answer.status, headers: passed });
};
