import { CLASSBOOK_API_URL } from '$app/env/private';

/** The API's origin and base path beside its GraphQL endpoint (…/graphql → …/). */
const apiBase = CLASSBOOK_API_URL.replace(/\/graphql\/?$/, '') + '/';

/**
 * Forwards a download to the API (documents R-RPT-4, archives R-DATA-2): the session token from
 * the httpOnly cookie goes as the bearer token, as it does for /api/graphql. The file streams
 * through with its type and name; the API's refusals (401/403/404/400, JSON with a code) pass
 * through unchanged. `apiPath` is relative to the API's base and already checked by the route.
 */
export async function forwardDownload(
  locals: App.Locals,
  request: Request,
  apiPath: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${locals.token ?? ''}`,
    'accept-language': locals.locale,
  };
  const userAgent = request.headers.get('user-agent');
  if (userAgent) {
    headers['user-agent'] = userAgent;
  }
  const answer = await fetch(`${apiBase}${apiPath}`, { headers });
  const passed = new Headers({ 'cache-control': 'private, no-store' });
  for (const name of ['content-type', 'content-disposition', 'content-length']) {
    const value = answer.headers.get(name);
    if (value) {
      passed.set(name, value);
    }
  }
  return new Response(answer.body, { status: answer.status, headers: passed });
}
