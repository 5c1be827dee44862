import { randomUUID } from 'node:crypto';
import type { Ctx } from '../platform/context.ts';
import { frenchMessageFor, isOctoError, type OctoErrorCode } from '../platform/errors.ts';
import { getMailItemSummary, registerMailItem, requireEntity, type MailChannel, type MailItemSummary } from '../registry/index.ts';
import { insertDocument, replacePages, updateDocument } from './document.queries.ts';
import { prepareFile, type IntakeFile, type PreparedDocument } from './intake.service.ts';
import { processMailItemJob } from './jobs/process-mail-item.job.ts';
import { quarantineFile } from './quarantine.service.ts';

export interface ComposedItemInput {
  channel: MailChannel;
  /** The text that stands for the whole send (a form's rendering): the item's main document. */
  main: { filename: string; text: string };
  /** Files sent with it, each checked like any intake (sniffing, inspection, quarantine). */
  attachments: IntakeFile[];
  senderName: string | null;
  senderAddress: string | null;
  subject: string | null;
  emailMeta: Record<string, unknown> | null;
}

export interface RefusedAttachment {
  filename: string;
  code: OctoErrorCode;
  reason: string;
}

/**
 * Registers one item made of a text and its attachments (a téléservice's submission), in one
 * transaction with whatever `inTransaction` writes (the submission row, its acknowledgement in the
 * outbox). A refused attachment stays on the item as a quarantined document, with its reason.
 */
export async function ingestComposedItem<T>(
  ctx: Ctx,
  entityCode: string,
  input: ComposedItemInput,
  inTransaction: (tctx: Ctx, item: { id: string; chrono: string; receivedAt: string }, refused: RefusedAttachment[]) => Promise<T>,
): Promise<{ item: MailItemSummary; result: T; refused: RefusedAttachment[] }> {
  const entity = await requireEntity(ctx, entityCode);
  const text = Buffer.from(input.main.text, 'utf8');
  const documents: PreparedDocument[] = [
    {
      role: 'main',
      filename: input.main.filename,
      mime: 'text/plain; charset=utf-8',
      kind: 'text',
      sha256: await ctx.blobs.put(text),
      sizeBytes: text.length,
      pageCount: 1,
      status: 'done',
      pages: [input.main.text],
    },
  ];
  for (const file of input.attachments) documents.push(await prepareFile(ctx, file, 'attachment'));
  const refused: RefusedAttachment[] = documents
    .filter((d) => d.rejection !== undefined)
    .map((d) => {
      const code: OctoErrorCode = isOctoError(d.rejection) ? d.rejection.code : 'CAPTURE_PROCESSING_FAILED';
      return { filename: d.filename, code, reason: frenchMessageFor(code, isOctoError(d.rejection) ? d.rejection.details : {}) };
    });

  const { itemId, result } = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const registered = await registerMailItem(tctx, {
      entityId: entity.id,
      entityCode: entity.code,
      direction: 'incoming',
      channel: input.channel,
      // The text is indexed (fields, search row) by the processing job, like an e-mail body.
      status: 'processing',
      sourceFilename: input.main.filename,
      sourceSha256: documents[0]!.sha256,
      documentCount: documents.length,
      pageCount: documents.reduce((sum, d) => sum + d.pageCount, 0),
      senderName: input.senderName,
      senderAddress: input.senderAddress,
      subject: input.subject,
      warnings: refused.map((r) => `${r.filename} : ${r.reason}`),
      emailMeta: input.emailMeta,
    });
    const now = ctx.clock.now().toISOString();
    for (const [position, doc] of documents.entries()) {
      const documentId = randomUUID();
      await insertDocument(trx, {
        id: documentId,
        entity_id: entity.id,
        mail_item_id: registered.id,
        position,
        role: doc.role,
        filename: doc.filename,
        mime: doc.mime,
        kind: doc.kind,
        size_bytes: doc.sizeBytes,
        sha256: doc.sha256,
        searchable_sha256: null,
        page_count: doc.pageCount,
        status: doc.status,
        text_source: doc.pages ? 'email' : null,
        ocr_confidence: null,
        quarantine_code: null,
        created_at: now,
        processed_at: doc.pages ? now : null,
      });
      if (doc.pages) {
        await replacePages(trx, documentId, doc.pages.map((page, index) => ({ document_id: documentId, page_index: index, text: page, source: 'email', confidence: null, rotation: 0, skew_degrees: 0 })));
      }
      if (doc.rejection !== undefined) {
        const entry = await quarantineFile(tctx, {
          entityId: entity.id, channel: input.channel, filename: doc.filename, sizeBytes: doc.sizeBytes, sha256: doc.sha256,
          error: doc.rejection, mailItemId: registered.id, documentId,
        });
        await updateDocument(trx, entity.id, documentId, { quarantine_code: entry.code });
      }
    }
    await ctx.jobs.enqueue(trx, processMailItemJob, { entityId: entity.id, mailItemId: registered.id });
    return { itemId: registered.id, result: await inTransaction(tctx, registered, refused) };
  });
  return { item: await getMailItemSummary(ctx, entity.id, entity.code, itemId), result, refused };
}
