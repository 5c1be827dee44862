import { copyItemDocuments, enqueueIndexing } from '../capture/index.ts';
import { auditAction } from '../platform/audit/index.ts';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { parisDateOf } from './deadlines/index.ts';
import { requireEntity } from './entity.service.ts';
import { findMailItemByChrono, updateMailItem } from './mail-item.queries.ts';
import { registerMailItem } from './mail-item.service.ts';

/**
 * CRPA L114-2: a request sent to the wrong entity of the platform goes to the competent one,
 * which registers it under its own chrono number (channel « Transmission ») and handles its
 * acknowledgement. The receipt by the first entity is kept, since a rejection delay runs from it
 * while an acceptance delay runs from the receipt by the competent entity. The first entity's
 * item is closed with the new number; both entities keep the history.
 */
export async function transferMailItem(ctx: Ctx, entityCode: string, chrono: string, input: { targetEntityCode: string; note?: string }) {
  const source = await requireEntity(ctx, entityCode);
  const target = await requireEntity(ctx, input.targetEntityCode);
  if (source.id === target.id) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'same entity', { detailFr: 'Choisissez une autre entité que la vôtre.' });
  }
  const item = await findMailItemByChrono(ctx.db, source.id, chrono);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  if (item.transferred_to_chrono) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'already transferred', { detailFr: `Ce courrier a déjà été transmis (${item.transferred_to_chrono}).` });
  }
  const firstReceivedOn = item.first_received_on ?? parisDateOf(new Date(item.received_at));
  const transferred = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const registered = await registerMailItem(tctx, {
      entityId: target.id,
      entityCode: target.code,
      direction: 'incoming',
      channel: 'transfer',
      status: 'processing',
      sourceFilename: item.source_filename,
      sourceSha256: item.source_sha256,
      documentCount: Number(item.document_count),
      pageCount: Number(item.page_count),
      senderName: item.sender_name,
      senderAddress: item.sender_address,
      subject: item.subject,
      warnings: JSON.parse(item.warnings) as string[],
      emailMeta: item.email_meta ? (JSON.parse(item.email_meta) as Record<string, unknown>) : null,
    });
    await updateMailItem(trx, target.id, registered.id, {
      first_received_on: firstReceivedOn,
      transferred_from: `${item.chrono} (${source.name})`,
      letter_date: item.letter_date,
    });
    await copyItemDocuments(tctx, { entityId: source.id, mailItemId: item.id }, { entityId: target.id, mailItemId: registered.id });
    await enqueueIndexing(tctx, target.id, registered.id);
    const now = ctx.clock.now().toISOString();
    const reason = `Transmis à ${target.name} (CRPA L114-2) sous le n° ${registered.chrono}${input.note ? ` : ${input.note}` : ''}`;
    await updateMailItem(trx, source.id, item.id, {
      handling_status: 'closed',
      handling_reason: reason.slice(0, 1000),
      closed_at: now,
      transferred_to_chrono: registered.chrono,
      updated_at: now,
    });
    await auditAction(trx, tctx, {
      entityId: source.id, action: 'registry.mail_item.transferred', subjectType: 'mail_item', subjectId: item.id,
      before: { handlingStatus: item.handling_status ?? 'registered' }, after: { handlingStatus: 'closed', to: registered.chrono, entity: target.code },
    });
    await auditAction(trx, tctx, {
      entityId: target.id, action: 'registry.mail_item.received_by_transfer', subjectType: 'mail_item', subjectId: registered.id,
      after: { from: item.chrono, entity: source.code, firstReceivedOn },
    });
    return registered;
  });
  return { chrono: transferred.chrono, entityCode: target.code, firstReceivedOn };
}
