import { fail, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { setSessionCookie } from '#lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

const RedeemInvitationMutation = graphql(`
  mutation RedeemInvitation($input: RedeemInvitationInput!) {
    redeemInvitation(input: $input) {
      token
      expiresAt
    }
  }
`);

type Field = 'code' | 'login' | 'password';
const FIELDS: readonly string[] = ['code', 'login', 'password'] satisfies Field[];

// An invitation link may carry the code (`/redeem?code=…`) so nobody has to type it.
export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
  default: async ({ request, cookies, url, locals, getClientAddress }) => {
    const t = messagesFor(locals.locale);
    const form = await request.formData();
    const code = textField(form, 'code').trim();
    const login = textField(form, 'login').trim();
    const password = textField(form, 'password');
    const keep = { code, login };

    const missing: Field | null = !code ? 'code' : !login ? 'login' : !password ? 'password' : null;
    if (missing) {
      return fail(400, { ...keep, field: missing, error: t.errors.required });
    }

    try {
      const api = createApolloClient({
        token: null,
        locale: locals.locale,
        userAgent: request.headers.get('user-agent'),
        clientAddress: getClientAddress(),
      });
      const { data } = await api.mutate({
        mutation: RedeemInvitationMutation,
        variables: { input: { code, login, password } },
      });
      setSessionCookie(cookies, url, data.redeemInvitation.token, data.redeemInvitation.expiresAt);
    } catch (thrown) {
      const apiError = apiErrorOf(thrown);
      if (apiError) {
        const field: Field | null =
          apiError.field && FIELDS.includes(apiError.field) ? (apiError.field as Field) : null;
        const error =
          apiError.code === 'BAD_USER_INPUT' && field === 'code'
            ? t.redeem.badCode
            : apiError.message;
        return fail(400, { ...keep, field, error });
      }
      console.error('classbook: redeemInvitation failed', thrown);
      return fail(503, { ...keep, field: null as Field | null, error: t.errors.unavailable });
    }

    redirect(303, '/');
  },
};
