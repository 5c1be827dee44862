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

import type { Ctx } from '../context.ts';
import type { Db } from '../database/db.ts';
import { recordAudit as record, type AuditEventInput } from './audit.service.ts';

/** Records an event as done by the context's actor (user, CLI, worker), inside the caller's transaction. */
export function auditAction(
  db: Db,
  ctx: Ctx,
  event: Omit<AuditEventInput, 'actorType' | 'actorId' | 'actorLabel' | 'source'>,
) {
  return record(db, ctx, {
    ...event,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    source: ctx.actor.source,
  });
}
