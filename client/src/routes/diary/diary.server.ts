import { error, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { messagesFor } from '#lib/i18n/index.ts';

/** The API as the person of this request (a new client per request, STYLE.md habit 6). */
export const apiFor = (locals: App.Locals, request: Request) =>
  createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });

/**
 * Turns what a diary query threw into the page the person sees. NOT_FOUND is the API's answer for
 * a student out of the viewer's reach (and for one that does not exist: the two look the same on
 * purpose), so it becomes the refusal page, with no data of that student; an expired session goes
 * back to sign-in; anything else is "try again later" with the real error in the log.
 */
export function diaryFailure(thrown: unknown, locals: App.Locals, what: string): never {
  const t = messagesFor(locals.locale);
  const apiError = apiErrorOf(thrown);
  // A malformed id in a typed-in URL is refused the same way as someone else's.
  const badId =
    apiError?.code === 'BAD_USER_INPUT' &&
    (apiError.field === 'studentId' || apiError.field === 'periodId');
  if (apiError?.code === 'NOT_FOUND' || apiError?.code === 'FORBIDDEN' || badId) {
    error(404, t.diary.refusedTitle);
  }
  if (apiError?.code === 'UNAUTHENTICATED') {
    redirect(303, '/signin');
  }
  if (apiError?.code === 'BAD_USER_INPUT') {
    // Shown as the API words it, in the person's language.
    error(400, apiError.message);
  }
  console.error(`classbook: ${what} failed`, thrown);
  error(503, t.errors.unavailable);
}
