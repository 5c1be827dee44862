import { getJson, postJson, seg } from '../../api/client.ts';

/** Contract of the « applications » tag of /api/docs: API tokens. */
export interface ApiToken {
  id: string;
  entityCode: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

const base = (code: string) => `/entities/${seg(code)}/api-tokens`;

export function listApiTokens(code: string, signal?: AbortSignal) {
  return getJson<{ tokens: ApiToken[] }>(base(code), {}, signal).then((r) => r.tokens);
}

export function createApiToken(code: string, body: { name: string; scopes: string[]; expiresOn: string | null }) {
  return postJson<ApiToken & { token: string }>(base(code), body);
}

export function revokeApiToken(code: string, id: string) {
  return postJson<ApiToken>(`${base(code)}/${seg(id)}/revoke`, {});
}
