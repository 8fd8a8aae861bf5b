import { error, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf, type ApiError } from '#lib/errors.ts';
import { messagesFor, type Locale } from '#lib/i18n/index.ts';

/** The signed-in viewer of a mail page, or a redirect to sign in. */
export function requireViewer(locals: App.Locals) {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  return locals.viewer;
}

/** A per-request API client for the mail pages' loads and actions (STYLE.md, habit 6). */
export const mailApi = (locals: App.Locals, request: Request) =>
  createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });

/**
 * A failed load: NOT_FOUND becomes the 404 page, a refusal 403, everything else 503 with the
 * API's words when it gave some.
 */
export function loadFailed(thrown: unknown, locale: Locale): never {
  const api = apiErrorOf(thrown);
  if (api?.code === 'UNAUTHENTICATED') {
    redirect(303, '/signin');
  }
  if (api?.code === 'NOT_FOUND') {
    error(404, api.message);
  }
  if (api?.code === 'FORBIDDEN') {
    error(403, api.message);
  }
  if (api) {
    error(400, api.message);
  }
  console.error('classbook: a mail page failed to load', thrown);
  error(503, messagesFor(locale).errors.unavailable);
}

/** What an action sends back for a refused mutation: the API's message and the field at fault. */
export interface Refusal {
  error: string;
  field: string | null;
}

/** The API's refusal in the page's terms; an unknown failure is logged and worded generally. */
export function refusalOf(thrown: unknown, locale: Locale, what: string): Refusal {
  const api: ApiError | null = apiErrorOf(thrown);
  if (api) {
    return { error: api.message, field: api.field };
  }
  console.error(`classbook: ${what} failed`, thrown);
  return { error: messagesFor(locale).errors.unavailable, field: null };
}
