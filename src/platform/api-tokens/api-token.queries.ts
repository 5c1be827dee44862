import type { Db } from '../database/db.ts';
import type { PlatformApiTokenTable } from './tables.ts';

export type ApiTokenRow = PlatformApiTokenTable;

export async function insertApiToken(db: Db, row: ApiTokenRow) {
  await db.insertInto('platform_api_token').values(row).execute();
}

export function findApiTokenByHash(db: Db, tokenHash: string) {
  return db.selectFrom('platform_api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function listApiTokenRows(db: Db, entityId: string) {
  return db.selectFrom('platform_api_token').selectAll().where('entity_id', '=', entityId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function revokeApiTokenRow(db: Db, entityId: string, id: string, now: string) {
  const result = await db
    .updateTable('platform_api_token')
    .set({ revoked_at: now })
    .where('entity_id', '=', entityId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records the use, at most once a minute per token (a write per request would be wasted). */
export async function touchApiToken(db: Db, id: string, now: string, notAfter: string) {
  await db
    .updateTable('platform_api_token')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notAfter)]))
    .execute();
}
