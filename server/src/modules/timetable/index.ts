export { timetablePermissions } from './timetable.permissions.js';
export { timetableResolvers } from './timetable.resolver.js';
