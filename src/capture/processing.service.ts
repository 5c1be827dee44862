import { indexMailItemFields, routeIndexedMailItem, type DocumentText } from '../indexing/index.ts';
import type { Ctx } from '../platform/context.ts';
import { frenchMessageFor, isOctoError } from '../platform/errors.ts';
import { completeMailItemIndexing, flagSameContent, getMailItemState, setMailItemStatus, type MailStatus } from '../registry/index.ts';
import { listDocuments, listPages, replacePages, updateDocument } from './document.queries.ts';
import { processDocument, type ProcessableKind } from './ocr/index.ts';
import { ocrPoolFor } from './ocr-pool-provider.ts';
import { findOpenQuarantineForDocument } from './quarantine.queries.ts';
import { quarantineFile } from './quarantine.service.ts';
import { applyPendingChronoStamp } from './scanner/chrono-stamp.ts';
import type { CaptureDocumentTable } from './tables.ts';

const PROCESSABLE = new Set(['pdf', 'tiff', 'jpeg', 'png']);
/** Below this mean OCR confidence (0-100) a scan is flagged for a person to check. */
const LOW_CONFIDENCE = 70;
/** Below this, what OCR returns is noise (a photo, a blank page): no field is taken from it. */
const NOISE_CONFIDENCE = 45;
/** Fewer letters than this on a whole document: nothing was recognised. */
const MIN_LETTERS = 5;

/** A sender's name worth showing: a confident field with at least one real word in it. */
function plausibleSender<F extends { confidence: number; value: string }>(field: F | undefined): F | undefined {
  if (!field || field.confidence < 0.6) return undefined;
  return /[\p{L}]{3,}/u.test(field.value) ? field : undefined;
}

async function ocrDocument(ctx: Ctx, doc: CaptureDocumentTable, channel: string): Promise<void> {
  await updateDocument(ctx.db, doc.entity_id, doc.id, { status: 'processing' });
  const bytes = await ctx.blobs.get(doc.sha256);
  let result;
  try {
    result = await processDocument(bytes, doc.kind as ProcessableKind, {
      pool: ocrPoolFor(ctx),
      maxPixelsPerPage: ctx.config.maxPixelsPerPage,
    });
  } catch (error) {
    if (!isOctoError(error)) throw error; // unexpected: let the queue retry
    // The file itself is at fault: keep it aside with its reason, go on with the others.
    await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await updateDocument(trx, doc.entity_id, doc.id, { status: 'quarantined', quarantine_code: error.code, processed_at: ctx.clock.now().toISOString() });
      if (!(await findOpenQuarantineForDocument(trx, doc.entity_id, doc.id))) {
        await quarantineFile(tctx, {
          entityId: doc.entity_id, channel, filename: doc.filename, sizeBytes: Number(doc.size_bytes),
          sha256: doc.sha256, error, mailItemId: doc.mail_item_id, documentId: doc.id,
        });
      }
    });
    return;
  }
  const searchableSha = result.searchablePdf ? await ctx.blobs.put(result.searchablePdf) : null;
  const ocrPages = result.pages.filter((p) => p.source === 'ocr');
  const confidence = ocrPages.length ? ocrPages.reduce((sum, p) => sum + (p.confidence ?? 0), 0) / ocrPages.length : null;
  const textSource = ocrPages.length === 0 ? 'text-layer' : ocrPages.length === result.pages.length ? 'ocr' : 'mixed';
  await ctx.db.transaction().execute(async (trx) => {
    await replacePages(
      trx,
      doc.id,
      result.pages.map((p) => ({
        document_id: doc.id, page_index: p.index, text: p.text, source: p.source,
        confidence: p.confidence, rotation: p.rotation, skew_degrees: p.skewDegrees,
      })),
    );
    await updateDocument(trx, doc.entity_id, doc.id, {
      status: 'done', page_count: result.pages.length, searchable_sha256: searchableSha,
      text_source: textSource, ocr_confidence: confidence, processed_at: ctx.clock.now().toISOString(),
    });
  });
}

/** The sender's address on one line; the postcode line is added only when not already there. */
function postalAddressOf(details: { addressLines?: string[]; postcode?: string; city?: string }): string | null {
  const lines = [...(details.addressLines ?? [])];
  if (details.postcode && !lines.some((line) => line.includes(details.postcode!))) {
    lines.push([details.postcode, details.city].filter(Boolean).join(' '));
  }
  return lines.length ? lines.join(', ') : null;
}

/** Idempotent: documents already done are skipped, fields and search rows are replaced. */
export async function processMailItem(ctx: Ctx, entityId: string, mailItemId: string): Promise<'done' | 'skipped'> {
  const item = await getMailItemState(ctx, entityId, mailItemId);
  if (!item) return 'skipped';
  for (const doc of await listDocuments(ctx.db, entityId, mailItemId)) {
    if (PROCESSABLE.has(doc.kind) && (doc.status === 'pending' || doc.status === 'processing')) {
      await ocrDocument(ctx, doc, item.channel);
    }
  }
  await applyPendingChronoStamp(ctx, entityId, mailItemId);

  const documents = await listDocuments(ctx.db, entityId, mailItemId);
  const texts: DocumentText[] = [];
  const warnings = new Set(item.warnings);
  let status: MailStatus = 'indexed';
  let pageCount = 0;
  let letters = 0;
  let searchBody = '';
  for (const doc of documents) {
    pageCount += Number(doc.page_count);
    if (doc.status === 'quarantined') {
      status = 'needs_review';
      warnings.add(`${doc.filename} : ${frenchMessageFor((doc.quarantine_code ?? 'CAPTURE_PROCESSING_FAILED') as never)}`);
      continue;
    }
    const pages = (await listPages(ctx.db, doc.id)).map((p) => p.text);
    if (pages.length === 0) continue;
    const noise = doc.ocr_confidence !== null && Number(doc.ocr_confidence) < NOISE_CONFIDENCE;
    if (noise) {
      // The pages stay readable on the item, but noise gives no field and no search terms.
      status = 'needs_review';
      warnings.add(`${doc.filename} : ${frenchMessageFor('CAPTURE_NO_TEXT_FOUND')}`);
      searchBody += `${doc.filename}\n`;
      continue;
    }
    letters += pages.join('').replace(/[^\p{L}]/gu, '').length;
    searchBody += `${doc.filename}\n${pages.join('\n')}\n`;
    texts.push({ documentId: doc.id, pages, email: doc.role === 'email-body' && item.email ? item.email : undefined });
    if (doc.ocr_confidence !== null && Number(doc.ocr_confidence) < LOW_CONFIDENCE) {
      status = 'needs_review';
      warnings.add(`${doc.filename} : ${frenchMessageFor('CAPTURE_LOW_OCR_CONFIDENCE')}`);
    }
  }
  if (letters < MIN_LETTERS && texts.length > 0 && documents.some((d) => PROCESSABLE.has(d.kind))) {
    status = 'needs_review';
    warnings.add(frenchMessageFor('CAPTURE_NO_TEXT_FOUND'));
  }

  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const fields = await indexMailItemFields(tctx, entityId, mailItemId, texts, item.receivedAt);
    const best = (name: string) => fields.filter((f) => f.name === name).sort((a, b) => b.confidence - a.confidence)[0];
    const sender = plausibleSender(best('sender'));
    const senderDetails = (sender?.details ?? {}) as { name?: string; email?: string; addressLines?: string[]; postcode?: string; city?: string };
    await completeMailItemIndexing(tctx, entityId, mailItemId, {
      status,
      // What the depositing application declared wins over what the letter seems to say.
      senderName: item.declared?.senderName ?? item.email?.from?.name ?? item.email?.from?.address ?? senderDetails.name ?? sender?.value ?? null,
      senderAddress: item.declared?.senderAddress ?? item.email?.from?.address ?? postalAddressOf(senderDetails),
      subject: item.declared?.subject ?? item.email?.subject ?? best('subject')?.value ?? null,
      letterDate: best('letter_date')?.normalized ?? null,
      pageCount,
      warnings: [...warnings],
      searchBody: `${searchBody}\n${fields.map((f) => f.value).join('\n')}`,
    });
  });
  // The same letter by two channels (an e-mail and its paper copy) is flagged, never dropped; a
  // failure here must not undo the item's processing.
  try {
    await flagSameContent(ctx, entityId, mailItemId);
  } catch (error) {
    ctx.logger.warn({ err: error, mailItemId }, 'same-content check failed');
  }
  // Routing (rule, classifier or abstention) once the text is known; it runs once per item.
  if (texts.length > 0) {
    const email = item.email as { subject?: string; from?: { address?: string }; to?: Array<{ address?: string }> } | null;
    await routeIndexedMailItem(ctx, entityId, mailItemId, {
      text: [email?.subject ?? '', ...texts.flatMap((t) => t.pages)].join('\n'),
      senderAddress: email?.from?.address ?? null,
      // A form's "type" is the request type the person chose on it.
      formType: item.channel === 'form' ? item.requestTypeCode : null,
      mailboxes: (email?.to ?? []).flatMap((a) => (a.address ? [a.address] : [])),
    });
  }
  return 'done';
}

/** Retries are exhausted: the item waits for a person, with the reason in the quarantine list. */
export async function recordProcessingFailure(ctx: Ctx, entityId: string, mailItemId: string, error: unknown) {
  const item = await getMailItemState(ctx, entityId, mailItemId);
  if (!item) return;
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    for (const doc of await listDocuments(trx, entityId, mailItemId)) {
      if (doc.status !== 'pending' && doc.status !== 'processing') continue;
      await updateDocument(trx, entityId, doc.id, { status: 'failed', quarantine_code: 'CAPTURE_PROCESSING_FAILED' });
      await quarantineFile(tctx, {
        entityId, channel: item.channel, filename: doc.filename, sizeBytes: Number(doc.size_bytes), sha256: doc.sha256,
        error: isOctoError(error) ? error : Object.assign(new Error(String(error)), {}), mailItemId, documentId: doc.id,
      });
    }
    await setMailItemStatus(tctx, entityId, mailItemId, 'needs_review', [...item.warnings, frenchMessageFor('CAPTURE_PROCESSING_FAILED')]);
  });
}

/** Queues (re)indexing of an item whose documents are already stored (a transferred request). */
export async function enqueueIndexing(ctx: Ctx, entityId: string, mailItemId: string) {
  const { processMailItemJob } = await import('./jobs/process-mail-item.job.ts');
  await ctx.jobs.enqueue(ctx.db, processMailItemJob, { entityId, mailItemId });
}
