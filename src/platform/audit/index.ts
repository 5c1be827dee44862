// The audit log's public surface: capabilities call recordAudit inside the transaction that
// makes a change; the CLI and the web app read chains through verifyAuditChain/listAuditEvents.
export {
  AUDIT_HASH_VERSION,
  auditHash,
  auditHashMessage,
  canonicalJson,
  genesisHash,
  type AuditHashInput,
} from './audit.hash.ts';
export {
  listAuditEvents,
  PLATFORM_CHAIN,
  recordAudit,
  toAuditEventView,
  verifyAuditChain,
  type AuditBreakReason,
  type AuditEventInput,
  type AuditEventView,
  type AuditVerification,
  type RecordedAuditEvent,
} from './audit.service.ts';
export type { AuditActorType, AuditTables, PlatformAuditHeadTable, PlatformAuditTable } from './tables.ts';
