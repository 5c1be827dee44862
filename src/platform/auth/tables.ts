// The tables of platform auth (users, memberships, absences, sessions, OIDC flows).
// The lead merges `AuthTables` into PlatformTables (src/platform/tables.ts); until then the
// auth queries widen the database type with `db.withTables<AuthTables>()`, harmless afterwards.

export type Role = 'platform_admin' | 'entity_admin' | 'mailroom_agent' | 'service_agent' | 'head_of_service' | 'auditor';
export type UserStatus = 'active' | 'disabled';

export interface PlatformUserTable {
  id: string; // UUID
  email: string; // lowercased, unique
  display_name: string;
  password_hash: string | null; // argon2id PHC string; null for OIDC-only accounts
  status: UserStatus;
  failed_attempts: number; // consecutive password failures, reset on success
  locked_until: string | null; // ISO
  oidc_issuer: string | null; // unique with oidc_subject
  oidc_subject: string | null;
  created_at: string;
  last_login_at: string | null;
  password_changed_at: string | null;
}

export interface PlatformMembershipTable {
  id: string;
  user_id: string;
  /** null only for the platform_admin role, which is not bound to an entity. */
  entity_id: string | null;
  service_id: string | null;
  role: Role;
  created_at: string;
}

/** A dated absence: from starts_on to ends_on (Paris calendar days, inclusive) the substitute acts for the user. */
export interface PlatformAbsenceTable {
  id: string;
  user_id: string;
  substitute_user_id: string;
  entity_id: string;
  starts_on: string; // YYYY-MM-DD
  ends_on: string; // YYYY-MM-DD
  created_at: string;
  cancelled_at: string | null;
}

export interface PlatformSessionTable {
  id: string; // hex sha256 of the token the cookie carries
  user_id: string;
  csrf_token: string;
  auth_method: 'password' | 'oidc';
  created_at: string;
  last_seen_at: string;
  expires_at: string; // min(last_seen + idle timeout, created + absolute lifetime)
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

/** One OIDC authorization in progress: the browser holds a random token, the row its hash. */
export interface PlatformOidcFlowTable {
  id: string; // hex sha256 of the flow cookie's token
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  expires_at: string;
}

// A type alias (not an interface) so that it satisfies Kysely's withTables constraint.
export type AuthTables = {
  platform_user: PlatformUserTable;
  platform_membership: PlatformMembershipTable;
  platform_absence: PlatformAbsenceTable;
  platform_session: PlatformSessionTable;
  platform_oidc_flow: PlatformOidcFlowTable;
};
