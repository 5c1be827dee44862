// Connected applications: API tokens (Bearer), and Idempotency-Key replays of state-changing requests.
export { apiTokenRoutes } from './api-token.routes.ts';
export {
  API_TOKEN_SCOPES,
  createApiToken,
  listApiTokens,
  resolveBearerPrincipal,
  revokeApiToken,
  SCOPE_NAMES,
  type ApiTokenView,
  type CreateApiTokenInput,
} from './api-token.service.ts';
export { requestFingerprint, runIdempotently } from './idempotency.service.ts';
export type { ApiTokenScope, ApiTokenTables } from './tables.ts';
