export { reportsPermissions } from './reports.permissions.js';
export { reportsResolvers } from './reports.resolver.js';
