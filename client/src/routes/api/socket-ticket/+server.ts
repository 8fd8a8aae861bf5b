import { json } from '@sveltejs/kit';
import { CLASSBOOK_API_URL, CLASSBOOK_API_WS_URL } from '$app/env/private';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import type { RequestHandler } from './$types';

const CreateSocketTicketMutation = graphql(`
  mutation CreateSocketTicket {
    createSocketTicket {
      ticket
    }
  }
`);

/** The API's WebSocket endpoint as the browser reaches it: set, or the HTTP one with ws(s):. */
function socketUrl(): string {
  if (CLASSBOOK_API_WS_URL) {
    return CLASSBOOK_API_WS_URL;
  }
  const url = new URL(CLASSBOOK_API_URL);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

const noStore = { 'cache-control': 'no-store' };

/**
 * A one-time ticket for the page to open its live socket with (#lib/live.ts). The session token
 * stays in its httpOnly cookie; the ticket opens one socket within a minute and nothing else.
 * Same-origin only, like /api/graphql, so another site cannot open a socket as this browser.
 * 401 means the session has ended (the page goes to /signin); 503 that the API is unreachable.
 */
export const POST: RequestHandler = async ({ request, locals, url }) => {
  const t = messagesFor(locals.locale);
  if (request.headers.get('origin') !== url.origin) {
    return json({ error: t.errors.unexpected }, { status: 403, headers: noStore });
  }
  if (!locals.token) {
    return json({ error: t.errors.signedOut }, { status: 401, headers: noStore });
  }
  try {
    const api = createApolloClient({
      token: locals.token,
      locale: locals.locale,
      userAgent: request.headers.get('user-agent'),
    });
    const { data } = await api.mutate({ mutation: CreateSocketTicketMutation });
    return json({ ticket: data.createSocketTicket.ticket, url: socketUrl() }, { headers: noStore });
  } catch (thrown) {
    if (apiErrorOf(thrown)?.code === 'UNAUTHENTICATED') {
      return json({ error: t.errors.signedOut }, { status: 401, headers: noStore });
    }
    console.error('classbook: createSocketTicket failed', thrown);
    return json({ error: t.errors.unavailable }, { status: 503, headers: noStore });
  }
};
