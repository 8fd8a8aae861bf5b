import { error, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { messagesFor } from '#lib/i18n/index.ts';

/** The API as the signed-in person of this request; /signin for nobody. */
export function journalApi(locals: App.Locals, request: Request) {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  return createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });
}

/**
 * Turns what a load's API call threw into SvelteKit's error page with the API's own message (already
 * in the person's language): a student who types a page's URL sees "not found", not a broken grid.
 */
export function loadFailed(locals: App.Locals, thrown: unknown): never {
  const apiError = apiErrorOf(thrown);
  if (apiError?.code === 'UNAUTHENTICATED') {
    redirect(303, '/signin');
  }
  const status = {
    NOT_FOUND: 404,
    FORBIDDEN: 403,
    BAD_USER_INPUT: 400,
    CONFLICT: 409,
    TOO_MANY_ATTEMPTS: 429,
  } as const;
  if (apiError) {
    error(status[apiError.code], apiError.message);
  }
  console.error('classbook: a journal load failed', thrown);
  error(503, messagesFor(locals.locale).errors.unavailable);
}
