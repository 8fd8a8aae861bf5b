import { fail, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { setSessionCookie } from '#lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
    }
  }
`);

export const load: PageServerLoad = ({ locals }) => {
  if (locals.viewer) {
    redirect(303, '/');
  }
};

export const actions: Actions = {
  default: async ({ request, cookies, url, locals }) => {
    const t = messagesFor(locals.locale);
    const form = await request.formData();
    const login = textField(form, 'login').trim();
    const password = textField(form, 'password');

    if (!login || !password) {
      return fail(400, { login, error: t.errors.required });
    }

    try {
      const api = createApolloClient({
        token: null,
        locale: locals.locale,
        userAgent: request.headers.get('user-agent'),
      });
      const { data } = await api.mutate({
        mutation: SignInMutation,
        variables: { input: { login, password } },
      });
      setSessionCookie(cookies, url, data.signIn.token, data.signIn.expiresAt);
    } catch (thrown) {
      const apiError = apiErrorOf(thrown);
      if (apiError?.code === 'UNAUTHENTICATED') {
        return fail(401, { login, error: t.signIn.wrongCredentials });
      }
      if (apiError) {
        return fail(400, { login, error: apiError.message });
      }
      console.error('classbook: signIn failed', thrown);
      return fail(503, { login, error: t.errors.unavailable });
    }

    redirect(303, '/');
  },
};
