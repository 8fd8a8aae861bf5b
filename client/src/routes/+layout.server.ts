import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  locale: locals.locale,
  roles: [...new Set(locals.viewer?.roles.map((r) => r.role) ?? [])],
});
