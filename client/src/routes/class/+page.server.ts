import { redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import type { PageServerLoad } from './$types';
import { classesILead, isoToday } from './classes.server.ts';

// One class (the usual case) opens its dashboard at once; several are listed; none is explained.
export const load: PageServerLoad = async ({ locals, request }) => {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  const api = createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });
  const classes = await classesILead(api, locals.viewer, isoToday());
  if (classes.length === 1) {
    redirect(303, `/class/${classes[0]!.id}`);
  }
  return { classes };
};
