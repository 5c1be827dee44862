/** Which permissions a token grants in its entity (see API_TOKEN_SCOPES in api-token.service.ts). */
export type ApiTokenScope = 'deposit' | 'read';

export interface PlatformApiTokenTable {
  id: string;
  entity_id: string;
  name: string;
  /** The token's first characters ("octo_k3f9q2xa"), shown to tell tokens apart; not a secret. */
  prefix: string;
  /** sha256 (hex) of the whole token: the token itself is shown once and never stored. */
  token_hash: string;
  scopes: string; // JSON array of ApiTokenScope
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A request made with an Idempotency-Key header: its first answer, kept 24 hours for replays. */
export interface PlatformApiIdempotencyTable {
  /** Who sent it: 'token:<id>', 'user:<id>' or 'anonymous'. */
  owner_key: string;
  entity_id: string;
  idem_key: string;
  /** sha256 of what the request asked for: a same key with another payload is refused. */
  request_hash: string;
  state: 'pending' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface ApiTokenTables {
  platform_api_token: PlatformApiTokenTable;
  platform_api_idempotency: PlatformApiIdempotencyTable;
}
