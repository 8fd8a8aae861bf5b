import { json } from '@sveltejs/kit';
import { CLASSBOOK_API_URL } from '$app/env/private';
import { messagesFor } from '#lib/i18n/index.ts';
import type { RequestHandler } from './$types';

/**
 * The browser's way to the API: the session token stays in its httpOnly cookie and is added here,
 * so page scripts never hold it. SvelteKit checks the origin of form posts only; a JSON post is
 * checked here, so another site cannot make a signed-in browser write marks.
 */
export const POST: RequestHandler = async ({ request, locals, url, getClientAddress }) => {
  const t = messagesFor(locals.locale);
  if (request.headers.get('origin') !== url.origin) {
    return json(
      { errors: [{ message: t.errors.unexpected, extensions: { code: 'FORBIDDEN' } }] },
      { status: 403 },
    );
  }
  if (!locals.token) {
    return json({
      errors: [{ message: t.errors.signedOut, extensions: { code: 'UNAUTHENTICATED' } }],
    });
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${locals.token}`,
    'accept-language': locals.locale,
    // The API throttles and records by the browser's address (it trusts this from us only).
    'x-forwarded-for': getClientAddress(),
  };
  const userAgent = request.headers.get('user-agent');
  if (userAgent) {
    headers['user-agent'] = userAgent;
  }
  const answer = await fetch(CLASSBOOK_API_URL, {
    method: 'POST',
    headers,
    body: await request.text(),
  });
  return new Response(answer.body, {
    status: answer.status,
    headers: {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    },
  });
};
