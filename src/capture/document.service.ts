import { randomUUID } from 'node:crypto';
import type { Ctx } from '../platform/context.ts';
import { OctoError } from '../platform/errors.ts';
import { requireEntity } from '../registry/index.ts';
import { findDocument, insertDocument, listDocuments, listPages, replacePages } from './document.queries.ts';
import { findOpenQuarantineForDocument } from './quarantine.queries.ts';
import type { CaptureDocumentTable } from './tables.ts';
import { assertNotInfected } from './antivirus/index.ts';

export interface DocumentView {
  id: string;
  position: number;
  role: CaptureDocumentTable['role'];
  filename: string;
  mime: string;
  kind: CaptureDocumentTable['kind'];
  sizeBytes: number;
  sha256: string;
  pageCount: number;
  status: CaptureDocumentTable['status'];
  textSource: CaptureDocumentTable['text_source'];
  ocrConfidence: number | null;
  hasSearchablePdf: boolean;
  quarantineReason: string | null;
}

export async function listDocumentViews(ctx: Ctx, entityId: string, mailItemId: string): Promise<DocumentView[]> {
  const rows = await listDocuments(ctx.db, entityId, mailItemId);
  const views: DocumentView[] = [];
  for (const row of rows) {
    const quarantine = row.quarantine_code ? await findOpenQuarantineForDocument(ctx.db, entityId, row.id) : undefined;
    views.push({
      id: row.id,
      position: Number(row.position),
      role: row.role,
      filename: row.filename,
      mime: row.mime,
      kind: row.kind,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
      pageCount: Number(row.page_count),
      status: row.status,
      textSource: row.text_source,
      ocrConfidence: row.ocr_confidence === null ? null : Math.round(Number(row.ocr_confidence) * 10) / 10,
      hasSearchablePdf: row.searchable_sha256 !== null,
      quarantineReason: quarantine?.message ?? null,
    });
  }
  return views;
}

async function requireDocument(ctx: Ctx, entityCode: string, documentId: string) {
  const entity = await requireEntity(ctx, entityCode);
  const doc = await findDocument(ctx.db, entity.id, documentId);
  if (!doc) throw new OctoError('REGISTRY_DOCUMENT_NOT_FOUND', `document ${documentId} not found`);
  return doc;
}

/** The item a document belongs to (null when the document does not exist in the entity). */
export async function mailItemIdOfDocument(ctx: Ctx, entityCode: string, documentId: string): Promise<string | null> {
  const entity = await requireEntity(ctx, entityCode);
  const doc = await findDocument(ctx.db, entity.id, documentId);
  return doc?.mail_item_id ?? null;
}

export async function getDocumentFile(ctx: Ctx, entityCode: string, documentId: string, version: 'original' | 'searchable') {
  const doc = await requireDocument(ctx, entityCode, documentId);
  // A refused part of an item (an executable named .pdf, a corrupt file) stays in quarantine: its
  // bytes are the mailroom's to examine there, never served to agents as a document.
  if (doc.quarantine_code) {
    throw new OctoError('CAPTURE_QUARANTINED_PART_WITHHELD', `document ${documentId} is quarantined`, { quarantineCode: doc.quarantine_code });
  }
  await assertNotInfected(ctx, [doc.sha256, ...(doc.searchable_sha256 ? [doc.searchable_sha256] : [])]);
  if (version === 'searchable') {
    if (!doc.searchable_sha256) throw new OctoError('REGISTRY_NO_SEARCHABLE_VERSION', `document ${documentId} has no searchable version`);
    const base = doc.filename.replace(/\.[^.]+$/, '');
    return { filename: `${base}-recherchable.pdf`, mime: 'application/pdf', bytes: await ctx.blobs.get(doc.searchable_sha256) };
  }
  return { filename: doc.filename, mime: doc.mime, bytes: await ctx.blobs.get(doc.sha256) };
}

export async function getDocumentText(ctx: Ctx, entityCode: string, documentId: string) {
  const doc = await requireDocument(ctx, entityCode, documentId);
  const pages = await listPages(ctx.db, doc.id);
  return {
    pages: pages.map((p) => ({
      index: Number(p.page_index),
      text: p.text,
      source: p.source,
      confidence: p.confidence === null ? null : Number(p.confidence),
    })),
  };
}

/**
 * Gives another item (a transferred request, in another entity) copies of an item's documents:
 * new rows over the same stored files and the same page texts; nothing is OCR'd again.
 */
export async function copyItemDocuments(ctx: Ctx, from: { entityId: string; mailItemId: string }, to: { entityId: string; mailItemId: string }) {
  const rows = await listDocuments(ctx.db, from.entityId, from.mailItemId);
  const now = ctx.clock.now().toISOString();
  for (const row of rows) {
    const id = randomUUID();
    await insertDocument(ctx.db, { ...row, id, entity_id: to.entityId, mail_item_id: to.mailItemId, created_at: now });
    const pages = await listPages(ctx.db, row.id);
    await replacePages(ctx.db, id, pages.map((p) => ({ ...p, document_id: id })));
  }
  return rows.length;
}
