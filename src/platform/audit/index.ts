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
import { recordAudit as record, type AuditEventInput, type RecordedAuditEvent } from './audit.service.ts';

/**
 * Runs in the transaction of each audited change, after its audit row: what must happen exactly
 * when a change commits (webhook deliveries) follows the audit log, the one place every change
 * passes through. Registered once by the composition root.
 */
export type AuditObserver = (ctx: Ctx, event: AuditEventInput, recorded: RecordedAuditEvent) => Promise<void>;
const observers = new Set<AuditObserver>();

export function observeAudit(observer: AuditObserver): void {
  observers.add(observer);
}

/** Records an event as done by the context's actor (user, CLI, worker), inside the caller's transaction. */
export function auditAction(
  db: Db,
  ctx: Ctx,
  event: Omit<AuditEventInput, 'actorType' | 'actorId' | 'actorLabel' | 'source'>,
) {
  const full: AuditEventInput = {
    ...event,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    source: ctx.actor.source,
  };
  if (observers.size === 0) return record(db, ctx, full);
  const run = async (trx: Db) => {
    const recorded = await record(trx, ctx, full);
    for (const observer of observers) await observer({ ...ctx, db: trx }, full, recorded);
    return recorded;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
