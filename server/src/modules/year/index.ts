export { yearPermissions } from './year.permissions.js';
export { yearResolvers } from './year.resolver.js';
