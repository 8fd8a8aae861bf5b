import { adminScope } from './admin.server.ts';
import type { LayoutServerLoad } from './$types';

// Every admin page passes here first: signed in, with an administrative role (else 403).
export const load: LayoutServerLoad = ({ locals }) => {
  const scope = adminScope(locals);
  return { schoolName: scope.schoolName, access: scope.access };
};
