import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';

/**
 * The httpOnly cookie that carries the API session token; page scripts never see it. Over https
 * it is named with the `__Host-` prefix, which browsers accept only with Secure, Path=/ and no
 * Domain: no subdomain and no plain-http page can set or shadow it (issue 8).
 */
export const SESSION_COOKIE = 'classbook_session';
const HOST_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** A random id for this browser, kept a year: the API lets a known device past the per-account
 * throttle while someone elsewhere guesses the password (server auth/throttle.ts). */
const DEVICE_COOKIE = 'classbook_device';
const HOST_DEVICE_COOKIE = `__Host-${DEVICE_COOKIE}`;

const secure = (url: URL) => url.protocol === 'https:';

export function sessionTokenOf(cookies: Cookies): string | null {
  return cookies.get(HOST_SESSION_COOKIE) ?? cookies.get(SESSION_COOKIE) ?? null;
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: string) {
  cookies.set(secure(url) ? HOST_SESSION_COOKIE : SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(url),
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(cookies: Cookies) {
  for (const name of [HOST_SESSION_COOKIE, SESSION_COOKIE]) {
    if (cookies.get(name) !== undefined) {
      cookies.delete(name, { path: '/', secure: name === HOST_SESSION_COOKIE });
    }
  }
}

/** This browser's device id, made on first use. */
export function deviceIdOf(cookies: Cookies, url: URL): string {
  const name = secure(url) ? HOST_DEVICE_COOKIE : DEVICE_COOKIE;
  let id = cookies.get(name);
  if (!id || !/^[A-Za-z0-9_-]{32,64}$/.test(id)) {
    id = randomBytes(24).toString('base64url');
  }
  // Set again each time: a year from the last sign-in.
  cookies.set(name, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(url),
    maxAge: 60 * 60 * 24 * 365,
  });
  return id;
}
