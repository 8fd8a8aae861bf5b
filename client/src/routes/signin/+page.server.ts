import { fail, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { deviceIdOf, setSessionCookie } from '#lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      secondFactor {
        challenge
      }
    }
  }
`);

const SignInSecondFactorMutation = graphql(`
  mutation SignInSecondFactor($input: SignInSecondFactorInput!) {
    signInSecondFactor(input: $input) {
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
  /**
   * Both steps post here: the password step, and (for an account with a second factor) the code
   * step, which carries the challenge the password step returned in a hidden field.
   */
  default: async ({ request, cookies, url, locals, getClientAddress }) => {
    const t = messagesFor(locals.locale);
    const form = await request.formData();
    const login = textField(form, 'login').trim();
    const challenge = textField(form, 'challenge');
    const api = createApolloClient({
      token: null,
      locale: locals.locale,
      userAgent: request.headers.get('user-agent'),
      clientAddress: getClientAddress(),
    });
    const deviceId = deviceIdOf(cookies, url);

    if (challenge) {
      const code = textField(form, 'code').replace(/\s/g, '');
      if (!code) {
        return fail(400, { login, challenge, error: t.errors.required });
      }
      try {
        const { data } = await api.mutate({
          mutation: SignInSecondFactorMutation,
          variables: { input: { challenge, code, deviceId } },
        });
        const session = data.signInSecondFactor;
        setSessionCookie(cookies, url, session.token, session.expiresAt);
      } catch (thrown) {
        const apiError = apiErrorOf(thrown);
        if (apiError?.code === 'BAD_USER_INPUT' && apiError.field === 'challenge') {
          return fail(400, { login, error: t.security.codeExpired });
        }
        if (apiError?.code === 'BAD_USER_INPUT') {
          return fail(400, { login, challenge, error: t.security.codeWrong });
        }
        if (apiError) {
          return fail(429, { login, challenge, error: apiError.message });
        }
        console.error('classbook: signInSecondFactor failed', thrown);
        return fail(503, { login, challenge, error: t.errors.unavailable });
      }
      redirect(303, '/');
    }

    const password = textField(form, 'password');
    if (!login || !password) {
      return fail(400, { login, error: t.errors.required });
    }
    try {
      const { data } = await api.mutate({
        mutation: SignInMutation,
        variables: { input: { login, password, deviceId } },
      });
      const result = data.signIn;
      if (result.secondFactor) {
        return { login, challenge: result.secondFactor.challenge, error: null as string | null };
      }
      if (!result.token || !result.expiresAt) {
        throw new Error('signIn returned neither a session nor a challenge');
      }
      setSessionCookie(cookies, url, result.token, result.expiresAt);
    } catch (thrown) {
      const apiError = apiErrorOf(thrown);
      if (apiError?.code === 'UNAUTHENTICATED') {
        return fail(401, { login, error: t.signIn.wrongCredentials });
      }
      if (apiError) {
        // TOO_MANY_ATTEMPTS carries the wait in the API's words.
        return fail(apiError.code === 'TOO_MANY_ATTEMPTS' ? 429 : 400, {
          login,
          error: apiError.message,
        });
      }
      console.error('classbook: signIn failed', thrown);
      return fail(503, { login, error: t.errors.unavailable });
    }

    redirect(303, '/');
  },
};
