export { archivePermissions } from './archive.permissions.js';
export { archiveResolvers } from './archive.resolver.js';
export { archivePathId, serveYearArchive } from './archive.http.js';
export { yearArchiveContributors } from './archive.service.js';
export {
  buildYearArchive,
  type ArchiveContributor,
  type ArchiveEntry,
  type ArchiveManifest,
} from './year-archive.js';
export { describeFinding, verifyArchive, type Finding } from './verify.js';
