import type { Db } from '../database/db.ts';
import { authDb } from './auth-db.ts';
import type { PlatformOidcFlowTable, PlatformSessionTable } from './tables.ts';

export type SessionRow = PlatformSessionTable;

export async function insertSession(db: Db, row: SessionRow) {
  await authDb(db).insertInto('platform_session').values(row).execute();
}

export function findLiveSession(db: Db, id: string, now: string) {
  return authDb(db)
    .selectFrom('platform_session')
    .selectAll()
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string) {
  await authDb(db).updateTable('platform_session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function revokeSessionRow(db: Db, id: string, now: string) {
  await authDb(db).updateTable('platform_session').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeSessionsOfUser(db: Db, userId: string, now: string, exceptId?: string) {
  let query = authDb(db).updateTable('platform_session').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function insertOidcFlow(db: Db, row: PlatformOidcFlowTable) {
  await authDb(db).insertInto('platform_oidc_flow').values(row).execute();
}

/** Takes a flow once: the row is deleted as it is read, so a callback cannot be replayed. */
export async function takeOidcFlow(db: Db, id: string, now: string) {
  const row = await authDb(db).selectFrom('platform_oidc_flow').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const deleted = await authDb(db).deleteFrom('platform_oidc_flow').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1 || row.expires_at <= now) return undefined;
  return row;
}

export async function deleteExpiredOidcFlows(db: Db, now: string) {
  await authDb(db).deleteFrom('platform_oidc_flow').where('expires_at', '<=', now).execute();
}
