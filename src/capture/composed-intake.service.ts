import type { Ctx } from '../platform/context.ts';
import { frenchMessageFor, isOctoError, type OctoErrorCode } from '../platform/errors.ts';
import { getMailItemSummary, registerMailItem, requireEntity, type MailChannel, type MailItemSummary } from '../registry/index.ts';
import { insertItemDocuments, prepareFile, type IntakeFile, type PreparedDocument } from './intake.service.ts';
import { processMailItemJob } from './jobs/process-mail-item.job.ts';

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
    await insertItemDocuments(tctx, entity.id, input.channel, registered.id, documents);
    await ctx.jobs.enqueue(trx, processMailItemJob, { entityId: entity.id, mailItemId: registered.id });
    return { itemId: registered.id, result: await inTransaction(tctx, registered, refused) };
  });
  return { item: await getMailItemSummary(ctx, entity.id, entity.code, itemId), result, refused };
}
