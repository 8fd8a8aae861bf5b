export { ApiClient, ApiRequest } from './api-client.entity.js';
export {
  API_TOKEN_PREFIX,
  ApiClientViewer,
  isApiToken,
  isApiViewerOf,
  viewerFromApiToken,
} from './api-client.viewer.js';
export { recordApiRequest } from './api-clients.service.js';
export { apiClientsPermissions, withApiScopes } from './api-clients.permissions.js';
export { ApiScope, isApiViewer, lacksApiScope } from './api-scope.js';
import { ApiClientsResolver } from './api-clients.resolver.js';
import { ConnectionsResolver } from './connections.js';
export { apiRateLimiter, type ApiRateLimiter } from './rate-limit.js';

export const apiClientsResolvers = [ApiClientsResolver, ConnectionsResolver] as const;
