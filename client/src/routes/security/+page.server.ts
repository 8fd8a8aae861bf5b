import { fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { textField } from '#lib/forms.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import type { Actions, PageServerLoad } from './$types';

const SecurityQuery = graphql(`
  query SecuritySettings {
    me {
      totpEnabled
    }
  }
`);

const BeginTotpMutation = graphql(`
  mutation BeginTotpEnrolment {
    beginTotpEnrolment {
      secret
      uri
    }
  }
`);

const ConfirmTotpMutation = graphql(`
  mutation ConfirmTotpEnrolment($input: ConfirmTotpEnrolmentInput!) {
    confirmTotpEnrolment(input: $input)
  }
`);

const DisableTotpMutation = graphql(`
  mutation DisableTotp($input: DisableTotpInput!) {
    disableTotp(input: $input)
  }
`);

const STAFF = new Set(['ADMINISTRATOR', 'DIRECTOR', 'DEPUTY', 'RECORDS_CLERK', 'TEACHER']);

function apiFor(locals: App.Locals, request: Request, clientAddress: string) {
  if (!locals.token) {
    redirect(303, '/signin');
  }
  return createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
    clientAddress,
  });
}

/** A refusal from the API as the page shows it; a lost session goes to /signin. */
function refused(thrown: unknown, locals: App.Locals, extra: Record<string, unknown> = {}) {
  const apiError = apiErrorOf(thrown);
  if (apiError?.code === 'UNAUTHENTICATED') {
    redirect(303, '/signin');
  }
  if (!apiError) {
    console.error('classbook: a security setting failed', thrown);
  }
  return fail(apiError ? 400 : 503, {
    ...extra,
    error: apiError?.message ?? messagesFor(locals.locale).errors.unavailable,
  });
}

export const load: PageServerLoad = async ({ locals, request, getClientAddress }) => {
  const api = apiFor(locals, request, getClientAddress());
  const staff = locals.viewer?.roles.some((r) => STAFF.has(r.role)) ?? false;
  const { data } = await api.query({ query: SecurityQuery });
  if (!data.me) {
    redirect(303, '/signin');
  }
  return { staff, totpEnabled: data.me.totpEnabled };
};

export const actions: Actions = {
  begin: async ({ locals, request, getClientAddress }) => {
    try {
      const { data } = await apiFor(locals, request, getClientAddress()).mutate({
        mutation: BeginTotpMutation,
      });
      const { secret, uri } = data.beginTotpEnrolment;
      // Drawn here, so the secret goes to no third-party service and the page needs no script.
      const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      return { enrolment: { secret, qr } };
    } catch (thrown) {
      return refused(thrown, locals);
    }
  },

  confirm: async ({ locals, request, getClientAddress }) => {
    const form = await request.formData();
    const code = textField(form, 'code');
    // The secret and picture come back so that a mistyped code can be retried on the same page.
    const enrolment = { secret: textField(form, 'secret'), qr: textField(form, 'qr') };
    try {
      await apiFor(locals, request, getClientAddress()).mutate({
        mutation: ConfirmTotpMutation,
        variables: { input: { code } },
      });
      return { enabled: true };
    } catch (thrown) {
      return refused(thrown, locals, { enrolment });
    }
  },

  disable: async ({ locals, request, getClientAddress }) => {
    const form = await request.formData();
    const code = textField(form, 'code').trim();
    const password = textField(form, 'password');
    try {
      await apiFor(locals, request, getClientAddress()).mutate({
        mutation: DisableTotpMutation,
        variables: { input: { code: code || null, password: password || null } },
      });
      return { disabled: true };
    } catch (thrown) {
      return refused(thrown, locals);
    }
  },
};
