import { rule } from 'graphql-shield';
import type { Context } from '../core/context.js';
import { unauthenticated } from '../core/errors.js';
import type { Role } from '../modules/people/role-assignment.entity.js';

// Rules that read only the viewer may be cached per request ('contextual'); any rule that reads
// args or parent must use 'no_cache' (a contextual rule is keyed by its name only: STACK.md).

/** Anyone, signed in or not: signing in, redeeming a code, asking who am I. */
export const isAnyone = rule({ cache: 'contextual' })(() => true);

export const isSignedIn = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : unauthenticated(),
);

const roleRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();

/**
 * Holds one of `roles` in some school; the service checks which school the action touches.
 * One rule object per role set: graphql-shield refuses two rules of the same name.
 */
export function hasAnyRole(...roles: Role[]) {
  const name = `hasAnyRole:${[...roles].sort().join(',')}`;
  let found = roleRules.get(name);
  if (!found) {
    found = rule(name, { cache: 'contextual' })((_p, _a, ctx: Context) =>
      !ctx.viewer ? unauthenticated() : ctx.viewer.hasAnyRole(...roles),
    );
    roleRules.set(name, found);
  }
  return found;
}
