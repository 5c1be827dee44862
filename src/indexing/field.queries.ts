import type { Db } from '../platform/database/db.ts';
import type { IndexingFieldTable } from './tables.ts';

/** Replaces an item's fields: indexing run twice leaves one set. */
export async function replaceFields(db: Db, entityId: string, mailItemId: string, rows: IndexingFieldTable[]) {
  await db.deleteFrom('indexing_field').where('entity_id', '=', entityId).where('mail_item_id', '=', mailItemId).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('indexing_field').values(rows.slice(i, i + 200)).execute();
  }
}

export function listFields(db: Db, entityId: string, mailItemId: string) {
  return db
    .selectFrom('indexing_field')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('mail_item_id', '=', mailItemId)
    .orderBy('name')
    .orderBy('confidence', 'desc')
    .execute();
}
