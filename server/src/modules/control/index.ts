export { controlPermissions } from './control.permissions.js';
export { controlResolvers } from './control.resolver.js';
