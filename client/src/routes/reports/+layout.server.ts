import { redirect } from '@sveltejs/kit';
import type { Role } from '#lib/graphql/graphql.ts';
import type { LayoutServerLoad } from './$types';

const STAFF: Role[] = ['DIRECTOR', 'DEPUTY', 'ADMINISTRATOR', 'RECORDS_CLERK', 'TEACHER'];
const MARKS_READERS: Role[] = ['DIRECTOR', 'DEPUTY', 'ADMINISTRATOR', 'TEACHER'];

export const load: LayoutServerLoad = ({ locals }) => {
  if (!locals.viewer) {
    redirect(303, '/signin');
  }
  const roles = new Set(locals.viewer.roles.map((r) => r.role));
  return {
    // The staff's reports; families reach only "explain this average" from the diary.
    staff: STAFF.some((r) => roles.has(r)),
    // The clerk files the summary sheet only (server/src/modules/reports/reports.permissions.ts).
    marksReader: MARKS_READERS.some((r) => roles.has(r)),
  };
};
