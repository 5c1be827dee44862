// The audit capability's tables. The lead merges `AuditTables` into PlatformTables
// (src/platform/tables.ts); until then the audit functions widen the database type with
// `db.withTables<AuditTables>()`, which stays harmless afterwards.

export type AuditActorType = 'user' | 'system' | 'public' | 'api';

/** One link of a hash chain. Rows are only ever inserted (triggers refuse UPDATE and DELETE). */
export interface PlatformAuditTable {
  id: string; // UUID
  /** The chain: the entity id, or 'platform' for platform-wide events. Unique with seq. */
  chain_key: string;
  entity_id: string | null; // null for platform-wide events
  seq: number; // 1..n per chain, gapless
  occurred_at: string; // ISO 8601 UTC, from ctx.clock
  actor_type: AuditActorType;
  actor_id: string | null;
  actor_label: string | null;
  source: string; // client IP, 'cli' or 'worker'
  action: string; // stable dotted name, e.g. 'registry.mail_item.registered'
  subject_type: string | null;
  subject_id: string | null;
  before: string | null; // canonical JSON text
  after: string | null; // canonical JSON text
  details: string; // canonical JSON text of an object
  prev_hash: string; // hex SHA-256 of the previous link, or the chain's genesis value
  hash: string; // hex SHA-256 of this link (see audit.hash.ts)
}

/** The head of each chain: its row lock serialises appends (like the chrono counter). */
export interface PlatformAuditHeadTable {
  chain_key: string;
  last_seq: number;
  last_hash: string;
}

// A type alias (not an interface) so that Kysely's withTables<T>() accepts it.
export type AuditTables = {
  platform_audit: PlatformAuditTable;
  platform_audit_head: PlatformAuditHeadTable;
};
