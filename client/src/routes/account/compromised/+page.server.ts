import { fail, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { apiErrorOf } from '#lib/errors.ts';
import { graphql } from '#lib/graphql/index.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { clearSessionCookie } from '#lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

// A person's own "my account was compromised" (R-AUTH-3): every session of theirs ends, this one
// included, so the page signs them out here and sends them to sign in again.

const ReportOwnCompromise = graphql(`
  mutation ReportOwnCompromise($input: ReportCompromiseInput!) {
    reportCompromise(input: $input) {
      id
    }
  }
`);

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  return {};
};

/** The instant typed: the page's script sends it as ISO; without the script it is read as UTC. */
function sinceOf(iso: string, local: string): string {
  if (iso) {
    return iso;
  }
  const at = local ? new Date(`${local}Z`) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : '';
}

export const actions: Actions = {
  default: async ({ cookies, locals, request }) => {
    if (!locals.viewer || !locals.token) {
      redirect(303, '/signin');
    }
    const form = await request.formData();
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const since = sinceOf(text('since'), text('sinceLocal'));
    const t = messagesFor(locals.locale);
    if (!since) {
      return fail(400, { field: 'since', error: t.errors.required });
    }
    try {
      await createApolloClient({
        token: locals.token,
        locale: locals.locale,
        userAgent: request.headers.get('user-agent'),
      }).mutate({
        mutation: ReportOwnCompromise,
        variables: {
          input: { personId: locals.viewer.person.id, since, note: text('note') || null },
        },
      });
    } catch (thrown) {
      const apiError = apiErrorOf(thrown);
      if (apiError?.code === 'UNAUTHENTICATED') {
        redirect(303, '/signin');
      }
      if (!apiError) {
        console.error('classbook: reportCompromise failed', thrown);
      }
      return fail(apiError ? 400 : 503, {
        field: apiError?.field ?? null,
        error: apiError?.message ?? t.errors.unavailable,
      });
    }
    clearSessionCookie(cookies);
    redirect(303, '/signin');
  },
};
