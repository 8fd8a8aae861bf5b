export { diaryPermissions } from './diary.permissions.js';
export { diaryResolvers } from './diary.resolver.js';
