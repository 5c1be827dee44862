import type { Db } from '../platform/database/db.ts';
import type { CaptureQuarantineTable, QuarantineStatus } from './tables.ts';

export async function insertQuarantineEntry(db: Db, row: CaptureQuarantineTable) {
  await db.insertInto('capture_quarantine').values(row).execute();
}

export function listQuarantine(db: Db, entityId: string, statuses: QuarantineStatus[]) {
  return db
    .selectFrom('capture_quarantine')
    .leftJoin('registry_mail_item', 'registry_mail_item.id', 'capture_quarantine.mail_item_id')
    .selectAll('capture_quarantine')
    .select('registry_mail_item.chrono as mail_item_chrono')
    .where('capture_quarantine.entity_id', '=', entityId)
    .where('capture_quarantine.status', 'in', statuses)
    .orderBy('capture_quarantine.created_at', 'desc')
    .execute();
}

export function findQuarantineEntry(db: Db, entityId: string, id: string) {
  return db
    .selectFrom('capture_quarantine')
    .leftJoin('registry_mail_item', 'registry_mail_item.id', 'capture_quarantine.mail_item_id')
    .selectAll('capture_quarantine')
    .select('registry_mail_item.chrono as mail_item_chrono')
    .where('capture_quarantine.entity_id', '=', entityId)
    .where('capture_quarantine.id', '=', id)
    .executeTakeFirst();
}

export function findOpenQuarantineForDocument(db: Db, entityId: string, documentId: string) {
  return db
    .selectFrom('capture_quarantine')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('document_id', '=', documentId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function resolveQuarantineEntry(db: Db, entityId: string, id: string, status: QuarantineStatus, at: string, note: string) {
  await db
    .updateTable('capture_quarantine')
    .set({ status, resolved_at: at, resolution_note: note })
    .where('entity_id', '=', entityId)
    .where('id', '=', id)
    .execute();
}
