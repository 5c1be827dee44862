import type { Db } from '../../platform/database/db.ts';
import type { CaptureFormSubmissionTable } from './tables.ts';

export async function insertSubmission(db: Db, row: CaptureFormSubmissionTable) {
  await db.insertInto('capture_form_submission').values(row).execute();
}

export function findSubmissionByItem(db: Db, entityId: string, mailItemId: string) {
  return db.selectFrom('capture_form_submission').selectAll().where('entity_id', '=', entityId).where('mail_item_id', '=', mailItemId).executeTakeFirst();
}

/** Submissions whose ARE has not left yet, every entity (the periodic task). */
export function listPendingReceipts(db: Db, limit = 500) {
  return db.selectFrom('capture_form_submission').selectAll().where('are_status', '=', 'pending').orderBy('submitted_at').limit(limit).execute();
}

export function listEntityPendingReceipts(db: Db, entityId: string) {
  return db
    .selectFrom('capture_form_submission')
    .select(['chrono', 'mail_item_id', 'are_due_date', 'are_reason', 'submitted_at'])
    .where('entity_id', '=', entityId)
    .where('are_status', '=', 'pending')
    .orderBy('are_due_date')
    .execute();
}

export async function setReceiptReason(db: Db, id: string, reason: string | null) {
  await db.updateTable('capture_form_submission').set({ are_reason: reason }).where('id', '=', id).execute();
}

export async function markReceiptNotOwed(db: Db, id: string, reason: string) {
  await db.updateTable('capture_form_submission').set({ are_status: 'not_owed', are_reason: reason }).where('id', '=', id).where('are_status', '=', 'pending').execute();
}

/** pending → queued, only once even with several workers: true when this caller won. */
export async function claimReceipt(db: Db, id: string, outboxId: string): Promise<boolean> {
  const result = await db
    .updateTable('capture_form_submission')
    .set({ are_status: 'queued', are_outbox_id: outboxId, are_reason: null })
    .where('id', '=', id)
    .where('are_status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
