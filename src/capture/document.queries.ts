import type { Db } from '../platform/database/db.ts';
import type { CaptureDocumentTable, CapturePageTable } from './tables.ts';

export async function insertDocument(db: Db, row: CaptureDocumentTable) {
  await db.insertInto('capture_document').values(row).execute();
}

export function listDocuments(db: Db, entityId: string, mailItemId: string) {
  return db
    .selectFrom('capture_document')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('mail_item_id', '=', mailItemId)
    .orderBy('position')
    .execute();
}

export function findDocument(db: Db, entityId: string, id: string) {
  return db.selectFrom('capture_document').selectAll().where('entity_id', '=', entityId).where('id', '=', id).executeTakeFirst();
}

export async function updateDocument(db: Db, entityId: string, id: string, changes: Partial<Omit<CaptureDocumentTable, 'id' | 'entity_id'>>) {
  await db.updateTable('capture_document').set(changes).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

/** Replaces a document's pages: a job that runs twice leaves one set. */
export async function replacePages(db: Db, documentId: string, pages: CapturePageTable[]) {
  await db.deleteFrom('capture_page').where('document_id', '=', documentId).execute();
  if (pages.length > 0) await db.insertInto('capture_page').values(pages).execute();
}

export function listPages(db: Db, documentId: string) {
  return db.selectFrom('capture_page').selectAll().where('document_id', '=', documentId).orderBy('page_index').execute();
}

/** The chrono numbers of an entity's items that already hold a file with these bytes. */
export async function findItemsHoldingFile(db: Db, entityId: string, sha256: string) {
  const rows = await db
    .selectFrom('capture_document')
    .innerJoin('registry_mail_item', 'registry_mail_item.id', 'capture_document.mail_item_id')
    .select('registry_mail_item.chrono')
    .distinct()
    .where('capture_document.entity_id', '=', entityId)
    .where('capture_document.sha256', '=', sha256)
    .orderBy('registry_mail_item.chrono')
    .limit(5)
    .execute();
  return rows.map((r) => r.chrono);
}
