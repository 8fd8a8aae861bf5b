import { error, redirect } from '@sveltejs/kit';
import { createApolloClient } from '#lib/apollo.ts';
import { messagesFor } from '#lib/i18n/index.ts';
import { classesILead, isoToday } from '../classes.server.ts';
import type { LayoutServerLoad } from './$types';

// Every page of a class checks first that the viewer leads it: the API would refuse each query
// anyway, but one clear "not your class" beats four failed sections.
export const load: LayoutServerLoad = async ({ locals, params, request }) => {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  const api = createApolloClient({
    token: locals.token,
    locale: locals.locale,
    userAgent: request.headers.get('user-agent'),
  });
  const classes = await classesILead(api, locals.viewer, isoToday());
  const schoolClass = classes.find((c) => c.id === params.classId);
  if (!schoolClass) {
    error(404, messagesFor(locals.locale).classroom.notYourClass);
  }
  return { schoolClass };
};
