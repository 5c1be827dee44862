import { randomUUID } from 'node:crypto';
import { auditAction } from '../platform/audit/index.ts';
import type { Ctx } from '../platform/context.ts';
import { OctoError, frenchMessageFor, isOctoError, type OctoErrorCode } from '../platform/errors.ts';
import { requireEntity } from '../registry/index.ts';
import {
  findQuarantineEntry,
  insertQuarantineEntry,
  listQuarantine,
  resolveQuarantineEntry,
} from './quarantine.queries.ts';
import type { CaptureQuarantineTable } from './tables.ts';
import { assertQuarantineOriginalServable } from './antivirus/index.ts';

export interface QuarantineEntryView {
  id: string;
  entityCode: string;
  channel: string;
  filename: string;
  sizeBytes: number;
  sha256: string | null;
  code: string;
  message: string;
  status: CaptureQuarantineTable['status'];
  createdAt: string;
  resolvedAt: string | null;
  resolutionNote: string | null;
  mailItemChrono: string | null;
}

export interface QuarantineInput {
  entityId: string;
  channel: string;
  filename: string;
  sizeBytes: number;
  sha256: string | null;
  error: unknown;
  mailItemId?: string | null;
  documentId?: string | null;
}

/** Keeps a file that cannot be taken, with a reason an agent can read; never throws on odd errors. */
export async function quarantineFile(ctx: Ctx, input: QuarantineInput): Promise<CaptureQuarantineTable> {
  const code: OctoErrorCode = isOctoError(input.error) ? input.error.code : 'CAPTURE_PROCESSING_FAILED';
  const details = isOctoError(input.error) ? input.error.details : { error: String(input.error) };
  const row: CaptureQuarantineTable = {
    id: randomUUID(),
    entity_id: input.entityId,
    channel: input.channel,
    filename: input.filename,
    size_bytes: input.sizeBytes,
    sha256: input.sha256,
    code,
    message: frenchMessageFor(code, details),
    details: JSON.stringify(details),
    status: 'open',
    mail_item_id: input.mailItemId ?? null,
    document_id: input.documentId ?? null,
    created_at: ctx.clock.now().toISOString(),
    resolved_at: null,
    resolution_note: null,
  };
  const write = async (db: Ctx['db']) => {
    await insertQuarantineEntry(db, row);
    await auditAction(db, ctx, {
      entityId: input.entityId,
      action: 'capture.quarantine.created',
      subjectType: input.mailItemId ? 'mail_item' : 'quarantine',
      subjectId: input.mailItemId ?? row.id,
      after: { quarantineId: row.id, code, sha256: input.sha256, documentId: input.documentId ?? null },
    });
  };
  if (ctx.db.isTransaction) await write(ctx.db);
  else await ctx.db.transaction().execute(write);
  ctx.logger.warn({ quarantineId: row.id, code, sha256: input.sha256 }, 'file quarantined');
  return row;
}

export function toQuarantineView(row: CaptureQuarantineTable & { mail_item_chrono?: string | null }, entityCode: string): QuarantineEntryView {
  return {
    id: row.id,
    entityCode,
    channel: row.channel,
    filename: row.filename,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    code: row.code,
    message: row.message,
    status: row.status,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
    mailItemChrono: row.mail_item_chrono ?? null,
  };
}

export async function listQuarantineViews(ctx: Ctx, entityCode: string, which: 'open' | 'resolved') {
  const entity = await requireEntity(ctx, entityCode);
  const rows = await listQuarantine(ctx.db, entity.id, which === 'open' ? ['open'] : ['dismissed', 'released']);
  return rows.map((row) => toQuarantineView(row, entity.code));
}

export async function getQuarantineOriginal(ctx: Ctx, entityCode: string, id: string) {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findQuarantineEntry(ctx.db, entity.id, id);
  if (!row) throw new OctoError('REGISTRY_QUARANTINE_NOT_FOUND', `quarantine ${id} not found`);
  if (!row.sha256) throw new OctoError('REGISTRY_QUARANTINE_NOT_FOUND', `quarantine ${id} has no stored file`);
  await assertQuarantineOriginalServable(ctx, row);
  return { filename: row.filename, bytes: await ctx.blobs.get(row.sha256) };
}

export async function dismissQuarantineEntry(ctx: Ctx, entityCode: string, id: string, note: string) {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findQuarantineEntry(ctx.db, entity.id, id);
  if (!row) throw new OctoError('REGISTRY_QUARANTINE_NOT_FOUND', `quarantine ${id} not found`);
  if (row.status !== 'open') throw new OctoError('REGISTRY_QUARANTINE_ALREADY_RESOLVED', `quarantine ${id} is ${row.status}`);
  await ctx.db.transaction().execute(async (trx) => {
    await resolveQuarantineEntry(trx, entity.id, id, 'dismissed', ctx.clock.now().toISOString(), note);
    await auditAction(trx, ctx, {
      entityId: entity.id,
      action: 'capture.quarantine.dismissed',
      subjectType: row.mail_item_id ? 'mail_item' : 'quarantine',
      subjectId: row.mail_item_id ?? row.id,
      before: { quarantineId: id, status: row.status },
      after: { status: 'dismissed', note },
    });
  });
  const updated = await findQuarantineEntry(ctx.db, entity.id, id);
  return toQuarantineView(updated!, entity.code);
}
