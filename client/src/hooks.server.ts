import { error } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { LOCALE_COOKIE, messagesFor, pickLocale } from '#lib/i18n/index.ts';
import { clearSessionCookie, sessionTokenOf } from '#lib/session.ts';
import { MeQuery, type Viewer } from '#lib/viewer.ts';

/**
 * Who is signed in, asked of the API once per request (STYLE.md, habit 6). A token the API no
 * longer accepts drops the cookie; an API that cannot be reached is an error page, not a sign-out,
 * so a short outage does not throw everybody out.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const browserLocale = pickLocale(
    null,
    event.request.headers.get('accept-language'),
    event.cookies.get(LOCALE_COOKIE) ?? null,
  );
  const userAgent = event.request.headers.get('user-agent');
  const token = sessionTokenOf(event.cookies);

  let viewer: Viewer | null = null;
  if (token) {
    try {
      const api = createApolloClient({
        token,
        locale: browserLocale,
        userAgent,
        clientAddress: event.getClientAddress(),
      });
      const { data } = await api.query({ query: MeQuery });
      viewer = data.me;
    } catch (thrown) {
      if (apiErrorOf(thrown)?.code !== 'UNAUTHENTICATED') {
        console.error('classbook: reading the viewer failed', thrown);
        error(503, messagesFor(browserLocale).errors.unavailable);
      }
    }
    if (!viewer) {
      clearSessionCookie(event.cookies);
    }
  }

  event.locals.viewer = viewer;
  event.locals.token = viewer ? token : null;
  event.locals.locale = viewer ? pickLocale(viewer.person.locale, null) : browserLocale;

  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%classbook.lang%', event.locals.locale),
  });
};
