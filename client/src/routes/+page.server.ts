import { fail, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { graphql } from '#lib/graphql/index.ts';
import { textField } from '#lib/forms.ts';
import { LOCALE_COOKIE, messagesFor, supported } from '#lib/i18n/index.ts';
import { clearSessionCookie } from '#lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

const SetMyLocaleMutation = graphql(`
  mutation SetMyLocale($input: SetMyLocaleInput!) {
    setMyLocale(input: $input) {
      id
      locale
    }
  }
`);

const UnreadQuery = graphql(`
  query HomeUnread {
    myThreads {
      id
      unreadCount
    }
  }
`);

const apiFor = (locals: App.Locals, request: Request) =>
  createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });

export const load: PageServerLoad = async ({ locals, request }) => {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  return { viewer: locals.viewer, unread: await unreadMessages(locals, request) };
};

/**
 * Unread messages across the person's conversations, kept live by the page. Null when they have
 * no role yet (no mail) or the count cannot be read: the profile and sign-out still work.
 */
async function unreadMessages(locals: App.Locals, request: Request): Promise<number | null> {
  if (!locals.viewer?.roles.length) {
    return null;
  }
  try {
    const { data } = await apiFor(locals, request).query({ query: UnreadQuery });
    return data.myThreads.reduce((sum, thread) => sum + thread.unreadCount, 0);
  } catch (thrown) {
    console.error('classbook: counting unread messages failed', thrown);
    return null;
  }
}

export const actions: Actions = {
  // The person's own interface language (issue 6): stored on the person, so it follows them to
  // every device, and kept in the cookie too, so the sign-in page stays in it after signing out.
  setLocale: async ({ cookies, locals, request, url }) => {
    if (!locals.token) {
      redirect(303, '/signin');
    }
    const locale = textField(await request.formData(), 'locale');
    try {
      await apiFor(locals, request).mutate({
        mutation: SetMyLocaleMutation,
        variables: { input: { locale } },
      });
    } catch (thrown) {
      const apiError = apiErrorOf(thrown);
      if (apiError?.code === 'UNAUTHENTICATED') {
        redirect(303, '/signin');
      }
      console.error('classbook: setMyLocale failed', thrown);
      return fail(apiError?.code === 'BAD_USER_INPUT' ? 400 : 503, {
        error: apiError?.message ?? messagesFor(locals.locale).errors.unavailable,
      });
    }
    const chosen = supported(locale);
    if (chosen) {
      cookies.set(LOCALE_COOKIE, chosen, {
        path: '/',
        maxAge: 60 * 60 * 24 * 365,
        httpOnly: true,
        sameSite: 'lax',
        secure: url.protocol === 'https:',
      });
    }
    return { localeSaved: true };
  },

  // Signing out on this device always succeeds here: the cookie goes even when the API cannot
  // be told, since the person asked to leave this browser.
  signOut: async ({ cookies, locals, request }) => {
    if (locals.token) {
      try {
        await apiFor(locals, request).mutate({ mutation: SignOutMutation });
      } catch (thrown) {
        if (apiErrorOf(thrown)?.code !== 'UNAUTHENTICATED') {
          console.error('classbook: signOut failed; the cookie is cleared anyway', thrown);
        }
      }
    }
    clearSessionCookie(cookies);
    redirect(303, '/signin');
  },

  // Ending the other sessions is the point of this one, so a failure is shown, not hidden.
  signOutEverywhere: async ({ cookies, locals, request }) => {
    if (locals.token) {
      try {
        await apiFor(locals, request).mutate({ mutation: SignOutEverywhereMutation });
      } catch (thrown) {
        if (apiErrorOf(thrown)?.code !== 'UNAUTHENTICATED') {
          console.error('classbook: signOutEverywhere failed', thrown);
          return fail(503, { error: messagesFor(locals.locale).errors.unavailable });
        }
      }
    }
    clearSessionCookie(cookies);
    redirect(303, '/signin');
  },
};
