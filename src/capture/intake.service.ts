import { randomUUID } from 'node:crypto';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/database/db.ts';
import { getMailItemSummary, registerMailItem, requireEntity, type MailChannel, type MailItemSummary } from '../registry/index.ts';
import { parseEml, renderEmailBodyText, type ParsedEmail } from './email/index.ts';
import { inspectDocument, sniffFile, type SniffedFile } from './files/index.ts';
import { processMailItemJob } from './jobs/process-mail-item.job.ts';
import { findItemsHoldingFile, insertDocument, replacePages, updateDocument } from './document.queries.ts';
import { quarantineFile, toQuarantineView, type QuarantineEntryView } from './quarantine.service.ts';
import type { CaptureDocumentTable, DocumentKind, DocumentRole } from './tables.ts';
import { screenReceivedFile } from './antivirus/index.ts';
import { declaredMetaOf, type DepositMetadata } from './deposit-metadata.ts';

export interface IntakeFile {
  filename: string;
  bytes: Buffer;
}

/**
 * For channels that must remember what they took (IMAP, SMTP): called inside the transaction
 * that registers the item or the quarantine entry, so that the channel's own record commits
 * with it or not at all.
 */
export interface IntakeOptions {
  /** What the depositing application declared (sender, subject, request type, its reference). */
  declared?: DepositMetadata;
  onRecorded?: (trx: Db, outcome: { mailItemId: string; quarantineId?: undefined } | { quarantineId: string; mailItemId?: undefined }) => Promise<void>;
  /** Shown on the item from its registration (batch scans, hot folders). */
  warnings?: string[];
  /** Runs inside the registration's transaction, so the caller's own record commits with the item. */
  inTransaction?: (trx: Db, item: { id: string; chrono: string }) => Promise<void>;
}

/** What a caller adds to an intake (batch scans, hot folders): the same options. */
export type IntakeExtras = IntakeOptions;

export interface IntakeResult {
  filename: string;
  item?: MailItemSummary;
  quarantine?: QuarantineEntryView;
}

/** A document ready to register, or a file kept aside with its reason. */
export interface PreparedDocument {
  role: DocumentRole;
  filename: string;
  mime: string;
  kind: DocumentKind;
  sha256: string;
  sizeBytes: number;
  pageCount: number;
  status: CaptureDocumentTable['status'];
  /** Text known at intake (e-mail bodies); other documents get theirs from the processing job. */
  pages?: string[];
  rejection?: unknown;
}

function limitsOf(ctx: Ctx) {
  return { maxPixelsPerPage: ctx.config.maxPixelsPerPage, maxPages: ctx.config.maxPages };
}

/** Checks one file (upload or attachment) and stores it; throws the OctoError that names what is wrong. */
export async function prepareFile(ctx: Ctx, file: IntakeFile, role: DocumentRole, known?: SniffedFile): Promise<PreparedDocument> {
  const sha256 = await ctx.blobs.put(file.bytes);
  const base = { role, filename: file.filename, sha256, sizeBytes: file.bytes.length };
  try {
    const sniffed = known ?? (await sniffFile(file.bytes, file.filename));
    if (sniffed.kind === 'eml') {
      const parsed = await parseEml(file.bytes);
      return { ...base, mime: sniffed.mime, kind: 'eml', pageCount: 1, status: 'done', pages: [renderEmailBodyText(parsed)] };
    }
    const inspection = await inspectDocument(file.bytes, sniffed.kind, limitsOf(ctx));
    return { ...base, mime: sniffed.mime, kind: sniffed.kind, pageCount: inspection.pageCount, status: 'pending' };
  } catch (error) {
    return { ...base, mime: 'application/octet-stream', kind: 'text', pageCount: 0, status: 'quarantined', rejection: error };
  }
}

/**
 * Takes one file for an entity: checks it, stores it (fsync'd) and registers it with a chrono
 * number, then queues OCR and indexing. A file that cannot be taken goes to quarantine, with its
 * bytes kept. An e-mail becomes one item: its body and each attachment are documents.
 */
export async function ingestFile(ctx: Ctx, entityCode: string, channel: MailChannel, file: IntakeFile, options: IntakeOptions = {}): Promise<IntakeResult> {
  const entity = await requireEntity(ctx, entityCode);
  const declared = options.declared ?? {};
  const extras = options;
  // Sniffed once here; a refusal is left for prepareFile to turn into a quarantine entry.
  const sniffed = file.bytes.length > 0 ? await sniffFile(file.bytes, file.filename).catch(() => undefined) : undefined;
  // Antivirus first: an infected or unscannable file is kept aside before anything is registered.
  const held = await screenReceivedFile(ctx, { entity, channel, filename: file.filename, bytes: file.bytes }, sniffed);
  if (held) return { filename: file.filename, quarantine: held };

  let documents: PreparedDocument[];
  let email: ParsedEmail | null = null;
  const warnings: string[] = [...(extras.warnings ?? [])];
  if (sniffed?.kind === 'eml') {
    const sha256 = await ctx.blobs.put(file.bytes);
    try {
      email = await parseEml(file.bytes);
    } catch (error) {
      const row = await quarantineRecorded(ctx, options, { entityId: entity.id, channel, filename: file.filename, sizeBytes: file.bytes.length, sha256, error });
      return { filename: file.filename, quarantine: toQuarantineView(row, entity.code) };
    }
    warnings.push(...email.warnings);
    const body = Buffer.from(renderEmailBodyText(email), 'utf8');
    documents = [
      { role: 'main', filename: file.filename, mime: 'message/rfc822', kind: 'eml', sha256, sizeBytes: file.bytes.length, pageCount: 0, status: 'done' },
      {
        role: 'email-body',
        filename: 'corps-du-message.txt',
        mime: 'text/plain; charset=utf-8',
        kind: 'text',
        sha256: await ctx.blobs.put(body),
        sizeBytes: body.length,
        pageCount: 1,
        status: 'done',
        pages: [body.toString('utf8')],
      },
    ];
    for (const attachment of email.attachments) {
      documents.push(await prepareFile(ctx, { filename: attachment.filename, bytes: attachment.bytes }, 'attachment'));
    }
  } else {
    const prepared = await prepareFile(ctx, file, 'main', sniffed);
    if (prepared.rejection !== undefined) {
      const row = await quarantineRecorded(ctx, options, {
        entityId: entity.id,
        channel,
        filename: file.filename,
        sizeBytes: file.bytes.length,
        sha256: prepared.sha256,
        error: prepared.rejection,
      });
      return { filename: file.filename, quarantine: toQuarantineView(row, entity.code) };
    }
    documents = [prepared];
  }

  // The same file arriving twice is registered again (nothing is dropped) but flagged.
  const mainSha = documents[0]!.sha256; // the received file itself, hashed when stored
  const earlier = file.bytes.length > 0 ? await findItemsHoldingFile(ctx.db, entity.id, mainSha) : [];
  if (earlier.length > 0) warnings.push(`Doublon possible : le même fichier a déjà été enregistré sous ${earlier.join(', ')}.`);

  const needsProcessing = documents.some((d) => d.status === 'pending' || d.role === 'email-body');
  const itemId = await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const registered = await registerMailItem(tctx, {
      entityId: entity.id,
      entityCode: entity.code,
      direction: 'incoming',
      channel,
      status: needsProcessing ? 'processing' : 'indexed',
      sourceFilename: file.filename,
      sourceSha256: mainSha,
      documentCount: documents.length,
      pageCount: documents.reduce((sum, d) => sum + d.pageCount, 0),
      senderName: declared.senderName ?? email?.from?.name ?? null,
      senderAddress: declared.senderAddress ?? email?.from?.address ?? null,
      subject: declared.subject ?? email?.subject ?? null,
      externalReference: declared.externalReference ?? null,
      declared: declaredMetaOf(declared),
      warnings,
      emailMeta: email
        ? { messageId: email.messageId, from: email.from, to: email.to, cc: email.cc, subject: email.subject, date: email.date }
        : null,
    });
    await insertItemDocuments(tctx, entity.id, channel, registered.id, documents);
    if (extras.inTransaction) await extras.inTransaction(trx, { id: registered.id, chrono: registered.chrono });
    if (needsProcessing) await ctx.jobs.enqueue(trx, processMailItemJob, { entityId: entity.id, mailItemId: registered.id });
    await options.onRecorded?.(trx, { mailItemId: registered.id });
    return registered.id;
  });
  const item = await getMailItemSummary(ctx, entity.id, entity.code, itemId);
  return { filename: file.filename, item };
}

/** A whole file to quarantine, with the channel's record in the same transaction when it keeps one. */
async function quarantineRecorded(ctx: Ctx, options: IntakeOptions, input: Parameters<typeof quarantineFile>[1]) {
  const onRecorded = options.onRecorded;
  if (!onRecorded) return quarantineFile(ctx, input);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await quarantineFile({ ...ctx, db: trx }, input);
    await onRecorded(trx, { quarantineId: row.id });
    return row;
  });
}

/**
 * Writes an item's documents in the registering transaction (`ctx.db` is that transaction): text
 * known at intake (e-mail bodies, form renderings) as their pages, and each refused part both as
 * a document of the item and as a quarantine entry, so nothing of what was received is lost.
 */
export async function insertItemDocuments(ctx: Ctx, entityId: string, channel: MailChannel, mailItemId: string, documents: PreparedDocument[]) {
  const now = ctx.clock.now().toISOString();
  for (const [position, doc] of documents.entries()) {
    const documentId = randomUUID();
    await insertDocument(ctx.db, {
      id: documentId,
      entity_id: entityId,
      mail_item_id: mailItemId,
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
      await replacePages(
        ctx.db,
        documentId,
        doc.pages.map((text, index) => ({ document_id: documentId, page_index: index, text, source: 'email', confidence: null, rotation: 0, skew_degrees: 0 })),
      );
    }
    if (doc.rejection !== undefined) {
      const entry = await quarantineFile(ctx, {
        entityId,
        channel,
        filename: doc.filename,
        sizeBytes: doc.sizeBytes,
        sha256: doc.sha256,
        error: doc.rejection,
        mailItemId,
        documentId,
      });
      await updateDocument(ctx.db, entityId, documentId, { quarantine_code: entry.code });
    }
  }
}
