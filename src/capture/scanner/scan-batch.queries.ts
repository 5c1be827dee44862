import type { Db } from '../../platform/database/db.ts';
import type { CaptureScanBatchTable, CaptureScanSegmentTable } from './tables.ts';

export async function insertScanBatch(db: Db, row: CaptureScanBatchTable) {
  await db.insertInto('capture_scan_batch').values(row).execute();
}

/** The batch a hot-folder file already started (same path, same bytes), if any. */
export function findBatchBySource(db: Db, entityId: string, sourcePath: string, sha256: string) {
  return db
    .selectFrom('capture_scan_batch')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('source_path', '=', sourcePath)
    .where('sha256', '=', sha256)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function finishScanBatch(db: Db, entityId: string, id: string, changes: Pick<CaptureScanBatchTable, 'status' | 'summary' | 'finished_at'>) {
  await db.updateTable('capture_scan_batch').set(changes).where('entity_id', '=', entityId).where('id', '=', id).execute();
}

export async function insertScanSegment(db: Db, row: CaptureScanSegmentTable) {
  await db.insertInto('capture_scan_segment').values(row).execute();
}

export function listScanSegments(db: Db, entityId: string, batchId: string) {
  return db
    .selectFrom('capture_scan_segment')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('batch_id', '=', batchId)
    .orderBy('position')
    .execute();
}

export async function markSegmentAssigned(db: Db, entityId: string, batchId: string, position: number, at: string) {
  await db.updateTable('capture_scan_segment').set({ assigned_at: at })
    .where('entity_id', '=', entityId).where('batch_id', '=', batchId).where('position', '=', position).execute();
}

/** The segment of an item still waiting for its chrono stamp. */
export function findPendingStamp(db: Db, entityId: string, mailItemId: string) {
  return db
    .selectFrom('capture_scan_segment')
    .select(['batch_id', 'position'])
    .where('entity_id', '=', entityId)
    .where('mail_item_id', '=', mailItemId)
    .where('stamp', '=', 1)
    .where('stamped_at', 'is', null)
    .executeTakeFirst();
}

export async function markSegmentStamped(db: Db, entityId: string, batchId: string, position: number, at: string) {
  await db.updateTable('capture_scan_segment').set({ stamped_at: at })
    .where('entity_id', '=', entityId).where('batch_id', '=', batchId).where('position', '=', position).execute();
}
