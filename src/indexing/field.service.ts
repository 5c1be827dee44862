import { randomUUID } from 'node:crypto';
import type { Ctx } from '../platform/context.ts';
import { extractFields, type ExtractedField, type ExtractionInput } from './extract-fields.ts';
import { listFields, replaceFields } from './field.queries.ts';

export interface DocumentText {
  documentId: string;
  pages: string[];
  email?: ExtractionInput['email'];
}

export interface FieldView extends Omit<ExtractedField, 'start' | 'end'> {
  documentId: string;
}

/** Extracts the fields of every document of an item and stores them in place of the old ones. */
export async function indexMailItemFields(
  ctx: Ctx,
  entityId: string,
  mailItemId: string,
  documents: DocumentText[],
  receivedAt: string,
): Promise<FieldView[]> {
  const rows = [];
  const views: FieldView[] = [];
  for (const doc of documents) {
    const fields = extractFields({ pages: doc.pages, email: doc.email, receivedAt });
    for (const field of fields) {
      rows.push({
        id: randomUUID(),
        entity_id: entityId,
        mail_item_id: mailItemId,
        document_id: doc.documentId,
        name: field.name,
        value: field.value,
        normalized: field.normalized,
        confidence: field.confidence,
        page: field.page,
        start_offset: field.start,
        end_offset: field.end,
        excerpt: field.excerpt,
        details: JSON.stringify(field.details ?? {}),
      });
      const { start: _start, end: _end, ...rest } = field;
      views.push({ ...rest, documentId: doc.documentId });
    }
  }
  await replaceFields(ctx.db, entityId, mailItemId, rows);
  return views;
}

export async function listFieldViews(ctx: Ctx, entityId: string, mailItemId: string): Promise<FieldView[]> {
  const rows = await listFields(ctx.db, entityId, mailItemId);
  return rows.map((row) => ({
    name: row.name as ExtractedField['name'],
    value: row.value,
    normalized: row.normalized,
    confidence: Number(row.confidence),
    page: row.page === null ? null : Number(row.page),
    excerpt: row.excerpt,
    details: JSON.parse(row.details) as Record<string, unknown>,
    documentId: row.document_id,
  }));
}
