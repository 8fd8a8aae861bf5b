import type { Cookies } from '@sveltejs/kit';

/** The httpOnly cookie that carries the API session token; page scripts never see it. */
export const SESSION_COOKIE = 'classbook_session';

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: string) {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(cookies: Cookies) {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}
