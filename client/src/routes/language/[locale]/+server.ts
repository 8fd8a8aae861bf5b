import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, supported } from '#lib/i18n/index.ts';
import type { RequestHandler } from './$types';

const YEAR = 60 * 60 * 24 * 365;

/**
 * The language switch of the signed-out pages (issue 6): `/language/en` keeps the choice in a
 * cookie, which hooks.server.ts honours before Accept-Language, and goes back to the page the link
 * was on (a path of this site only; the sign-in page when the browser does not say). A link, not a
 * form, so it works wherever a link does.
 */
export const GET: RequestHandler = ({ params, request, url, cookies }) => {
  const locale = supported(params.locale);
  if (locale) {
    cookies.set(LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: YEAR,
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
    });
  }
  redirect(303, backTo(request.headers.get('referer'), url));
};

function backTo(referer: string | null, url: URL): string {
  try {
    const from = new URL(referer ?? '', url);
    if (referer && from.origin === url.origin && !from.pathname.startsWith('/language/')) {
      return from.pathname + from.search;
    }
  } catch {
    // An unreadable Referer: fall through to the sign-in page.
  }
  return '/signin';
}
